"""Drafts on a folder that behaves like a network share (tests/network_folder.py, FUSE).

Another computer's save is a write into the share's backing folder: no
change event reaches this one, times are coarse and cached. The session
still finds the change (by content), never saves over it, and locks work
through the share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QFileSystemWatcher
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_lock import lock_path, parse_entry
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.session import DraftSession
from applywizard.workflow.sharing import ChangedOnDiskError

ROOT = Path(__file__).resolve().parents[1]
NAME = "申报书.json"


@pytest.fixture
def share(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(backing folder, mounted share); skipped where FUSE cannot mount."""
    if sys.platform != "linux" or shutil.which("fusermount") is None:
        pytest.skip("needs Linux with FUSE (fusermount): the Debian packages fuse3 and libfuse2")
    backing, mounted = tmp_path / "backing", tmp_path / "share"
    backing.mkdir()
    mounted.mkdir()
    with subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "network_folder.py"), str(backing), str(mounted)],
        stderr=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            deadline = time.monotonic() + 20
            while not os.path.ismount(mounted):
                if server.poll() is not None or time.monotonic() > deadline:
                    reason = server.stderr.read() if server.stderr else ""
                    pytest.skip(f"FUSE could not mount here: {reason.strip()[-300:]}")
                time.sleep(0.05)
            save_draft(read_draft(ROOT / "examples" / "1.8.json"), backing / NAME)
            yield backing, mounted
        finally:
            subprocess.run(["fusermount", "-u", str(mounted)], check=False, capture_output=True)
            server.wait(timeout=30)


def another_computer_saves(backing: Path, title: str) -> None:
    """Someone saves the draft from another computer, keeping its size."""
    draft = read_draft(backing / NAME)
    old = draft.project.title_zh
    draft.project.title_zh = (title + old)[: len(old)]
    raw = encode_draft(draft)
    assert len(raw) == (backing / NAME).stat().st_size
    (backing / NAME).write_bytes(raw)


def test_locking_and_saving_through_the_share(book: RuleBook, share: tuple[Path, Path]) -> None:
    backing, mounted = share
    session = DraftSession(book)
    session.open(mounted / NAME)
    assert not session.files.read_only
    owner = parse_entry(lock_path(backing / NAME).read_bytes())  # the lock is on the share
    assert owner is not None and owner.pid == os.getpid()
    session.set_value("project.title_zh", "经共享文件夹保存")
    session.save()
    assert read_draft(backing / NAME).project.title_zh == "经共享文件夹保存"
    assert not list(backing.glob(".*.tmp"))  # the atomic save's temporary file is gone
    session.close()
    assert not lock_path(backing / NAME).exists()


def test_another_computers_lock_is_seen(book: RuleBook, share: tuple[Path, Path]) -> None:
    backing, mounted = share
    lock = b"Li Hua,lihua,LAB-PC-07,06.12.2026 09:41,applywizard:0.1.0:pid:4242;"
    lock_path(backing / NAME).write_bytes(lock)
    session = DraftSession(book)
    session.open(mounted / NAME)
    assert session.files.read_only  # another host's lock: not stale, whatever its pid
    assert lock_path(backing / NAME).read_bytes() == lock


def test_a_change_from_another_computer_is_found_without_events(
    book: RuleBook, share: tuple[Path, Path], qtbot: QtBot
) -> None:
    backing, mounted = share
    session = DraftSession(book)
    session.open(mounted / NAME)
    session.set_value("project.title_zh", "本机的修改")
    watcher = QFileSystemWatcher([str(mounted / NAME)])
    events: list[str] = []
    watcher.fileChanged.connect(events.append)
    before = (mounted / NAME).stat()
    another_computer_saves(backing, "他机")
    qtbot.wait(1500)
    assert events == []  # a watcher hears nothing: network folders send no events
    now = (mounted / NAME).stat()
    assert (now.st_size, int(now.st_mtime)) == (before.st_size, int(before.st_mtime))
    assert session.files.changed_on_disk(mounted / NAME) is not None  # the content tells
    with pytest.raises(ChangedOnDiskError):
        session.save()
    assert read_draft(backing / NAME).project.title_zh.startswith("他机")
    session.close()
