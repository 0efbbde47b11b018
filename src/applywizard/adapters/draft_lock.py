"""Lock files beside a draft, in LibreOffice's format: who has it open, since when.

Opening a draft in the window writes ``.~lock.NAME#`` beside it, as
LibreOffice does for its documents, so either program recognises the other's
lock. The file holds one entry of five comma-separated fields ending in
``;`` (``\\`` escapes ``,`` ``;`` and ``\\``): the person's name, the system
user, the host, the time (``dd.mm.yyyy hh:mm``, local) and a URL, where
LibreOffice names its user profile and ApplyWizard writes
``applywizard:VERSION:pid:PID:session:N`` (svl/source/misc/lockfilecommon.cxx reads
exactly five fields, so nothing is added after them).

A lock is stale, and is replaced without asking, when ApplyWizard wrote it
on this host and its process is gone (a crash), or when it has not been
refreshed for ``STALE_AFTER``: the window refreshes its lock's time with
every autosave (30 s), so a live lock never gets that old. Any other lock
belongs to somebody: the window says who and since when and lets the user
open read-only, open a copy, or open anyway.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from applywizard import __version__
from applywizard.adapters.windows_files import operation_path

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
STALE_AFTER_SECONDS = 10 * 60
"""A lock not refreshed for this long is stale (ours are refreshed every 30 s)."""
PROGRAM_MARK = "applywizard"
MAX_LOCK_BYTES = 4096
FIELDS = 5


_HELD: dict[str, int] = {}
"""The locks this process holds, by lock file, with the id of the session holding each:
two windows of one process (or two sessions in a test) must not share a draft either."""


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


class LockFileError(OSError):
    """A lock file could not be written or removed (the folder is read-only, say)."""


@dataclass(frozen=True)
class LockOwner:
    """One lock file entry: who holds the draft open, where, since when, with what."""

    name: str
    user: str
    host: str
    since: str
    url: str

    @property
    def pid(self) -> int | None:
        """The process id ApplyWizard wrote (None for LibreOffice's or another program's)."""
        parts = self.url.split(":")
        if len(parts) >= 4 and parts[0] == PROGRAM_MARK and parts[2] == "pid":
            with contextlib.suppress(ValueError):
                return int(parts[3])
        return None

    @property
    def program(self) -> str:
        """Which program wrote it: ``ApplyWizard 0.1.0``, or LibreOffice (a profile URL)."""
        parts = self.url.split(":")
        if parts[0] == PROGRAM_MARK:
            return f"ApplyWizard {parts[1]}" if len(parts) > 1 else "ApplyWizard"
        return "LibreOffice" if self.url else ""

    @property
    def who(self) -> str:
        """The person as people say it: their name, else their user name, with the host."""
        person = self.name or self.user or "?"
        return f"{person} ({self.user}@{self.host})" if self.user else f"{person} ({self.host})"


@dataclass(frozen=True)
class LockState:
    """A lock found beside a draft: its owner (None if unreadable), its age, and if stale."""

    path: Path
    owner: LockOwner | None
    age_seconds: float
    stale: bool
    mine: bool
    """Held by the session asking (the same window opening its draft again)."""


def lock_path(draft: Path) -> Path:
    """Where the lock file of ``draft`` goes: ``.~lock.NAME#`` in the same folder."""
    return draft.with_name(f"{LOCK_PREFIX}{draft.name}{LOCK_SUFFIX}")


def _escaped(text: str) -> str:
    return "".join("\\" + char if char in ",;\\" else char for char in text)


def entry_bytes(owner: LockOwner) -> bytes:
    """An entry as LibreOffice writes it (UTF-8)."""
    fields = (owner.name, owner.user, owner.host, owner.since, owner.url)
    return (",".join(_escaped(field) for field in fields) + ";").encode("utf-8")


def parse_entry(raw: bytes) -> LockOwner | None:
    """The first entry of a lock file; None if it is not one."""
    text = raw.decode("utf-8", errors="replace")
    fields: list[str] = []
    current: list[str] = []
    escape = False
    for char in text:
        if escape:
            if char not in ",;\\":
                return None
            current.append(char)
            escape = False
        elif char == "\\":
            escape = True
        elif char in ",;":
            fields.append("".join(current))
            current = []
            if char == ";" or len(fields) == FIELDS:
                break
        else:
            current.append(char)
    if len(fields) != FIELDS:
        return None
    return LockOwner(*fields)


def own_entry(holder: int, now: datetime | None = None) -> LockOwner:
    """The entry of session ``holder`` of this process: user, host, now, ApplyWizard, pid.

    The session's number ends the URL field, so two sessions of one process
    (two windows) write different entries and each knows its own.
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError, ImportError):
        user = ""
    moment = (now or datetime.now().astimezone()).strftime("%d.%m.%Y %H:%M")  # local, as LO
    url = f"{PROGRAM_MARK}:{__version__}:pid:{os.getpid()}:session:{holder}"
    return LockOwner(user, user, socket.gethostname(), moment, url)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised under Wine by the Windows build
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # somebody else's process
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes  # noqa: PLC0415 - Windows only

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)  # noqa: FBT003
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


def inspect_lock(
    draft: Path, *, holder: int | None = None, now: float | None = None
) -> LockState | None:
    """The lock beside ``draft``, if any, and whether it is stale or ``holder``'s own."""
    path = lock_path(draft)
    target = operation_path(path)
    try:
        with target.open("rb") as stream:
            raw = stream.read(MAX_LOCK_BYTES)
        modified = target.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return LockState(path, None, 0.0, stale=False, mine=False)
    owner = parse_entry(raw)
    age = max(0.0, (now if now is not None else time.time()) - modified)
    host = socket.gethostname()
    pid = owner.pid if owner is not None else None
    this_process = owner is not None and owner.host == host and pid == os.getpid()
    held_by = _HELD.get(_key(path))
    mine = this_process and holder is not None and held_by == holder
    crashed = (
        owner is not None and owner.host == host and pid is not None and not process_alive(pid)
    )
    if this_process and held_by is None:  # left by a session of this process that ended
        crashed = True
    return LockState(path, owner, age, stale=crashed or age > STALE_AFTER_SECONDS, mine=mine)


class DraftLock:
    """The lock this window holds on a draft: refreshed while open, removed on close."""

    def __init__(self, draft: Path, content: bytes, holder: int) -> None:
        self.draft = draft
        self.path = lock_path(draft)
        self._content = content
        self.holder = holder
        _HELD[_key(self.path)] = holder

    def holds(self) -> bool:
        """Whether the lock file is still ours (nobody took it over or removed it)."""
        try:
            with operation_path(self.path).open("rb") as stream:
                return stream.read(MAX_LOCK_BYTES) == self._content
        except OSError:
            return False

    def refresh(self) -> bool:
        """Touch the lock (so it is never taken for stale); False if it is no longer ours."""
        if not self.holds():
            return False
        with contextlib.suppress(OSError):
            os.utime(operation_path(self.path))
        return True

    def release(self) -> None:
        """Remove the lock file, if it is still ours."""
        if _HELD.get(_key(self.path)) == self.holder:
            del _HELD[_key(self.path)]
        if self.holds():
            with contextlib.suppress(FileNotFoundError):
                operation_path(self.path).unlink()


def acquire(draft: Path, holder: int, *, take_over: bool = False) -> DraftLock | LockState:
    """Lock ``draft`` for the session ``holder``, or the state of the lock in the way.

    A stale lock or the holder's own is replaced; another's is replaced only
    with ``take_over`` (the user chose “open anyway”). LockFileError when the
    lock cannot be written at all (a read-only folder): the caller may still
    open the draft, read-only.
    """
    content = entry_bytes(own_entry(holder))
    target = operation_path(lock_path(draft))
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        state = inspect_lock(draft, holder=holder)
        if state is not None and not (state.stale or state.mine or take_over):
            return state
        return _replace(draft, content, holder)
    except OSError as error:
        raise LockFileError(error.errno, f"cannot write {target.name}: {error}") from error
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(content)
    _hide(target)
    return DraftLock(draft, content, holder)


def _replace(draft: Path, content: bytes, holder: int) -> DraftLock:
    target = operation_path(lock_path(draft))
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(content)
        temporary.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise LockFileError(error.errno, f"cannot write {target.name}: {error}") from error
    _hide(target)
    return DraftLock(draft, content, holder)


def _hide(path: Path) -> None:
    """Hidden on Windows, as LibreOffice's lock files are (a dot hides it elsewhere)."""
    if sys.platform != "win32":
        return
    import ctypes  # noqa: PLC0415 - Windows only

    hidden = 0x2
    ctypes.windll.kernel32.SetFileAttributesW(str(path), hidden)
