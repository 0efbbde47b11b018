r"""Earlier versions of each draft (“历史版本 / Versions”), kept at every save.

Each save keeps the version it replaces; the last 20 are kept
(``app_settings.versions_kept``, ``applywizard settings --versions-kept N``).

**Where: in the user's data folder, on this machine**, one folder per draft
file: ``~/.local/share/ApplyWizard/history/NAME-KEY/`` on Linux,
``%LOCALAPPDATA%\ApplyWizard\history\NAME-KEY\`` on Windows (``KEY``: 16 hex
digits of the SHA-256 of the draft's absolute path). Not beside the draft,
because:

- it can always be written: a draft on a read-only share, a CD, a folder
  where the user may change files but not make folders, still gets versions;
- old versions hold what the author deleted (budget figures, names, a
  withdrawn partner); a hidden folder beside the draft would go, unseen, to
  everyone the folder is shared, synced or zipped with, and into a handed-on
  folder; the draft itself is what is handed on (and ``.awpack``);
- a shared or network folder gets no twenty extra files per draft, written
  over a slow link at each save, and no two machines prune one folder;
- the draft's folder holds what the user put there (the draft, ``NAME.bak``).

What this costs: versions are per user and machine: the secretary sees the
versions saved on her machine, the PI those saved on his; a draft moved or
renamed starts a new history (the old one stays under the old name).

**Fallback**: when the data folder cannot be written (a full disk, a
read-only profile), the version goes to a hidden folder beside the draft,
``.applywizard-history/NAME/`` (the hidden attribute on Windows); the
versions of both places are listed and pruned together.

A version's file name is its time in UTC and the first 12 hex digits of its
SHA-256, ``20240521T083015.123456Z-1a2b3c4d5e6f.json``: names sort by time,
and two saves in one second differ by microseconds (a name never repeats:
a version is always given a time after the newest kept). The time is when
that version was saved (the replaced file's modification time).

**Identical content is not stored twice**: a save that changes nothing keeps
nothing, nor does one whose replaced version is already the newest kept.

Temporary files a killed save left in a history folder are removed at the
next save of that draft (``atomic_files.remove_interrupted_saves``).

**History never loses or blocks a save**: ``keep_version`` never raises; the
save goes on whatever happens here, and a version that could not be kept is
said in the returned ``HistoryOutcome`` (``problem``, in Chinese and
English) and in the log.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from applywizard.adapters.app_settings import versions_kept
from applywizard.adapters.atomic_files import (
    read_bytes_bounded,
    remove_interrupted_saves,
    write_bytes_atomically,
)
from applywizard.adapters.file_errors import DraftFileError, os_reason
from applywizard.adapters.user_folders import UserFolders, user_folders
from applywizard.adapters.windows_files import hide, operation_path
from applywizard.domain.draft.codec import MAX_DRAFT_BYTES, DraftDecodeError, decode_draft
from applywizard.domain.draft.model import Draft

log = logging.getLogger(__name__)

BESIDE_FOLDER = ".applywizard-history"
"""The hidden folder beside a draft that takes its versions when the data folder cannot."""
SHORT_HASH = 12
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"(\d{8}T\d{6}\.\d{6}Z)-([0-9a-f]{12})\.json")
_KEY_DIGITS = 16
_NAME_CHARACTERS = 60  # 180 bytes of Chinese at most: a folder name stays within 255


@dataclass(frozen=True)
class Version:
    """One earlier version of a draft."""

    path: Path
    saved_at: datetime
    """When it was saved, in UTC."""
    size: int
    short_hash: str
    """The first 12 hex digits of its SHA-256."""
    beside: bool = False
    """Kept in the fallback folder beside the draft, not in the user's data folder."""


@dataclass(frozen=True)
class Current:
    """The draft file as it is before a save: its bytes and when they were saved."""

    content: bytes
    saved_at: datetime


@dataclass(frozen=True)
class HistoryOutcome:
    """What keeping a version did; ``problem`` says why none could be kept, if so."""

    kept: Version | None = None
    reason: str = ""
    """Why nothing was kept when nothing went wrong: "new file", "identical", "off"."""
    problem: tuple[str, str] | None = None
    pruned: int = 0

    @property
    def ok(self) -> bool:
        """True unless a version should have been kept and could not be."""
        return self.problem is None


def _key(draft_path: Path) -> str:
    absolute = os.path.normcase(os.path.abspath(draft_path))  # noqa: PTH100 - no file access
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{draft_path.name[:_NAME_CHARACTERS]}-{digest[:_KEY_DIGITS]}"


def history_folders(draft_path: Path, folders: UserFolders | None = None) -> tuple[Path, Path]:
    """Where a draft's versions go: the user's data folder first, then beside the draft."""
    in_data = (folders or user_folders()).history / _key(draft_path)
    return in_data, draft_path.parent / BESIDE_FOLDER / draft_path.name


def _versions_in(folder: Path, *, beside: bool) -> list[Version]:
    found = []
    try:
        entries = list(os.scandir(operation_path(folder)))
    except OSError:
        return []
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        saved_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append(Version(folder / entry.name, saved_at, size, match.group(2), beside))
    return found


def list_versions(draft_path: Path, folders: UserFolders | None = None) -> list[Version]:
    """A draft's kept versions, newest first, from both places."""
    in_data, beside = history_folders(draft_path, folders)
    found = _versions_in(in_data, beside=False) + _versions_in(beside, beside=True)
    return sorted(found, key=lambda version: version.path.name, reverse=True)


def version_bytes(version: Version) -> bytes:
    """A version's exact bytes; DraftFileError says why they cannot be read."""
    try:
        return read_bytes_bounded(version.path, MAX_DRAFT_BYTES)
    except OSError as error:
        zh, en = os_reason(error, version.path)
        raise DraftFileError(version.path, f"无法读取：{zh}", f"cannot read: {en}") from error


def read_version(version: Version) -> Draft:
    """A version as a draft, read by the same strict reader as any draft."""
    try:
        return decode_draft(version_bytes(version))
    except DraftDecodeError as error:
        raise DraftFileError(version.path, error.zh, error.en) from error


def read_current(draft_path: Path) -> Current | None:
    """The draft file's bytes and modification time.

    None if there is no file, it cannot be read, or it is larger than any
    draft may be (it is no draft, and a cut copy would be no true version).
    """
    try:
        content = read_bytes_bounded(draft_path, MAX_DRAFT_BYTES)
        modified = operation_path(draft_path).stat().st_mtime
    except OSError:
        return None
    if len(content) > MAX_DRAFT_BYTES:
        return None
    return Current(content, datetime.fromtimestamp(modified, UTC))


def _name(saved_at: datetime, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:SHORT_HASH]
    return f"{saved_at.astimezone(UTC).strftime(_STAMP)}-{digest}.json"


def _same_as_newest(newest: Version | None, content: bytes) -> bool:
    if newest is None or newest.short_hash != hashlib.sha256(content).hexdigest()[:SHORT_HASH]:
        return False
    try:
        return version_bytes(newest) == content
    except DraftFileError:
        return False


def _write_in(folder: Path, name: str, content: bytes, *, beside: bool) -> Version:
    if beside:
        parent = folder.parent
        operation_path(parent).mkdir(exist_ok=True)
        hide(operation_path(parent))
    operation_path(folder).mkdir(parents=True, exist_ok=True)
    target = folder / name
    write_bytes_atomically(target, content, keep_backup=False)
    match = _NAME.fullmatch(name)
    assert match is not None
    saved_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    return Version(target, saved_at, len(content), match.group(2), beside)


def _problem(error: Exception, folder: Path) -> tuple[str, str]:
    if isinstance(error, DraftFileError):
        zh, en = error.zh, error.en
    elif isinstance(error, OSError):
        zh, en = os_reason(error, folder)
    else:
        zh = en = str(error) or type(error).__name__
    return f"{folder}：{zh}", f"{folder}: {en}"


def keep_version(
    draft_path: Path,
    current: Current | None,
    *,
    new_content: bytes | None = None,
    keep: int | None = None,
    folders: UserFolders | None = None,
) -> HistoryOutcome:
    """Keep ``current`` (the version a save replaces) as a version of ``draft_path``; never raises.

    Nothing is kept for a new file, when ``current`` is what is being saved
    (``new_content``) or is already the newest version, or when the setting
    keeps none. Afterwards only the newest ``keep`` versions stay.
    """
    count = versions_kept(folders) if keep is None else keep
    for folder in history_folders(draft_path, folders):
        remove_interrupted_saves(folder, any_name=True)  # a killed save's, at every save
    if current is None:
        return HistoryOutcome(reason="new file")
    if count <= 0:
        return HistoryOutcome(reason="off", pruned=prune(draft_path, 0, folders))
    if current.content == new_content:
        return HistoryOutcome(reason="identical")
    try:
        versions = list_versions(draft_path, folders)
        newest = versions[0] if versions else None
        if _same_as_newest(newest, current.content):
            return HistoryOutcome(reason="identical")
        saved_at = current.saved_at
        if newest is not None and saved_at <= newest.saved_at:
            saved_at = newest.saved_at + timedelta(microseconds=1)
        name = _name(saved_at, current.content)
        problems: list[tuple[str, str]] = []
        for folder, beside in zip(history_folders(draft_path, folders), (False, True), strict=True):
            try:
                kept = _write_in(folder, name, current.content, beside=beside)
            except (OSError, DraftFileError) as error:
                problems.append(_problem(error, folder))
                continue
            return HistoryOutcome(kept=kept, pruned=prune(draft_path, count, folders))
    except Exception as error:  # noqa: BLE001 - history must never stop a save
        problems = [_problem(error, draft_path)]
    zh = "；".join(zh for zh, _en in problems)
    en = "; ".join(en for _zh, en in problems)
    log.warning("%s: the earlier version could not be kept: %s", draft_path, en)
    return HistoryOutcome(problem=(f"未能保留上一版本：{zh}", f"earlier version not kept: {en}"))


def prune(draft_path: Path, keep: int, folders: UserFolders | None = None) -> int:
    """Remove all but the newest ``keep`` versions, and any temporary debris; how many went."""
    removed = 0
    for version in list_versions(draft_path, folders)[max(keep, 0) :]:
        try:
            operation_path(version.path).unlink()
        except OSError as error:
            log.warning("%s: an old version could not be removed: %s", version.path, error)
            continue
        removed += 1
    in_data, beside = history_folders(draft_path, folders)
    for folder in (in_data, beside):
        remove_interrupted_saves(folder, any_name=True)
    for empty in (beside, beside.parent):
        with contextlib.suppress(OSError):
            operation_path(empty).rmdir()  # only when empty
    return removed


def restore_version(
    draft_path: Path, version: Version, folders: UserFolders | None = None
) -> HistoryOutcome:
    """Put ``version`` back as the draft, the current file kept as a version first.

    The version is read by the strict reader before anything changes; if the
    current file cannot be kept, nothing is restored (DraftFileError says
    why). The version is written over the draft atomically (``NAME.bak``
    keeps the file it replaces as well). Returns how the current was kept.
    """
    content = version_bytes(version)
    try:
        decode_draft(content)
    except DraftDecodeError as error:
        raise DraftFileError(version.path, error.zh, error.en) from error
    outcome = keep_version(
        draft_path,
        read_current(draft_path),
        new_content=content,
        keep=max(versions_kept(folders), 1),
        folders=folders,
    )
    if outcome.problem is not None:
        zh, en = outcome.problem
        raise DraftFileError(draft_path, f"{zh}；未恢复任何内容", f"{en}; nothing was restored")
    write_bytes_atomically(draft_path, content)
    remove_interrupted_saves(draft_path)
    return outcome
