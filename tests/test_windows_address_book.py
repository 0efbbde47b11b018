"""The address book on Windows: a folder with Chinese and a space, two writers, a killed one.

Run by the Windows Python under Wine (packaging/check_windows.py); on Linux
they are skipped, and the same is tested in tests/test_address_book*.py.
Windows locks files differently (a file held open cannot be replaced, SQLite
uses LockFileEx, not fcntl), so what holds on Linux is checked here again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from applywizard.adapters.address_book.importing import import_drafts
from applywizard.adapters.address_book.store import AddressBookError, open_address_book
from tests.test_address_book_reliability import start_writer

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))
win32 = pytest.mark.skipif(sys.platform != "win32", reason="needs a Windows Python")
BATCH = 20


def _people(path: Path) -> int:
    with open_address_book(path) as book:
        assert book.connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return book.count("person")


@win32
def test_the_examples_go_into_a_book_in_a_folder_with_chinese_and_a_space(tmp_path: Path) -> None:
    path = tmp_path / "科研 办公室" / "通讯录.sqlite3"
    with open_address_book(path) as book:
        report = import_drafts(book, EXAMPLES)
        counts = {kind: book.count(kind) for kind in ("unit", "partner", "person")}
        found = book.search("unit", "楚天理")
    assert counts == {"unit": 44, "partner": 43, "person": 102}
    assert not report.unreadable
    assert [entry.fields["name"] for entry in found] == ["楚天理工科技大学"]


@win32
def test_two_writers_at_once_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "通讯录.sqlite3"
    open_address_book(path).close()
    writers = [start_writer(path, tag, 100, 1) for tag in ("a", "b")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"  # both write from here on
    for writer in writers:
        writer.wait(timeout=300)
        assert writer.stdout is not None
        writer.stdout.close()
        assert writer.returncode == 0
    assert _people(path) == 200


@win32
def test_a_writer_killed_mid_transaction_leaves_whole_transactions(tmp_path: Path) -> None:
    path = tmp_path / "通讯录.sqlite3"
    committed = 0
    for round_number in range(10):
        writer = start_writer(path, f"w{round_number}", 10_000, BATCH)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.02 * round_number)
        writer.kill()  # TerminateProcess: no clean-up runs
        writer.wait()
        writer.stdout.close()
        count = _people(path)
        assert count % BATCH == 0
        assert count >= committed
        committed = count
    assert committed > 0


@win32
def test_a_corrupt_book_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "通讯录.sqlite3"
    path.write_bytes(b"PK\x03\x04 not a database" * 50)
    before = path.read_bytes()
    with pytest.raises(AddressBookError) as refused:
        open_address_book(path)
    assert "文件未改动" in refused.value.zh
    assert path.read_bytes() == before
