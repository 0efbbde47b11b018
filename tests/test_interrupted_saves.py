"""Temporary files of interrupted saves: removed at the next open or save, never a live one."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from applywizard.adapters import atomic_files
from applywizard.adapters.atomic_files import remove_interrupted_saves
from applywizard.adapters.draft_files import read_draft, save_draft
from tests.drafts import small_draft
from tests.kill_saves import kill_saves, save_seconds, two_versions

posix = pytest.mark.skipif(sys.platform == "win32", reason="fork, SIGKILL and flock")

LEFTOVERS = [".draft.json.k3v9x_q2.tmp", ".draft.json.bak.abcd1234.tmp"]
NOT_OURS = [
    ".draft.json.tmp",  # no random part
    ".draft.json.abc.tmp",  # not tempfile's eight characters
    "draft.json.abcd1234.tmp",  # no leading dot
    ".other.json.abcd1234.tmp",  # another file's
    ".draft.json.ABCD1234.tmp",  # tempfile never uses capitals
]


def left_behind(folder: Path, names: list[str], *, age: float = 0) -> None:
    for name in names:
        (folder / name).write_bytes(b'{"half": ')
        if age:
            moment = time.time() - age
            os.utime(folder / name, (moment, moment))


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("step", ["open", "save"])
def test_leftovers_go_at_the_next_open_or_save_and_nothing_else_does(
    tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "draft.json"
    save_draft(small_draft(), path)
    left_behind(folder, LEFTOVERS + NOT_OURS)
    if step == "open":
        assert read_draft(path) == small_draft()
    else:
        assert save_draft(small_draft(), path).removed_temporaries == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["draft.json", "draft.json.bak", *NOT_OURS] if step == "save" else ["draft.json", *NOT_OURS]
    )


@posix
def test_a_temporary_file_a_live_writer_holds_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "draft.json"
    stream = atomic_files._new_temporary(target)  # as a save in progress holds it
    live = Path(stream.name)
    try:
        cleanup = remove_interrupted_saves(target)
        assert cleanup.removed == () and cleanup.kept == (live,)
        assert live.exists()
    finally:
        stream.close()
    assert remove_interrupted_saves(target).removed == (live,)  # its writer is gone


HOLDER = """
import sys, time
from pathlib import Path
from applywizard.adapters import atomic_files
stream = atomic_files._new_temporary(Path(sys.argv[1]))
stream.write(b"half a draft")
stream.flush()
print(stream.name, flush=True)
time.sleep(60)
"""


@posix
def test_another_process_writing_keeps_its_file_until_it_dies(tmp_path: Path) -> None:
    target = tmp_path / "draft.json"
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            live = Path(holder.stdout.readline().strip())
            assert remove_interrupted_saves(target).kept == (live,)
            assert live.exists()
        finally:
            holder.kill()
    assert remove_interrupted_saves(target).removed == (live,)


@posix
def test_where_no_lock_tells_only_files_past_the_age_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_files, "_lock", lambda _descriptor, *, wait: None)
    target = tmp_path / "draft.json"
    left_behind(tmp_path, [".draft.json.fresh000.tmp"])
    left_behind(tmp_path, [".draft.json.old00000.tmp"], age=atomic_files.STALE_AFTER_SECONDS + 5)
    cleanup = remove_interrupted_saves(target)
    assert [p.name for p in cleanup.removed] == [".draft.json.old00000.tmp"]
    assert [p.name for p in cleanup.kept] == [".draft.json.fresh000.tmp"]


@posix
def test_a_cleaner_that_wins_the_race_before_the_lock_does_not_break_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file removed between its creation and its writer's lock: the writer starts again."""
    real = tempfile.NamedTemporaryFile
    made: list[str] = []

    def created_then_cleaned(*args: Any, **kwargs: Any) -> Any:
        stream = real(*args, **kwargs)
        made.append(stream.name)
        if len(made) == 1:
            assert remove_interrupted_saves(tmp_path / "draft.json").removed
        return stream

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", created_then_cleaned)
    save_draft(small_draft(), tmp_path / "draft.json")
    assert len(made) == 2 and made[0] != made[1]
    assert read_draft(tmp_path / "draft.json") == small_draft()
    assert not list(tmp_path.glob(".draft.json.*.tmp"))


@posix
def test_twenty_saves_killed_at_random_leave_the_old_or_new_draft_and_no_debris(
    tmp_path: Path,
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    versions = two_versions(200)
    window = 1.2 * save_seconds(drafts / "timing.json", versions, runs=4)
    figures = kill_saves(
        drafts / "申报书.json",
        tmp_path / "data" / "ApplyWizard" / "history",
        versions,
        iterations=20,
        window=window,
        rng=random.Random(20),
    )
    assert figures.wrong == []
    assert figures.old + figures.new == 20
    assert figures.temporaries_after_open == 0
    assert figures.history_temporaries_after_save == 0
    assert figures.killed_mid_save > 0
