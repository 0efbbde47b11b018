"""A draft on a shared folder: its lock, what it looked like on disk, read-only mode.

One ``FileGuard`` per session. It holds the session's lock on its draft
(``adapters.draft_lock``), the file's stamp when it was opened or last saved
(``adapters.file_stamps``), and whether the draft is open read-only. Before
a save over the draft it compares the file with that stamp: if someone else
saved in the meantime, ``ChangedOnDiskError`` stops the save, and the window
offers to save as a new file, to reload, or to overwrite. No watcher is
trusted: network folders deliver no change events, so the window asks
``changed_on_disk`` on a timer and when it is activated, and the answer
always rests on the content's SHA-256.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from applywizard.adapters.draft_lock import DraftLock, LockFileError, LockState, acquire
from applywizard.adapters.file_errors import DraftFileError
from applywizard.adapters.file_stamps import FileStamp, stamp_of

_holders = itertools.count(1)


class ChangedOnDiskError(DraftFileError):
    """The draft file changed on disk since it was opened or saved; nothing was written."""

    def __init__(self, path: Path, known: FileStamp | None, now: FileStamp | None) -> None:
        when = now.modified.strftime("%Y-%m-%d %H:%M:%S") if now is not None else "?"
        super().__init__(
            path,
            f"打开后已被他人修改（{when}），未覆盖",
            f"was changed by someone else since it was opened ({when}); not overwritten",
        )
        self.known, self.now = known, now


class ReadOnlyDraftError(DraftFileError):
    """The draft is open read-only: it is saved under a new name, never over the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, "以只读方式打开，请另存为新文件", "is open read-only: save it under a new name"
        )


class LockedByOtherError(DraftFileError):
    """Saving as a file that someone else has open: refused."""

    def __init__(self, path: Path, state: LockState) -> None:
        who = state.owner.who if state.owner is not None else "?"
        since = state.owner.since if state.owner is not None else "?"
        super().__init__(
            path,
            f"{who} 自 {since} 起正在编辑此文件，不能覆盖",
            f"is open by {who} since {since}: not overwritten",
        )
        self.state = state


class FileGuard:
    """The lock, the stamp and the read-only mode of one session's draft file."""

    def __init__(self) -> None:
        self.holder = next(_holders)
        """This session's id in the process's table of held locks."""
        self.lock: DraftLock | None = None
        self.stamp: FileStamp | None = None
        self.read_only = False
        self.lock_problem: str | None = None
        """Why no lock could be written (a read-only folder), if so."""

    # -- locks ---------------------------------------------------------------------
    def lock_file(self, path: Path, *, take_over: bool = False) -> LockState | None:
        """Lock ``path`` for this session; the lock in the way if someone else has it.

        A folder where no lock can be written (read-only, say) does not stop
        opening: ``lock_problem`` says why, and the draft can only be saved
        elsewhere if the folder is truly read-only.
        """
        if self.lock is not None and self.lock.draft == path and self.lock.holds():
            return None
        try:
            found = acquire(path, self.holder, take_over=take_over)
        except LockFileError as error:
            self.lock_problem = str(error)
            return None
        if isinstance(found, LockState):
            return found
        self.release()
        self.lock, self.lock_problem = found, None
        return None

    def release(self) -> None:
        """Give up the lock (closing the draft, opening another)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def keep_alive(self) -> bool:
        """Refresh the lock's time (autosave); False if somebody took the lock over."""
        return self.lock is None or self.lock.refresh()

    # -- stamps --------------------------------------------------------------------
    def remember(self, path: Path | None) -> None:
        """Note what the file looks like now (after opening or saving it)."""
        self.stamp = stamp_of(path) if path is not None else None

    def changed_on_disk(self, path: Path | None) -> FileStamp | None:
        """The file's stamp if its content differs from the one remembered; else None."""
        if path is None or self.stamp is None:
            return None
        now = stamp_of(path)
        if now is None or self.stamp.same_content(now):
            return None
        return now

    def check_before_save(self, target: Path, current: Path | None, *, overwrite: bool) -> None:
        """Refuse a save that would lose someone's work or break read-only mode."""
        if target == current:
            if self.read_only:
                raise ReadOnlyDraftError(target)
            changed = None if overwrite else self.changed_on_disk(target)
            if changed is not None:
                raise ChangedOnDiskError(target, self.stamp, changed)
            return
        blocked = self.lock_file(target)
        if blocked is not None:
            raise LockedByOtherError(target, blocked)
