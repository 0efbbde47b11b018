"""The address book: importing the examples, merging, conflicts, findings, CSV, bad files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from applywizard.adapters.address_book.csv_files import (
    CsvFileError,
    export_csv,
    import_csv,
    neutralise,
)
from applywizard.adapters.address_book.importing import import_drafts
from applywizard.adapters.address_book.schema import SCHEMA_VERSION
from applywizard.adapters.address_book.store import AddressBookError, open_address_book

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
TODAY = dt.date(2026, 12, 6)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _expected_counts() -> dict[str, int]:
    units, partners, people = set(), set(), set()
    for path in EXAMPLES:
        draft = json.loads(path.read_text(encoding="utf-8"))
        for unit in draft["chinese_units"]:
            if unit.get("name"):
                units.add(unit.get("credit_code") or _norm(unit["name"]))
        for partner in draft["foreign_partners"]:
            if partner.get("name"):
                number, country = partner.get("registration_number"), partner.get("country")
                partners.add((country, number) if number and country else _norm(partner["name"]))
        for member in draft["team"]:
            if member.get("name"):
                people.add((_norm(member["name"]), _norm(member.get("unit", ""))))
    return {"unit": len(units), "partner": len(partners), "person": len(people)}


def test_importing_the_examples_gives_the_distinct_entries(tmp_path: Path) -> None:
    assert len(EXAMPLES) == 18
    with open_address_book(tmp_path / "book.sqlite3") as book:
        report = import_drafts(book, EXAMPLES, today=TODAY)
        again = import_drafts(book, EXAMPLES, today=TODAY)  # a second import adds nothing
        counts = {kind: book.count(kind) for kind in ("unit", "partner", "person")}
        assert counts == _expected_counts()
        assert report.added == counts
        assert again.added == {"unit": 0, "partner": 0, "person": 0}
        assert not report.unreadable and not report.conflicts and not again.conflicts
        first = book.entries("unit")[0]
        assert book.drafts_of("unit", first.id)
        assert book.search("unit", first.fields["name"][:3])[0].fields == first.fields


def _write(path: Path, draft: dict[str, object]) -> Path:
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return path


def test_conflicts_are_reported_not_guessed(tmp_path: Path) -> None:
    original = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    changed = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    changed["chinese_units"][0]["name"] = "另一个名字大学"
    changed["foreign_partners"][0]["name_zh"] = "另一个中文名"
    changed["team"][0]["title"] = "研究员"
    first = _write(tmp_path / "a.json", original)
    second = _write(tmp_path / "b.json", changed)
    with open_address_book(tmp_path / "book.sqlite3") as book:
        import_drafts(book, [first], today=TODAY)
        report = import_drafts(book, [second], today=TODAY)
        fields = {(c.kind, c.field) for c in report.conflicts}
        assert ("unit", "name") in fields
        assert ("partner", "name_zh") in fields
        assert ("person", "title") in fields
        kept = book.find("unit", {"credit_code": original["chinese_units"][0]["credit_code"]})
        assert kept is not None and kept.fields["name"] == original["chinese_units"][0]["name"]
        assert len(book.drafts_of("unit", kept.id)) == 2
        message = report.conflicts[0].message(english=False)
        assert "另一个名字大学" in message


def test_entries_are_checked_like_draft_rows(tmp_path: Path) -> None:
    draft = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    draft["chinese_units"][0]["credit_code"] = "12420000441612088F"  # wrong check character
    path = _write(tmp_path / "bad.json", draft)
    with open_address_book(tmp_path / "book.sqlite3") as book:
        report = import_drafts(book, [path], today=TODAY)
    fields = [(r.kind, f.field) for r in report.findings for f in r.findings]
    assert ("unit", "credit_code") in fields


def test_an_unreadable_draft_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with open_address_book(tmp_path / "book.sqlite3") as book:
        report = import_drafts(book, [bad, EXAMPLES[0]], today=TODAY)
        assert len(report.unreadable) == 1 and book.count("unit") > 0


def test_csv_round_trip_with_bom_and_formulas(tmp_path: Path) -> None:
    with open_address_book(tmp_path / "one.sqlite3") as book:
        import_drafts(book, EXAMPLES, today=TODAY)
        with book.transaction():
            book.put("person", {"name": "=HYPERLINK(1)", "unit": "@unit", "title": "-x"})
        exported = tmp_path / "book.csv"
        count = export_csv(book, exported)
        before = {kind: [e.fields for e in book.entries(kind)] for kind in ("unit", "person")}
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"'=HYPERLINK(1)" in raw and b"'@unit" in raw and b"'-x" in raw
    assert not any(line.startswith((b"=", b"+", b"-", b"@")) for line in raw.split(b","))
    with open_address_book(tmp_path / "two.sqlite3") as book:
        report = import_csv(book, exported, today=TODAY)
        assert not report.rejected
        assert sum(report.added.values()) == count
        after = {kind: [e.fields for e in book.entries(kind)] for kind in ("unit", "person")}
    assert after == before


def test_bad_csv_rows_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "office.csv"
    path.write_text(
        "kind,name,credit_code,country\n"
        "unit,好单位,,\n"
        "robot,谁,,\n"
        "unit,,,\n"
        'partner,"Two\nLines",,FR\n'
        "unit,有国家的单位,,DE\n"
        "unit,太多,,,extra\n",
        encoding="utf-8",
    )
    with open_address_book(tmp_path / "book.sqlite3") as book:
        report = import_csv(book, path, today=TODAY)
        assert [line for line, _, _ in report.rejected] == [3, 4, 7, 8]
        assert book.count("unit") == 1 and book.count("partner") == 1
    headerless = tmp_path / "wrong.csv"
    headerless.write_text("a,b\n1,2\n", encoding="utf-8")
    with open_address_book(tmp_path / "book.sqlite3") as book, pytest.raises(CsvFileError):
        import_csv(book, headerless)


def test_neutralise() -> None:
    assert [neutralise(c) for c in ("=1", "+1", "-1", "@a", "\tx", "\rx", "ok", "")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "'\rx",
        "ok",
        "",
    ]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_corrupt_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = _digest(path)
    with pytest.raises(AddressBookError) as caught:
        open_address_book(path)
    assert "损坏" in caught.value.zh and "corrupt" in caught.value.en
    assert _digest(path) == before


def test_a_damaged_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    with open_address_book(path) as book:
        import_drafts(book, EXAMPLES, today=TODAY)
        book.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xff" * 8192  # pages of the tables overwritten
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(AddressBookError):
        open_address_book(path)
    assert _digest(path) == before


def test_a_newer_schema_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    with open_address_book(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(path)
    with pytest.raises(AddressBookError) as caught:
        open_address_book(path)
    assert "newer" in caught.value.en and "较新" in caught.value.zh
    assert _digest(path) == before


def test_schema_version_and_migrations_table(tmp_path: Path) -> None:
    with open_address_book(tmp_path / "book.sqlite3") as book:
        connection = book.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # a named file
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        versions = connection.execute("SELECT version FROM schema_migrations").fetchall()
        assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))
