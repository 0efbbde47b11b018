"""The Start, Direction and Project pages, driven with the keyboard and mouse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.direction import matches
from applywizard.ui.binding import FINDING_SUFFIX
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.direction import DirectionPage
from applywizard.ui.pages.project import ProjectPage
from applywizard.workflow.session import DraftSession
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]


def _hub(book: RuleBook, example: str | None = None) -> DraftHub:
    draft = read_draft(ROOT / "examples" / f"{example}.json") if example else None
    return DraftHub(DraftSession(book, draft))


def _project(qtbot: QtBot, hub: DraftHub) -> ProjectPage:
    page = ProjectPage(hub)
    qtbot.addWidget(page)
    page.reload()
    return page


def test_typing_a_title_edits_the_draft(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book)
    page = _project(qtbot, hub)
    title = page.findChild(QLineEdit, "project.title_zh")
    assert title is not None and title.accessibleName() == "项目名称（中文）"
    type_text(qtbot, title, "中欧城市水环境")
    assert hub.session.draft.project.title_zh == "中欧城市水环境"
    assert hub.session.dirty


def test_a_finding_shows_beside_its_field_and_goes_when_fixed(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book, "1.2")
    page = _project(qtbot, hub)
    note = page.findChild(QLabel, "project.duration_months" + FINDING_SUFFIX)
    months = page.findChild(QSpinBox, "project.duration_months")
    assert note is not None and months is not None and not note.isVisibleTo(page)
    months.setFocus()
    months.selectAll()
    qtbot.keyClicks(months, "25")
    assert hub.session.draft.project.duration_months == 25
    assert "24" in note.text() and "指南 1.2 其他要求（1）" in note.text()
    assert note.isVisibleTo(page) and note.property("severity") == "error"
    months.selectAll()
    qtbot.keyClicks(months, "24")
    assert note.text() == ""


def test_refused_input_stays_in_the_field_with_the_reason(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book, "1.4")
    page = _project(qtbot, hub)
    money = page.findChild(QLineEdit, "horizon.chinese_budget_wan")
    assert money is not None
    before = hub.session.draft.horizon.chinese_budget_wan
    money.clear()
    qtbot.keyClicks(money, "-5")
    note = page.findChild(QLabel, "horizon.chinese_budget_wan" + FINDING_SUFFIX)
    assert note is not None and "✖" in note.text()
    assert money.text() == "-5" and hub.session.draft.horizon.chinese_budget_wan == before


def test_multi_line_parts_keep_their_lines(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book)
    page = _project(qtbot, hub)
    schedule = page.findChild(QPlainTextEdit, "form.schedule")
    assert schedule is not None
    type_text(qtbot, schedule, "第一年：调研")
    qtbot.keyClick(schedule, Qt.Key.Key_Return)
    type_text(qtbot, schedule, "第二年：示范")
    assert hub.session.draft.form.schedule == "第一年：调研\n第二年：示范"


def test_dates_are_typed_and_read_back(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book, "2.7")
    page = _project(qtbot, hub)
    start = page.findChild(QLineEdit, "project.start_date")
    assert start is not None
    start.selectAll()
    qtbot.keyClicks(start, "2024-02-01")
    assert hub.session.draft.project.start_date == date(2024, 2, 1)
    assert any(f.field == "project.duration_months" for f in hub.session.findings)
    start.selectAll()
    qtbot.keyClicks(start, "2024-02-30")
    note = page.findChild(QLabel, "project.start_date" + FINDING_SUFFIX)
    assert note is not None and "2024-02-30" in note.text()
    assert hub.session.draft.project.start_date == date(2024, 2, 1)
    qtbot.keyClicks(start, "x")  # the validator refuses letters outright
    assert start.text() == "2024-02-30"


def test_direction_sections_follow_the_direction(qtbot: QtBot, book: RuleBook) -> None:
    for code, visible in (
        ("1.1", "joint_lab."),
        ("1.5", "horizon."),
        ("2.8", "brics."),
        ("2.1", None),
    ):
        page = _project(qtbot, _hub(book, code))
        shown = {prefix for prefix, box in page.sections.items() if not box.isHidden()}
        assert shown == ({visible} if visible else set()), code


def test_the_search_and_the_country_filter_narrow_the_directions(book: RuleBook) -> None:
    guide = book.guide
    by_country = {d.code for d in guide.directions if matches(guide, d, "", "IT")}
    assert by_country == {"1.1", "1.2", "1.4", "1.5"}
    assert {d.code for d in guide.directions if matches(guide, d, "韩国", None)} == {
        "2.0",
        "2.1",
        "2.2",
    }
    assert {d.code for d in guide.directions if matches(guide, d, "brics", None)} == {"2.8"}


def test_choosing_a_direction_by_keyboard(qtbot: QtBot, book: RuleBook) -> None:
    hub = _hub(book)
    page = DirectionPage(hub)
    qtbot.addWidget(page)
    page.reload()
    type_text(qtbot, page.search, "德国")
    visible = [row for row in range(page.table.rowCount()) if not page.table.isRowHidden(row)]
    assert len(visible) == 1
    page.table.setFocus()
    page.table.selectRow(visible[0])
    assert hub.session.draft.direction == "1.8"
    assert "氢能" in page.details.toPlainText() and "（5）" in page.details.toPlainText()
    sub = page.findChild(QComboBox, "selection.sub_direction")
    assert sub is not None and sub.isEnabled() and sub.count() == 5
    sub.setFocus()
    qtbot.keyClick(sub, Qt.Key.Key_Down)
    sub.activated.emit(sub.currentIndex())
    assert hub.session.draft.selection.sub_direction == "hydrogen_station_vehicle"


def test_country_filter_hides_other_directions(qtbot: QtBot, book: RuleBook) -> None:
    page = DirectionPage(_hub(book))
    qtbot.addWidget(page)
    page.country.setCurrentIndex(page.country.findData("ZA"))
    shown = {
        page.table.item(row, 0).text()  # type: ignore[union-attr]
        for row in range(page.table.rowCount())
        if not page.table.isRowHidden(row)
    }
    assert shown == {"2.3", "2.4", "2.8"}
