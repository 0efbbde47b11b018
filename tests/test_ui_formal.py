"""Moving to the formal application in the window, and its promises kept (issue 15), by keystrokes.

Example 2.8 is opened at the pre-application stage; Review's "转为正式申报"
button is pressed and its question answered; one indicator's count is typed
lower in its cell on the Project page (30 → 3): the error citing the form's
instruction shows in that cell and on Review; typing 30 back removes it. A
draft whose frozen record was edited by hand shows its own error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.domain.draft.model import Stage
from applywizard.ui import app
from applywizard.ui import dialogs as modal
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.table_model import ERROR_COLOUR, DraftTableModel
from applywizard.ui.tables import TableEditor
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTION = (
    "申报书填写应以预申报书内容为基础，"
    "不得降低考核指标，不得自行调整主要研究内容，但可进一步具体细化。"
)
CELL = "form.indicators.2.quantity"
"""布放表层漂流浮标和剖面浮标不少于30个: 30 个."""


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")  # no translator, as the other tests expect
    set_language(before)


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[ApplicationWizard]:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = app.start_window(settings)
    qtbot.addWidget(window)
    window.show()
    app.finish_loading(window, tmp_path / "recovery")
    assert window.hub.ready
    yield window
    window.hub.session.dirty = False  # closing must not wait on a question


def answered_by(monkeypatch: pytest.MonkeyPatch, handler: Callable[[QDialog], int]) -> list[str]:
    """Every dialog goes to ``handler``; returns each dialog's text."""
    seen: list[str] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.objectName())
        dialog.show()
        return handler(dialog)

    monkeypatch.setattr(modal, "run_dialog", run)
    return seen


def press_button(dialog: QDialog, name: str) -> int:
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    return 0


def child(parent: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def pre_application_file(folder: Path) -> Path:
    draft = read_draft(ROOT / "examples" / "2.8.json")
    draft.stage = Stage.PRE
    path = folder / "2.8-预申报.json"
    save_draft(draft, path)
    return path


def review_lines(wizard: ApplicationWizard) -> list[tuple[str, str]]:
    wizard.go_to(PageId.REVIEW)
    tree = child(wizard.pages[PageId.REVIEW], QTreeWidget, "review.findings")
    assert isinstance(tree, QTreeWidget)
    lines = []
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        assert group is not None
        for row in range(group.childCount()):
            item = group.child(row)
            assert item is not None
            lines.append((item.text(0), item.text(1)))
    return lines


def indicators_model(page: WizardPage) -> DraftTableModel:
    tables = [t for t in page.findChildren(TableEditor) if t.collection == "form.indicators"]
    assert len(tables) == 1
    return tables[0].model


def type_quantity(qtbot: QtBot, wizard: ApplicationWizard, text: str) -> WizardPage:
    """Open the count's cell on the Project page, type over it and press Enter."""
    wizard.go_to(PageId.PROJECT)
    page = wizard.pages[PageId.PROJECT]
    assert isinstance(page, WizardPage)
    assert page.focus_field(CELL)
    editor = child(page, QLineEdit, CELL)
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, text)
    with qtbot.waitSignal(page.hub.edited):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    return page


def test_moving_to_formal_then_a_lowered_indicator_is_an_error_inline_and_on_review(
    qtbot: QtBot, wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pre_application_file(tmp_path)
    assert wizard.open_path(path)
    wizard.go_to(PageId.REVIEW)
    review = wizard.pages[PageId.REVIEW]
    button = child(review, QPushButton, "review.move_to_formal")
    assert isinstance(button, QPushButton) and button.isVisible()
    assert button.text().startswith("转为正式申报")
    stage = child(review, QLabel, "review.stage")
    assert isinstance(stage, QLabel) and stage.text() == "申报阶段：预申报。"
    tabs = review.findChild(QTabWidget)
    assert tabs is not None and not tabs.isTabVisible(2)

    def escape(dialog: QDialog) -> int:  # the question answered with Esc: nothing moves
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        return 0

    cancelled = answered_by(monkeypatch, escape)
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert len(cancelled) == 1 and wizard.hub.session.draft.stage is Stage.PRE

    asked = answered_by(monkeypatch, lambda d: press_button(d, "review.move.confirm.move"))
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert len(asked) == 1 and "冻结" in asked[0] and "不可撤销" in asked[0]
    session = wizard.hub.session
    assert session.draft.stage is Stage.FORMAL and session.draft.promised is not None
    assert not button.isVisible()
    assert isinstance(stage, QLabel) and stage.text().startswith(
        "申报阶段：正式申报；预申报书的承诺已于"
    )
    assert tabs.isTabVisible(2) and tabs.currentIndex() == 2
    comparison = child(review, QTreeWidget, "review.comparison")
    assert isinstance(comparison, QTreeWidget) and comparison.topLevelItemCount() == 15
    texts = child(review, QTextBrowser, "review.text_diffs")
    assert isinstance(texts, QTextBrowser) and "无改动" in texts.toPlainText()
    assert not [line for line in review_lines(wizard) if line[0].startswith("✖")]

    page = type_quantity(qtbot, wizard, "3")
    assert str(session.value(CELL)) == "3"
    model = indicators_model(page)
    index = model.index(2, model.column_of("quantity"))
    background = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == ERROR_COLOUR
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "预申报 30个，现为 3个" in tip
    listed = child(page, QListWidget, "form.indicators.findings")
    assert isinstance(listed, QListWidget)
    shown = [listed.item(row).text() for row in range(listed.count())]
    assert any(text.startswith("✖") and INSTRUCTION in text for text in shown), shown

    errors = [line for line in review_lines(wizard) if line[0].startswith("✖")]
    assert len(errors) == 1 and "低于预申报书" in errors[0][0] and INSTRUCTION in errors[0][1]
    lowered = comparison.topLevelItem(2)
    assert lowered is not None and lowered.text(0).startswith("✖")
    assert lowered.text(2).endswith("（3个）")

    page = type_quantity(qtbot, wizard, "30")
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert not [line for line in review_lines(wizard) if line[0].startswith("✖")]

    session.save()
    assert not session.dirty
    reopened = read_draft(path)
    assert reopened.promised == session.draft.promised and reopened.stage is Stage.FORMAL


def test_a_record_edited_by_hand_is_an_error_on_review(
    wizard: ApplicationWizard, tmp_path: Path
) -> None:
    path = pre_application_file(tmp_path)
    assert wizard.open_path(path)
    from applywizard.workflow.formal import move_to_formal  # noqa: PLC0415 - this test only

    move_to_formal(wizard.hub.session)
    save_draft(wizard.hub.session.draft, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["promised"]["leader"]["name"] = "别人"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    wizard.hub.session.dirty = False
    assert wizard.open_path(path)
    errors = [line for line in review_lines(wizard) if line[0].startswith("✖")]
    assert any("预申报书的冻结记录被手工改动过" in text for text, _cite in errors), errors
    # the record is compared as it now reads, and says so: never silently trusted
    assert any("预申报为“别人”" in text for text, _cite in errors), errors
    review = wizard.pages[PageId.REVIEW]
    assert not child(review, QPushButton, "review.move_to_formal").isVisible()


def test_the_pre_application_is_written_in_the_window_and_generated_alone(
    qtbot: QtBot, wizard: ApplicationWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the pre-application, the part 2.8 lacks is typed; Generate writes the 预申报书 alone."""
    assert wizard.open_path(pre_application_file(tmp_path))
    wizard.go_to(PageId.PROJECT)
    project = wizard.pages[PageId.PROJECT]
    route = child(project, QPlainTextEdit, "form.innovation_and_route")
    assert isinstance(route, QPlainTextEdit) and route.isVisible()
    errors = [item for item in wizard.hub.session.findings if item.severity.value == "error"]
    assert [item.field for item in errors] == ["form.innovation_and_route"]
    with qtbot.waitSignal(wizard.hub.edited):
        type_text(qtbot, route, "以多源观测同化为主线，联合布放浮标，开展海气耦合预报试验。")
    assert not [item for item in wizard.hub.session.findings if item.severity.value == "error"]

    wizard.go_to(PageId.GENERATE)
    generate = wizard.pages[PageId.GENERATE]
    folder = child(generate, QLineEdit, "generate.folder")
    assert isinstance(folder, QLineEdit)
    (tmp_path / "out").mkdir()
    folder.selectAll()
    QTest.keyClicks(folder, str(tmp_path / "out"))
    run = child(generate, QPushButton, "generate.run")
    answered_by(monkeypatch, lambda _dialog: pytest.fail("no question expected"))
    run.setFocus()
    QTest.keyClick(run, Qt.Key.Key_Space)
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert len(written) == 1 and written[0].endswith("预申报书.docx")
    text = "\n".join(
        paragraph.text for paragraph in Document(str(tmp_path / "out" / written[0])).paragraphs
    )
    assert "项目预申报书" in text
    assert "以多源观测同化为主线，联合布放浮标，开展海气耦合预报试验。" in text
    assert "草稿" not in text
    wizard.hub.session.dirty = False  # the window closes before the fixture's teardown
