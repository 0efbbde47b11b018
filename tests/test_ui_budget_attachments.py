"""The budget and attachments pages, driven like a user (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.documents.formatting import wan
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import BudgetYear, Draft
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.budget_amounts import next_budget_year
from applywizard.ui.binding import field_label
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.attachments import AttachmentsPage
from applywizard.ui.pages.budget import BudgetPage
from applywizard.ui.text import _, language, set_language
from applywizard.workflow.attachments import MAX_ATTACHMENT_BYTES
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    before = language()
    set_language("zh_CN")
    yield
    set_language(before)


def example(name: str = "1.1") -> Draft:
    return read_draft(ROOT / "examples" / f"{name}.json")


def hub_for(book: RuleBook, draft: Draft) -> DraftHub:
    return DraftHub(DraftSession(book, draft))


def shown(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


W = TypeVar("W", bound=QWidget)


def child(page: QWidget, kind: type[W], name: str) -> W:
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


# QtBot's key and mouse methods are QTest's, untyped; these typed wrappers call QTest.
def click(widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click, in the middle of the widget unless ``pos`` says where."""
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint()
    )


def press(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def retype(widget: QLineEdit, text: str) -> None:
    """Select everything in a field and type over it, as a user does."""
    widget.setFocus()
    press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(widget, text)
    else:
        press(widget, Qt.Key.Key_Backspace)


def visible_text(page: QWidget, name: str) -> str:
    label = child(page, QLabel, name)
    return label.text() if label.isVisibleTo(page) else ""


# -- budget ---------------------------------------------------------------------------------------


@pytest.fixture
def budget(book: RuleBook, qtbot: QtBot) -> BudgetPage:
    page = BudgetPage(hub_for(book, example("1.1")))
    shown(qtbot, page)
    page.reload()
    return page


def test_every_amount_is_a_cell_named_by_its_path_and_labelled(budget: BudgetPage) -> None:
    years = budget.hub.session.draft.budget.years
    assert len(years) == 3
    for index, year in enumerate(years):
        for source, _zh, _en in SOURCES:
            for category, _czh, _cen in CATEGORIES:
                path = f"budget.years.{index}.{source}.{category}"
                cell = child(budget, QLineEdit, path)
                assert Decimal(cell.text()) == getattr(getattr(year, source), category)
                assert cell.accessibleName().startswith(f"年度预算 {index + 1}：")
    labour = child(budget, QLineEdit, "budget.years.0.central.labour")
    assert labour.accessibleName() == "年度预算 1：中央财政资金：劳务费"
    equipment = "budget.years.2.central.equipment"
    assert child(budget, QLineEdit, equipment).accessibleName() == field_label(equipment)


def test_typing_an_amount_updates_the_draft_totals_and_cap_live(
    budget: BudgetPage, qtbot: QtBot
) -> None:
    assert visible_text(budget, "budget.total") == "420.00"
    assert visible_text(budget, "budget.indirect.cap") == "68.76"
    cell = child(budget, QLineEdit, "budget.years.0.central.labour")
    retype(cell, "1")
    assert budget.hub.session.draft.budget.years[0].central.labour == Decimal(1)
    assert visible_text(budget, "budget.total.central.labour") == "39.40"
    type_text(cell, "00")  # 100, as the applicant goes on typing
    draft = budget.hub.session.draft
    assert draft.budget.years[0].central.labour == Decimal(100)
    assert visible_text(budget, "budget.total.years.0.central") == "195.04"
    assert visible_text(budget, "budget.total.years.0.central.direct") == "179.92"
    assert visible_text(budget, "budget.total.central.labour") == "138.40"
    assert visible_text(budget, "budget.total.central.direct") == "336.40"
    assert visible_text(budget, "budget.total.central") == "378.40"
    assert visible_text(budget, "budget.total.years.0") == "245.44"
    assert visible_text(budget, "budget.total") == "498.40"
    # cap on 336.40 - 28.80 = 307.60 at 30 %
    assert visible_text(budget, "budget.indirect.base") == "307.60"
    assert visible_text(budget, "budget.indirect.cap") == "92.28"
    assert visible_text(budget, "budget.summary.central.expenditure") == "378.40"


def test_income_not_equal_to_expenditure_shows_beside_the_income(
    budget: BudgetPage, qtbot: QtBot
) -> None:
    assert visible_text(budget, "budget.income_central_wan#finding") == ""
    retype(child(budget, QLineEdit, "budget.years.1.central.business"), "60")
    finding = visible_text(budget, "budget.income_central_wan#finding")
    assert "收入预算中的中央财政资金 300 万元与支出预算合计 301.68 万元不等" in finding
    expenditure = child(budget, QLabel, "budget.summary.central.expenditure")
    assert expenditure.property("severity") == "error"
    retype(child(budget, QLineEdit, "budget.income_central_wan"), "301.68")
    assert visible_text(budget, "budget.income_central_wan#finding") == ""
    assert expenditure.property("severity") == ""


def test_the_cap_is_highlighted_when_indirect_costs_exceed_it(
    budget: BudgetPage, qtbot: QtBot
) -> None:
    total = child(budget, QLabel, "budget.indirect.total")
    assert total.property("severity") == ""
    retype(child(budget, QLineEdit, "budget.years.0.central.indirect"), "50")
    assert total.text() == "76.88"
    assert total.property("severity") == "warning"
    assert "8.12" in visible_text(budget, "budget.indirect#note")  # 76.88 - 68.76
    findings = child(budget, QListWidget, "budget.findings")
    texts = [findings.item(row).text() for row in range(findings.count())]
    assert any("超过上限 68.76 万元" in text for text in texts)


def test_theoretical_research_changes_the_cap(budget: BudgetPage, qtbot: QtBot) -> None:
    box = child(budget, QCheckBox, "budget.theoretical_basic_research")
    click(box, QPoint(8, box.height() // 2))
    assert budget.hub.session.draft.budget.theoretical_basic_research is True
    assert visible_text(budget, "budget.indirect.cap") == "137.52"  # 229.20 x 60 %


@pytest.mark.parametrize(
    ("typed", "kept", "reason"),
    [
        ("-5", "21.60", "金额不能为负数"),
        ("abc", "21.60", "“abc”不是数字"),
        ("NaN", "21.60", "不是有限的数字"),
        # typed key by key: the draft keeps the last amount it accepted on the way
        ("1.1234567", "1.123456", "最多保留 6 位小数"),
        ("99999999", "9999999", "输入无效"),
    ],
)
def test_a_refused_amount_keeps_the_draft_and_says_why(
    budget: BudgetPage, qtbot: QtBot, typed: str, kept: str, reason: str
) -> None:
    cell = child(budget, QLineEdit, "budget.years.0.central.labour")
    retype(cell, typed)
    assert budget.hub.session.draft.budget.years[0].central.labour == Decimal(kept)
    assert cell.text() == typed  # the applicant's text stays, to be corrected
    refusal = visible_text(budget, "budget.refused")
    assert reason in refusal
    assert "年度预算 1：中央财政资金：劳务费" in refusal
    assert cell.property("severity") == "error"
    assert cell.toolTip().startswith("✖")
    retype(cell, "21.6")
    assert visible_text(budget, "budget.refused") == ""
    assert cell.property("severity") == ""


def test_a_blank_amount_is_zero(budget: BudgetPage, qtbot: QtBot) -> None:
    retype(child(budget, QLineEdit, "budget.years.2.self_raised.business"), "")
    assert budget.hub.session.draft.budget.years[2].self_raised.business == Decimal(0)
    assert visible_text(budget, "budget.total.self_raised") == "99.84"


def test_add_year_takes_the_next_year_within_the_dates(
    budget: BudgetPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "confirm_remove_year", lambda _year: True)
    click(child(budget, QPushButton, "budget.years.1#remove"))
    years = budget.hub.session.draft.budget.years
    assert [year.year for year in years] == [2024, 2026]
    assert budget.findChild(QLineEdit, "budget.years.2.central.labour") is None
    assert visible_text(budget, "budget.total") == "272.76"
    add = child(budget, QPushButton, "budget.add_year")
    click(add)
    # 2025 is the only year of 2024-2026 left, and it goes between the others
    assert [year.year for year in budget.hub.session.draft.budget.years] == [2024, 2025, 2026]
    new_cell = child(budget, QLineEdit, "budget.years.1.central.equipment")
    assert new_cell.text() == "0"
    assert QApplication.focusWidget() is new_cell
    click(add)
    assert budget.hub.session.draft.budget.years[-1].year == 2027
    findings = child(budget, QListWidget, "budget.findings")
    texts = [findings.item(row).text() for row in range(findings.count())]
    assert any("2027 年不在项目实施期" in text for text in texts)


def test_removing_a_year_with_amounts_asks_first(
    budget: BudgetPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int | None] = []

    def decline(year: BudgetYear) -> bool:
        asked.append(year.year)
        return False

    monkeypatch.setattr(budget, "confirm_remove_year", decline)
    click(child(budget, QPushButton, "budget.years.0#remove"))
    assert asked == [2024]
    assert len(budget.hub.session.draft.budget.years) == 3


@pytest.mark.parametrize(
    ("years", "start", "end", "expected"),
    [
        ([], date(2024, 1, 1), date(2026, 12, 31), 2024),
        ([2024], date(2024, 1, 1), date(2026, 12, 31), 2025),
        ([2024, 2026], date(2024, 1, 1), date(2026, 12, 31), 2025),
        ([2024, 2025, 2026], date(2024, 1, 1), date(2026, 12, 31), 2027),
        ([None], date(2024, 7, 1), date(2025, 6, 30), 2024),
        ([2030], None, None, 2031),
        ([], None, None, 2023),
    ],
)
def test_next_budget_year(
    years: list[int | None], start: date | None, end: date | None, expected: int
) -> None:
    assert next_budget_year(years, start, end, 2023) == expected


def test_every_amount_path_can_be_focused(budget: BudgetPage) -> None:
    for index in range(3):
        for source, _zh, _en in SOURCES:
            for category, _czh, _cen in CATEGORIES:
                path = f"budget.years.{index}.{source}.{category}"
                assert budget.focus_field(path), path
                assert QApplication.focusWidget() is child(budget, QLineEdit, path)
    for path in ("budget.years.1", "budget.years.1.year"):  # a whole year, or its year
        assert budget.focus_field(path)
        assert QApplication.focusWidget() is budget.findChild(QWidget, "budget.years.1.year")
    assert budget.focus_field("budget.income_self_raised_wan")
    assert budget.focus_field("form.budget_notes")
    assert not budget.focus_field("team.0.name")


def test_activating_a_finding_goes_to_its_cell(budget: BudgetPage, qtbot: QtBot) -> None:
    retype(child(budget, QLineEdit, "budget.years.2.self_raised.equipment_purchase"), "9")
    findings = child(budget, QListWidget, "budget.findings")
    rows = [
        row
        for row in range(findings.count())
        if findings.item(row).data(Qt.ItemDataRole.UserRole)
        == "budget.years.2.self_raised.equipment_purchase"
    ]
    assert rows, "the purchase above the equipment costs is listed"
    assert "设备购置费 9 万元超过设备费 3 万元" in findings.item(rows[0]).text()
    cell = child(budget, QLineEdit, "budget.years.2.self_raised.equipment_purchase")
    assert cell.property("severity") == "error"
    findings.setFocus()
    findings.setCurrentRow(rows[0])
    press(findings, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is cell


def test_units_funds_stand_next_to_the_budget_totals(budget: BudgetPage) -> None:
    assert visible_text(budget, "budget.summary.central.units") == "300.00"
    assert visible_text(budget, "budget.summary.self_raised.units") == "120.00"
    budget.hub.session.set_value("chinese_units.1.central_funds_wan", Decimal("40"))
    budget.hub.edited.emit()
    units = child(budget, QLabel, "budget.summary.central.units")
    assert units.text() == wan(Decimal(295))
    assert units.property("severity") == "error"
    assert "中央财政资金" in visible_text(budget, "budget.summary#note")


def test_budget_notes_are_edited_here(budget: BudgetPage, qtbot: QtBot) -> None:
    notes = child(budget, QPlainTextEdit, "form.budget_notes")
    notes.setFocus()
    press(notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(notes, " (see annex)")
    assert budget.hub.session.draft.form.budget_notes.endswith(" (see annex)")


def test_a_replaced_draft_rebuilds_the_grid(budget: BudgetPage, book: RuleBook) -> None:
    hub = budget.hub
    other = example("1.1")
    other.budget.years = other.budget.years[:1]
    hub.session.replace(other, path=None, dirty=False)
    hub.replaced.emit()
    assert budget.findChild(QLineEdit, "budget.years.1.central.labour") is None
    assert visible_text(budget, "budget.total.central") == wan(other.budget.central_total())
    empty = Draft(guide_id=book.guide.id, direction="1.1")
    hub.session.replace(empty, path=None, dirty=False)
    hub.replaced.emit()
    assert budget.findChild(QLineEdit, "budget.years.0.central.labour") is None
    assert budget.focus_field("budget.years")
    assert QApplication.focusWidget() is child(budget, QPushButton, "budget.add_year")


def test_amounts_changed_while_the_page_was_hidden_show_when_it_is_entered(
    budget: BudgetPage, qtbot: QtBot
) -> None:
    labour = child(budget, QLineEdit, "budget.years.0.central.labour")
    retype(labour, "12x")  # refused: the user's text stays, whatever happens meanwhile
    budget.hide()
    session = budget.hub.session
    session.set_value("budget.years.0.central.equipment", Decimal("7.5"))
    session.set_value("budget.years.0.central.labour", Decimal("3"))
    session.set_value("budget.years.1.year", 2031)
    budget.hub.edited.emit()
    budget.show()
    assert child(budget, QLineEdit, "budget.years.0.central.equipment").text() == "7.5"
    assert labour.text() == "12x"
    assert child(budget, QSpinBox, "budget.years.1.year").value() == 2031
    assert session.value("budget.years.1.year") == 2031  # showing it is not an edit
    assert session.value("budget.years.0.central.labour") == Decimal("3")


# -- attachments ----------------------------------------------------------------------------------


@pytest.fixture
def attachments(book: RuleBook, qtbot: QtBot) -> AttachmentsPage:
    page = AttachmentsPage(hub_for(book, example("1.1")))
    shown(qtbot, page)
    page.reload()
    return page


def checklist_texts(page: AttachmentsPage) -> dict[str, str]:
    checklist = child(page, QListWidget, "attachments.checklist")
    return {
        str(checklist.item(row).data(Qt.ItemDataRole.UserRole)): checklist.item(row).text()
        for row in range(checklist.count())
    }


def test_the_checklist_lists_1_1_documents_with_their_clauses(attachments: AttachmentsPage) -> None:
    texts = checklist_texts(attachments)
    assert list(texts) == [
        "joint_lab_agreement",
        "foreign_government_support",
        "joint_lab_plan",
        "cooperation_agreement",
        "ip_agreement",
    ]
    lab = texts["joint_lab_agreement"]
    assert "双方实验室依托单位签署的共建联合实验室合作协议" in lab
    assert "1.1（2）" in lab
    assert lab.startswith("✔") and "中法高温防护涂层联合实验室共建协议.pdf" in lab
    assert texts["ip_agreement"].startswith("○")
    assert "1.1（6）" in texts["cooperation_agreement"]


def test_a_missing_document_shows_its_finding_in_the_checklist(
    attachments: AttachmentsPage, qtbot: QtBot
) -> None:
    assert visible_text(attachments, "attachments#finding") == ""
    listed = child(attachments, QListWidget, "attachments")
    listed.setCurrentRow(1)  # the joint-lab agreement
    click(child(attachments, QPushButton, "attachments.remove"))
    kinds = [item.kind for item in attachments.hub.session.draft.attachments]
    assert "joint_lab_agreement" not in kinds and len(kinds) == 4
    assert checklist_texts(attachments)["joint_lab_agreement"].startswith("✖")
    finding = visible_text(attachments, "attachments#finding")
    assert "缺少附件：双方实验室依托单位签署的共建联合实验室合作协议" in finding
    assert "指南 1.1 其他要求（2）" in finding


def test_a_declaration_is_answered_yes_no_or_not_at_all_by_keyboard(
    attachments: AttachmentsPage, qtbot: QtBot
) -> None:
    answer = child(attachments, QComboBox, "declarations.partner_capability")
    unanswered, yes, no = _("Not answered"), _("Yes"), _("No")
    assert [answer.itemText(i) for i in range(answer.count())] == [unanswered, yes, no]
    assert answer.currentText() == yes and answer.isVisibleTo(attachments)
    assert "1.1（7）" in visible_text(attachments, "declarations.partner_capability#text")
    assert visible_text(attachments, "declarations.partner_capability#finding") == ""
    shown(qtbot, attachments)
    answer.setFocus()
    press(answer, Qt.Key.Key_Down)  # 是 -> 否
    assert answer.currentText() == no
    assert attachments.hub.session.draft.declarations["partner_capability"] is False
    finding = visible_text(attachments, "declarations.partner_capability#finding")
    assert "指南 1.1 其他要求（7）" in finding
    press(answer, Qt.Key.Key_Up)
    press(answer, Qt.Key.Key_Up)  # 否 -> 是 -> 未回答: the key goes
    assert answer.currentText() == unanswered
    assert "partner_capability" not in attachments.hub.session.draft.declarations
    assert "指南 1.1 其他要求（7）" in visible_text(
        attachments, "declarations.partner_capability#finding"
    )
    press(answer, Qt.Key.Key_Down)
    assert attachments.hub.session.draft.declarations["partner_capability"] is True
    assert visible_text(attachments, "declarations.partner_capability#finding") == ""


def test_the_declarations_follow_the_chosen_direction(attachments: AttachmentsPage) -> None:
    session = attachments.hub.session
    assert not child(attachments, QComboBox, "declarations.cdti_matching").isVisibleTo(attachments)
    session.set_value("direction", "1.3")
    attachments.hub.edited.emit()
    for declaration in ("cdti_matching", "both_sides_apply", "cdti_english_form"):
        assert child(attachments, QComboBox, f"declarations.{declaration}").isVisibleTo(attachments)
    capability = child(attachments, QComboBox, "declarations.partner_capability")
    assert not capability.isVisibleTo(attachments)
    assert "1.3（2）" in visible_text(attachments, "declarations.cdti_matching#text")
    assert list(checklist_texts(attachments)) == ["cooperation_agreement", "ip_agreement"]


def test_attaching_a_file_records_its_sha256_and_size(
    attachments: AttachmentsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = b"%PDF-1.7 separate IP agreement"
    path = tmp_path / "sub" / "知识产权协议.pdf"
    path.parent.mkdir()
    path.write_bytes(content)
    asked: list[str] = []

    def choose(kind: object, *, many: bool = True) -> list[Path]:
        asked.append(getattr(kind, "id", ""))
        return [path]

    monkeypatch.setattr(attachments, "choose_files", choose)
    checklist = child(attachments, QListWidget, "attachments.checklist")
    checklist.setCurrentRow(4)  # the IP agreement: the default kind of the next attachment
    kind_box = child(attachments, QComboBox, "attachments.new_kind")
    assert kind_box.currentData() == "ip_agreement"
    click(child(attachments, QPushButton, "attachments.attach"))
    assert asked == ["ip_agreement"]
    added = attachments.hub.session.draft.attachments[-1]
    assert added.kind == "ip_agreement"
    assert added.file_name == "知识产权协议.pdf"
    assert added.sha256 == hashlib.sha256(content).hexdigest()
    assert added.size_bytes == len(content)
    listed = child(attachments, QListWidget, "attachments")
    assert listed.count() == 6 and listed.currentRow() == 5
    assert child(attachments, QWidget, "attachments.5.signed_on").isVisibleTo(attachments)
    assert added.sha256 in visible_text(attachments, "attachments.5#file")
    assert checklist_texts(attachments)["ip_agreement"].startswith("✔")


def test_a_file_of_the_wrong_type_is_refused(
    attachments: AttachmentsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK spreadsheet")
    monkeypatch.setattr(attachments, "choose_files", lambda kind, many=True: [path])
    child(attachments, QListWidget, "attachments.checklist").setCurrentRow(3)  # agreement
    click(child(attachments, QPushButton, "attachments.attach"))
    assert len(attachments.hub.session.draft.attachments) == 5
    message = visible_text(attachments, "attachments#refused")
    assert "“budget.xlsx”（.xlsx）不能作为中外合作协议" in message
    assert "pdf, doc, docx, ofd" in message
    # the same file is fine as a bilateral form
    kind_box = child(attachments, QComboBox, "attachments.new_kind")
    kind_box.setCurrentIndex(kind_box.findData("bilateral_form"))
    click(child(attachments, QPushButton, "attachments.attach"))
    assert attachments.hub.session.draft.attachments[-1].kind == "bilateral_form"


def test_empty_and_oversized_files_are_refused(
    attachments: AttachmentsPage, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as stream:
        stream.truncate(MAX_ATTACHMENT_BYTES + 1)
    assert attachments.attach_files([empty, huge]) == 0
    assert len(attachments.hub.session.draft.attachments) == 5
    message = visible_text(attachments, "attachments#refused")
    assert "“empty.pdf”是空文件" in message
    assert "超过附件上限 50.0 MB" in message


def _files_mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def test_dropping_files_attaches_them(attachments: AttachmentsPage, tmp_path: Path) -> None:
    first = tmp_path / "plan-v2.docx"
    first.write_bytes(b"plan")
    second = tmp_path / "letter.pdf"
    second.write_bytes(b"letter")
    kind_box = child(attachments, QComboBox, "attachments.new_kind")
    kind_box.setCurrentIndex(kind_box.findData("other"))
    mime = _files_mime(QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second)))
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), action, mime, button, modifiers)
    attachments.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), action, mime, button, modifiers)
    attachments.dropEvent(drop)
    assert drop.isAccepted()
    added = attachments.hub.session.draft.attachments[-2:]
    assert [(item.kind, item.file_name, item.size_bytes) for item in added] == [
        ("other", "plan-v2.docx", 4),
        ("other", "letter.pdf", 6),
    ]
    web = _files_mime(QUrl("https://example.org/a.pdf"))
    refused = QDragEnterEvent(QPoint(20, 20), action, web, button, modifiers)
    attachments.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_replacing_a_file_keeps_its_facts(
    attachments: AttachmentsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "agreement-final.pdf"
    path.write_bytes(b"final text")
    monkeypatch.setattr(attachments, "choose_files", lambda kind, many=True: [path])
    child(attachments, QListWidget, "attachments").setCurrentRow(0)
    before = attachments.hub.session.draft.attachments[0]
    click(child(attachments, QPushButton, "attachments.replace"))
    after = attachments.hub.session.draft.attachments[0]
    assert after.file_name == "agreement-final.pdf"
    assert after.sha256 == hashlib.sha256(b"final text").hexdigest()
    assert after.sha256 != before.sha256
    assert (after.kind, after.signed_on, after.contains_ip_clauses) == (
        before.kind,
        before.signed_on,
        before.contains_ip_clauses,
    )
    assert child(attachments, QLineEdit, "attachments.0.file_name").text() == "agreement-final.pdf"


def test_the_facts_sit_beside_the_selected_attachment_with_their_findings(
    attachments: AttachmentsPage, qtbot: QtBot
) -> None:
    child(attachments, QListWidget, "attachments").setCurrentRow(0)
    needs = visible_text(attachments, "attachments.needs")
    assert "签署日期（1.1（6））" in needs and "含知识产权条款（1.1（6））" in needs
    ip = child(attachments, QComboBox, "attachments.0.contains_ip_clauses")
    assert ip.currentData() is True
    ip.setFocus()
    press(ip, Qt.Key.Key_Down)  # Yes -> No
    assert attachments.hub.session.draft.attachments[0].contains_ip_clauses is False
    finding = visible_text(attachments, "attachments.0.contains_ip_clauses#finding")
    assert "中外合作协议（或意向书等项目合作文件）须包含知识产权条款" in finding
    assert "指南 1.1 其他要求（6）" in finding
    assert child(attachments, QListWidget, "attachments").item(0).text().startswith("✖")


def test_focus_field_selects_the_attachment_and_focuses_its_field(
    attachments: AttachmentsPage,
) -> None:
    assert attachments.focus_field("attachments.2.signed_on")
    assert child(attachments, QListWidget, "attachments").currentRow() == 2
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "attachments.2.signed_on"
    assert attachments.focus_field("attachments.4.note")
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "attachments.4.note"
    assert focused.accessibleName() == "附件 5：备注"
    assert attachments.focus_field("declarations.partner_capability")
    assert not attachments.focus_field("attachments.9.signed_on")


def test_a_draft_without_attachments(book: RuleBook, qtbot: QtBot) -> None:
    draft = example("1.1")
    draft.attachments = []
    page = AttachmentsPage(hub_for(book, draft))
    shown(qtbot, page)
    page.reload()
    assert child(page, QListWidget, "attachments").count() == 0
    assert not child(page, QPushButton, "attachments.remove").isEnabled()
    assert all(text.startswith(("✖", "○")) for text in checklist_texts(page).values())
    # the first missing document is the default kind of the next attachment
    assert child(page, QComboBox, "attachments.new_kind").currentData() == "joint_lab_agreement"
    assert page.focus_field("attachments")
    assert QApplication.focusWidget() is child(page, QListWidget, "attachments.checklist")


def test_rebuilding_leaves_no_stray_windows(
    book: RuleBook, qtbot: QtBot, attachments: AttachmentsPage, budget: BudgetPage
) -> None:
    for page in (attachments, budget):
        page.reload()
        page.reload()
    budget.add_year()
    attachments.focus_field("attachments.3.note")
    qtbot.wait(20)  # let queued shows and deletions run
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert set(windows) <= {attachments, budget}
