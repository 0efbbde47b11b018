"""The whole window: page states, jumping to a field, files, recovery, generating."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidget, QWizard
from pytestqt.qtbot import QtBot

from applywizard import launcher
from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui import errors
from applywizard.ui.assembly import build_wizard, offer_recovery
from applywizard.ui.pages.generate import GeneratePage
from applywizard.ui.pages.start import StartPage
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import DraftSession, find_recoveries
from tests import preflight_files as made

ROOT = Path(__file__).resolve().parents[1]


def _forget_changes(wizard: Any) -> None:
    """Let the test's clean-up close the window without the unsaved-changes prompt."""
    wizard.hub.session.dirty = False


@pytest.fixture
def make_wizard(qtbot: QtBot, book: RuleBook, tmp_path: Path) -> Iterator[Any]:
    made: list[ApplicationWizard] = []

    def make(example: str | None = None, *, path: Path | None = None) -> ApplicationWizard:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        draft = read_draft(ROOT / "examples" / f"{example}.json") if example else None
        session = DraftSession(book, draft, path=path, recovery_folder=tmp_path / "recovery")
        wizard = build_wizard(session, settings)
        qtbot.addWidget(wizard, before_close_func=_forget_changes)
        wizard.show()
        wizard.hub.replaced.emit()
        made.append(wizard)
        return wizard

    yield make


def _item_text(wizard: ApplicationWizard, page: PageId) -> str:
    assert page in wizard.listed, page
    return wizard.page_list.item(wizard.listed.index(page)).text()


def test_the_page_list_shows_each_pages_state(make_wizard: Any) -> None:
    wizard = make_wizard("1.1")
    assert all(_item_text(wizard, page).startswith("✔") for page in (PageId.PARTNERS, PageId.UNITS))
    wizard.hub.session.set_value("foreign_partners.0.country", "DE")
    wizard.hub.edited.emit()
    assert _item_text(wizard, PageId.PARTNERS).startswith("✖")
    assert "1" in wizard.counts.text()


def test_next_stays_enabled_with_errors(make_wizard: Any, qtbot: QtBot) -> None:
    wizard = make_wizard()
    wizard.go_to(PageId.PROJECT)
    assert wizard.hub.session.findings
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.current_page_id() is PageId.UNITS


def test_review_activation_jumps_to_the_field(make_wizard: Any) -> None:
    wizard = make_wizard("1.1")
    wizard.hub.session.set_value("project.title_en", "")
    wizard.hub.edited.emit()
    wizard.go_to(PageId.REVIEW)
    tree = wizard.findChild(QTreeWidget, "review.findings")
    assert tree is not None
    target = None
    for top in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(top)
        for index in range(parent.childCount()):
            if parent.child(index).data(0, Qt.ItemDataRole.UserRole) == "project.title_en":
                target = parent.child(index)
    assert target is not None and target.text(1) == "通用规则"
    tree.itemActivated.emit(target, 0)
    assert wizard.current_page_id() is PageId.PROJECT
    focused = wizard.focusWidget()  # the window's focus (no window is active offscreen)
    assert focused is not None and focused.objectName() == "project.title_en"


def test_the_title_shows_the_file_and_unsaved_changes(make_wizard: Any, tmp_path: Path) -> None:
    path = tmp_path / "申报.json"
    save_draft(read_draft(ROOT / "examples" / "2.3.json"), path)
    wizard = make_wizard("2.3", path=path)
    assert "申报.json" in wizard.windowTitle() and not wizard.isWindowModified()
    wizard.hub.session.set_value("project.keywords", "新的关键词")
    wizard.hub.edited.emit()
    assert wizard.isWindowModified()
    assert wizard.save()
    assert not wizard.isWindowModified()
    assert read_draft(path).project.keywords == "新的关键词"
    assert wizard.recent()[0] == str(path)


def test_recovery_after_a_crash(
    make_wizard: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    crashed = make_wizard("2.4")
    crashed.hub.session.set_value("project.keywords", "崩溃前的修改")
    crashed.go_to(PageId.PROJECT)  # a page change writes the recovery copy
    assert find_recoveries(tmp_path / "recovery")
    # The process "dies" here: the recovery copy stays, and a new window starts.
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    fresh = make_wizard()
    assert offer_recovery(fresh)
    assert fresh.hub.session.draft.project.keywords == "崩溃前的修改"
    assert fresh.hub.session.dirty and find_recoveries(tmp_path / "recovery") == []


def test_closing_with_unsaved_changes_asks(
    make_wizard: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard = make_wizard("2.5")
    wizard.hub.session.set_value("project.keywords", "未保存")
    wizard.write_recovery()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Cancel
    )
    assert not wizard.close()
    assert wizard.isVisible()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Discard
    )
    assert wizard.close()
    assert find_recoveries(tmp_path / "recovery") == []


def test_new_application_from_an_earlier_draft(make_wizard: Any) -> None:
    wizard = make_wizard()
    start = wizard.pages[PageId.START]
    assert isinstance(start, StartPage)
    assert start.start_from(ROOT / "examples" / "1.7.json")
    draft = wizard.hub.session.draft
    assert draft.chinese_units and draft.foreign_partners and draft.team
    assert draft.direction == "" and draft.attachments == [] and draft.declarations == {}
    assert wizard.current_page_id() is PageId.DIRECTION


def test_generate_writes_files_for_a_clean_draft_and_refuses_otherwise(
    make_wizard: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard = make_wizard("2.6")
    wizard.go_to(PageId.GENERATE)
    page = wizard.pages[PageId.GENERATE]
    assert isinstance(page, GeneratePage)
    page.folder.setText(str(tmp_path / "out"))
    rendered = page.generate()
    assert rendered is not None and page.files.count() == 3
    assert all(path.exists() for path in rendered.files)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    wizard.hub.session.set_value("declarations.both_sides_apply", False)
    wizard.hub.edited.emit()
    page.folder.setText(str(tmp_path / "out2"))
    assert page.generate() is None and warned
    assert not (tmp_path / "out2").exists()


def test_an_exception_in_a_slot_is_logged_and_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []

    def show(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    log = errors.setup_logging(tmp_path / "logs")
    previous = sys.excepthook
    errors.install_exception_hook(log)
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert "boom in a slot" in log.read_text(encoding="utf-8")
    assert shown and str(log) in shown[0]


def test_the_launcher_opens_the_window_without_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bool] = []
    import applywizard.ui.app as app_module  # noqa: PLC0415

    def run_wizard() -> int:
        opened.append(True)
        return 0

    monkeypatch.setattr(app_module, "run_wizard", run_wizard)
    assert launcher.main([]) == 0 and opened
    assert launcher.main(["directions", "--json"]) == 0


INPUTS = (
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QComboBox",
    "QSpinBox",
    "QDoubleSpinBox",
    "QDateEdit",
    "QCheckBox",
    "QAbstractItemView",
    "QPushButton",
)


def _inside_compound(widget: Any) -> bool:
    parent = widget.parent()
    while parent is not None:
        if parent.inherits("QComboBox") or parent.inherits("QAbstractSpinBox"):
            return True
        if widget.inherits("QHeaderView") and parent.inherits("QAbstractItemView"):
            return True
        if parent.inherits("QComboBoxPrivateContainer"):
            return True
        parent = parent.parent()
    return False


def test_every_input_is_named_by_its_field_and_accessible(make_wizard: Any) -> None:
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    from applywizard.domain.draft.paths import is_model_path  # noqa: PLC0415

    wizard = make_wizard("1.4")
    pages = {page.value for page in PageId}
    checked = 0
    for page in wizard.pages.values():
        for widget in page.findChildren(QWidget):
            if not any(widget.inherits(kind) for kind in INPUTS):
                continue
            name = widget.objectName()
            if name.startswith("qt_") or _inside_compound(widget):
                continue  # Qt's own parts of a compound widget
            assert name, f"unnamed {type(widget).__name__} on {page.objectName()}"
            plain = ".".join(part for part in name.split(".") if not part.isdigit())
            is_field = is_model_path(plain) or plain.startswith("declarations.")
            is_control = name.split(".")[0] in pages or name.split(".")[0] in {
                "chinese_units",
                "foreign_partners",
                "team",
                "leader_projects",
                "budget",
                "attachments",
                "horizon",
            }
            # the indicators' table inside the form: its buttons and its long-text field
            is_control = is_control or name.startswith(("form.indicators.", "form.indicators#"))
            assert is_field or is_control, name
            assert widget.accessibleName() or widget.inherits("QPushButton"), name
            checked += 1
    assert checked > 60


def test_review_shows_the_chosen_finding_in_full(make_wizard: Any) -> None:
    wizard = make_wizard("1.1")
    wizard.hub.session.set_value("declarations.partner_capability", False)
    wizard.hub.edited.emit()
    wizard.go_to(PageId.REVIEW)
    tree = wizard.findChild(QTreeWidget, "review.findings")
    assert tree is not None
    child = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(child)
    detail = wizard.pages[PageId.REVIEW].detail.text()
    assert "同中方项目申报单位有长期稳定合作基础" in detail and "1.1" in detail


def test_generate_checks_the_attachments_beside_the_draft_first(
    make_wizard: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wizard = make_wizard("1.1", path=tmp_path / "application.json")
    session = wizard.hub.session
    name = session.draft.attachments[0].file_name
    locked = made.write(tmp_path, name, made.encrypted_pdf())
    session.set_value("attachments.0.sha256", hashlib.sha256(locked.read_bytes()).hexdigest())
    wizard.go_to(PageId.GENERATE)
    page = wizard.pages[PageId.GENERATE]
    assert isinstance(page, GeneratePage)
    page.folder.setText(str(tmp_path / "out"))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    assert page.generate() is None and warned
    assert not (tmp_path / "out").exists()
    facts = session.draft.attachments[0].preflight
    assert facts is not None and facts.encrypted
    [finding] = [f for f in session.findings if f.rule == "general.attachment-encrypted"]
    assert (finding.field, finding.clause) == ("attachments.0.file_name", 6)
    assert all(item.preflight is None for item in session.draft.attachments[1:])  # not there
