"""The address book survives kill -9 in the middle of a write, and two writers at once.

``WRITER`` and ``start_writer`` are shared with tests/test_windows_address_book.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from applywizard.adapters.address_book.store import open_address_book

BATCH = 50
WRITER = """
import sys
from pathlib import Path
from applywizard.adapters.address_book.initials import initials
from applywizard.adapters.address_book.store import open_address_book

initials("重庆")  # pypinyin's dictionaries read (0.15 s) before the kills start
book = open_address_book(Path(sys.argv[1]))
tag, rounds, batch = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for number in range(rounds):
    if number == 1:  # one transaction in (the first write loads pypinyin: slow under Wine)
        print("ready", flush=True)
    with book.transaction():
        for index in range(batch):
            book.put("person", {"name": f"{tag}-{number}-{index}", "unit": tag})
book.close()
"""


def start_writer(path: Path, tag: str, rounds: int, batch: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(rounds), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
    )


def _consistent(path: Path) -> int:
    with open_address_book(path) as book:
        check = book.connection.execute("PRAGMA integrity_check").fetchall()
        assert check == [("ok",)]
        return book.count("person")


def test_kill_9_in_the_middle_of_writes_leaves_a_consistent_book(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    random.seed(14)
    committed = 0
    for _ in range(50):
        writer = start_writer(path, f"w{committed}", 10_000, BATCH)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(random.uniform(0.0, 0.05))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        count = _consistent(path)
        assert count % BATCH == 0  # whole transactions only
        assert count >= committed  # nothing committed is lost
        committed = count
    assert committed > 0


def test_two_writers_at_once_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    open_address_book(path).close()
    writers = [start_writer(path, tag, 300, 1) for tag in ("a", "b")]
    for writer in writers:
        writer.wait(timeout=120)
        assert writer.stdout is not None
        writer.stdout.close()
        assert writer.returncode == 0
    assert _consistent(path) == 600
    with open_address_book(path) as book:
        units = {entry.fields["unit"] for entry in book.entries("person")}
    assert units == {"a", "b"}
