"""Filling draft rows from the address book and saving rows to it, without the window.

``workflow.address_book`` is what the tables call: these tests drive it on a
session and a real SQLite file, and read the draft and the file back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from applywizard.adapters.address_book.store import AddressBook, open_address_book
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Region, UnitType
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.address_book import AddressBookAccess
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 6)
UNIT = {
    "name": "江城光电研究院",
    "name_en": "Jiangcheng Institute of Optoelectronics",
    "credit_code": "12100000400000306G",
    "type": "research_institute",
    "region": "mainland",
    "registered_on": "1978-05-02",
    "independent_legal_entity": "true",
    "state_organ": "false",
}


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite3"
    with open_address_book(path) as book, book.transaction():
        book.put("unit", UNIT)
        book.put("person", {"name": "周明远", "title": "教授", "unit": "楚天理工科技大学"})
    return path


@pytest.fixture
def access(book_path: Path) -> AddressBookAccess:
    return AddressBookAccess(lambda: open_address_book(book_path), today=lambda: TODAY)


def _session(book: RuleBook, path: Path | None = None) -> DraftSession:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units = draft.chinese_units[:1]
    return DraftSession(book, draft, path=path)


def _new_unit_row(session: DraftSession, name: str = "江城光电研究院") -> int:
    row = session.add_item("chinese_units")
    session.set_value(f"chinese_units.{row}.name", name)
    return row


def _entry_id(access: AddressBookAccess, text: str) -> int:
    found = access.suggestions("unit", text)
    assert found, text
    return found[0].entry_id


def test_a_new_row_takes_every_field_the_entry_gives(
    book: RuleBook, access: AddressBookAccess
) -> None:
    session = _session(book)
    row = _new_unit_row(session)
    outcome = access.fill(session, "chinese_units", row, _entry_id(access, "江城"))
    filled = session.draft.chinese_units[row]
    assert set(outcome.filled) == set(UNIT) - {"name"}
    assert not outcome.differences and not outcome.refused
    assert filled.type is UnitType.RESEARCH_INSTITUTE and filled.region is Region.MAINLAND
    assert filled.registered_on == dt.date(1978, 5, 2)
    assert filled.independent_legal_entity is True and filled.state_organ is False
    assert session.dirty


def test_a_field_the_row_gives_otherwise_is_returned_not_set(
    book: RuleBook, access: AddressBookAccess
) -> None:
    session = _session(book)
    row = _new_unit_row(session)
    session.set_value(f"chinese_units.{row}.type", UnitType.ENTERPRISE)
    outcome = access.fill(session, "chinese_units", row, _entry_id(access, "江城"))
    assert [(item.field, item.row, item.book) for item in outcome.differences] == [
        ("type", UnitType.ENTERPRISE, UnitType.RESEARCH_INSTITUTE)
    ]
    assert session.draft.chinese_units[row].type is UnitType.ENTERPRISE
    assert access.take(session, "chinese_units", row, outcome.differences) == []
    assert session.draft.chinese_units[row].type is UnitType.RESEARCH_INSTITUTE


def test_a_value_the_draft_refuses_is_reported_and_the_rest_filled(
    book: RuleBook, book_path: Path, access: AddressBookAccess
) -> None:
    with open_address_book(book_path) as raw, raw.transaction():
        raw.put("unit", {**UNIT, "name": "旧格式研究所", "credit_code": "", "type": "institute"})
    session = _session(book)
    row = _new_unit_row(session, "旧格式研究所")
    outcome = access.fill(session, "chinese_units", row, _entry_id(access, "旧格式"))
    assert [item.field for item in outcome.refused] == ["type"]
    assert "name_en" in outcome.filled
    assert session.draft.chinese_units[row].type is None


def test_choosing_an_entry_records_the_draft_it_was_used_in(
    book: RuleBook, book_path: Path, access: AddressBookAccess, tmp_path: Path
) -> None:
    draft_file = tmp_path / "申报书.json"
    session = _session(book, draft_file)
    row = _new_unit_row(session)
    entry_id = _entry_id(access, "江城")
    access.fill(session, "chinese_units", row, entry_id)
    access.close()
    with open_address_book(book_path) as raw:
        assert raw.drafts_of("unit", entry_id) == [str(draft_file.resolve())]


def test_saving_a_row_adds_it_and_saving_it_again_changes_nothing(
    book: RuleBook, book_path: Path, access: AddressBookAccess
) -> None:
    session = _session(book)
    comparison = access.compare_row(session, "chinese_units", 0)
    assert comparison is not None and comparison.stored_id is None and not comparison.findings
    entry_id = access.save_row(session, comparison)
    assert entry_id is not None
    again = access.compare_row(session, "chinese_units", 0)
    assert again is not None and again.stored_id == entry_id and again.unchanged
    with open_address_book(book_path) as raw:
        stored = raw.entry("unit", entry_id)
    assert stored is not None and stored["credit_code"] == "12420000441612088E"


def test_an_update_replaces_only_the_fields_asked_and_fills_the_missing(
    book: RuleBook, book_path: Path, access: AddressBookAccess
) -> None:
    session = _session(book)
    row = _new_unit_row(session)
    session.set_value(f"chinese_units.{row}.credit_code", UNIT["credit_code"])
    session.set_value(f"chinese_units.{row}.name_en", "JIO")
    session.set_value(f"chinese_units.{row}.type", UnitType.ENTERPRISE)
    session.set_value(f"chinese_units.{row}.parent", "江城市科学技术局")
    comparison = access.compare_row(session, "chinese_units", row)
    assert comparison is not None and comparison.stored_id is not None
    assert {item.field for item in comparison.differences} == {"name_en", "type"}
    assert comparison.fills_book and not comparison.unchanged
    access.save_row(session, comparison, {"name_en"})
    with open_address_book(book_path) as raw:
        stored = raw.entry("unit", comparison.stored_id)
    assert stored is not None
    assert stored["name_en"] == "JIO"  # asked
    assert stored["type"] == "research_institute"  # not asked: the book's kept
    assert stored["parent"] == "江城市科学技术局"  # the book lacked it


def test_a_row_with_a_wrong_code_carries_its_finding(
    book: RuleBook, access: AddressBookAccess
) -> None:
    session = _session(book)
    session.set_value("chinese_units.0.credit_code", "12420000441612088X")
    comparison = access.compare_row(session, "chinese_units", 0)
    assert comparison is not None
    assert [item.field for item in comparison.findings] == ["credit_code"]


def test_a_book_that_fails_while_in_use_turns_into_a_problem_not_an_error(
    book: RuleBook, book_path: Path
) -> None:
    opened: list[AddressBook] = []

    def opener() -> AddressBook:
        opened.append(open_address_book(book_path))
        return opened[-1]

    access = AddressBookAccess(opener, today=lambda: TODAY)
    assert access.suggestions("unit", "江城")
    opened[0].connection.close()  # as when the shared drive goes away
    assert access.suggestions("unit", "江城") == []
    assert access.problem is not None
    zh, en = access.problem
    assert str(book_path) in zh and "通讯录无法读写" in zh and "cannot be read" in en
    session = _session(book)
    assert access.compare_row(session, "chinese_units", 0) is None


def test_a_newer_book_is_left_alone(book: RuleBook, tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    access = AddressBookAccess(lambda: open_address_book(path), today=lambda: TODAY)
    assert access.suggestions("unit", "江城") == []
    assert access.problem is not None and "较新版本" in access.problem[0]
    assert path.read_bytes() == before
