"""The character counter under a limited field: typed into, it counts, turns red, and the
finding appears beside the field; deleting a character takes the finding away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.binding import FINDING_SUFFIX
from applywizard.ui.hub import DraftHub
from applywizard.ui.length_counter import COUNTER_SUFFIX, OVER_COLOUR
from applywizard.ui.pages.project import ProjectPage
from applywizard.ui.text import language, set_language
from applywizard.ui.translations import install_translations
from applywizard.workflow.session import DraftSession
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese; afterwards no translator is left, as the other tests expect."""
    before = language()
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")
    set_language(before)


def _page(
    qtbot: QtBot, book: RuleBook, example: str | None = "1.1"
) -> tuple[DraftHub, ProjectPage]:
    draft = read_draft(ROOT / "examples" / f"{example}.json") if example else None
    hub = DraftHub(DraftSession(book, draft))
    page = ProjectPage(hub)
    qtbot.addWidget(page)
    page.reload()
    return hub, page


def _label(page: ProjectPage, name: str) -> QLabel:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label


def _is_red(label: QLabel) -> bool:
    return label.palette().color(QPalette.ColorRole.WindowText) == OVER_COLOUR


def test_typing_past_the_limit_counts_turns_red_and_shows_the_finding(
    qtbot: QtBot, book: RuleBook, chinese: None
) -> None:
    hub, page = _page(qtbot, book)
    title = page.findChild(QLineEdit, "project.title_zh")
    assert title is not None
    counter = _label(page, "project.title_zh" + COUNTER_SUFFIX)
    finding = _label(page, "project.title_zh" + FINDING_SUFFIX)
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    assert counter.text() == "0 / 25 字" and counter.isVisibleTo(page)

    for typed in range(1, 27):
        type_text(qtbot, title, "水")
        assert counter.text() == f"{typed} / 25 字"  # every keystroke
        if typed == 25:
            assert not _is_red(counter) and not finding.isVisibleTo(page)
    assert hub.session.draft.project.title_zh == "水" * 26
    assert counter.text() == "26 / 25 字" and counter.property("over") is True
    assert _is_red(counter)
    assert finding.isVisibleTo(page)
    assert "不超过 25 字，现为 26 字" in finding.text()
    assert "国际科技合作项目申请书填报说明 2" in finding.text()

    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert counter.text() == "25 / 25 字" and not _is_red(counter)
    assert not finding.isVisibleTo(page) and finding.text() == ""


def test_latin_letters_and_spaces_count_as_the_rule_counts(
    qtbot: QtBot, book: RuleBook, chinese: None
) -> None:
    _, page = _page(qtbot, book)
    title = page.findChild(QLineEdit, "project.title_zh")
    assert title is not None
    title.clear()
    type_text(qtbot, title, "  AI与5G网络  ")
    assert _label(page, "project.title_zh" + COUNTER_SUFFIX).text() == "7 / 25 字"


def test_the_summary_counts_in_english_too(
    qtbot: QtBot, book: RuleBook, qapp: QApplication
) -> None:
    before = language()
    install_translations(qapp, "en")
    try:
        _, page = _page(qtbot, book)
        summary = page.findChild(QPlainTextEdit, "project.summary")
        assert summary is not None
        type_text(qtbot, summary, "Joint lab")
        assert _label(page, "project.summary" + COUNTER_SUFFIX).text() == "9 / 400"
    finally:
        set_language(before)


def test_a_field_without_a_limit_shows_no_counter(qtbot: QtBot, book: RuleBook) -> None:
    _, page = _page(qtbot, book)
    assert not _label(page, "project.keywords" + COUNTER_SUFFIX).isVisibleTo(page)
    assert not _label(page, "form.schedule" + COUNTER_SUFFIX).isVisibleTo(page)
    assert (
        _label(page, "project.title_en" + COUNTER_SUFFIX)
        .text()
        .startswith(("91 / 200", "91 / 200 字"))
    )
