"""The window's start: the Start page is on screen before the guide loads, then the rest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from applywizard.adapters import guide_packs
from applywizard.adapters.guide_files import GuideFileError
from applywizard.ui import app, guide_library
from applywizard.ui.text import _
from applywizard.workflow.flow import ORDER, PageId

LIGHT = """
import sys
import applywizard.ui.app
heavy = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"pydantic", "yaml", "docx", "openpyxl", "jinja2", "stdnum"}
    or name in {"platformdirs", "logging.handlers"}
    or name.startswith(("applywizard.domain", "applywizard.ui.assembly", "applywizard.ui.binding"))
)
print(" ".join(heavy))
"""


def test_what_the_first_paint_needs_imports_nothing_heavy() -> None:
    """The guide, the draft model and pydantic load after the window is on screen."""
    shown = subprocess.run(
        [sys.executable, "-c", LIGHT], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == []


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_start_page_waits_for_the_guide_then_everything_works(
    qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = app.start_window(_settings(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.hub.ready
    assert list(wizard.pages) == [PageId.START]
    assert wizard.listed == list(ORDER)  # every page named, greyed, while the guide loads
    assert not wizard.page_list.isEnabled()
    new = wizard.findChild(QAbstractButton, "start.new")
    assert new is not None and not new.isEnabled()
    counts = wizard.findChild(QLabel, "finding-counts")
    assert counts is not None and counts.text() == _("Loading the guide…")
    assert not wizard.save()  # file commands wait for the guide instead of failing

    app.finish_loading(wizard, tmp_path / "recovery")
    assert wizard.hub.ready
    assert list(wizard.listed) == list(ORDER)
    assert wizard.page_list.isEnabled()
    assert new.isEnabled()
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()  # not Finish
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert counts.text().startswith(_("Errors: {errors}  Warnings: {warnings}")[:4])
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    assert wizard.current_page_id() is PageId.DIRECTION
    assert wizard.hub.session.draft.guide_id == wizard.hub.session.book.guide.id
    wizard.hub.session.dirty = False


def test_loading_starts_after_the_first_paint(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    app.AfterFirstPaint(window, lambda: calls.append(window.isVisible()))
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    window.update()
    qtbot.wait(50)
    assert calls == [True]  # once only


def test_a_damaged_guide_is_reported_and_the_window_closes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise GuideFileError("2023-batch1.yaml: line 3: the key 'code' repeats")

    said: list[str] = []
    # no pack loads: the bundled folder holds only a broken one, and the fallback fails too
    bundled = tmp_path / "bundled" / "most-igsti-2023-batch1"
    bundled.mkdir(parents=True)
    (bundled / "guide.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(guide_packs, "bundled_packs_folder", lambda: bundled.parent)
    monkeypatch.setattr(guide_library, "shipped_guide", broken)

    def critical(_parent: QWidget, _title: str, text: str) -> int:
        said.append(text)
        return 0

    monkeypatch.setattr(QMessageBox, "critical", critical)
    wizard = app.start_window(_settings(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    app.finish_loading(wizard, None)
    assert not wizard.hub.ready
    assert not wizard.isVisible()
    assert said and _("The guide data cannot be loaded; please reinstall ApplyWizard.") in said[0]
    assert "the key 'code' repeats" in said[0]


def test_after_a_crash_the_starting_window_offers_the_recovered_draft(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "recovery"
    crashed = app.start_window(_settings(tmp_path))
    qtbot.addWidget(crashed)
    app.finish_loading(crashed, folder)
    crashed.hub.session.set_value("project.title_zh", "崩溃前的题目")
    crashed.write_recovery()
    crashed.retired = True  # the process "dies": nothing is cleaned up

    asked: list[str] = []

    def yes(_parent: QWidget, title: str, _text: str, _buttons: object) -> object:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    fresh = app.start_window(_settings(tmp_path))
    qtbot.addWidget(fresh)
    fresh.show()
    app.finish_loading(fresh, folder)
    assert asked == [_("Recover unsaved work?")]
    assert fresh.hub.session.draft.project.title_zh == "崩溃前的题目"
    assert fresh.hub.session.dirty
    fresh.hub.session.dirty = False
