"""Writing a file all at once, and clearing away what an interrupted write left behind.

``write_bytes_atomically`` writes a temporary file ``.NAME.XXXXXXXX.tmp`` in
the target's own folder (``XXXXXXXX``: eight of ``tempfile``'s random
characters), flushes and fsyncs it, keeps the previous version as
``NAME.bak`` if asked, replaces the target atomically (a rename within one
folder, on a network share too) and fsyncs the folder (POSIX; Windows has no
folder fsync). A failure at any step leaves the old file as it was, removes
the temporary file and raises DraftFileError with a message for the user.

A process killed mid-save (SIGKILL, power cut, a crash) cannot remove its
temporary file: the target is untouched, but the temporary file stays.
``remove_interrupted_saves(path)`` removes those beside ``path`` and is
called at the next open and the next save of that file. It must never
remove a file another process is writing at that moment, so a writer marks
its temporary file as live for as long as it needs it:

- POSIX: the writer holds an exclusive ``flock`` on its temporary file from
  just after creating it until after the rename; the kernel drops the lock
  when the process ends, however it ends. The cleaner removes only a file it
  can lock itself (non-blocking) and that is still the file of that name. A
  writer checks, once it has its lock, that its file is still linked (a
  cleaner may have taken the few microseconds between creation and locking)
  and starts again with a new name if not. No age is needed, so a leftover
  of a kill a moment ago goes at once. Nobody waits for a lock for good: a
  writer tries for at most a second (a cleaner holds one for microseconds),
  so a lock a network file system failed to release cannot hang a save.
- Windows: Python opens files without ``FILE_SHARE_DELETE``, so a file a
  writer has open cannot be removed; the writer keeps its temporary file open
  through the backup copy and closes it just before the rename.
- A file system that refuses locks (some network mounts): the file is
  removed only once it is older than ``STALE_AFTER_SECONDS`` (60 s; no save
  takes that long between its last write and its rename).

Only names this module makes are touched: ``.NAME.XXXXXXXX.tmp`` and
``.NAME.bak.XXXXXXXX.tmp`` (the backup's own temporary file).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from applywizard.adapters.file_errors import DraftFileError, os_reason
from applywizard.adapters.windows_files import operation_path

__all__ = [
    "BACKUP_SUFFIX",
    "STALE_AFTER_SECONDS",
    "Cleanup",
    "read_bytes_bounded",
    "remove_interrupted_saves",
    "temporary_name_pattern",
    "write_bytes_atomically",
]

BACKUP_SUFFIX = ".bak"
TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER_SECONDS = 60.0
"""Where no lock can tell a live writer from a dead one, a temporary file this old is debris."""
LOCK_WAIT_SECONDS = 1.0
_RANDOM = r"[a-z0-9_]{8}"  # tempfile's names: eight of "a-z0-9_"
_ATTEMPTS = 5


def temporary_name_pattern(name: str | None = None) -> re.Pattern[str]:
    """The names of this module's temporary files for ``name`` (any name if None)."""
    stem = re.escape(name) if name is not None else r".+"
    return re.compile(rf"\.{stem}\.(?:bak\.)?{_RANDOM}\.tmp")


def read_bytes_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a file (so the caller can tell it is too long)."""
    with operation_path(path).open("rb") as stream:
        return stream.read(limit + 1)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _lock(descriptor: int, *, wait: bool) -> bool | None:
    """An exclusive flock: True if taken, False if another holds it, None where none exist.

    ``wait``: try for up to ``LOCK_WAIT_SECONDS`` (a cleaner holds a lock for
    microseconds); never block for good, so that a lock a network file system
    failed to release cannot hang a save.
    """
    if sys.platform == "win32":
        return None
    import fcntl  # noqa: PLC0415 - POSIX only

    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait else 0)
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        except OSError:
            return None  # this file system keeps no locks (ENOLCK, EOPNOTSUPP…)
        else:
            return True


def _new_temporary(target: Path) -> IO[bytes]:
    """A new temporary file beside ``target``, open and marked live (see the module's words)."""
    for _attempt in range(_ATTEMPTS):
        stream = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the caller
            mode="wb",
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=TEMPORARY_SUFFIX,
            delete=False,
        )
        locked = _lock(stream.fileno(), wait=True)
        if locked is None or (locked and os.fstat(stream.fileno()).st_nlink):
            return stream
        stream.close()  # a cleaner removed it before it was locked, or holds it: another name
    raise OSError(f"{target.name}: no temporary file could be kept")


def write_bytes_atomically(path: Path, content: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``content`` all at once, keeping the old file as a backup.

    The bytes are written as they are (binary mode: no newline translation on
    Windows), into a temporary file in the target's own folder, so the final
    replace is a rename within one folder, on a network share too.
    """
    target = operation_path(path)
    folder = target.parent
    stream: IO[bytes] | None = None
    temporary: Path | None = None
    try:
        stream = _new_temporary(target)
        temporary = Path(stream.name)
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
        if keep_backup and target.is_file():
            # Copy, not move: the user's file must exist at every instant.
            backup = target.with_name(target.name + BACKUP_SUFFIX)
            write_bytes_atomically(backup, target.read_bytes(), keep_backup=False)
        if os.name == "nt":
            stream.close()  # Windows renames no file that is open
        temporary.replace(target)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        zh, en = os_reason(error, target)
        raise DraftFileError(path, f"无法保存：{zh}", f"cannot save: {en}") from error
    except DraftFileError as error:
        raise DraftFileError(path, error.zh, error.en) from error
    finally:
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()  # drops the lock, after the rename
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


@dataclass(frozen=True)
class Cleanup:
    """What ``remove_interrupted_saves`` did: the debris removed, the files left (live)."""

    removed: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime >= seconds
    except OSError:
        return False


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False  # Windows: a writer has it open; elsewhere: not ours to remove
    return True


def _removed_under_lock(candidate: Path) -> bool | None:
    """Remove ``candidate`` while holding its lock: True if removed, False if a live writer
    holds it (or it is gone), None if no lock can tell (POSIX only)."""
    try:
        descriptor = os.open(candidate, os.O_RDWR | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False  # renamed into place by its writer meanwhile
    except OSError:
        return None
    try:
        locked = _lock(descriptor, wait=False)
        if not locked:
            return None if locked is None else False
        try:
            same = os.path.samestat(os.fstat(descriptor), candidate.stat())
        except OSError:
            same = False
        return same and _unlink(candidate)  # unlinked before the lock is let go
    finally:
        os.close(descriptor)


def _remove_if_abandoned(candidate: Path) -> bool:
    """Remove ``candidate`` if no live writer holds it; True if it was removed."""
    if sys.platform == "win32":
        return _unlink(candidate)  # refused while its writer has it open
    removed = _removed_under_lock(candidate)
    if removed is None:
        return _older_than(candidate, STALE_AFTER_SECONDS) and _unlink(candidate)
    return removed


def remove_interrupted_saves(path: Path, *, any_name: bool = False) -> Cleanup:
    """Remove the temporary files interrupted saves of ``path`` left beside it.

    ``any_name``: every temporary file of this module's in ``path``'s folder
    (the history folders), not only ``path``'s. Never raises; a file a live
    writer holds, or one that cannot be removed, is listed as kept.
    """
    target = operation_path(path)
    pattern = temporary_name_pattern(None if any_name else target.name)
    folder = target if any_name else target.parent
    try:
        names = [entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return Cleanup()
    removed: list[Path] = []
    kept: list[Path] = []
    for name in sorted(names):
        candidate = folder / name
        if _remove_if_abandoned(candidate):
            removed.append(candidate)
        elif candidate.exists():  # not renamed into place by its writer meanwhile
            kept.append(candidate)
    return Cleanup(tuple(removed), tuple(kept))
