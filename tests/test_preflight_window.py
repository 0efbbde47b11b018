"""The pre-flight in the window: attach an encrypted PDF, see its finding beside it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from applywizard.adapters.app_settings import (
    DEFAULT_ATTACHMENT_LIMIT_MB,
    attachment_limit_mb,
    set_attachment_limit,
)
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.attachments import AttachmentsPage
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.workflow.session import DraftSession
from tests import preflight_files as made

ROOT = Path(__file__).resolve().parents[1]
W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


def child(page: QWidget, kind: type[W], name: str) -> W:
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def page(book: RuleBook, qtbot: QtBot) -> AttachmentsPage:
    shown = AttachmentsPage(DraftHub(DraftSession(book, read_draft(ROOT / "examples/1.1.json"))))
    qtbot.addWidget(shown)
    shown.resize(1100, 900)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    shown.reload()
    return shown


def test_attaching_an_encrypted_pdf_shows_checking_then_its_finding(
    page: AttachmentsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = made.write(tmp_path, "合作协议-加密.pdf", made.encrypted_pdf())
    monkeypatch.setattr(page, "choose_files", lambda kind, many=True: [path])
    kind_box = child(page, QComboBox, "attachments.new_kind")
    kind_box.setCurrentIndex(kind_box.findData("cooperation_agreement"))
    button = child(page, QPushButton, "attachments.attach")
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)  # attach from the keyboard
    session = page.hub.session
    assert session.draft.attachments[-1].file_name == "合作协议-加密.pdf"
    status = child(page, QLabel, "attachments#preflight")
    assert "正在检查" in status.text() and "合作协议-加密.pdf" in status.text()
    assert session.draft.attachments[-1].preflight is None  # the UI thread did not wait

    qtbot.waitUntil(lambda: session.draft.attachments[-1].preflight is not None, timeout=10_000)
    index = len(session.draft.attachments) - 1
    [finding] = [f for f in session.findings if f.rule == "general.attachment-encrypted"]
    assert finding.field == f"attachments.{index}.file_name"
    assert finding.citation == "指南 1.1 其他要求（6）"
    qtbot.waitUntil(lambda: "已检查" in status.text())
    assert "已加密" in status.text()
    beside = child(page, QLabel, f"attachments.{index}.file_name#finding")
    assert beside.isVisibleTo(page)
    assert "已加密或设有密码" in beside.text() and "1.1 其他要求（6）" in beside.text()
    listed = child(page, QListWidget, "attachments")
    assert listed.item(index).text().startswith("✖")


def test_a_sound_pdf_gets_facts_and_no_finding(
    page: AttachmentsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    path = made.write(tmp_path, "letter.pdf", made.text_pdf(pages=2))
    assert page.attach_files([path]) == 1
    session = page.hub.session
    qtbot.waitUntil(lambda: session.draft.attachments[-1].preflight is not None, timeout=10_000)
    facts = session.draft.attachments[-1].preflight
    assert facts is not None and facts.pages == 2 and facts.fonts_not_embedded == []
    assert not [f for f in session.findings if f.rule.startswith("general.attachment-")]
    status = child(page, QLabel, "attachments#preflight")
    qtbot.waitUntil(lambda: "2 页" in status.text())


def test_selecting_an_attachment_shows_what_its_pre_flight_found(
    page: AttachmentsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    path = made.write(tmp_path, "scan.pdf", made.scanned_pdf(pages=3))
    kind_box = child(page, QComboBox, "attachments.new_kind")
    kind_box.setCurrentIndex(kind_box.findData("other"))
    assert page.attach_files([path]) == 1
    session = page.hub.session
    qtbot.waitUntil(lambda: session.draft.attachments[-1].preflight is not None, timeout=10_000)
    [finding] = [f for f in session.findings if f.rule.startswith("general.attachment-")]
    assert (finding.rule, finding.severity.value) == ("general.attachment-scanned", "warning")
    listed = child(page, QListWidget, "attachments")
    status = child(page, QLabel, "attachments#preflight")
    listed.setCurrentRow(0)  # an example's attachment: never checked here
    assert not status.isVisibleTo(page)
    listed.setCurrentRow(listed.count() - 1)
    assert status.isVisibleTo(page)
    assert "“scan.pdf”" in status.text() and "3 页，0 页有文字层" in status.text()
    assert listed.item(listed.count() - 1).text().startswith("⚠")


def test_the_size_limit_is_set_on_the_page_and_judges_checked_files_at_once(
    page: AttachmentsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    path = made.write(tmp_path, "big.pdf", made.text_pdf(pages=20, padding=110_000))
    kind_box = child(page, QComboBox, "attachments.new_kind")
    kind_box.setCurrentIndex(kind_box.findData("other"))
    assert page.attach_files([path]) == 1
    session = page.hub.session
    qtbot.waitUntil(lambda: session.draft.attachments[-1].preflight is not None, timeout=10_000)
    assert not [f for f in session.findings if f.rule == "general.attachment-over-size"]
    limit = child(page, QSpinBox, "attachments.size_limit_mb")
    assert limit.value() == 20 and "20 MB" in limit.toolTip()
    try:
        limit.setFocus()
        limit.selectAll()
        QTest.keyClicks(limit, "1")
        QTest.keyClick(limit, Qt.Key.Key_Return)
        assert attachment_limit_mb() == 1
        [finding] = [f for f in session.findings if f.rule == "general.attachment-over-size"]
        assert "2.1 MB" in finding.message and "1.0 MB" in finding.message
    finally:
        set_attachment_limit(DEFAULT_ATTACHMENT_LIMIT_MB)
