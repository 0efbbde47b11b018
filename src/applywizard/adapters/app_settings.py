"""The settings the command line and the window share: guide folders, the attachment limit,
versions kept, the address book.

A research office keeps its guide packs in a folder everyone can read (a
shared drive); each user names it once, in the window (Start page, “指南文件夹”)
or with ``applywizard guides --add-folder DIR``. The list is a small JSON file
(``UserFolders.settings``), written atomically; a file that cannot be read
is reported and treated as naming no folder, never as an error that stops the
program. ``APPLYWIZARD_GUIDE_FOLDERS`` (folders joined by ``os.pathsep``)
adds folders for one run, without changing the settings.

The largest attachment the national system accepts is a setting too
(``attachment_limit_mb``): no source states it, so it defaults to 20 MB and
an office sets what its system says (``applywizard settings
--attachment-limit-mb N``); ``APPLYWIZARD_ATTACHMENT_LIMIT_MB`` sets it for one run.

How many earlier versions of each draft are kept (``versions_kept``, see
``draft_history``) is one too: 20 unless changed (``applywizard settings
--versions-kept N``, 0 keeps none); ``APPLYWIZARD_VERSIONS_KEPT`` for one run.

The address book (``address_book``) is a file a research office may share
(``applywizard settings --address-book FILE``; ``""`` goes back to the user's
own). ``address_book_path`` says which file is used and why:
``APPLYWIZARD_ADDRESS_BOOK``, else the setting, else ``address-book.sqlite3``
in the user data folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from applywizard.adapters.atomic_files import write_bytes_atomically
from applywizard.adapters.guide_packs import PackCatalogue, catalogue
from applywizard.adapters.user_folders import UserFolders, user_folders

ENVIRONMENT_FOLDERS = "APPLYWIZARD_GUIDE_FOLDERS"
MAX_FOLDERS = 20

ENVIRONMENT_ATTACHMENT_LIMIT = "APPLYWIZARD_ATTACHMENT_LIMIT_MB"
DEFAULT_ATTACHMENT_LIMIT_MB = 20
"""The national system's attachment limit assumed when none is set: no source states one."""
MAX_ATTACHMENT_LIMIT_MB = 1024

ENVIRONMENT_ADDRESS_BOOK = "APPLYWIZARD_ADDRESS_BOOK"
ADDRESS_BOOK_FILE = "address-book.sqlite3"
"""The user's own address book, in the user data folder."""

ENVIRONMENT_VERSIONS_KEPT = "APPLYWIZARD_VERSIONS_KEPT"
DEFAULT_VERSIONS_KEPT = 20
"""Earlier versions kept of each draft when none is set (issue 13: the last 20)."""
MAX_VERSIONS_KEPT = 1000


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
    _write_key(settings, "guide_folders", guide_folders)


def _stored(settings: Path) -> dict[str, object]:
    """The settings file's contents; empty when it is missing, unreadable or not an object."""
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_key(settings: Path, key: str, value: object) -> None:
    """Store ``value`` under ``key``; None removes the key."""
    data = _stored(settings)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        settings.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(settings, text.encode("utf-8"), keep_backup=False)
    except OSError as error:
        raise SettingsError(f"{settings}: cannot be written ({error.strerror or error})") from error


def _listed(settings: Path) -> list[str]:
    listed = _stored(settings).get("guide_folders", [])
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


def _limit_mb(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return None
        value = int(value)
    if isinstance(value, int) and 1 <= value <= MAX_ATTACHMENT_LIMIT_MB:
        return value
    return None


def attachment_limit_mb(folders: UserFolders | None = None) -> int:
    """The attachment size limit in MB: the environment's, the settings', else 20."""
    from_environment = _limit_mb(os.environ.get(ENVIRONMENT_ATTACHMENT_LIMIT, ""))
    if from_environment is not None:
        return from_environment
    stored = _limit_mb(_stored((folders or user_folders()).settings).get("attachment_limit_mb"))
    return stored if stored is not None else DEFAULT_ATTACHMENT_LIMIT_MB


def read_attachment_limit(folders: UserFolders | None = None) -> int:
    """The attachment size limit in bytes (see ``attachment_limit_mb``)."""
    return attachment_limit_mb(folders) * 1024 * 1024


def set_attachment_limit(megabytes: int, folders: UserFolders | None = None) -> None:
    """Store the attachment size limit (1 to 1024 MB); SettingsError if out of range."""
    if _limit_mb(megabytes) is None:
        raise SettingsError(
            f"the attachment limit must be a whole number of MB from 1 to {MAX_ATTACHMENT_LIMIT_MB}"
        )
    _write_key((folders or user_folders()).settings, "attachment_limit_mb", megabytes)


def _count(value: object) -> int | None:
    """A whole number of versions from 0 to ``MAX_VERSIONS_KEPT``, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return None
        value = int(value)
    if isinstance(value, int) and 0 <= value <= MAX_VERSIONS_KEPT:
        return value
    return None


def versions_kept(folders: UserFolders | None = None) -> int:
    """How many earlier versions of a draft to keep: the environment's, the settings', else 20."""
    from_environment = _count(os.environ.get(ENVIRONMENT_VERSIONS_KEPT, ""))
    if from_environment is not None:
        return from_environment
    stored = _count(_stored((folders or user_folders()).settings).get("versions_kept"))
    return stored if stored is not None else DEFAULT_VERSIONS_KEPT


def set_versions_kept(count: int, folders: UserFolders | None = None) -> None:
    """Store how many earlier versions to keep (0 to 1000); SettingsError if out of range."""
    if _count(count) is None:
        raise SettingsError(
            f"the number of versions kept must be a whole number from 0 to {MAX_VERSIONS_KEPT}"
        )
    _write_key((folders or user_folders()).settings, "versions_kept", count)


BookOrigin = Literal["environment", "settings", "user"]
_ORIGIN_WORDS: dict[BookOrigin, tuple[str, str]] = {
    "environment": (
        f"由环境变量 {ENVIRONMENT_ADDRESS_BOOK} 指定",
        f"named by ${ENVIRONMENT_ADDRESS_BOOK}",
    ),
    "settings": ("设置中指定的通讯录（可共享）", "named in the settings (may be shared)"),
    "user": ("本用户自己的通讯录", "the user's own"),
}


@dataclass(frozen=True)
class AddressBookPath:
    """Which address book file is used, why, and any problem reading the settings."""

    path: Path
    origin: BookOrigin
    problems: tuple[str, ...] = ()

    def origin_words(self) -> tuple[str, str]:
        """Where the file was named, in Chinese and English."""
        return _ORIGIN_WORDS[self.origin]

    @property
    def is_users_own(self) -> bool:
        """True for the user's own file in the user data folder (on this machine)."""
        return self.origin == "user"


def own_address_book(folders: UserFolders | None = None) -> Path:
    """The user's own address book: ``address-book.sqlite3`` in the user data folder."""
    return (folders or user_folders()).recovery.parent / ADDRESS_BOOK_FILE


def address_book_path(folders: UserFolders | None = None) -> AddressBookPath:
    """The address book to use: ``$APPLYWIZARD_ADDRESS_BOOK``, else the one named in the
    settings, else the user's own. A settings file that cannot be read names none (the
    reason is in ``problems``)."""
    named = os.environ.get(ENVIRONMENT_ADDRESS_BOOK, "")
    if named:
        return AddressBookPath(Path(named), "environment")
    folders = folders or user_folders()
    settings = folders.settings
    problems: tuple[str, ...] = ()
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as error:
        problems = (
            f"{settings}：无法读取（{error}），使用本用户自己的通讯录 / cannot be read "
            f"({error}); the user's own address book is used",
        )
        data = {}
    stored = data.get("address_book", "") if isinstance(data, dict) else ""
    if isinstance(stored, str) and stored:
        return AddressBookPath(Path(stored), "settings")
    if stored:
        problems = (
            *problems,
            f"{settings}：address_book 不是文件名，已忽略 / address_book is not a file name; "
            "ignored",
        )
    return AddressBookPath(own_address_book(folders), "user", problems)


def set_address_book(path: Path | None, folders: UserFolders | None = None) -> Path | None:
    """Name the address book file in the settings (stored absolute); None goes back to the
    user's own. SettingsError for a folder. The file need not exist yet: it is made on
    first use."""
    settings = (folders or user_folders()).settings
    if path is None:
        if "address_book" in _stored(settings):
            _write_key(settings, "address_book", None)
        return None
    absolute = path.expanduser().absolute()
    if absolute.is_dir():
        raise SettingsError(
            f"{absolute} 是文件夹，请指定其中的通讯录文件 / "
            f"{absolute} is a folder; name the address book file in it"
        )
    _write_key(settings, "address_book", str(absolute))
    return absolute
