"""Shared drafts on Windows: lock files, interrupted saves, unpacking a pack.

Run by the Windows Python under Wine (packaging/check_windows.py); on Linux
they are skipped, and the rest is tested in tests/test_sharing.py,
tests/test_draft_history.py and tests/test_handover*.py.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_lock import (
    DraftLock,
    acquire,
    inspect_lock,
    lock_path,
    process_alive,
)
from applywizard.workflow.handover import pack_draft, read_draft_file, unpack
from tests.handover_files import example_with_files

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
win32 = pytest.mark.skipif(sys.platform != "win32", reason="needs a Windows Python")
HIDDEN = 0x2


@win32
def test_the_lock_file_is_hidden_and_goes_on_release(tmp_path: Path) -> None:
    draft = tmp_path / "申报书.json"
    draft.write_bytes(b"{}")
    lock = acquire(draft, holder=1)
    assert isinstance(lock, DraftLock)
    attributes = ctypes.windll.kernel32.GetFileAttributesW(str(lock_path(draft)))  # type: ignore[attr-defined]
    assert attributes != -1 and attributes & HIDDEN
    state = inspect_lock(draft, holder=1)
    assert state is not None and state.mine and not state.stale
    lock.release()
    assert not lock_path(draft).exists()


@win32
def test_a_hidden_lock_can_be_taken_over(tmp_path: Path) -> None:
    draft = tmp_path / "申报书.json"
    draft.write_bytes(b"{}")
    first = acquire(draft, holder=1)
    second = acquire(draft, holder=2, take_over=True)
    assert isinstance(first, DraftLock) and isinstance(second, DraftLock)
    assert second.holds() and not first.holds()


@win32
def test_which_processes_run() -> None:
    assert process_alive(os.getpid())
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert not process_alive(int(ended.stdout))


@win32
def test_a_temporary_file_of_a_killed_save_goes_but_not_one_being_written(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "申报书.json"
    save_draft(read_draft(EXAMPLES / "1.1.json"), draft)
    left = tmp_path / ".申报书.json.abcd1234.tmp"  # what a killed save leaves
    left.write_bytes(b"half a draft")
    writing = tmp_path / ".申报书.json.wxyz5678.tmp"
    with writing.open("wb") as stream:  # a live writer holds its file open
        stream.write(b"being written")
        read_draft(draft)  # opening the draft cleans up
        assert not left.exists() and writing.exists()
    read_draft(draft)
    assert not writing.exists()


@win32
def test_unpacking_into_an_existing_empty_folder(tmp_path: Path) -> None:
    draft = example_with_files("1.6", tmp_path / "mine")
    pack = tmp_path / "交给王老师.awpack"
    pack_draft(read_draft_file(draft), pack)
    target = tmp_path / "收到的"
    target.mkdir()
    unpack(pack, target)
    assert read_draft(target / "1.6.json") == read_draft(draft)
    attached = {item.file_name for item in read_draft(draft).attachments}
    assert attached <= {entry.name for entry in target.iterdir()}
