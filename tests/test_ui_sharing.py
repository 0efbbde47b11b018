"""The window with a shared draft: the lock question, read-only mode, changes on disk.

Every question is answered by clicking its named button, as a person would;
saving is Ctrl+S on the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_lock import lock_path, parse_entry
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui import dialogs as modal
from applywizard.ui.assembly import build_wizard
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import DraftSession
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]
LIBREOFFICE_LOCK = b"Li Hua,lihua,LAB-PC-07,06.12.2026 09:41,file:///C:/Users/lihua/LibreOffice/4;"


@pytest.fixture(autouse=True)
def chinese(qapp: Any) -> Iterator[None]:
    """The window in Chinese; the language before is put back after."""
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "申报书.json"
    save_draft(read_draft(ROOT / "examples" / "1.1.json"), path)
    return path


@pytest.fixture
def window(qtbot: QtBot, book: RuleBook, tmp_path: Path) -> ApplicationWizard:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard = build_wizard(DraftSession(book, recovery_folder=tmp_path / "recovery"), settings)
    qtbot.addWidget(wizard, before_close_func=lambda w: setattr(w.hub.session, "dirty", False))
    wizard.show()
    wizard.hub.replaced.emit()
    return wizard


def answer(monkeypatch: pytest.MonkeyPatch, *buttons: str) -> list[str]:
    """Answer the next dialogs by clicking the buttons named, in order; returns their texts."""
    queue, texts = list(buttons), []

    def run(dialog: QDialog) -> int:
        dialog.show()
        texts.append(dialog.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        name = queue.pop(0)
        button = dialog.findChild(QAbstractButton, name)
        assert button is not None, (
            name,
            [b.objectName() for b in dialog.findChildren(QAbstractButton)],
        )
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(modal, "run_dialog", run)
    return texts


def title_edit(wizard: ApplicationWizard) -> QLineEdit:
    wizard.go_to(PageId.PROJECT)
    edit = wizard.findChild(QLineEdit, "project.title_zh")
    assert edit is not None
    return edit


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type Chinese over it (through the input method)."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, edit, text)


def save_keys(wizard: ApplicationWizard) -> None:
    QTest.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_locked_draft_asks_and_opens_read_only(
    window: ApplicationWizard, draft_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lock_path(draft_file).write_bytes(LIBREOFFICE_LOCK)
    asked = answer(monkeypatch, "lock.read_only")
    assert window.open_path(draft_file)
    assert "Li Hua (lihua@LAB-PC-07)" in asked[0] and "06.12.2026\u00a009:41" in asked[0]
    assert "LibreOffice" in asked[0]
    assert window.hub.session.files.read_only
    assert "（只读）" in window.windowTitle()
    project = window.pages[PageId.PROJECT]
    assert not project.isEnabled() and window.pages[PageId.REVIEW].isEnabled()
    bar = window.findChild(QLabel, "file-bar")
    assert bar is not None and bar.isVisible() and "只读" in bar.text()
    copy = tmp_path / "我的副本.json"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args: (str(copy), "")
    )
    save_keys(window)  # read-only: Save asks for a new name
    assert copy.exists() and window.hub.session.path == copy
    assert not window.hub.session.files.read_only and project.isEnabled()
    assert lock_path(draft_file).read_bytes() == LIBREOFFICE_LOCK  # theirs, untouched


def test_open_a_copy_or_anyway(
    window: ApplicationWizard, draft_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_path(draft_file).write_bytes(LIBREOFFICE_LOCK)
    answer(monkeypatch, "lock.copy")
    assert window.open_path(draft_file)
    assert window.hub.session.path is None and window.hub.session.dirty
    assert lock_path(draft_file).read_bytes() == LIBREOFFICE_LOCK
    answer(monkeypatch, "lock.anyway")
    assert window.open_path(draft_file)
    owner = parse_entry(lock_path(draft_file).read_bytes())
    assert owner is not None and owner.program.startswith("ApplyWizard")
    assert not window.hub.session.files.read_only


def test_cancel_leaves_everything_as_it_was(
    window: ApplicationWizard, draft_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_path(draft_file).write_bytes(LIBREOFFICE_LOCK)
    answer(monkeypatch, "lock.cancel")
    assert not window.open_path(draft_file)
    assert window.hub.session.path is None and not window.hub.session.files.read_only


def theirs_saved(draft_file: Path, title: str) -> None:
    theirs = read_draft(draft_file)
    theirs.project.title_zh = title
    save_draft(theirs, draft_file)


def test_a_change_on_disk_is_noticed_and_never_overwritten_silently(
    window: ApplicationWizard, draft_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    assert window.open_path(draft_file)
    retype(qtbot, title_edit(window), "我的标题")
    theirs_saved(draft_file, "他人的标题")
    window.watch.look()  # what the timer and activating the window do
    bar = window.findChild(QLabel, "file-bar")
    assert bar is not None and bar.isVisible() and "已于" in bar.text()
    asked = answer(monkeypatch, "conflict.cancel")
    save_keys(window)
    assert "他人修改并保存了该文件" in asked[0]
    assert read_draft(draft_file).project.title_zh == "他人的标题"
    answer(
        monkeypatch,
        "conflict.overwrite",
        "conflict.overwrite.confirm.yes",
        "conflict.overwrite.again.no",
    )
    save_keys(window)  # asked twice; the second No keeps theirs
    assert read_draft(draft_file).project.title_zh == "他人的标题"
    answer(
        monkeypatch,
        "conflict.overwrite",
        "conflict.overwrite.confirm.yes",
        "conflict.overwrite.again.yes",
    )
    save_keys(window)
    assert read_draft(draft_file).project.title_zh == "我的标题"
    assert not window.hub.session.dirty


def test_reload_takes_theirs_after_asking(
    window: ApplicationWizard, draft_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    assert window.open_path(draft_file)
    retype(qtbot, title_edit(window), "我的标题")
    theirs_saved(draft_file, "他人的标题")
    answer(monkeypatch, "conflict.reload", "conflict.reload.confirm.yes")
    save_keys(window)
    assert window.hub.session.draft.project.title_zh == "他人的标题"
    assert title_edit(window).text() == "他人的标题"
    assert not window.hub.session.dirty


def test_save_as_a_new_file_keeps_both(
    window: ApplicationWizard,
    draft_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    assert window.open_path(draft_file)
    retype(qtbot, title_edit(window), "我的标题")
    theirs_saved(draft_file, "他人的标题")
    mine = tmp_path / "我的版本.json"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args: (str(mine), "")
    )
    answer(monkeypatch, "conflict.save_as")
    save_keys(window)
    assert read_draft(draft_file).project.title_zh == "他人的标题"
    assert read_draft(mine).project.title_zh == "我的标题"
    assert not lock_path(draft_file).exists() and lock_path(mine).exists()


def test_closing_the_window_removes_its_lock(window: ApplicationWizard, draft_file: Path) -> None:
    assert window.open_path(draft_file)
    assert lock_path(draft_file).exists()
    window.close()
    assert not lock_path(draft_file).exists()
