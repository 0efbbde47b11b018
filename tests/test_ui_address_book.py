"""The address book in the window: typing a name offers entries, choosing one fills the row.

An address book is built from the 18 examples (as a secretary would with
``applywizard addressbook import``); then a new application's units,
partners and team are filled from it by keystrokes. Differences between a
row and an entry are shown in a dialog, never applied silently; "Save to
address book" adds a row, asks before copying in a row with findings, and
shows what it would replace. A corrupt book leaves the window working.
"""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.address_book.importing import import_drafts
from applywizard.adapters.address_book.store import AddressBook, open_address_book
from applywizard.adapters.app_settings import set_address_book
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.address_book import KINDS, Kind
from applywizard.domain.draft.model import Draft, UnitType
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui import dialogs
from applywizard.ui.address_book import BookCompleter, DifferencesDialog
from applywizard.ui.assembly import build_wizard
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.pages.partners import PartnersPage
from applywizard.ui.pages.start import StartPage
from applywizard.ui.pages.team import TeamPage
from applywizard.ui.pages.units import UnitsPage
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.workflow.address_book import AddressBookAccess
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
TODAY = dt.date(2026, 12, 6)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese: the assertions read what a PI reads."""
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


@pytest.fixture(scope="module")
def examples_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The address book of all 18 examples, built once; each test works on a copy."""
    path = tmp_path_factory.mktemp("book") / "address-book.sqlite3"
    with open_address_book(path) as book:
        import_drafts(book, EXAMPLES, today=TODAY)
    return path


@pytest.fixture
def book_file(examples_book: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "address-book.sqlite3"
    with open_address_book(examples_book) as book:
        book.connection.execute("VACUUM INTO ?", (str(copy),))
    return copy


Answer = Callable[[QDialog], int]


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[Answer]:
    """Answers to the dialogs, in order (a dialog nobody expected fails the test)."""
    queue: list[Answer] = []

    def answer(dialog: QDialog) -> int:
        assert queue, f"unexpected dialog {dialog.objectName()}: {dialog.windowTitle()}"
        return queue.pop(0)(dialog)

    monkeypatch.setattr(dialogs, "run_dialog", answer)
    return queue


def new_application(example: str = "1.1") -> Draft:
    """A new application on the example's direction: its project, none of its parties."""
    draft = read_draft(ROOT / "examples" / f"{example}.json")
    draft.chinese_units, draft.foreign_partners, draft.team = [], [], []
    return draft


def open_page(
    qtbot: QtBot, book: RuleBook, page_class: type[WizardPage], book_file: Path, draft: Draft
) -> WizardPage:
    hub = DraftHub(DraftSession(book, draft, path=None))
    hub.address_book = AddressBookAccess(lambda: open_address_book(book_file), today=lambda: TODAY)
    page = page_class(hub)
    qtbot.addWidget(page)
    page.reload()
    page.refresh()
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, key, modifier)


def type_chars(widget: QWidget, text: str) -> None:
    """A key press for each character, Chinese ones too."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, NO_MODIFIER)


def name_editor(qtbot: QtBot, page: WizardPage, collection: str, row: int) -> QLineEdit:
    editor = page.findChild(QLineEdit, f"{collection}.{row}.name")
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def add_row(qtbot: QtBot, page: WizardPage, collection: str) -> QLineEdit:
    """Ctrl+N on the table: a new row, its name cell open."""
    view = page.findChild(QTableView, collection)
    assert view is not None
    view.setFocus()
    press(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    rows = len(getattr(page.hub.session.draft, collection))
    return name_editor(qtbot, page, collection, rows - 1)


def suggestions(qtbot: QtBot, editor: QLineEdit) -> list[str]:
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    qtbot.waitUntil(completer.list.isVisible)
    model = completer.list.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def pick(qtbot: QtBot, editor: QLineEdit, number: int, page: WizardPage) -> None:
    """Arrow down to the ``number``-th suggestion and press Enter."""
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    with qtbot.waitSignal(page.hub.edited, timeout=3000):
        for _ in range(number + 1):
            press(completer.list, Qt.Key.Key_Down)
        press(completer.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not completer.list.isVisible())


def findings_of(page: WizardPage, prefix: str) -> set[str]:
    return {item.field for item in page.hub.session.findings if item.field.startswith(prefix)}


def book_status(page: WizardPage, collection: str) -> str:
    label = page.findChild(QLabel, f"{collection}#book")
    assert label is not None
    return label.text() if label.isVisible() else ""


# -- filling a new application's parties by typing ------------------------------------------
def test_three_characters_offer_the_unit_and_choosing_it_fills_the_row(
    qtbot: QtBot, book: RuleBook, book_file: Path
) -> None:
    page = open_page(qtbot, book, UnitsPage, book_file, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "楚天理")
    offered = suggestions(qtbot, editor)
    assert offered == [
        "楚天理工科技大学 · Chutian University of Science and Technology · 12420000441612088E"
    ]
    assert {"chinese_units.0.credit_code", "chinese_units.0.type"} <= findings_of(
        page, "chinese_units.0"
    )
    pick(qtbot, editor, 0, page)
    qtbot.waitUntil(lambda: book_status(page, "chinese_units") != "")

    unit = page.hub.session.draft.chinese_units[0]
    assert unit.name == "楚天理工科技大学"
    assert unit.credit_code == "12420000441612088E"
    assert unit.type is UnitType.UNIVERSITY
    assert unit.name_en == "Chutian University of Science and Technology"
    assert unit.registered_on == dt.date(1955, 3, 3)
    assert unit.independent_legal_entity is True and unit.state_organ is False
    assert unit.central_funds_wan == 0  # the budget and the role are this draft's own
    # the findings that asked for the code and the type are gone, on the page too
    assert not findings_of(page, "chinese_units.0.credit_code")
    assert not findings_of(page, "chinese_units.0.type")
    findings_list = page.findChild(QListWidget, "chinese_units.findings")
    assert findings_list is not None
    shown = [findings_list.item(n).text() for n in range(findings_list.count())]
    assert not any("统一社会信用代码" in line for line in shown)
    assert "楚天理工科技大学" in book_status(page, "chinese_units")
    assert "已从通讯录填入" in book_status(page, "chinese_units")


def test_a_partner_is_found_by_part_of_its_name_and_a_person_with_their_unit(
    qtbot: QtBot, book: RuleBook, book_file: Path
) -> None:
    page = open_page(qtbot, book, PartnersPage, book_file, new_application())
    editor = add_row(qtbot, page, "foreign_partners")
    type_chars(editor, "IRMA")
    offered = suggestions(qtbot, editor)
    assert len(offered) == 1 and offered[0].startswith("Institut de Recherche sur les Matériaux")
    assert "FR" in offered[0] and "180046278" in offered[0]
    pick(qtbot, editor, 0, page)
    partner = page.hub.session.draft.foreign_partners[0]
    assert partner.country == "FR" and partner.registration_number == "180046278"
    assert partner.name_zh == "里昂—韦尼雪先进材料研究所"

    team = open_page(qtbot, book, TeamPage, book_file, new_application())
    editor = add_row(qtbot, team, "team")
    type_chars(editor, "周明")
    offered = suggestions(qtbot, editor)
    assert offered[0] == "周明远 · 教授 · 楚天理工科技大学"
    pick(qtbot, editor, 0, team)
    member = team.hub.session.draft.team[0]
    assert (member.name, member.unit, member.title) == ("周明远", "楚天理工科技大学", "教授")


def test_pinyin_initials_find_a_chinese_name(qtbot: QtBot, book: RuleBook, book_file: Path) -> None:
    page = open_page(qtbot, book, UnitsPage, book_file, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "ctlg")  # 楚天理工
    offered = suggestions(qtbot, editor)
    assert offered[0].startswith("楚天理工科技大学 · ")
    pick(qtbot, editor, 0, page)
    assert page.hub.session.draft.chinese_units[0].credit_code == "12420000441612088E"


def test_typing_on_without_choosing_keeps_what_was_typed(
    qtbot: QtBot, book: RuleBook, book_file: Path
) -> None:
    page = open_page(qtbot, book, UnitsPage, book_file, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "楚天理")
    suggestions(qtbot, editor)
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    type_chars(completer.list, "工新校区")  # the popup passes keys on to the editor
    qtbot.waitUntil(lambda: not completer.list.isVisible())
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    unit = page.hub.session.draft.chinese_units[0]
    assert unit.name == "楚天理工新校区" and unit.credit_code == ""


# -- differences are shown, never applied silently --------------------------------------------
def _tick(fields: set[str], *, accept: bool = True) -> Answer:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, DifferencesDialog)
        for field, box in dialog.boxes.items():
            box.setChecked(field in fields)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    return answer


def test_an_entry_that_differs_from_the_row_is_shown_and_only_ticked_values_taken(
    qtbot: QtBot, book: RuleBook, book_file: Path, answers: list[Answer]
) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units[0].credit_code = "91110000600037341L"  # another unit's code, typed wrong
    draft.chinese_units[0].name_en = "Chutian Univ."
    page = open_page(qtbot, book, UnitsPage, book_file, draft)
    seen: list[dict[str, tuple[bool, str]]] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, DifferencesDialog)
        seen.append({field: (box.isChecked(), box.text()) for field, box in dialog.boxes.items()})
        return _tick({"credit_code"})(dialog)

    answers.append(look)
    assert page.focus_field("chinese_units.0.name")
    editor = name_editor(qtbot, page, "chinese_units", 0)
    editor.selectAll()
    type_chars(editor, "楚天")
    suggestions(qtbot, editor)
    pick(qtbot, editor, 0, page)
    qtbot.waitUntil(lambda: not answers and "1" in book_status(page, "chinese_units"))
    assert seen == [
        {"credit_code": (False, "统一社会信用代码"), "name_en": (False, "单位英文名称")}
    ]  # both shown, nothing ticked for the user
    unit = page.hub.session.draft.chinese_units[0]
    assert unit.credit_code == "12420000441612088E"  # ticked: taken
    assert unit.name_en == "Chutian Univ."  # not ticked: the row's own


def test_cancelling_the_differences_changes_nothing_that_differed(
    qtbot: QtBot, book: RuleBook, book_file: Path, answers: list[Answer]
) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units[0].credit_code = "91110000600037341L"
    page = open_page(qtbot, book, UnitsPage, book_file, draft)
    answers.append(_tick({"credit_code"}, accept=False))
    assert page.focus_field("chinese_units.0.name")
    editor = name_editor(qtbot, page, "chinese_units", 0)
    editor.selectAll()
    type_chars(editor, "楚天")
    suggestions(qtbot, editor)
    pick(qtbot, editor, 0, page)
    qtbot.waitUntil(lambda: not answers)
    assert page.hub.session.draft.chinese_units[0].credit_code == "91110000600037341L"


# -- saving rows to the book --------------------------------------------------------------------
def _entries(path: Path, kind: Kind) -> dict[str, dict[str, str]]:
    with open_address_book(path) as book:
        return {item.fields["name"]: item.fields for item in book.entries(kind)}


def _type_cell(qtbot: QtBot, page: WizardPage, path: str, text: str) -> None:
    assert page.focus_field(path)
    editor = page.findChild(QLineEdit, path)
    assert editor is not None
    editor.selectAll()
    press(editor, Qt.Key.Key_Backspace)
    type_chars(editor, text)
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)


def _save_to_book(qtbot: QtBot, page: WizardPage) -> None:
    view = page.findChild(QTableView, "chinese_units")
    assert view is not None
    page.activateWindow()  # the suggestions' popup may have taken it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    view.setFocus()
    press(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def test_save_to_address_book_adds_a_new_unit_that_the_next_draft_finds(
    qtbot: QtBot, book: RuleBook, book_file: Path
) -> None:
    page = open_page(qtbot, book, UnitsPage, book_file, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "江城光电研究院")
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    _type_cell(qtbot, page, "chinese_units.0.credit_code", "12100000400000306G")
    assert "江城光电研究院" not in _entries(book_file, "unit")
    _save_to_book(qtbot, page)
    assert "已加入通讯录" in book_status(page, "chinese_units")
    assert _entries(book_file, "unit")["江城光电研究院"]["credit_code"] == "12100000400000306G"

    following = open_page(qtbot, book, UnitsPage, book_file, new_application("1.2"))
    editor = add_row(qtbot, following, "chinese_units")
    type_chars(editor, "江城光")
    assert suggestions(qtbot, editor) == ["江城光电研究院 · 12100000400000306G"]


def test_a_row_with_a_wrong_credit_code_is_saved_only_when_confirmed(
    qtbot: QtBot, book: RuleBook, book_file: Path, answers: list[Answer]
) -> None:
    page = open_page(qtbot, book, UnitsPage, book_file, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "江城光电研究院")
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    _type_cell(qtbot, page, "chinese_units.0.credit_code", "12100000400000306X")
    questions: list[str] = []

    def say(choice: str) -> Answer:
        def answer(box: QDialog) -> int:
            assert isinstance(box, QMessageBox)
            questions.append(box.text())
            button = box.findChild(QPushButton, f"book.findings.{choice}")
            assert button is not None
            button.click()
            return 0

        return answer

    answers.append(say("no"))
    _save_to_book(qtbot, page)
    assert "12100000400000306X" in questions[0] and "未通过校验" in questions[0]
    assert "江城光电研究院" not in _entries(book_file, "unit")
    assert "未保存到通讯录" in book_status(page, "chinese_units")
    answers.append(say("yes"))
    _save_to_book(qtbot, page)
    assert _entries(book_file, "unit")["江城光电研究院"]["credit_code"] == "12100000400000306X"


def test_saving_a_row_that_differs_shows_what_the_book_would_lose(
    qtbot: QtBot, book: RuleBook, book_file: Path, answers: list[Answer]
) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units[0].name_en = "Chutian University of Sci. & Tech."
    page = open_page(qtbot, book, UnitsPage, book_file, draft)
    shown: list[set[str]] = []

    def untick_all(dialog: QDialog) -> int:
        assert isinstance(dialog, DifferencesDialog)
        shown.append({field for field, box in dialog.boxes.items() if box.isChecked()})
        return _tick(set())(dialog)

    answers.append(untick_all)
    assert page.focus_field("chinese_units.0.credit_code")
    _save_to_book(qtbot, page)
    assert shown == [{"name_en"}]  # offered ticked: the user asked to save the row
    stored = _entries(book_file, "unit")["楚天理工科技大学"]
    assert stored["name_en"] == "Chutian University of Science and Technology"
    answers.append(_tick({"name_en"}))
    _save_to_book(qtbot, page)
    stored = _entries(book_file, "unit")["楚天理工科技大学"]
    assert stored["name_en"] == "Chutian University of Sci. & Tech."
    assert "已更新" in book_status(page, "chinese_units")


# -- a book that cannot be used -----------------------------------------------------------------
def test_a_corrupt_book_leaves_the_table_working_and_the_file_as_it_was(
    qtbot: QtBot, book: RuleBook, tmp_path: Path
) -> None:
    broken = tmp_path / "address-book.sqlite3"
    broken.write_bytes(b"not a database at all " * 100)
    before = broken.read_bytes()
    page = open_page(qtbot, book, UnitsPage, broken, new_application())
    editor = add_row(qtbot, page, "chinese_units")
    type_chars(editor, "楚天理")
    completer = editor.completer()
    assert isinstance(completer, BookCompleter)
    QTest.qWait(50)
    assert not completer.list.isVisible()
    with qtbot.waitSignal(page.hub.edited):
        press(editor, Qt.Key.Key_Return)
    assert page.hub.session.draft.chinese_units[0].name == "楚天理"
    _save_to_book(qtbot, page)
    assert "通讯录不可用" in book_status(page, "chinese_units")
    assert str(broken) in book_status(page, "chinese_units")
    assert broken.read_bytes() == before


def test_the_book_is_only_opened_when_first_used(book: RuleBook, tmp_path: Path) -> None:
    opened: list[AddressBook] = []

    def opener() -> AddressBook:
        opened.append(open_address_book(tmp_path / "book.sqlite3"))
        return opened[-1]

    access = AddressBookAccess(opener, today=lambda: TODAY)
    assert not opened
    assert access.suggestions("unit", "  ") == []
    assert not opened
    assert access.suggestions("unit", "楚") == []
    assert len(opened) == 1


# -- building the book from the Start page -------------------------------------------------------
def test_the_start_page_builds_the_book_from_earlier_drafts_and_says_what_it_holds(
    qtbot: QtBot,
    book: RuleBook,
    tmp_path: Path,
    answers: list[Answer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book_path = tmp_path / "book" / "address-book.sqlite3"
    unreadable = tmp_path / "半截.json"
    unreadable.write_text('{"guide_id": ', encoding="utf-8")
    renamed = tmp_path / "另一份.json"  # the lead unit's English name given otherwise
    text = (ROOT / "examples" / "1.1.json").read_text(encoding="utf-8")
    renamed.write_text(
        text.replace("Chutian University of Science and Technology", "CUST"), "utf-8"
    )
    chosen = [str(path) for path in [*EXAMPLES, renamed, unreadable]]
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileNames",
        lambda *_args: (chosen, "ApplyWizard (*.json)"),
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard = build_wizard(DraftSession(book), settings)
    wizard.hub.address_book = AddressBookAccess(
        lambda: open_address_book(book_path), today=lambda: TODAY
    )
    qtbot.addWidget(wizard)
    wizard.show()
    start = wizard.findChild(StartPage)
    assert start is not None
    caption = start.findChild(QLabel, "start.book")
    assert caption is not None
    qtbot.waitUntil(lambda: "中方单位 0 家" in caption.text())
    reports: list[tuple[str, str]] = []

    def read_report(box: QDialog) -> int:
        assert isinstance(box, QMessageBox) and box.objectName() == "book.imported"
        reports.append((box.text(), box.detailedText()))
        return 0

    answers.append(read_report)
    button = start.findChild(QPushButton, "start.book_import")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not answers
    summary, details = reports[0]
    assert summary == (
        "新增中方单位 44 家、外方合作单位 43 家、人员 102 人；"
        f"{sum(1 for _ in _merged(book_path))} 条与通讯录中已有条目合并。"
    )
    assert "未能读取：半截.json" in details
    assert details.splitlines()[1:] == [
        "冲突：中方单位“楚天理工科技大学”（统一社会信用代码 12420000441612088E）："
        "单位英文名称在通讯录中为"
        "“Chutian University of Science and Technology”，在 另一份.json 中为“CUST”"
        "（保留“Chutian University of Science and Technology”）"
    ]
    assert caption.text().startswith("通讯录：中方单位 44 家，外方合作单位 43 家，人员 102 人")
    assert str(book_path) in caption.text()


def _merged(book_path: Path) -> list[int]:
    """Entries used in more than one draft: each later draft's copy was merged."""
    with open_address_book(book_path) as raw:
        merged = []
        for kind in KINDS:
            for entry in raw.entries(kind):
                merged.extend([entry.id] * (len(raw.drafts_of(kind, entry.id)) - 1))
        return merged


def test_typing_with_a_corrupt_book_says_why_nothing_is_offered(
    qtbot: QtBot, book: RuleBook, tmp_path: Path
) -> None:
    broken = tmp_path / "address-book.sqlite3"
    broken.write_bytes(b"\x00" * 4096)
    page = open_page(qtbot, book, TeamPage, broken, new_application())
    editor = add_row(qtbot, page, "team")
    type_chars(editor, "周")
    qtbot.waitUntil(lambda: "通讯录不可用" in book_status(page, "team"))
    assert str(broken) in book_status(page, "team")
    assert broken.read_bytes() == b"\x00" * 4096


def test_the_start_page_switches_to_a_shared_book_and_back(
    qtbot: QtBot,
    book: RuleBook,
    tmp_path: Path,
    answers: list[Answer],
    monkeypatch: pytest.MonkeyPatch,
    book_file: Path,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.delenv("APPLYWIZARD_ADDRESS_BOOK", raising=False)
    request.addfinalizer(lambda: set_address_book(None))  # the next test's own book
    shared = tmp_path / "科研处 共享" / "office.sqlite3"
    shared.parent.mkdir()
    shared.write_bytes(book_file.read_bytes())  # the office's book, with the examples in it
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *_args, **_kwargs: (str(shared), "SQLite (*.sqlite3 *.sqlite *.db)"),
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard = build_wizard(DraftSession(book), settings)
    qtbot.addWidget(wizard)
    wizard.show()
    start = wizard.findChild(StartPage)
    assert start is not None
    caption = start.findChild(QLabel, "start.book")
    assert caption is not None
    qtbot.waitUntil(lambda: "本用户自己的通讯录" in caption.text())

    def press_button(name: str) -> Answer:
        def answer(box: QDialog) -> int:
            button = box.findChild(QPushButton, name)
            assert button is not None, name
            button.click()
            return 0

        return answer

    choose = start.findChild(QPushButton, "start.book_file")
    assert choose is not None
    answers.append(press_button("book.file.shared"))
    QTest.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert str(shared) in caption.text() and "设置中指定的通讯录" in caption.text()
    assert "中方单位 44 家" in caption.text()
    assert wizard.hub.address_book.suggestions("unit", "楚天理")  # the office's entries
    answers.append(press_button("book.file.own"))
    QTest.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert "本用户自己的通讯录" in caption.text() and str(shared) not in caption.text()
    answers.append(press_button("book.file.cancel"))
    QTest.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert "本用户自己的通讯录" in caption.text()
