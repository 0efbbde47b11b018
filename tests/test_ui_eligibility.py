"""The eligibility facts on the units and team pages, typed like a user would.

The pages run on a pack with a notice (tests/eligibility_pack.py), so what is
typed shows as findings that cite the notice.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from applywizard.domain.draft.model import (
    Degree,
    ProjectRole,
    ProjectStatus,
    Region,
    TitleLevel,
)
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.pages.team import TeamPage
from applywizard.ui.pages.units import UnitsPage
from applywizard.ui.text import _
from tests.eligibility_pack import CITE_ZH, notice_pack
from tests.test_ui_tables import (
    cell,
    child,
    chinese,
    choose,
    click,
    findings_shown,
    model_of,
    open_editor,
    open_page,
    press,
    type_into,
    type_text,
)

__all__ = ["chinese"]  # the autouse fixture: the expectations read the Chinese texts


@pytest.fixture(scope="module")
def pack() -> RuleBook:
    return notice_pack()


def _notice_lines(page: UnitsPage | TeamPage, collection: str) -> list[str]:
    return [line for line in findings_shown(page, collection) if CITE_ZH in line]


def test_the_example_meets_the_notice(qtbot: QtBot, pack: RuleBook) -> None:
    units = open_page(qtbot, pack, UnitsPage)
    assert _notice_lines(units, "chinese_units") == []
    team = open_page(qtbot, pack, TeamPage)
    assert _notice_lines(team, "team") == []
    assert _notice_lines(team, "leader_projects") == []


def test_a_unit_registered_too_late_is_an_error_citing_the_notice(
    qtbot: QtBot, pack: RuleBook
) -> None:
    page = open_page(qtbot, pack, UnitsPage)
    type_into(qtbot, page, "chinese_units.1.registered_on", "2024-10-01")
    assert page.hub.session.draft.chinese_units[1].registered_on == date(2024, 10, 1)
    [line] = _notice_lines(page, "chinese_units")
    assert line.startswith("✖") and "2024-10-01" in line and f"{CITE_ZH}（2）" in line
    model = model_of(page, "chinese_units")
    assert model.data(cell(page, "chinese_units", 1, "registered_on")) == "2024-10-01"
    type_into(qtbot, page, "chinese_units.1.registered_on", "2024-09-30")
    assert _notice_lines(page, "chinese_units") == []
    type_into(qtbot, page, "chinese_units.1.registered_on", "2024-09-31")  # no such day
    assert page.hub.session.draft.chinese_units[1].registered_on == date(2024, 9, 30)
    refusal = child(page, QLabel, "chinese_units#refusal")
    assert refusal.isVisible() and "不是日期" in refusal.text()


def test_a_state_organ_and_a_region_are_chosen_by_keys(qtbot: QtBot, pack: RuleBook) -> None:
    page = open_page(qtbot, pack, UnitsPage)
    editor = open_editor(page, QComboBox, "chinese_units.1.state_organ")
    assert [editor.itemData(row) for row in range(editor.count())] == [None, True, False]
    assert [editor.itemText(row) for row in range(editor.count())] == [
        _("Not answered"),
        _("Yes"),
        _("No"),
    ]
    press(editor, Qt.Key.Key_Escape)
    choose(qtbot, page, "chinese_units.1.state_organ", _("Yes"))
    assert page.hub.session.draft.chinese_units[1].state_organ is True
    [line] = _notice_lines(page, "chinese_units")
    assert "国家机关不得牵头或参与" in line and f"{CITE_ZH}（2）" in line
    choose(qtbot, page, "chinese_units.1.state_organ", _("Not answered"))
    assert page.hub.session.draft.chinese_units[1].state_organ is None
    [line] = _notice_lines(page, "chinese_units")
    assert "请回答" in line and "是否国家机关" in line
    choose(qtbot, page, "chinese_units.0.region", "台")
    assert page.hub.session.draft.chinese_units[0].region is Region.TAIWAN
    choose(qtbot, page, "chinese_units.0.region", "澳")
    assert page.hub.session.draft.chinese_units[0].region is Region.MACAO
    model = model_of(page, "chinese_units")
    assert model.data(cell(page, "chinese_units", 0, "region")) == "澳门"


def test_the_leaders_birth_date_title_degree_and_months(qtbot: QtBot, pack: RuleBook) -> None:
    page = open_page(qtbot, pack, TeamPage)
    type_into(qtbot, page, "team.0.birth_date", "1964-12-31")
    [line] = _notice_lines(page, "team")
    assert "1964-12-31" in line and "1965-01-01" in line and f"{CITE_ZH}（3）" in line
    type_into(qtbot, page, "team.0.birth_date", "1965-01-01")
    assert _notice_lines(page, "team") == []
    assert page.hub.session.draft.team[0].birth_date == date(1965, 1, 1)

    choose(qtbot, page, "team.0.title_level", "中级")
    assert page.hub.session.draft.team[0].title_level is TitleLevel.INTERMEDIATE
    assert _notice_lines(page, "team") == []  # a doctorate still qualifies
    choose(qtbot, page, "team.0.degree", "硕士")
    assert page.hub.session.draft.team[0].degree is Degree.MASTER
    [line] = _notice_lines(page, "team")
    assert "正高级或副高级职称或博士学位" in line

    type_into(qtbot, page, "team.0.months_per_year", "5")
    assert any("不少于 6 个月" in line for line in _notice_lines(page, "team"))
    type_into(qtbot, page, "team.0.months_per_year", "6")
    assert not any("个月" in line for line in _notice_lines(page, "team"))
    assert page.hub.session.draft.team[0].months_per_year == Decimal(6)


def test_the_leaders_other_projects_are_entered_under_the_team(
    qtbot: QtBot, pack: RuleBook
) -> None:
    page = open_page(qtbot, pack, TeamPage)
    page.projects.confirm_removal = lambda row: True
    projects = page.hub.session.draft.leader_projects
    assert len(projects) == 1  # the example's running topic
    view = child(page, QTableView, "leader_projects")
    view.setFocus()
    press(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    name = child(page, QLineEdit, "leader_projects.1.programme")
    type_text(name, "纳米前沿")
    with qtbot.waitSignal(page.hub.edited):
        press(name, Qt.Key.Key_Return)
    type_into(qtbot, page, "leader_projects.1.title", "二维材料器件")
    asked = _notice_lines(page, "leader_projects")  # role and status not given yet
    assert len(asked) == 2 and all(line.startswith("✖") and "请填写" in line for line in asked)
    choose(qtbot, page, "leader_projects.1.role", "项目负责人")
    choose(qtbot, page, "leader_projects.1.status", "申报中")
    type_into(qtbot, page, "leader_projects.1.ends_on", "2028-12-31")
    added = page.hub.session.draft.leader_projects[1]
    assert (added.programme, added.title, added.role, added.status, added.ends_on) == (
        "纳米前沿",
        "二维材料器件",
        ProjectRole.PROJECT_LEADER,
        ProjectStatus.APPLYING,
        date(2028, 12, 31),
    )
    [line] = _notice_lines(page, "leader_projects")  # topic + applying + this one: 3 led
    assert "共 3 项" in line and "限项 2 项" in line and f"{CITE_ZH}（5）" in line
    click(child(page, QPushButton, "leader_projects.remove"))
    assert len(page.hub.session.draft.leader_projects) == 1
    assert _notice_lines(page, "leader_projects") == []


def test_a_finding_about_another_project_focuses_its_cell(qtbot: QtBot, pack: RuleBook) -> None:
    page = open_page(qtbot, pack, TeamPage)
    page.hub.session.set_value("leader_projects.0.status", None)
    page.hub.edited.emit()
    shown = child(page, QListWidget, "leader_projects.findings")
    assert shown.count() == 1 and "状态" in shown.item(0).text()
    shown.itemActivated.emit(shown.item(0))
    editor = child(page, QComboBox, "leader_projects.0.status")
    assert editor.isVisible() and editor.currentData() is None


def test_the_projects_table_is_named_and_reachable(qtbot: QtBot, pack: RuleBook) -> None:
    page = open_page(qtbot, pack, TeamPage)
    view = child(page, QTableView, "leader_projects")
    assert view.accessibleName() == "项目负责人承担的其他国家重点研发计划项目"
    assert not view.tabKeyNavigation()
    for action in ("add", "remove", "up", "down"):
        button = child(page, QPushButton, f"leader_projects.{action}")
        assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    model = model_of(page, "leader_projects")
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headers == ["所属专项", "项目名称", "承担角色", "状态", "结束日期"]
