"""Whole applications typed into the real window, from the Start page to the generated files.

Every direction, one shipped example each (examples/*.json): each value is typed (or chosen with
the keyboard) into the widget named by its field path, table rows are added
with their Add buttons, budget years with Add year, attachments are real small
files attached through the page. At the end no error may remain, the review
page must say so, the documents are generated, and the draft in the window
must equal the example.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTreeWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft, Stage
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.attachments import FACTS
from applywizard.presenters.budget_amounts import amount_path
from applywizard.presenters.stage import FORMAL_ONLY
from applywizard.ui.assembly import build_wizard
from applywizard.ui.pages.attachments import AttachmentsPage
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.pages.budget import BudgetPage
from applywizard.ui.tables import TableEditor
from applywizard.ui.text import _
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import DraftSession
from tests.preflight_files import sound_file
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
W = TypeVar("W", bound=QWidget)


def _forget_changes(wizard: Any) -> None:
    wizard.hub.session.dirty = False


# -- the keyboard and the mouse ------------------------------------------------------------------


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, key, modifier)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def as_text(value: Any) -> str:
    """What a person types for a value."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


def retype(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it."""
    widget.setFocus()
    press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, widget, text)
    else:
        press(widget, Qt.Key.Key_Backspace)


def choose(box: QComboBox, value: Any) -> None:
    """Move a closed combo box to ``value`` with the arrow keys."""
    target = next((row for row in range(box.count()) if box.itemData(row) == value), -1)
    assert target >= 0, f"{box.objectName()}: {value!r} is not offered"
    box.setFocus()
    while box.currentIndex() != target:
        press(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    assert box.itemData(box.currentIndex()) == value


def enter(qtbot: QtBot, widget: QWidget, value: Any) -> None:
    """Put ``value`` into a bound widget the way a person does."""
    if isinstance(widget, QComboBox):
        choose(widget, value)
    elif isinstance(widget, QCheckBox):
        if widget.isChecked() != bool(value):
            widget.setFocus()
            press(widget, Qt.Key.Key_Space)
    elif isinstance(widget, QSpinBox):
        widget.setFocus()
        press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(widget, as_text(value))
    elif isinstance(widget, QLineEdit):
        retype(qtbot, widget, as_text(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setFocus()
        widget.selectAll()
        type_text(qtbot, widget, as_text(value))
    else:
        raise AssertionError(f"cannot type into {type(widget).__name__} {widget.objectName()}")


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def bound_page(wizard: ApplicationWizard, page_id: PageId) -> WizardPage:
    """A page of the wizard that edits draft fields."""
    page = wizard.pages[page_id]
    assert isinstance(page, WizardPage)
    return page


def fill_bound(qtbot: QtBot, page: WizardPage, source: DraftSession, paths: list[str]) -> None:
    """Type the example's value of every path into the page's widget for it."""
    for path in paths:
        value = source.value(path)
        widget = page.binder.widget(path)
        assert widget is not None, path
        if not widget.isVisibleTo(page):
            assert is_blank(value), f"{path} holds {value!r} but its field is hidden"
            continue
        if is_blank(value) and not isinstance(widget, QComboBox | QCheckBox):
            continue
        enter(qtbot, widget, value)
        assert page.hub.session.value(path) == value, path


# -- the pages ----------------------------------------------------------------------------------


def choose_direction(qtbot: QtBot, wizard: ApplicationWizard, source: DraftSession) -> None:
    page = bound_page(wizard, PageId.DIRECTION)
    code = source.draft.direction
    type_text(qtbot, child(page, QLineEdit, "direction.search"), code)
    table = child(page, QTableWidget, "direction")
    row = next(
        n
        for n in range(table.rowCount())
        if (item := table.item(n, 0)) is not None and item.text() == code
    )
    assert not table.isRowHidden(row)
    item = table.item(row, 0)
    assert item is not None
    table.scrollToItem(item)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        NO_MODIFIER,
        table.visualItemRect(item).center(),
    )
    assert wizard.hub.session.draft.direction == code
    fill_bound(qtbot, page, source, page.binder.paths())


def type_cell(qtbot: QtBot, page: WizardPage, table: TableEditor, path: str, value: Any) -> None:
    """Open a cell's editor (as the review page does) and type or choose its value."""
    field = path.rsplit(".", 1)[1]
    column = table.model.columns[table.model.column_of(field)]
    assert page.focus_field(path), path
    if column.kind == "long":
        editor = child(page, QPlainTextEdit, path)
        assert editor.hasFocus()
        type_text(qtbot, editor, as_text(value))
        return
    if column.kind in ("choice", "yes_no"):
        box = child(page, QComboBox, path)
        choose(box, value)
        with qtbot.waitSignal(page.hub.edited):
            press(box, Qt.Key.Key_Return)
        return
    if column.kind == "suggest":
        line = child(page, QComboBox, path).lineEdit()
        assert line is not None
    else:
        line = child(page, QLineEdit, path)
    retype(qtbot, line, as_text(value))
    with qtbot.waitSignal(page.hub.edited):
        press(line, Qt.Key.Key_Return)


def fill_table(qtbot: QtBot, page: WizardPage, collection: str, source: DraftSession) -> None:
    tables = [table for table in page.findChildren(TableEditor) if table.collection == collection]
    assert len(tables) == 1, collection
    table = tables[0]
    add = child(page, QPushButton, f"{collection}.add")
    session = page.hub.session
    for row, item in enumerate(source.items(collection)):
        click(add)
        assert len(session.items(collection)) == row + 1
        for column in table.model.columns:
            path = f"{collection}.{row}.{column.field}"
            value = getattr(item, column.field)
            if session.value(path) == value:
                continue  # the new row's default already is the example's value
            type_cell(qtbot, page, table, path, value)
            assert session.value(path) == value, path


def fill_budget(qtbot: QtBot, page: BudgetPage, source: DraftSession) -> None:
    session = page.hub.session
    fill_bound(qtbot, page, source, ["budget.income_central_wan", "budget.income_self_raised_wan"])
    fill_bound(qtbot, page, source, ["budget.theoretical_basic_research"])
    years = source.draft.budget.years
    for _year in years:
        click(child(page, QPushButton, "budget.add_year"))
    assert len(session.draft.budget.years) == len(years)
    for index, year in enumerate(years):
        box = child(page, QSpinBox, f"budget.years.{index}.year")
        if box.value() != year.year:
            enter(qtbot, box, year.year)
        for source_name, _zh, _en in SOURCES:
            for category, _czh, _cen in CATEGORIES:
                path = amount_path(index, source_name, category)
                amount = getattr(getattr(year, source_name), category)
                if amount:
                    retype(qtbot, child(page, QLineEdit, path), as_text(amount))
    fill_bound(qtbot, page, source, ["form.budget_notes"])


def fill_attachments(
    qtbot: QtBot,
    page: AttachmentsPage,
    source: DraftSession,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declarations = [f"declarations.{key}" for key in source.draft.declarations]
    fill_bound(qtbot, page, source, declarations)
    session = page.hub.session
    kind_box = child(page, QComboBox, "attachments.new_kind")
    folder.mkdir()
    for index, attachment in enumerate(source.draft.attachments):
        path = folder / attachment.file_name
        path.write_bytes(sound_file(attachment.file_name))  # passes the pre-flight
        monkeypatch.setattr(page, "choose_files", lambda kind, many=True, path=path: [path])
        choose(kind_box, attachment.kind)
        click(child(page, QPushButton, "attachments.attach"))
        added = session.draft.attachments
        assert len(added) == index + 1, child(page, QWidget, "attachments#refused")
        assert added[index].file_name == attachment.file_name
        assert added[index].kind == attachment.kind
        assert child(page, QListWidget, "attachments").currentRow() == index
        for fact in FACTS:
            fact_path = f"attachments.{index}.{fact}"
            widget = page.detail_binder.widget(fact_path)
            assert widget is not None, fact_path
            value = getattr(attachment, fact)
            if session.value(fact_path) != value:
                enter(qtbot, widget, value)
            assert session.value(fact_path) == value, fact_path


def review_lines(tree: QTreeWidget) -> list[str]:
    """Every finding the review page lists."""
    lines: list[str] = []
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        assert group is not None
        for row in range(group.childCount()):
            item = group.child(row)
            assert item is not None
            lines.append(item.text(0))
    return lines


def press_next(wizard: ApplicationWizard, expected: PageId) -> None:
    click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.current_page_id() is expected


# -- the test -----------------------------------------------------------------------------------


def comparable(draft: Draft) -> dict[str, Any]:
    """The draft as data, without what a typed application cannot share with the example."""
    data = draft.model_dump()
    del data["guide_clauses"]  # pinned when the draft is saved
    for indicator in data["form"]["indicators"]:
        del indicator["key"]  # made when the row is added, never typed
    for item in data["attachments"]:
        del item["sha256"], item["size_bytes"]  # of the small files made here
        del item["attached_from"]  # where those files were made (the examples do not know)
        del item["preflight"]  # what the pre-flight found in them (it runs in the background)
    return data


def pre_application(example: Draft) -> Draft:
    """The example as a pre-application: the formal form's own parts blank (their fields are
    hidden at that stage), 创新思路与技术路线 written."""
    draft = example.model_copy(update={"stage": Stage.PRE}, deep=True)
    for path in FORMAL_ONLY:
        parent, _dot, name = path.rpartition(".")
        setattr(draft.form if parent == "form" else draft.project, name, "")
    draft.form.innovation_and_route = (
        "以多源观测同化为主线：联合布放浮标，发展动力—机器学习混合模型，开展季风降水预测试验。"
    )
    return draft


CASES = [*sorted(path.stem for path in (ROOT / "examples").glob("*.json")), "2.8-pre"]
"""Every example at the formal stage, and 2.8 as a pre-application (issue 15)."""


@pytest.mark.parametrize("code", CASES)
def test_a_complete_application_is_typed_through_the_window(
    code: str, qtbot: QtBot, book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = read_draft(ROOT / "examples" / f"{code.removesuffix('-pre')}.json")
    if code.endswith("-pre"):
        example = pre_application(example)
    source = DraftSession(book, example)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = DraftSession(book, recovery_folder=tmp_path / "recovery")
    wizard = build_wizard(session, settings)
    qtbot.addWidget(wizard, before_close_func=_forget_changes)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    assert wizard.current_page_id() is PageId.START
    click(child(wizard, QAbstractButton, "start.new"))
    assert wizard.current_page_id() is PageId.DIRECTION
    choose_direction(qtbot, wizard, source)

    press_next(wizard, PageId.PROJECT)
    project = bound_page(wizard, PageId.PROJECT)
    fill_bound(qtbot, project, source, project.binder.paths())
    fill_table(qtbot, project, "form.indicators", source)

    press_next(wizard, PageId.UNITS)
    fill_table(qtbot, bound_page(wizard, PageId.UNITS), "chinese_units", source)
    press_next(wizard, PageId.PARTNERS)
    fill_table(qtbot, bound_page(wizard, PageId.PARTNERS), "foreign_partners", source)
    press_next(wizard, PageId.TEAM)
    fill_table(qtbot, bound_page(wizard, PageId.TEAM), "team", source)
    fill_table(qtbot, bound_page(wizard, PageId.TEAM), "leader_projects", source)

    press_next(wizard, PageId.BUDGET)
    budget = wizard.pages[PageId.BUDGET]
    assert isinstance(budget, BudgetPage)
    fill_budget(qtbot, budget, source)

    press_next(wizard, PageId.ATTACHMENTS)
    attachments = wizard.pages[PageId.ATTACHMENTS]
    assert isinstance(attachments, AttachmentsPage)
    fill_attachments(qtbot, attachments, source, tmp_path / "files", monkeypatch)

    press_next(wizard, PageId.REVIEW)
    errors = [f for f in session.findings if f.is_error]
    assert not errors, "\n".join(f"{f.field}: {f.message}（{f.citation}）" for f in errors)
    review = wizard.pages[PageId.REVIEW]
    tree = child(review, QTreeWidget, "review.findings")
    shown = review_lines(tree)
    assert not [text for text in shown if text.startswith("✖")], shown
    warnings = len(session.findings)
    assert child(review, QLabel, "review.summary").text() == (
        _(
            "Errors: {errors}, warnings: {warnings}. Errors block generating documents; "
            "warnings do not."
        ).format(errors=0, warnings=warnings)
        if warnings
        else _("No findings: the application meets every rule ApplyWizard checks.")
    )

    assert comparable(session.draft) == comparable(example)

    press_next(wizard, PageId.GENERATE)
    generate = wizard.pages[PageId.GENERATE]
    out = tmp_path / "out"
    retype(qtbot, child(generate, QLineEdit, "generate.folder"), str(out))
    click(child(generate, QPushButton, "generate.run"))
    listed = child(generate, QListWidget, "generate.files")
    texts = [listed.item(row).text() for row in range(listed.count())]
    files = [Path(text) for text in texts if text.startswith(str(out))]
    if example.stage is Stage.PRE:  # the pre-application alone
        assert [path.name[-9:] for path in files] == ["预申报书.docx"], texts
    else:
        assert len(files) == 3, texts
    assert all(path.is_file() and path.stat().st_size > 0 for path in files), files
    # Generate pre-flighted every attached file again first: sound files, no finding
    checked = [item.preflight for item in session.draft.attachments]
    assert all(facts is not None and facts.opened for facts in checked), checked
    assert not [f for f in session.findings if f.rule.startswith("general.attachment-")]
