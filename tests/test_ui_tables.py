"""The table pages (Chinese units, foreign partners, team), driven like a user would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Role, TeamRole
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.binding import field_label
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.pages.partners import PartnersPage
from applywizard.ui.pages.team import TeamPage
from applywizard.ui.pages.units import UnitsPage
from applywizard.ui.table_model import ERROR_COLOUR, WARNING_COLOUR, DraftTableModel
from applywizard.ui.text import _, language, set_language
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[1]
BACKGROUND = Qt.ItemDataRole.BackgroundRole
P = TypeVar("P", bound=WizardPage)
W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """The expectations below read the Chinese texts."""
    before = language()
    set_language("zh_CN")
    yield
    set_language(before)


def open_page(qtbot: QtBot, book: RuleBook, page_class: type[P], example: str = "1.1") -> P:
    hub = DraftHub(DraftSession(book, read_draft(ROOT / "examples" / f"{example}.json")))
    page = page_class(hub)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)  # keys go to the focus
    return page


def child(page: QWidget, kind: type[W], name: str) -> W:
    found = page.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def model_of(page: WizardPage, collection: str) -> DraftTableModel:
    model = child(page, QTableView, collection).model()
    assert isinstance(model, DraftTableModel)
    return model


def open_editor(page: WizardPage, kind: type[W], path: str) -> W:
    """Jump to a cell the way the review page does; the cell's editor opens."""
    assert page.focus_field(path)
    editor = child(page, kind, path)
    assert editor.isVisible()
    return editor


# QTest's functions are typed; pytest-qt's qtbot forwards to the same ones untyped.
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, key, modifier)


def type_text(widget: QWidget, text: str) -> None:
    """A key press for each character (QTest.keyClicks only knows ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, NO_MODIFIER)


def type_into(qtbot: QtBot, page: WizardPage, path: str, text: str) -> None:
    """Edit a cell: type the text over its value and press Enter."""
    editor = open_editor(page, QLineEdit, path)
    editor.selectAll()
    press(editor, Qt.Key.Key_Backspace)
    type_text(editor, text)
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)


def choose(qtbot: QtBot, page: WizardPage, path: str, text: str) -> QComboBox:
    """Open a cell's choice list, type the start of an option and press Enter."""
    editor = open_editor(page, QComboBox, path)
    type_text(editor, text)
    assert editor.currentText().startswith(text)
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    return editor


def cell(page: WizardPage, collection: str, row: int, field: str) -> QModelIndex:
    model = model_of(page, collection)
    return model.index(row, model.column_of(field))


def findings_shown(page: WizardPage, collection: str) -> list[str]:
    shown = child(page, QListWidget, f"{collection}.findings")
    return [shown.item(row).text() for row in range(shown.count())]


# -- Chinese units -------------------------------------------------------------------


def test_units_table_shows_each_unit_and_marks_the_lead(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    model = model_of(page, "chinese_units")
    assert model.rowCount() == 2
    name = cell(page, "chinese_units", 0, "name")
    assert model.data(name) == "楚天理工科技大学"
    role = cell(page, "chinese_units", 0, "role")
    assert model.data(role) == "★ 牵头"
    assert model.data(cell(page, "chinese_units", 1, "role")) == "参与"
    bold = model.data(name, Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    assert model.data(cell(page, "chinese_units", 1, "name"), Qt.ItemDataRole.FontRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) == "1 ★"
    assert model.data(cell(page, "chinese_units", 1, "central_funds_wan")) == "45.00"
    assert (
        model.data(name, Qt.ItemDataRole.AccessibleTextRole)
        == f"{field_label('chinese_units.0.name')}: 楚天理工科技大学"
    )


def test_units_add_button_appends_a_unit_and_edits_its_name(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    click(child(page, QPushButton, "chinese_units.add"))
    units = page.hub.session.draft.chinese_units
    assert len(units) == 3 and units[2].role is Role.PARTICIPANT
    editor = child(page, QLineEdit, "chinese_units.2.name")  # opened on the new row
    assert editor.accessibleName() == field_label("chinese_units.2.name")
    type_text(editor, "华中新材料研究院")
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    assert page.hub.session.draft.chinese_units[2].name == "华中新材料研究院"
    assert page.hub.session.dirty


def test_units_refused_amount_keeps_the_draft_and_says_why(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    type_into(qtbot, page, "chinese_units.0.central_funds_wan", "-5")
    assert page.hub.session.draft.chinese_units[0].central_funds_wan == Decimal("255.00")
    refusal = child(page, QLabel, "chinese_units#refusal")
    assert refusal.isVisible() and "输入无效" in refusal.text()
    assert field_label("chinese_units.0.central_funds_wan") in refusal.text()
    index = cell(page, "chinese_units", 0, "central_funds_wan")
    model = model_of(page, "chinese_units")
    assert model.data(index) == "255.00"
    assert "输入无效" in model.data(index, Qt.ItemDataRole.ToolTipRole)

    type_into(qtbot, page, "chinese_units.0.central_funds_wan", "二百")
    assert "“二百”不是数字" in refusal.text()
    assert page.hub.session.draft.chinese_units[0].central_funds_wan == Decimal("255.00")

    type_into(qtbot, page, "chinese_units.0.central_funds_wan", "1,250.5")
    assert page.hub.session.draft.chinese_units[0].central_funds_wan == Decimal("1250.5")
    assert not refusal.isVisible()
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) is None


def test_units_blank_required_amount_is_zero(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    type_into(qtbot, page, "chinese_units.1.self_raised_wan", "")
    assert page.hub.session.draft.chinese_units[1].self_raised_wan == Decimal(0)


def test_units_second_lead_is_an_error_shown_under_the_table(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    assert findings_shown(page, "chinese_units") == []
    editor = choose(qtbot, page, "chinese_units.1.role", "牵头")
    assert [item for item in range(editor.count()) if editor.itemText(item) == "—"] == []
    assert page.hub.session.draft.chinese_units[1].role is Role.LEAD
    shown = findings_shown(page, "chinese_units")
    assert len(shown) == 1 and shown[0].startswith("✖") and "现标记了 2 家" in shown[0]
    assert shown[0].endswith("（通用规则）")


def test_units_credit_code_warning_colours_the_cell_and_jumps_to_it(
    qtbot: QtBot, book: RuleBook
) -> None:
    page = open_page(qtbot, book, UnitsPage)
    type_into(qtbot, page, "chinese_units.1.credit_code", "91420100ma4k3t8w07")
    assert page.hub.session.draft.chinese_units[1].credit_code == "91420100MA4K3T8W07"
    model = model_of(page, "chinese_units")
    index = cell(page, "chinese_units", 1, "credit_code")
    background = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == WARNING_COLOUR
    assert "未通过校验" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(cell(page, "chinese_units", 0, "credit_code"), BACKGROUND) is None
    shown = child(page, QListWidget, "chinese_units.findings")
    assert shown.count() == 1 and shown.item(0).text().startswith("⚠")
    view = child(page, QTableView, "chinese_units")
    view.setCurrentIndex(model.index(0, 0))
    shown.itemActivated.emit(shown.item(0))
    assert view.currentIndex() == index
    assert child(page, QLineEdit, "chinese_units.1.credit_code").isVisible()


def test_units_tasks_are_edited_in_the_field_under_the_table(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    assert page.focus_field("chinese_units.1.tasks")
    tasks = child(page, QPlainTextEdit, "chinese_units.1.tasks")
    assert tasks.toPlainText().startswith("工程化喷涂工艺验证")
    assert tasks.accessibleName() == field_label("chinese_units.1.tasks")
    tasks.selectAll()
    type_text(tasks, "第一项")
    press(tasks, Qt.Key.Key_Return)
    type_text(tasks, "第二项")
    assert page.hub.session.draft.chinese_units[1].tasks == "第一项\n第二项"
    view = child(page, QTableView, "chinese_units")
    view.setCurrentIndex(model_of(page, "chinese_units").index(0, 0))
    assert tasks.objectName() == "chinese_units.0.tasks"
    assert tasks.toPlainText().startswith("项目总体设计与管理")


def test_units_delete_key_removes_the_current_unit(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    asked: list[int] = []

    def decline(row: int) -> bool:
        asked.append(row)
        return False

    page.table.confirm_removal = decline
    view = child(page, QTableView, "chinese_units")
    assert page.focus_field("chinese_units")
    view.setCurrentIndex(model_of(page, "chinese_units").index(0, 0))
    press(view, Qt.Key.Key_Delete)
    assert asked == [0] and len(page.hub.session.draft.chinese_units) == 2  # declined

    page.table.confirm_removal = lambda row: True
    press(view, Qt.Key.Key_Delete)
    units = page.hub.session.draft.chinese_units
    assert [unit.name for unit in units] == ["武汉鸿翼航空材料科技有限公司"]
    assert model_of(page, "chinese_units").rowCount() == 1
    assert any("现标记了 0 家" in line for line in findings_shown(page, "chinese_units"))


def test_units_move_buttons_and_keys_reorder_the_draft(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, UnitsPage)
    view = child(page, QTableView, "chinese_units")
    view.setCurrentIndex(model_of(page, "chinese_units").index(0, 2))
    click(child(page, QPushButton, "chinese_units.down"))
    names = [unit.name for unit in page.hub.session.draft.chinese_units]
    assert names == ["武汉鸿翼航空材料科技有限公司", "楚天理工科技大学"]
    assert view.currentIndex().row() == 1 and view.currentIndex().column() == 2
    assert model_of(page, "chinese_units").headerData(1, Qt.Orientation.Vertical) == "2 ★"
    view.setFocus()  # the keys work on the table
    press(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    names = [unit.name for unit in page.hub.session.draft.chinese_units]
    assert names == ["楚天理工科技大学", "武汉鸿翼航空材料科技有限公司"]
    assert view.currentIndex().row() == 0
    click(child(page, QPushButton, "chinese_units.up"))
    assert page.hub.session.draft.chinese_units[0].name == "楚天理工科技大学"  # already first


# -- foreign partners ----------------------------------------------------------------


def test_focus_field_opens_the_country_editor_named_by_its_path(
    qtbot: QtBot, book: RuleBook
) -> None:
    page = open_page(qtbot, book, PartnersPage)
    editor = open_editor(page, QComboBox, "foreign_partners.1.country")
    assert editor.objectName() == "foreign_partners.1.country"
    assert editor.accessibleName() == field_label("foreign_partners.1.country")
    assert editor.hasFocus()
    view = child(page, QTableView, "foreign_partners")
    assert view.currentIndex() == cell(page, "foreign_partners", 1, "country")
    assert editor.currentData() == "FR"
    offered = [editor.itemData(row) for row in range(editor.count())]
    assert offered == [None, "GB", "FR", "IT", "ES", "BE"]  # direction 1.1's countries
    assert page.focus_field("foreign_partners")
    assert view.hasFocus()
    assert not page.focus_field("team.0.name")


def test_choosing_a_partner_country_by_typing(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    choose(qtbot, page, "foreign_partners.1.country", "意大利")
    assert page.hub.session.draft.foreign_partners[1].country == "IT"
    model = model_of(page, "foreign_partners")
    assert model.data(cell(page, "foreign_partners", 1, "country")) == "意大利 (IT)"


def test_partner_country_outside_the_direction_is_flagged(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    page.hub.session.set_value("foreign_partners.1.country", "DE")
    page.hub.edited.emit()
    shown = findings_shown(page, "foreign_partners")
    assert any(line.startswith("✖") and "德国" in line and "1.1" in line for line in shown)
    model = model_of(page, "foreign_partners")
    index = cell(page, "foreign_partners", 1, "country")
    assert model.data(index) == "德国 (DE)"
    background = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == ERROR_COLOUR
    editor = open_editor(page, QComboBox, "foreign_partners.1.country")
    assert editor.currentData() == "DE" and "(not offered)" in editor.currentText()
    choose(qtbot, page, "foreign_partners.1.country", "英国")
    assert page.hub.session.draft.foreign_partners[1].country == "GB"
    assert not any("德国" in line for line in findings_shown(page, "foreign_partners"))


def test_country_choices_follow_the_direction(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    assert [code for code, _text in page.country_choices] == ["GB", "FR", "IT", "ES", "BE"]
    page.hub.session.set_value("direction", "1.8")
    page.initializePage()  # the page is shown again after choosing 1.8
    assert [code for code, _text in page.country_choices] == ["DE"]
    countries = child(page, QLabel, "foreign_partners.countries")
    assert "1.8" in countries.text() and "德国" in countries.text()
    editor = open_editor(page, QComboBox, "foreign_partners.0.country")
    assert [editor.itemData(row) for row in range(1, editor.count())] == ["DE", "FR"]
    page.hub.session.set_value("direction", "")
    page.initializePage()
    assert len(page.country_choices) == len(book.guide.countries)
    page.hub.session.set_value("direction", "1.2")
    page.hub.edited.emit()  # the direction page changed it while this page was open
    assert [code for code, _text in page.country_choices] == ["IT"]

    page.hub.session.replace(read_draft(ROOT / "examples" / "1.4.json"), path=None, dirty=False)
    page.hub.replaced.emit()
    assert len(page.country_choices) == 27
    assert model_of(page, "foreign_partners").rowCount() == len(
        page.hub.session.draft.foreign_partners
    )


def test_partner_dates_are_typed_and_checked(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    type_into(qtbot, page, "foreign_partners.0.registered_on", "1990-02-03")
    assert page.hub.session.draft.foreign_partners[0].registered_on == date(1990, 2, 3)
    type_into(qtbot, page, "foreign_partners.0.registered_on", "1990-13-03")
    assert page.hub.session.draft.foreign_partners[0].registered_on == date(1990, 2, 3)
    model = model_of(page, "foreign_partners")
    index = cell(page, "foreign_partners", 0, "registered_on")
    assert "不是日期" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    type_into(qtbot, page, "foreign_partners.0.registered_on", "")
    assert page.hub.session.draft.foreign_partners[0].registered_on is None
    assert "请填写" in model.data(index, Qt.ItemDataRole.ToolTipRole)  # now a finding
    assert any("注册日期" in line for line in findings_shown(page, "foreign_partners"))


def test_partner_yes_no_money_and_currency(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    model = model_of(page, "foreign_partners")
    entity = cell(page, "foreign_partners", 0, "independent_legal_entity")
    assert model.data(entity) == _("Yes")
    editor = open_editor(page, QComboBox, "foreign_partners.0.independent_legal_entity")
    assert [editor.itemData(row) for row in range(editor.count())] == [None, True, False]
    editor.setCurrentIndex(0)
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    assert page.hub.session.draft.foreign_partners[0].independent_legal_entity is None
    assert model.data(entity) == ""
    type_into(qtbot, page, "foreign_partners.0.budget_amount", "")
    assert page.hub.session.draft.foreign_partners[0].budget_amount is None  # optional
    type_into(qtbot, page, "foreign_partners.0.budget_amount", "125000.50")
    assert page.hub.session.draft.foreign_partners[0].budget_amount == Decimal("125000.50")
    currency = open_editor(page, QComboBox, "foreign_partners.0.budget_currency")
    assert currency.isEditable()
    line = currency.lineEdit()
    assert line is not None
    line.selectAll()
    type_text(line, "gbp")
    with qtbot.waitSignal(page.hub.edited):
        press(line, Qt.Key.Key_Return)
    assert page.hub.session.draft.foreign_partners[0].budget_currency == "GBP"


def test_partner_rows_added_moved_and_removed(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    page.table.confirm_removal = lambda row: True
    view = child(page, QTableView, "foreign_partners")
    view.setFocus()
    press(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    partners = page.hub.session.draft.foreign_partners
    assert len(partners) == 3
    name = child(page, QLineEdit, "foreign_partners.2.name")
    type_text(name, "Politecnico di Torino")
    with qtbot.waitSignal(page.hub.edited):
        press(name, Qt.Key.Key_Return)
    click(child(page, QPushButton, "foreign_partners.up"))
    names = [partner.name for partner in page.hub.session.draft.foreign_partners]
    assert names[1] == "Politecnico di Torino" and names[2] == "Université de Val-de-Saône"
    assert any(line.startswith("✖") for line in findings_shown(page, "foreign_partners"))
    click(child(page, QPushButton, "foreign_partners.remove"))
    names = [partner.name for partner in page.hub.session.draft.foreign_partners]
    assert names == [
        "Institut de Recherche sur les Matériaux Avancés de Lyon-Vénissieux (IRMAV)",
        "Université de Val-de-Saône",
    ]
    assert view.currentIndex().row() == 1
    assert findings_shown(page, "foreign_partners") == []


def test_a_refused_text_is_reported_until_corrected(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, PartnersPage)
    type_into(qtbot, page, "foreign_partners.0.leader_name", "Claire\u202eDubois")
    assert page.hub.session.draft.foreign_partners[0].leader_name == "Claire Dubois-Marchand"
    refusal = child(page, QLabel, "foreign_partners#refusal")
    assert "direction control" in refusal.text() or "输入无效" in refusal.text()
    type_into(qtbot, page, "foreign_partners.0.leader_name", "Claire Dubois")
    assert page.hub.session.draft.foreign_partners[0].leader_name == "Claire Dubois"
    assert not refusal.isVisible()


# -- team ------------------------------------------------------------------------------


def test_team_unit_offers_the_chinese_units(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, TeamPage)
    editor = open_editor(page, QComboBox, "team.1.unit")
    assert editor.isEditable()
    assert [editor.itemText(row) for row in range(editor.count())] == [
        "楚天理工科技大学",
        "武汉鸿翼航空材料科技有限公司",
    ]
    editor.setCurrentIndex(1)
    line = editor.lineEdit()
    assert line is not None
    with qtbot.waitSignal(page.hub.edited):
        press(line, Qt.Key.Key_Return)
    assert page.hub.session.draft.team[1].unit == "武汉鸿翼航空材料科技有限公司"
    page.hub.session.set_value("chinese_units.1.name", "鸿翼新材料有限公司")
    editor = open_editor(page, QComboBox, "team.2.unit")
    assert editor.itemText(1) == "鸿翼新材料有限公司"


def test_team_months_per_year_are_checked(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, TeamPage)
    type_into(qtbot, page, "team.0.months_per_year", "13")
    assert page.hub.session.draft.team[0].months_per_year == Decimal(9)
    assert child(page, QLabel, "team#refusal").isVisible()
    type_into(qtbot, page, "team.0.months_per_year", "7.5")
    assert page.hub.session.draft.team[0].months_per_year == Decimal("7.5")
    type_into(qtbot, page, "team.0.months_per_year", "")
    assert page.hub.session.draft.team[0].months_per_year is None


def test_team_without_a_leader_is_reported(qtbot: QtBot, book: RuleBook) -> None:
    page = open_page(qtbot, book, TeamPage)
    model = model_of(page, "team")
    assert model.data(cell(page, "team", 0, "role")) == "★ 项目负责人"
    choose(qtbot, page, "team.0.role", "骨干")
    assert page.hub.session.draft.team[0].role is TeamRole.CORE
    assert model.data(cell(page, "team", 0, "role")) == "骨干成员"
    shown = child(page, QListWidget, "team.findings")
    assert shown.count() == 1 and "项目负责人" in shown.item(0).text()
    view = child(page, QTableView, "team")
    shown.itemActivated.emit(shown.item(0))  # a finding on the whole list: the table
    assert view.hasFocus()


@pytest.mark.parametrize(
    ("page_class", "collection"),
    [(UnitsPage, "chinese_units"), (PartnersPage, "foreign_partners"), (TeamPage, "team")],
)
def test_every_control_is_named_and_reachable(
    qtbot: QtBot, book: RuleBook, page_class: type[WizardPage], collection: str
) -> None:
    page = open_page(qtbot, book, page_class)
    view = child(page, QTableView, collection)
    assert view.accessibleName() == field_label(collection)
    assert not view.tabKeyNavigation()  # Tab leaves the table
    for action in ("add", "remove", "up", "down"):
        button = child(page, QPushButton, f"{collection}.{action}")
        assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert child(page, QListWidget, f"{collection}.findings").accessibleName()
    model = model_of(page, collection)
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)
