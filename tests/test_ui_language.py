"""Switching the interface language: a new window, at once, on the same draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.assembly import build_wizard
from applywizard.ui.binding import FINDING_SUFFIX
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import DraftSession
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_translator_left() -> Iterator[None]:
    before = language()
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "en")  # removes what a switch installed
    set_language(before)


def shown_wizards() -> list[ApplicationWizard]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, ApplicationWizard) and widget.isVisible() and not widget.retired
    ]


def choose_language(qtbot: QtBot, wizard: ApplicationWizard, name: str) -> ApplicationWizard:
    """Pick a language in the Start page's box with the keyboard; the new window."""
    wizard.go_to(PageId.START)
    box = wizard.findChild(QComboBox, "start.language")
    assert box is not None and box.isEnabled()
    box.setFocus()
    key = Qt.Key.Key_Down if box.findText(name) > box.currentIndex() else Qt.Key.Key_Up
    qtbot.keyClick(box, key)
    assert box.currentText() == name
    (replacement,) = shown_wizards()
    assert replacement is not wizard
    return replacement


def finding_text(wizard: ApplicationWizard, path: str) -> str:
    label = wizard.findChild(QLabel, path + FINDING_SUFFIX)
    assert label is not None
    return label.text()


def test_switching_language_keeps_the_draft_the_page_and_unaccepted_text(
    qtbot: QtBot, book: RuleBook, tmp_path: Path
) -> None:
    set_language("zh_CN")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    path = tmp_path / "申报书.json"
    session = DraftSession(
        book,
        read_draft(ROOT / "examples" / "1.1.json"),
        path=path,
        recovery_folder=tmp_path / "recovery",
    )
    wizard = build_wizard(session, settings)
    wizard.show()
    wizard.hub.replaced.emit()

    wizard.go_to(PageId.PROJECT)
    title = wizard.findChild(QLineEdit, "project.title_zh")
    start = wizard.findChild(QLineEdit, "project.start_date")
    assert title is not None and start is not None
    type_text(qtbot, title, "（修订）")
    start.selectAll()
    type_text(qtbot, start, "2024-1")  # half a date: refused, not in the draft
    assert "YYYY-MM-DD" in finding_text(wizard, "project.start_date")
    recovery = session.write_recovery()
    assert recovery is not None

    english = choose_language(qtbot, wizard, "English")
    assert english.hub.session is session and session.dirty
    assert english.pages[PageId.PROJECT].title() == "Project"
    assert english.windowTitle().startswith("申报书.json")
    assert settings.value("language") == "en"
    assert recovery.exists()  # the old window's closing kept it
    english.go_to(PageId.PROJECT)
    assert english.current_page_id() is PageId.PROJECT
    english_start = english.findChild(QLineEdit, "project.start_date")
    assert english_start is not None and english_start.text() == "2024-1"
    assert "type the whole date" in finding_text(english, "project.start_date")
    assert session.draft.project.title_zh.endswith("（修订）")

    chinese = choose_language(qtbot, english, "中文")
    assert chinese.pages[PageId.PROJECT].title() == "项目信息"
    counts = chinese.findChild(QLabel, "finding-counts")
    assert counts is not None and counts.text().startswith("错误")
    assert settings.value("language") == "zh_CN"
    assert chinese.hub.session is session
    chinese.retired = True  # close without the unsaved-changes question
    chinese.close()
