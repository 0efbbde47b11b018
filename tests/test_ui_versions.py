"""“历史版本 / Versions” in the window, driven by keystrokes (pytest-qt, offscreen, Chinese)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.draft_history import list_versions, version_bytes
from applywizard.ui import app
from applywizard.ui import dialogs as modal
from applywizard.ui.text import language
from applywizard.ui.translations import install_translations
from applywizard.ui.versions import VersionsDialog, show_versions
from applywizard.ui.wizard import ApplicationWizard

ROOT = Path(__file__).resolve().parents[1]
Handler = Callable[[QDialog], int]


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, before)


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_VERSIONS_KEPT", raising=False)


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[ApplicationWizard]:
    """The window, guide loaded; closed without asking about unsaved changes."""
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = app.start_window(settings)
    qtbot.addWidget(window)
    window.show()
    app.finish_loading(window, tmp_path / "recovery")
    assert window.hub.ready
    yield window
    window.hub.session.dirty = False  # closing must not wait on a question


def answered_by(monkeypatch: pytest.MonkeyPatch, handler: Handler) -> list[QDialog]:
    """Every dialog goes to ``handler`` instead of waiting for a person."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        return handler(dialog)

    monkeypatch.setattr(modal, "run_dialog", run)
    return seen


def saved_three_times(wizard: ApplicationWizard, path: Path) -> list[bytes]:
    """Example 2.5 opened, then saved with three titles, as Ctrl+S saves it."""
    shutil.copyfile(ROOT / "examples" / "2.5.json", path)
    assert wizard.open_path(path)
    saved = []
    for title in ("第一稿", "第二稿", "第三稿"):
        wizard.hub.session.set_value("project.title_zh", title)
        wizard.hub.edited.emit()
        QTest.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert not wizard.hub.session.dirty
        saved.append(path.read_bytes())
    return saved


def text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def press(button: QPushButton) -> None:
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)


def test_versions_are_listed_compared_and_one_restored_by_keystrokes(
    wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "申报书.json"
    saved = saved_three_times(wizard, path)
    # the original example and the first two saves were replaced: three versions
    assert [version_bytes(v) for v in list_versions(path)] == [
        saved[1],
        saved[0],
        ROOT.joinpath("examples", "2.5.json").read_bytes(),
    ]
    wizard.hub.session.set_value("project.title_en", "Not saved")  # an edit not yet saved
    seen_text: dict[str, object] = {}

    def versions_then_restore(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            seen_text["question"] = dialog.text()
            button = dialog.findChild(QPushButton, "versions.confirm.restore")
            assert button is not None and button.text() == "恢复"
            press(button)
            return 0
        assert isinstance(dialog, VersionsDialog)
        seen_text["title"] = dialog.windowTitle()
        table = dialog.table
        assert [text(table.horizontalHeaderItem(c)) for c in range(2)] == ["保存时间", "大小"]
        rows = [(text(table.item(r, 0)), text(table.item(r, 1))) for r in range(3)]
        seen_text["rows"] = rows
        assert all(size.endswith(" KB") for _when, size in rows)
        table.setFocus()
        QTest.keyClick(table, Qt.Key.Key_Down)  # the second newest: the first save
        assert table.currentRow() == 1
        QTest.keyClick(table, Qt.Key.Key_Return)  # compare
        heading = dialog.findChild(QLabel, "versions.heading")
        assert heading is not None
        seen_text["heading"] = heading.text()
        seen_text["changes"] = [
            dialog.changes.item(i).text() for i in range(dialog.changes.count())
        ]
        seen_text["paths"] = [
            dialog.changes.item(i).toolTip() for i in range(dialog.changes.count())
        ]
        press(dialog.restore_button)
        return int(dialog.result())

    seen = answered_by(monkeypatch, versions_then_restore)
    assert show_versions(wizard)
    assert [type(dialog) for dialog in seen] == [VersionsDialog, QMessageBox]
    assert seen_text["title"] == "申报书.json 的历史版本"
    rows = seen_text["rows"]
    assert isinstance(rows, list)
    when = rows[1][0]
    assert seen_text["heading"] == f"从 {when} 的版本到当前申报书，共有 2 处修改："
    assert seen_text["changes"] == [
        "项目名称（中文）：第一稿 → 第三稿",
        "项目名称（英文）：“Energy self-sufficient m…”（共 94 字） → Not saved",
    ]
    assert seen_text["paths"] == ["project.title_zh", "project.title_en"]
    question = seen_text["question"]
    assert isinstance(question, str)
    assert question.startswith(f"恢复 {when} 的版本？") and "尚未保存的修改将会丢失" in question

    # the window shows the version put back, read again from its file
    assert path.read_bytes() == saved[0]
    assert wizard.hub.session.path == path and not wizard.hub.session.dirty
    assert wizard.hub.session.draft == read_draft(path)
    assert wizard.hub.session.draft.project.title_zh == "第一稿"
    # the file as saved before (the third save) was kept as a version first
    assert version_bytes(list_versions(path)[0]) == saved[2]


def test_cancelling_the_question_changes_nothing(
    wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.json"
    saved = saved_three_times(wizard, path)
    before = list_versions(path)

    def cancel(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            return 0
        assert isinstance(dialog, VersionsDialog)
        dialog.table.setFocus()
        press(dialog.restore_button)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # then close the list
        return int(dialog.result())

    seen = answered_by(monkeypatch, cancel)
    assert not show_versions(wizard)
    assert [type(dialog) for dialog in seen] == [VersionsDialog, QMessageBox]
    assert path.read_bytes() == saved[2]
    assert list_versions(path) == before
    assert wizard.hub.session.draft.project.title_zh == "第三稿"


def test_an_unsaved_application_says_it_has_no_versions(
    wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, VersionsDialog)
        heading = dialog.findChild(QLabel, "versions.heading")
        assert heading is not None
        said.append(heading.text())
        assert not dialog.restore_button.isEnabled()
        assert not dialog.compare_button.isEnabled()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        return int(dialog.result())

    answered_by(monkeypatch, look)
    assert not show_versions(wizard)
    assert said == ["还没有历史版本：此后每次再保存时都会保留上一版本。"]


def test_the_start_page_and_ctrl_shift_h_open_versions_and_a_restore_keeps_the_lock(
    wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After restoring, the window still holds its lock, and saving again is no conflict."""
    path = tmp_path / "申报书.json"
    saved = saved_three_times(wizard, path)
    titles: list[str] = []

    def restore_the_oldest(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            button = dialog.findChild(QPushButton, "versions.confirm.restore")
            assert button is not None
            press(button)
            return 0
        assert isinstance(dialog, VersionsDialog)
        titles.append(dialog.windowTitle())
        dialog.table.setFocus()
        QTest.keyClick(dialog.table, Qt.Key.Key_Down)  # the first save
        press(dialog.restore_button)
        return int(dialog.result())

    answered_by(monkeypatch, restore_the_oldest)
    button = wizard.findChild(QPushButton, "start.versions")
    assert button is not None and button.text() == "历史版本(&V)…"
    press(button)
    assert titles == ["申报书.json 的历史版本"] and path.read_bytes() == saved[0]
    lock = wizard.hub.session.files.lock
    assert lock is not None and lock.holds()  # the window's own lock, kept
    assert wizard.hub.session.files.changed_on_disk(path) is None  # the restore is known
    wizard.hub.session.set_value("project.title_zh", "恢复后再改")
    QTest.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert read_draft(path).project.title_zh == "恢复后再改"

    def note_title(dialog: QDialog) -> int:
        titles.append(dialog.windowTitle())
        return 0

    answered_by(monkeypatch, note_title)
    QTest.keyClick(
        wizard,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert titles[-1] == "申报书.json 的历史版本"
