"""``applywizard addressbook``: import drafts, export and import CSV, a refused book."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from applywizard.cli.main import main

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


def test_import_export_and_csv_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, csv_file = tmp_path / "book.sqlite3", tmp_path / "book.csv"
    assert main(["addressbook", "--book", str(book), "import", *map(str, EXAMPLES)]) == 0
    assert "中方单位：新增" in capsys.readouterr().out
    assert main(["--en", "addressbook", "--book", str(book), "export", "--csv", str(csv_file)]) == 0
    assert "entries exported" in capsys.readouterr().out
    other = tmp_path / "other.sqlite3"
    assert (
        main(["--en", "addressbook", "--book", str(other), "import", "--csv", str(csv_file)]) == 0
    )
    assert "Chinese unit:" in capsys.readouterr().out
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")


def test_conflicts_give_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    draft["chinese_units"][0]["name"] = "另一个名字大学"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    book = str(tmp_path / "book.sqlite3")
    assert main(["addressbook", "--book", book, "import", str(EXAMPLES[0]), str(changed)]) == 1
    assert "冲突" in capsys.readouterr().out


def test_a_corrupt_book_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "book.sqlite3"
    book.write_bytes(b"garbage" * 1000)
    assert main(["--en", "addressbook", "--book", str(book), "import", str(EXAMPLES[0])]) == 2
    assert "corrupt" in capsys.readouterr().err
    assert book.read_bytes() == b"garbage" * 1000


def test_import_needs_drafts_or_csv(tmp_path: Path) -> None:
    assert main(["addressbook", "--book", str(tmp_path / "b.sqlite3"), "import"]) == 2
