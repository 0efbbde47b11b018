"""Guide packs in the window: choosing one for a new draft, reopening under a changed or
missing pack, checking against another pack, tri-state declarations (pytest-qt, offscreen)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_packs import bundled_packs_folder
from applywizard.adapters.user_folders import user_folders
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui import app
from applywizard.ui import dialogs as modal
from applywizard.ui.guide_dialogs import ClauseChangesDialog, ComparisonDialog, PackChooser
from applywizard.ui.pages.start import StartPage
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_ID = "most-igsti-2023-batch1"
PACK_2026 = "most-igsti-2026-batch1"
LAB_CLAUSE_BEFORE = "该项目面向2022年1月1日前已建立的联合实验室"
LAB_CLAUSE_AFTER = "该项目面向2019年1月1日前已建立的联合实验室"

Handler = Callable[[QDialog], int]


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese, as a PI sees it first: every assertion below reads Chinese."""
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


@pytest.fixture
def user_guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own user folders (platformdirs reads XDG_*), and its guide folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_GUIDE_FOLDERS", raising=False)
    folder = user_folders().guides
    folder.mkdir(parents=True)
    return folder


def copy_pack(parent: Path, pack_id: str, *, amended_lab_date: bool = True) -> Path:
    """The bundled pack copied under another id; 1.1's clause (2) moved to 2019 if asked."""
    target = parent / pack_id
    shutil.copytree(bundled_packs_folder() / BUNDLED_ID, target)
    guide = target / "guide.yaml"
    text = guide.read_text(encoding="utf-8").replace(f"id: {BUNDLED_ID}", f"id: {pack_id}", 1)
    text = text.replace("title: 国家重点研发计划", f"title: {pack_id} 国家重点研发计划", 1)
    if amended_lab_date:
        text = amend_lab_date(text)
    guide.write_text(text, encoding="utf-8")
    return target


def amend_lab_date(text: str) -> str:
    """1.1 clause (2) and its rule: laboratories founded before 2019 instead of 2022."""
    assert LAB_CLAUSE_BEFORE in text
    text = text.replace(LAB_CLAUSE_BEFORE, LAB_CLAUSE_AFTER, 1)
    return text.replace(
        "params: {path: joint_lab.founded_on, before: 2022-01-01}",
        "params: {path: joint_lab.founded_on, before: 2019-01-01}",
        1,
    )


def window(qtbot: QtBot, tmp_path: Path) -> ApplicationWizard:
    """The window as a PI starts it: Start page first, then the guide packs and the pages."""
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    wizard = app.start_window(settings)
    qtbot.addWidget(wizard)
    wizard.show()
    app.finish_loading(wizard, tmp_path / "recovery")
    assert wizard.hub.ready
    return wizard


def bundled_book(wizard: ApplicationWizard) -> RuleBook:
    """The 2023 pack's rules, which the examples are pinned to."""
    pack = wizard.packs().catalogue.find(BUNDLED_ID)
    assert pack is not None and pack.book is not None
    return pack.book


def show_under_bundled(wizard: ApplicationWizard, draft: Draft, *, dirty: bool) -> None:
    """Edit ``draft`` under the 2023 pack, its pages made for that pack (as Open does)."""
    wizard.hub.session.replace(draft, path=None, dirty=dirty, book=bundled_book(wizard))
    wizard.show_draft()


def start_page(wizard: ApplicationWizard) -> StartPage:
    page = wizard.pages[PageId.START]
    assert isinstance(page, StartPage)
    return page


def rows(page: StartPage) -> list[str]:
    return [page.guide_list.item(row).text() for row in range(page.guide_list.count())]


def row_of(page: StartPage, pack_id: str) -> int:
    return next(row for row, pack in enumerate(page.guide_packs) if pack.pack_id == pack_id)


def choose_by_keyboard(page: StartPage, pack_id: str) -> None:
    """Home, then Down until the pack's row is current (as a PI would)."""
    page.guide_list.setFocus()
    QTest.keyClick(page.guide_list, Qt.Key.Key_Home)
    for _step in range(row_of(page, pack_id)):
        QTest.keyClick(page.guide_list, Qt.Key.Key_Down)
    assert page.guide_list.currentRow() == row_of(page, pack_id)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def heading(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def dialogs(monkeypatch: pytest.MonkeyPatch, handler: Handler) -> list[QDialog]:
    """Every dialog the window runs goes to ``handler`` instead of waiting for a person."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        return handler(dialog)

    monkeypatch.setattr(modal, "run_dialog", run)
    return seen


def close(dialog: QDialog) -> int:
    dialog.accept()
    return int(dialog.result())


def choose_in(dialog: QDialog, pack_id: str) -> int:
    """In the pack chooser, the pack's row by keyboard, then Return."""
    assert isinstance(dialog, PackChooser)
    target = next(row for row, pack in enumerate(dialog.packs) if pack.pack_id == pack_id)
    dialog.list.setFocus()
    QTest.keyClick(dialog.list, Qt.Key.Key_Home)
    for _step in range(target):
        QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    return int(dialog.result())


def save_draft_under(wizard: ApplicationWizard, pack_id: str, path: Path) -> None:
    """A new 1.1 draft under the pack, saved to ``path``."""
    page = start_page(wizard)
    choose_by_keyboard(page, pack_id)
    new = page.findChild(QPushButton, "start.new")
    assert new is not None
    click(new)
    session = wizard.hub.session
    assert session.book.guide.id == pack_id
    session.set_value("direction", "1.1")
    session.set_value("project.title_zh", "中欧联合实验室合作")
    wizard.hub.edited.emit()
    assert wizard._save_to(path)


# -- the Start page ------------------------------------------------------------------------------
def test_a_user_pack_is_listed_and_chosen_for_a_new_draft_and_a_broken_one_is_not(
    qtbot: QtBot, tmp_path: Path, user_guides: Path
) -> None:
    copy_pack(user_guides, "office-2023-batch1")
    broken = user_guides / "broken-pack"
    broken.mkdir()
    (broken / "guide.yaml").write_text("id: broken-pack\nedition: [unclosed\n", encoding="utf-8")
    wizard = window(qtbot, tmp_path)
    page = start_page(wizard)
    ids = [pack.pack_id for pack in page.guide_packs]
    assert ids[0] == PACK_2026  # the newest published guide first
    assert set(ids) == {"office-2023-batch1", BUNDLED_ID, PACK_2026, "broken-pack"}
    assert ids[-1] == "broken-pack"  # broken packs last
    office = rows(page)[row_of(page, "office-2023-batch1")]
    assert office.startswith("office-2023-batch1 国家重点研发计划")
    assert "\noffice-2023-batch1 · 征求意见稿 · " in office  # its id first on the second line
    assert "18 个方向" in office
    assert "用户文件夹" in office
    assert page.guide_packs[row_of(page, "office-2023-batch1")].short_hash in office
    bundled = rows(page)[row_of(page, BUNDLED_ID)]
    assert "征求意见稿" in bundled and "程序自带" in bundled
    broken_row = page.guide_list.item(row_of(page, "broken-pack"))
    assert broken_row.flags() == Qt.ItemFlag.NoItemFlags  # greyed, cannot be chosen
    problem = page.guide_packs[-1].problem
    assert problem and problem in broken_row.text() and problem in broken_row.toolTip()
    problems = page.findChild(QLabel, "start.guides#problems")
    assert problems is not None and "1" in problems.text()

    # the keyboard cannot land on the broken pack: End stops at the last usable row
    page.guide_list.setFocus()
    QTest.keyClick(page.guide_list, Qt.Key.Key_End)
    assert page.guide_packs[page.guide_list.currentRow()].book is not None

    choose_by_keyboard(page, "office-2023-batch1")
    new = page.findChild(QPushButton, "start.new")
    assert new is not None
    click(new)
    session = wizard.hub.session
    assert wizard.current_page_id() is PageId.DIRECTION
    assert session.book.guide.id == "office-2023-batch1"
    assert session.draft.guide_id == "office-2023-batch1"
    in_use = wizard.findChild(QLabel, "guide-in-use")
    assert in_use is not None and session.book.content_hash[:12] in in_use.text()
    assert "office-2023-batch1" in in_use.text()

    # the bundled pack still works, chosen the same way
    wizard.go_to(PageId.START)
    choose_by_keyboard(page, BUNDLED_ID)
    click(new)
    assert session.book.guide.id == BUNDLED_ID
    assert session.draft.guide_id == BUNDLED_ID
    assert wizard.current_page_id() is PageId.DIRECTION
    session.dirty = False


def test_guide_folders_are_added_and_removed_and_the_list_follows(
    qtbot: QtBot, tmp_path: Path, user_guides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-drive"
    shared.mkdir()
    copy_pack(shared, "office-shared")
    wizard = window(qtbot, tmp_path)
    page = start_page(wizard)
    assert "office-shared" not in [pack.pack_id for pack in page.guide_packs]
    from applywizard.ui import guide_folders  # noqa: PLC0415 - the module the button loads

    monkeypatch.setattr(guide_folders, "choose_folder", lambda _parent: shared)

    def add_then_close(dialog: QDialog) -> int:
        add = dialog.findChild(QPushButton, "guides.folders.add")
        assert add is not None
        click(add)
        listed = dialog.findChild(QListWidget, "guides.folders.list")
        assert listed is not None and listed.item(0).text() == str(shared)
        return close(dialog)

    dialogs(monkeypatch, add_then_close)
    button = page.findChild(QPushButton, "start.guide_folders")
    assert button is not None
    click(button)
    assert "office-shared" in [pack.pack_id for pack in page.guide_packs]
    shown = rows(page)[row_of(page, "office-shared")]
    assert "共享文件夹" in shown

    def remove_then_close(dialog: QDialog) -> int:
        remove = dialog.findChild(QPushButton, "guides.folders.remove")
        assert remove is not None
        click(remove)
        return close(dialog)

    dialogs(monkeypatch, remove_then_close)
    click(button)
    assert "office-shared" not in [pack.pack_id for pack in page.guide_packs]


# -- reopening ------------------------------------------------------------------------------------
def test_a_draft_reopened_after_its_pack_was_amended_lists_the_changed_clause(
    qtbot: QtBot, tmp_path: Path, user_guides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = copy_pack(user_guides, "office-a", amended_lab_date=False)
    saved = tmp_path / "draft.json"
    first = window(qtbot, tmp_path)
    save_draft_under(first, "office-a", saved)
    old_hash = read_draft(saved).guide_hash
    first.close()
    guide = pack / "guide.yaml"
    guide.write_text(amend_lab_date(guide.read_text(encoding="utf-8")), encoding="utf-8")

    seen = dialogs(monkeypatch, close)
    wizard = window(qtbot, tmp_path)
    assert wizard.open_path(saved)
    [dialog] = seen
    assert isinstance(dialog, ClauseChangesDialog)
    table = dialog.table
    assert table.rowCount() == 1
    cells = [cell(table, 0, column) for column in range(4)]
    assert cells[0] == "修改"
    assert "1.1" in cells[1] and "（2）" in cells[1]
    assert LAB_CLAUSE_BEFORE in cells[2] and LAB_CLAUSE_AFTER in cells[3]
    intro = dialog.findChild(QLabel, "guides.changes.intro")
    assert intro is not None and old_hash[:12] in intro.text()
    session = wizard.hub.session
    assert session.book.guide.id == "office-a" and session.book.content_hash != old_hash
    assert session.path == saved and not session.dirty
    assert read_draft(saved).guide_hash == old_hash  # the file is unchanged until saved


def test_a_draft_whose_pack_is_missing_is_said_so_and_opens_under_a_chosen_one(
    qtbot: QtBot, tmp_path: Path, user_guides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = copy_pack(user_guides, "office-gone")
    saved = tmp_path / "draft.json"
    first = window(qtbot, tmp_path)
    save_draft_under(first, "office-gone", saved)
    first.close()
    shutil.rmtree(pack)
    before = saved.read_bytes()

    said: list[str] = []

    def cancel(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        return 0

    dialogs(monkeypatch, cancel)
    wizard = window(qtbot, tmp_path)
    untitled = wizard.hub.session.draft
    assert not wizard.open_path(saved)
    assert "office-gone" in said[0] and read_draft(saved).guide_hash[:12] in said[0]
    assert wizard.hub.session.draft is untitled and wizard.hub.session.path is None
    assert saved.read_bytes() == before  # never lost, never touched

    def choose_bundled(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            QTest.keyClick(dialog, Qt.Key.Key_Return)  # the default: choose another guide
            return 0
        if isinstance(dialog, PackChooser):
            return choose_in(dialog, BUNDLED_ID)
        return close(dialog)

    seen = dialogs(monkeypatch, choose_bundled)
    assert wizard.open_path(saved)
    assert [type(dialog) for dialog in seen] == [QMessageBox, PackChooser, ClauseChangesDialog]
    changes = seen[-1]
    assert isinstance(changes, ClauseChangesDialog)
    changed = [cell(changes.table, row, 2) for row in range(changes.table.rowCount())]
    assert any(LAB_CLAUSE_AFTER in text for text in changed)  # the saved words, 2019
    session = wizard.hub.session
    assert session.book.guide.id == BUNDLED_ID and session.path == saved and session.dirty
    assert session.draft.project.title_zh == "中欧联合实验室合作"
    assert saved.read_bytes() == before
    session.dirty = False


# -- another guide's findings ------------------------------------------------------------------
def test_checking_against_another_pack_shows_both_columns_and_switches_only_when_confirmed(
    qtbot: QtBot, tmp_path: Path, user_guides: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_pack(user_guides, "office-b")  # laboratories founded before 2019 only
    wizard = window(qtbot, tmp_path)
    draft = read_draft(ROOT / "examples" / "1.1.json")  # its laboratory: founded 2019-06-18
    draft.foreign_partners[0].country = "DE"  # not open to 1.1: an error under both packs
    show_under_bundled(wizard, draft, dirty=True)
    wizard.go_to(PageId.REVIEW)
    current = wizard.hub.session.book
    answers: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: answers[0])
    seen: list[ComparisonDialog] = []

    def compare_then_switch(dialog: QDialog) -> int:
        if isinstance(dialog, PackChooser):
            assert BUNDLED_ID not in [pack.pack_id for pack in dialog.packs]
            return choose_in(dialog, "office-b")
        assert isinstance(dialog, ComparisonDialog)
        seen.append(dialog)
        switch = dialog.findChild(QPushButton, "guides.switch")
        assert switch is not None
        click(switch)
        if not dialog.switch_requested:
            dialog.reject()
        return int(dialog.result())

    dialogs(monkeypatch, compare_then_switch)
    button = wizard.pages[PageId.REVIEW].findChild(QPushButton, "review.compare")
    assert button is not None
    click(button)
    [dialog] = seen
    table = dialog.table
    assert table.columnCount() == 2
    assert "office-b" in heading(table.horizontalHeaderItem(1))
    presence = {heading(table.verticalHeaderItem(row)): row for row in range(table.rowCount())}
    assert {"两者均有", "仅另一指南"} <= presence.keys()
    texts = [(cell(table, row, 0), cell(table, row, 1)) for row in range(table.rowCount())]
    lab = [pair for pair in texts if "2019" in pair[1] and pair[0] == "—"]
    assert lab and "（2）" in lab[0][1]  # the other pack's 1.1 (2) refuses a 2019 laboratory
    assert any("德国" in mine for mine, theirs in texts if theirs != "—")
    counts = dialog.findChild(QLabel, "guides.comparison.counts")
    assert counts is not None
    assert str(dialog.comparison.current_errors) in counts.text()
    assert dialog.comparison.other_errors == dialog.comparison.current_errors + 1
    assert wizard.hub.session.book is current  # refused: nothing changed
    assert wizard.hub.session.draft.guide_id == BUNDLED_ID

    answers[0] = QMessageBox.StandardButton.Yes
    seen.clear()
    click(button)
    session = wizard.hub.session
    assert session.book.guide.id == "office-b" and session.draft.guide_id == "office-b"
    assert session.draft.direction == "1.1"
    assert wizard.current_page_id() is PageId.REVIEW  # the pages were made again, same place
    assert any(finding.rule == "1.1/2/lab-founded" for finding in session.findings)
    in_use = wizard.findChild(QLabel, "guide-in-use")
    assert in_use is not None and "office-b" in in_use.text()
    session.dirty = False


# -- declarations ---------------------------------------------------------------------------------
def test_declarations_answered_by_keyboard_are_saved_and_reopened(
    qtbot: QtBot, tmp_path: Path, user_guides: Path
) -> None:
    wizard = window(qtbot, tmp_path)
    example = read_draft(ROOT / "examples" / "1.1.json")
    assert example.declarations["partner_capability"] is True
    show_under_bundled(wizard, example, dirty=False)
    wizard.go_to(PageId.ATTACHMENTS)
    page = wizard.pages[PageId.ATTACHMENTS]
    answer = page.findChild(QComboBox, "declarations.partner_capability")
    assert answer is not None
    wizard.activateWindow()
    answer.setFocus()
    QTest.keyClick(answer, Qt.Key.Key_Down)  # yes -> no
    assert wizard.hub.session.draft.declarations["partner_capability"] is False
    saved = tmp_path / "no.json"
    assert wizard._save_to(saved)
    assert read_draft(saved).declarations["partner_capability"] is False
    QTest.keyClick(answer, Qt.Key.Key_Up)
    QTest.keyClick(answer, Qt.Key.Key_Up)  # no -> yes -> not answered
    unanswered = tmp_path / "unanswered.json"
    assert wizard._save_to(unanswered)
    assert "partner_capability" not in read_draft(unanswered).declarations

    for path, index in ((saved, 2), (unanswered, 0)):
        assert wizard.open_path(path)
        reopened = wizard.pages[PageId.ATTACHMENTS].findChild(
            QComboBox, "declarations.partner_capability"
        )
        assert reopened is not None and reopened.currentIndex() == index
    assert QApplication.instance() is not None
