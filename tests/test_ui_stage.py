"""Choosing the stage in the window, and what the pages ask at the pre-application.

On the Direction page the applicant picks 预申报书 or 正式申报书 (the pack's
first stage by default); the Project page then hides the formal form's own
parts (kept in the draft), shows 创新思路与技术路线 and a running count of the
pre-application's texts against the pack's target; the Team and Budget pages
say what the pre-application asks of them. Presenter functions are tested
with no widget; the pages with keystrokes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft, Stage
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.stage import (
    FORMAL_ONLY,
    moved_on,
    page_note,
    pre_application_total,
    shown_at,
    stage_choices,
)
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.direction import DirectionPage
from applywizard.ui.pages.project import ProjectPage
from applywizard.ui.pages.team import TeamPage
from applywizard.workflow.session import DraftSession
from tests.typing_helpers import type_text

ROOT = Path(__file__).resolve().parents[1]


def example(code: str = "2.8") -> Draft:
    return read_draft(ROOT / "examples" / f"{code}.json")


# -- presenters, no widget -----------------------------------------------------------------------


def test_both_stages_are_offered_while_the_draft_has_not_moved_on() -> None:
    for stage in Stage:
        choices = stage_choices(Draft(stage=stage))
        assert [(c.stage, c.enabled) for c in choices] == [(Stage.PRE, True), (Stage.FORMAL, True)]
    assert not moved_on(Draft())


def test_what_the_project_page_shows_at_each_stage() -> None:
    assert not shown_at("form.status_and_trends", Stage.PRE)
    assert not shown_at("project.summary", Stage.PRE)
    assert shown_at("form.objectives_and_content", Stage.PRE)
    assert shown_at("form.indicators", Stage.PRE)
    assert shown_at("form.innovation_and_route", Stage.PRE)
    assert not shown_at("form.innovation_and_route", Stage.FORMAL)
    assert all(shown_at(path, Stage.FORMAL) for path in FORMAL_ONLY)


def test_the_running_total_counts_the_pre_applications_texts(book: RuleBook) -> None:
    draft = example().model_copy(update={"stage": Stage.PRE}, deep=True)
    session = DraftSession(book, draft)
    before = pre_application_total(session)
    assert before is not None and not before.over
    session.set_value("form.innovation_and_route", "创新思路ABC")  # 7 more
    after = pre_application_total(session)
    assert after is not None
    count = int(before.text.split(": ")[1].split(" ")[0]) + 7
    assert after.text.startswith(f"Pre-application text so far: {count} characters")
    assert "about 3000" in after.text and "past 3300" in after.text
    session.set_value("stage", Stage.FORMAL)
    assert pre_application_total(session) is None
    assert page_note("team", session.draft) == "" == page_note("budget", session.draft)


# -- the pages -----------------------------------------------------------------------------------


def test_choosing_the_pre_application_changes_what_the_project_page_asks(
    qtbot: QtBot, book: RuleBook
) -> None:
    hub = DraftHub(DraftSession(book, example()))
    direction, project, team = DirectionPage(hub), ProjectPage(hub), TeamPage(hub)
    for page in (direction, project, team):
        qtbot.addWidget(page)
        page.reload()
    box = direction.findChild(QComboBox, "stage")
    assert box is not None and box.isEnabled()
    assert [box.itemData(i) for i in range(box.count())] == [Stage.PRE, Stage.FORMAL]
    assert box.currentData() == Stage.FORMAL  # the shipped pack's first stage
    status = project.findChild(QPlainTextEdit, "form.status_and_trends")
    route = project.findChild(QPlainTextEdit, "form.innovation_and_route")
    total = project.findChild(QLabel, "pre_application#total")
    note = team.findChild(QLabel, "team#stage")
    assert status is not None and route is not None and total is not None and note is not None
    assert status.isVisibleTo(project) and not route.isVisibleTo(project)
    assert not total.isVisibleTo(project) and not note.isVisibleTo(team)
    kept = hub.session.draft.form.status_and_trends

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)  # 正式申报书 -> 预申报书
    assert hub.session.draft.stage is Stage.PRE
    assert not status.isVisibleTo(project) and route.isVisibleTo(project)
    assert hub.session.draft.form.status_and_trends == kept  # hidden, not deleted
    assert total.isVisibleTo(project) and note.isVisibleTo(team)
    first = total.text()
    type_text(qtbot, route, "技术路线")
    assert hub.session.draft.form.innovation_and_route == "技术路线"
    assert total.text() != first
    rules = {finding.rule for finding in hub.session.findings}
    assert "general.form-status" not in rules and "general.form-innovation" not in rules

    qtbot.keyClick(box, Qt.Key.Key_Down)  # back to the formal application
    assert Draft.model_validate(hub.session.draft).stage is Stage.FORMAL
    assert status.isVisibleTo(project) and not total.isVisibleTo(project)
