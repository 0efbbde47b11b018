"""Drafts on a shared folder: lock files, changes on disk, read-only, two processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_lock import (
    STALE_AFTER_SECONDS,
    DraftLock,
    LockOwner,
    acquire,
    entry_bytes,
    inspect_lock,
    lock_path,
    parse_entry,
)
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.session import DraftSession, find_recoveries
from applywizard.workflow.sharing import (
    ChangedOnDiskError,
    LockedByOtherError,
    ReadOnlyDraftError,
)

ROOT = Path(__file__).resolve().parents[1]
LIBREOFFICE_LOCK = (
    b"Li Hua,lihua,LAB-PC-07,06.12.2026 09:41,file:///C:/Users/lihua/AppData/Roaming/LibreOffice/4;"
)
"""A lock file as LibreOffice writes it (its five fields, the entry ended by ';')."""


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "申报书 2.8.json"
    save_draft(read_draft(ROOT / "examples" / "2.8.json"), path)
    return path


def session_on(book: RuleBook, path: Path) -> DraftSession:
    session = DraftSession(book)
    session.open(path)
    return session


def test_entries_read_and_write_libreoffice_s_format() -> None:
    owner = parse_entry(LIBREOFFICE_LOCK)
    assert owner == LockOwner(
        "Li Hua",
        "lihua",
        "LAB-PC-07",
        "06.12.2026 09:41",
        "file:///C:/Users/lihua/AppData/Roaming/LibreOffice/4",
    )
    assert owner.program == "LibreOffice" and owner.pid is None
    assert owner.who == "Li Hua (lihua@LAB-PC-07)"
    tricky = LockOwner(
        "王, 小明;\\", "wang", "host", "01.02.2026 03:04", "applywizard:0.1.0:pid:42"
    )
    raw = entry_bytes(tricky)
    assert raw == "王\\, 小明\\;\\\\,wang,host,01.02.2026 03:04,applywizard:0.1.0:pid:42;".encode()
    assert parse_entry(raw) == tricky and tricky.pid == 42
    assert tricky.program == "ApplyWizard 0.1.0"
    assert parse_entry(b"not,a,lock") is None
    assert parse_entry(b"a,b,c,d,e\\x;") is None  # a bad escape, as LibreOffice refuses it


def test_opening_writes_the_lock_and_closing_removes_it(book: RuleBook, draft_file: Path) -> None:
    session = session_on(book, draft_file)
    lock = lock_path(draft_file)
    assert lock.name == ".~lock.申报书 2.8.json#"
    owner = parse_entry(lock.read_bytes())
    assert owner is not None and owner.pid == os.getpid()
    assert owner.host == socket.gethostname() and owner.program.startswith("ApplyWizard ")
    assert not session.files.read_only
    session.close()
    assert not lock.exists()


def test_a_second_session_sees_the_lock_and_cannot_save_over(
    book: RuleBook, draft_file: Path
) -> None:
    first = session_on(book, draft_file)
    second = session_on(book, draft_file)
    assert second.files.read_only  # caught by the lock, though in the same process
    state = inspect_lock(draft_file, holder=second.files.holder)
    assert state is not None and not state.stale and not state.mine
    second.set_value("project.title_zh", "第二个窗口的修改")
    with pytest.raises(ReadOnlyDraftError):
        second.save()
    assert read_draft(draft_file).project.title_zh != "第二个窗口的修改"
    copy = draft_file.with_name("副本.json")
    second.save(copy)  # a new name: allowed, and the copy is now second's to edit
    assert not second.files.read_only and lock_path(copy).exists()
    first.close()
    second.close()
    assert not lock_path(draft_file).exists() and not lock_path(copy).exists()


def test_a_libreoffice_lock_is_respected(book: RuleBook, draft_file: Path) -> None:
    lock_path(draft_file).write_bytes(LIBREOFFICE_LOCK)
    session = session_on(book, draft_file)
    assert session.files.read_only
    assert lock_path(draft_file).read_bytes() == LIBREOFFICE_LOCK  # never taken silently
    assert session.files.lock_file(draft_file, take_over=True) is None  # “open anyway”
    owner = parse_entry(lock_path(draft_file).read_bytes())
    assert owner is not None and owner.pid == os.getpid()


def test_locks_left_by_a_crash_or_too_old_are_stale(book: RuleBook, draft_file: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    crashed = LockOwner(
        "",
        "someone",
        socket.gethostname(),
        "01.01.2026 00:00",
        f"applywizard:0.1.0:pid:{int(dead.stdout)}",
    )
    lock_path(draft_file).write_bytes(entry_bytes(crashed))
    state = inspect_lock(draft_file)
    assert state is not None and state.stale
    session = session_on(book, draft_file)
    assert not session.files.read_only  # replaced without asking
    session.close()
    lock_path(draft_file).write_bytes(LIBREOFFICE_LOCK)
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(lock_path(draft_file), (old, old))
    state = inspect_lock(draft_file)
    assert state is not None and state.stale
    assert not isinstance(acquire(draft_file, holder=999), type(state))


def test_a_save_never_overwrites_a_file_changed_on_disk(book: RuleBook, draft_file: Path) -> None:
    mine = session_on(book, draft_file)
    mine.set_value("project.title_zh", "我的修改")
    theirs = read_draft(draft_file)
    theirs.project.title_zh = "他人的修改"
    save_draft(theirs, draft_file)  # someone else's save, e.g. on another computer
    saved = draft_file.read_bytes()
    with pytest.raises(ChangedOnDiskError) as refused:
        mine.save()
    assert "他人" in refused.value.zh and "someone else" in refused.value.en
    assert draft_file.read_bytes() == saved
    assert mine.files.changed_on_disk(draft_file) is not None
    mine.save(overwrite=True)  # the user chose to, twice
    assert read_draft(draft_file).project.title_zh == "我的修改"
    assert mine.files.changed_on_disk(draft_file) is None


def test_a_change_with_the_same_size_and_time_is_found(book: RuleBook, draft_file: Path) -> None:
    """Network folders round times to seconds or report them late: the content decides."""
    mine = session_on(book, draft_file)
    before = draft_file.stat()
    raw = draft_file.read_bytes()
    changed = raw.replace("临港".encode(), "林港".encode(), 1)
    assert len(changed) == len(raw) and changed != raw
    draft_file.write_bytes(changed)
    os.utime(draft_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(ChangedOnDiskError):
        mine.save()


def test_reload_takes_their_version(book: RuleBook, draft_file: Path) -> None:
    mine = session_on(book, draft_file)
    mine.set_value("project.title_zh", "我的修改")
    theirs = read_draft(draft_file)
    theirs.project.title_zh = "他人的修改"
    save_draft(theirs, draft_file)
    mine.reload()
    assert mine.draft.project.title_zh == "他人的修改" and not mine.dirty
    mine.set_value("project.title_zh", "在他人版本上的修改")
    mine.save()  # no longer a conflict
    assert read_draft(draft_file).project.title_zh == "在他人版本上的修改"


def test_saving_as_a_file_someone_has_open_is_refused(book: RuleBook, draft_file: Path) -> None:
    other = draft_file.with_name("另一份.json")
    other.write_bytes(encode_draft(read_draft(draft_file)))
    lock_path(other).write_bytes(LIBREOFFICE_LOCK)
    mine = session_on(book, draft_file)
    with pytest.raises(LockedByOtherError) as refused:
        mine.save(other)
    assert "Li Hua" in refused.value.zh
    assert mine.path == draft_file and mine.files.lock is not None  # still editing its own


HOLDER = """
import sys
from pathlib import Path
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.workflow.session import DraftSession, find_recoveries
session = DraftSession(shipped_guide())
session.open(Path(sys.argv[1]))
print("read-only" if session.files.read_only else "locked", flush=True)
sys.stdin.readline()
session.close() if len(sys.argv) > 2 else None
"""


def test_two_real_processes(book: RuleBook, draft_file: Path) -> None:
    """Another program instance holds the draft; killed, its lock is recognised as stale."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(draft_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "locked"
            mine = session_on(book, draft_file)
            assert mine.files.read_only
            state = inspect_lock(draft_file, holder=mine.files.holder)
            assert state is not None and state.owner is not None
            assert state.owner.pid == child.pid and not state.stale
        finally:
            child.kill()
            child.wait(timeout=30)
    state = inspect_lock(draft_file, holder=mine.files.holder)
    assert state is not None and state.stale  # its process is gone
    assert mine.files.lock_file(draft_file) is None
    mine.files.read_only = False
    mine.set_value("project.title_zh", "接手后的修改")
    mine.save()
    assert read_draft(draft_file).project.title_zh == "接手后的修改"


def test_a_second_process_opens_read_only(book: RuleBook, draft_file: Path) -> None:
    mine = session_on(book, draft_file)
    result = subprocess.run(
        [sys.executable, "-c", HOLDER, str(draft_file), "close"],
        input="\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "read-only"
    assert mine.files.lock is not None and mine.files.lock.holds()  # untouched by the other


def test_two_windows_keep_two_recovery_copies(book: RuleBook, tmp_path: Path) -> None:
    """Two drafts in two windows: each its own recovery copy, each offered with its file."""
    recovery = tmp_path / "recovery"
    paths = []
    for code in ("1.1", "2.8"):
        path = tmp_path / f"{code}.json"
        save_draft(read_draft(ROOT / "examples" / f"{code}.json"), path)
        paths.append(path)
    windows = [DraftSession(book, recovery_folder=recovery) for _path in paths]
    for session, path in zip(windows, paths, strict=True):
        session.open(path)
        session.set_value("project.title_zh", f"未保存：{path.stem}")
        assert session.write_recovery() is not None
    found = find_recoveries(recovery)
    assert sorted(str(item.origin) for item in found) == sorted(str(path) for path in paths)
    for item in found:
        assert read_draft(item.path).project.title_zh == f"未保存：{item.origin.stem}"  # type: ignore[union-attr]


def test_taking_over_within_one_process_is_told_apart(draft_file: Path) -> None:
    """Two windows of one program: the one that took over holds the lock, the other knows."""
    first = acquire(draft_file, holder=1)
    second = acquire(draft_file, holder=2, take_over=True)
    assert isinstance(first, DraftLock) and isinstance(second, DraftLock)
    assert second.holds() and not first.holds()
    first.release()  # must not remove the other's lock
    assert lock_path(draft_file).exists() and second.holds()
    second.release()
    assert not lock_path(draft_file).exists()
