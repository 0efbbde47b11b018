"""Lock files and interrupted saves on Windows (run by the Windows Python under Wine too).

On Linux the tests that need Windows are skipped; the lock's format and the
rest are tested in tests/test_sharing.py.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from applywizard.adapters.draft_lock import (
    DraftLock,
    acquire,
    inspect_lock,
    lock_path,
    process_alive,
)

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
