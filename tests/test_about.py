"""The About dialog: version, guide id and title, the font for Chinese, Qt; F1 and a button."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from applywizard import __version__
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.about import AboutDialog, about_lines
from applywizard.ui.assembly import build_wizard
from applywizard.ui.fonts import ensure_cjk_font
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.session import DraftSession


def _wizard(qtbot: QtBot, book: RuleBook, tmp_path: Path) -> ApplicationWizard:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard = build_wizard(DraftSession(book), settings)
    qtbot.addWidget(wizard)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    return wizard


def test_the_text_names_version_guide_font_and_qt(qapp: object, book: RuleBook) -> None:
    ensure_cjk_font()
    text = "\n".join(about_lines(book.guide))
    assert __version__ in text
    assert book.guide.id in text
    assert book.guide.title in text
    assert PySide6.__version__ in text
    assert "Chinese text:" in text


def test_f1_opens_the_dialog(qtbot: QtBot, book: RuleBook, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, book, tmp_path)
    qtbot.keyClick(wizard, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: wizard.about is not None and wizard.about.isVisible())
    assert isinstance(wizard.about, AboutDialog)
    assert book.guide.id in wizard.about.text.text()
    wizard.about.close()


def test_the_about_button_opens_the_dialog(qtbot: QtBot, book: RuleBook, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, book, tmp_path)
    button = wizard.button(QWizard.WizardButton.HelpButton)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wizard.findChild(AboutDialog, "about")
    assert dialog is not None
    assert dialog.isVisible()
    assert __version__ in dialog.text.text()
    dialog.close()
