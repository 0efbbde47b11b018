"""The settings the command line and the window share: the folders of guide packs.

A research office keeps its guide packs in a folder everyone can read (a
shared drive); each user names it once, in the window (Start page, “指南文件夹”)
or with ``applywizard guides --add-folder DIR``. The list is a small JSON file
(``UserFolders.settings``), written atomically; a file that cannot be read
is reported and treated as naming no folder, never as an error that stops the
program. ``APPLYWIZARD_GUIDE_FOLDERS`` (folders joined by ``os.pathsep``)
adds folders for one run, without changing the settings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from applywizard.adapters.draft_files import write_bytes_atomically
from applywizard.adapters.guide_packs import PackCatalogue, catalogue
from applywizard.adapters.user_folders import UserFolders, user_folders

ENVIRONMENT_FOLDERS = "APPLYWIZARD_GUIDE_FOLDERS"
MAX_FOLDERS = 20


class SettingsError(ValueError):
    """The settings file could not be written, and why."""


@dataclass(frozen=True)
class GuideFolders:
    """The shared guide folders, and any problem reading where they are listed."""

    folders: tuple[Path, ...]
    problems: tuple[str, ...] = field(default=())


def read_guide_folders(folders: UserFolders | None = None) -> GuideFolders:
    """The shared guide folders named in the settings and in the environment."""
    settings = (folders or user_folders()).settings
    found: list[Path] = []
    problems: list[str] = []
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as error:
        problems.append(f"{settings}: cannot be read ({error}); no shared guide folder is used")
        data = {}
    listed = data.get("guide_folders", []) if isinstance(data, dict) else []
    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
        problems.append(f"{settings}: guide_folders is not a list of folders; ignored")
        listed = []
    found.extend(Path(item) for item in listed[:MAX_FOLDERS])
    extra = os.environ.get(ENVIRONMENT_FOLDERS, "")
    found.extend(Path(item) for item in extra.split(os.pathsep) if item)
    unique = tuple(dict.fromkeys(found))
    return GuideFolders(unique, tuple(problems))


def _write(settings: Path, guide_folders: list[str]) -> None:
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["guide_folders"] = guide_folders
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        settings.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(settings, text.encode("utf-8"), keep_backup=False)
    except OSError as error:
        raise SettingsError(f"{settings}: cannot be written ({error.strerror or error})") from error


def _listed(settings: Path) -> list[str]:
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    listed = data.get("guide_folders", []) if isinstance(data, dict) else []
    return [item for item in listed if isinstance(item, str)] if isinstance(listed, list) else []


def add_guide_folder(folder: Path, folders: UserFolders | None = None) -> Path:
    """Name a shared guide folder in the settings (absolute); returns it as stored."""
    settings = (folders or user_folders()).settings
    absolute = folder.expanduser().absolute()
    listed = _listed(settings)
    if str(absolute) not in listed:
        if len(listed) >= MAX_FOLDERS:
            raise SettingsError(f"at most {MAX_FOLDERS} guide folders can be named")
        _write(settings, [*listed, str(absolute)])
    return absolute


def remove_guide_folder(folder: Path, folders: UserFolders | None = None) -> bool:
    """Stop using a shared guide folder; False if the settings did not name it."""
    settings = (folders or user_folders()).settings
    listed = _listed(settings)
    wanted = {str(folder), str(folder.expanduser().absolute())}
    kept = [item for item in listed if item not in wanted]
    if kept == listed:
        return False
    _write(settings, kept)
    return True


def installed_packs(folders: UserFolders | None = None) -> tuple[PackCatalogue, GuideFolders]:
    """Every guide pack on this machine, and the shared folders it looked in."""
    folders = folders or user_folders()
    shared = read_guide_folders(folders)
    return catalogue(user_folder=folders.guides, shared_folders=shared.folders), shared
