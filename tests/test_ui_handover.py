"""“打包发送” and opening a pack in the window, every dialog answered (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from applywizard.ui import app
from applywizard.ui import dialogs as modal
from applywizard.ui import handover as handover_ui
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from tests.handover_files import example_with_files, tree
from tests.hostile_packs import HOSTILE


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


Shown = list[tuple[QMessageBox.Icon, str, str, str]]
OK = QMessageBox.StandardButton.Ok
SAVE = QMessageBox.StandardButton.Save
CANCEL = QMessageBox.StandardButton.Cancel


def answering(monkeypatch: pytest.MonkeyPatch, *clicks: str | QMessageBox.StandardButton) -> Shown:
    """Answer each message box with the next button: a standard one, or the one whose text
    starts with the words given."""
    shown: Shown = []
    answers = list(clicks)

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        shown.append((dialog.icon(), dialog.windowTitle(), dialog.text(), dialog.informativeText()))
        dialog.show()
        wanted = answers.pop(0)
        if isinstance(wanted, str):
            [button] = [b for b in dialog.buttons() if b.text().replace("&", "").startswith(wanted)]
        else:
            button = dialog.button(wanted)
        button.click()
        return 0

    monkeypatch.setattr(modal, "run_dialog", run)
    return shown


def _forget_changes(wizard: ApplicationWizard) -> None:
    wizard.hub.session.dirty = False  # closing asks nothing


def opened(qtbot: QtBot, tmp_path: Path, draft: Path) -> ApplicationWizard:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    wizard = app.start_window(settings)
    qtbot.addWidget(wizard, before_close_func=_forget_changes)
    wizard.show()
    app.finish_loading(wizard, tmp_path / "recovery")
    assert wizard.open_path(draft)
    return wizard


def choosing(monkeypatch: pytest.MonkeyPatch, name: str, answer: Path | None) -> list[Path]:
    asked: list[Path] = []

    def choose(_parent: object, start: Path) -> Path | None:
        asked.append(start)
        return answer

    monkeypatch.setattr(handover_ui, name, choose)
    return asked


def test_packing_a_saved_draft_says_what_was_packed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("1.1", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    asked = choosing(monkeypatch, "choose_pack_file", tmp_path / "交给王老师.awpack")
    shown = answering(monkeypatch, OK)
    outcome = handover_ui.pack_for_handing_on(wizard)
    assert asked == [tmp_path / "mine" / "1.1.awpack"]
    assert outcome is not None and outcome.complete
    [(icon, title, text, lines)] = shown
    assert (icon, title) == (QMessageBox.Icon.Information, "打包发送")
    assert "已打包草稿及 5/5 个附件" in text
    assert lines.count("✔") == 5
    assert (tmp_path / "交给王老师.awpack").is_file()


def test_files_not_found_are_named_and_a_folder_is_offered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("2.8", tmp_path / "mine", files_in=tmp_path / "scans")
    wizard = opened(qtbot, tmp_path, draft)
    choosing(monkeypatch, "choose_pack_file", tmp_path / "2.8.awpack")
    folders = choosing(monkeypatch, "choose_folder_to_look_in", tmp_path / "scans")
    shown = answering(monkeypatch, "选择文件夹", OK)
    outcome = handover_ui.pack_for_handing_on(wizard)
    assert folders == [tmp_path / "mine"]
    (_icon, _title, question, missing), (icon, _title2, text, _lines) = shown
    assert question.startswith("有 3 个附件在草稿所在文件夹和添加附件时的位置都未找到")
    assert "BRICS_STI_Flagship_Joint_Application.pdf" in missing and "未找到文件" in missing
    assert icon == QMessageBox.Icon.Information and "3/3" in text
    assert outcome is not None and outcome.complete


def test_packing_without_them_warns_naming_each(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("2.5", tmp_path / "mine")
    (tmp_path / "mine" / "示范厂址及自筹资金承诺函.pdf").unlink()
    wizard = opened(qtbot, tmp_path, draft)
    choosing(monkeypatch, "choose_pack_file", tmp_path / "2.5.awpack")
    shown = answering(monkeypatch, "不含这些文件", OK)
    outcome = handover_ui.pack_for_handing_on(wizard)
    assert outcome is not None and not outcome.complete
    icon, _title, text, lines = shown[-1]
    assert icon == QMessageBox.Icon.Warning and "1/2" in text
    assert lines.startswith("“示范厂址及自筹资金承诺函.pdf”")


def test_changes_are_saved_first_when_the_user_agrees(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("2.6", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    wizard.hub.session.set_value("project.title_zh", "改过的项目名称")
    choosing(monkeypatch, "choose_pack_file", tmp_path / "2.6.awpack")
    cancelled = answering(monkeypatch, CANCEL)
    assert handover_ui.pack_for_handing_on(wizard) is None
    assert len(cancelled) == 1 and wizard.hub.session.dirty
    assert not (tmp_path / "2.6.awpack").exists()
    shown = answering(monkeypatch, SAVE, OK)
    outcome = handover_ui.pack_for_handing_on(wizard)
    assert outcome is not None and outcome.pack is not None
    assert "申报包收录的是已保存的草稿" in shown[0][2]
    assert not wizard.hub.session.dirty
    assert "改过的项目名称" in draft.read_text(encoding="utf-8")


def test_opening_a_pack_unpacks_it_and_opens_its_draft(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("1.6", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    choosing(monkeypatch, "choose_pack_file", tmp_path / "1.6.awpack")
    answering(monkeypatch, OK)
    handover_ui.pack_for_handing_on(wizard)
    received = tmp_path / "received"
    received.mkdir()
    (received / "notes.txt").write_text("mine")
    asked = choosing(monkeypatch, "choose_unpack_folder", received)
    shown = answering(monkeypatch, OK)
    assert handover_ui.open_pack(wizard, tmp_path / "1.6.awpack")
    assert asked == [tmp_path]
    assert wizard.hub.session.path == received / "1.6" / "1.6.json"
    assert not wizard.hub.session.dirty
    [(icon, title, text, _lines)] = shown
    assert (icon, title) == (QMessageBox.Icon.Information, "打开申报包")
    assert text == f"已解包到 {received / '1.6'}：草稿及 4 个附件。"


def test_a_hostile_pack_is_refused_in_the_window_and_nothing_changes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("1.2", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    make: Callable[[Path], Path] = HOSTILE["zip-slip .."][0]
    (tmp_path / "made").mkdir()
    pack = make(tmp_path / "made")
    received = tmp_path / "received"
    received.mkdir()
    choosing(monkeypatch, "choose_unpack_folder", received)
    shown = answering(monkeypatch, OK)
    assert not handover_ui.open_pack(wizard, pack)
    [(icon, _title, text, _lines)] = shown
    assert icon == QMessageBox.Icon.Warning
    assert text.startswith("未打开申报包，未写入任何文件。") and "zip-slip" in text
    assert tree(received) == []
    assert wizard.hub.session.path == draft


def test_cancelling_a_file_dialog_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = example_with_files("1.7", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    choosing(monkeypatch, "choose_pack_file", None)
    choosing(monkeypatch, "choose_unpack_folder", None)
    shown = answering(monkeypatch)
    before = tree(tmp_path)
    assert handover_ui.pack_for_handing_on(wizard) is None
    assert not handover_ui.open_pack(wizard, tmp_path / "any.awpack")
    assert shown == [] and tree(tmp_path) == before


def test_the_start_page_button_and_open_reach_the_pack(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """“打包发送” on the Start page packs; opening a .awpack like a draft unpacks and opens it."""
    draft = example_with_files("1.6", tmp_path / "mine")
    wizard = opened(qtbot, tmp_path, draft)
    choosing(monkeypatch, "choose_pack_file", tmp_path / "交给王老师.awpack")
    answering(monkeypatch, OK)
    button = wizard.findChild(QPushButton, "start.pack")
    assert button is not None and button.text() == "打包发送(&P)…" and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "交给王老师.awpack").is_file()
    received = tmp_path / "received"
    choosing(monkeypatch, "choose_unpack_folder", received)
    answering(monkeypatch, OK)
    assert wizard.open_path(tmp_path / "交给王老师.awpack")  # as Open and the recent list do
    assert wizard.hub.session.path == received / "交给王老师" / "1.6.json"
    assert wizard.hub.session.files.lock is not None  # opened for editing, locked
