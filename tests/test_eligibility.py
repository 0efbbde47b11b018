"""Eligibility (申报条件): the units' and the leader's facts, judged by a notice's rules.

The pack here is the bundled 2023 guide plus a ``notices:`` block written in
the test with the 2026 batch-1 notice's figures (shared/guide/call-notices.md),
so every finding cites the notice. The 限项 numbers are the test's own: no
source here gives them.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from applywizard.domain.draft.codec import decode_draft
from applywizard.domain.draft.model import (
    SCHEMA_VERSION,
    ChineseUnit,
    Degree,
    Draft,
    OtherProject,
    ProjectRole,
    ProjectStatus,
    Region,
    Role,
    TeamMember,
    TeamRole,
    TitleLevel,
    UnitType,
)
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.engine import GuideRuleError, RuleBook
from applywizard.domain.rules.finding import Finding
from tests.drafts import small_draft
from tests.eligibility_pack import CITE_ZH, NOTICE, NOTICE_DATA, notice_pack, rule


@pytest.fixture(scope="module")
def pack() -> RuleBook:
    return notice_pack()


def eligible_draft() -> Draft:
    """A draft every eligibility rule accepts."""
    draft = small_draft()
    draft.chinese_units[0] = draft.chinese_units[0].model_copy(
        update={
            "region": Region.MAINLAND,
            "registered_on": date(2004, 6, 18),
            "independent_legal_entity": True,
            "state_organ": False,
        }
    )
    draft.team[0] = draft.team[0].model_copy(
        update={
            "birth_date": date(1975, 4, 2),
            "title_level": TitleLevel.SENIOR_FULL,
            "degree": Degree.DOCTORATE,
            "months_per_year": Decimal(8),
        }
    )
    return draft


def _notice_findings(book: RuleBook, draft: Draft) -> list[Finding]:
    return [finding for finding in book.evaluate(draft) if finding.notice == NOTICE]


def _only(book: RuleBook, draft: Draft, rule: str) -> Finding:
    findings = _notice_findings(book, draft)
    assert [finding.rule for finding in findings] == [rule], findings
    return findings[0]


def _assert_cites(finding: Finding, clause: int) -> None:
    assert finding.notice == NOTICE and finding.notice_clause == clause
    assert finding.clause is None
    assert finding.citation == f"{CITE_ZH}（{clause}）"
    assert finding.citation_en == f"2026 batch-1 notice, eligibility ({clause})"


def test_an_eligible_draft_raises_nothing(pack: RuleBook) -> None:
    assert _notice_findings(pack, eligible_draft()) == []


# --- units -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("registered", "breach"),
    [(date(2024, 9, 30), False), (date(2024, 10, 1), True), (date(1999, 1, 1), False)],
)
def test_units_registered_on_or_before_the_date(
    pack: RuleBook, registered: date, breach: bool
) -> None:
    draft = eligible_draft()
    draft.chinese_units[0].registered_on = registered
    if not breach:
        assert _notice_findings(pack, draft) == []
        return
    finding = _only(pack, draft, "n/2/registered")
    _assert_cites(finding, 2)
    assert finding.is_error and finding.field == "chinese_units.0.registered_on"
    assert "2024-10-01" in finding.message and "2024-09-30" in finding.message
    assert "2024-10-01" in finding.message_en and "2024-09-30" in finding.message_en


def test_a_participating_state_organ_is_refused(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.chinese_units.append(
        ChineseUnit(
            name="某市科学技术局",
            credit_code="11330100002491925X",
            type=UnitType.OTHER,
            role=Role.PARTICIPANT,
            region=Region.MAINLAND,
            registered_on=date(1990, 1, 1),
            independent_legal_entity=True,
            state_organ=True,
        )
    )
    finding = _only(pack, draft, "n/2/state-organs")
    _assert_cites(finding, 2)
    assert finding.is_error and finding.field == "chinese_units.1.state_organ"
    assert "某市科学技术局" in finding.message and "国家机关不得牵头或参与" in finding.message
    assert "state organ" in finding.message_en


def test_a_unit_without_legal_personality_is_refused(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.chinese_units[0].independent_legal_entity = False
    finding = _only(pack, draft, "n/2/legal")
    _assert_cites(finding, 2)
    assert finding.field == "chinese_units.0.independent_legal_entity"
    assert "独立法人" in finding.message


@pytest.mark.parametrize(
    ("region", "breach"),
    [
        (Region.HONG_KONG, False),
        (Region.MACAO, False),
        (Region.TAIWAN, True),
        (Region.FOREIGN, True),
    ],
)
def test_units_are_registered_in_an_admitted_region(
    pack: RuleBook, region: Region, breach: bool
) -> None:
    draft = eligible_draft()
    draft.chinese_units[0].region = region
    if not breach:
        assert _notice_findings(pack, draft) == []
        return
    finding = _only(pack, draft, "n/1/regions")
    _assert_cites(finding, 1)
    assert finding.field == "chinese_units.0.region"
    assert "中国内地、香港、澳门" in finding.message


def test_unanswered_unit_facts_are_asked_for_not_breached(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.chinese_units[0] = draft.chinese_units[0].model_copy(
        update={
            "region": None,
            "registered_on": None,
            "independent_legal_entity": None,
            "state_organ": None,
        }
    )
    findings = {finding.field: finding for finding in _notice_findings(pack, draft)}
    assert set(findings) == {
        "chinese_units.0.region",
        "chinese_units.0.registered_on",
        "chinese_units.0.independent_legal_entity",
        "chinese_units.0.state_organ",
    }
    assert findings["chinese_units.0.registered_on"].message == "请填写“中方单位 1：注册日期”"
    assert findings["chinese_units.0.state_organ"].message == "请回答“中方单位 1：是否国家机关”"
    assert all(finding.notice_clause in {1, 2} for finding in findings.values())


def test_an_unnamed_unit_row_is_left_to_the_required_fieldsrule(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.chinese_units.append(ChineseUnit())
    assert _notice_findings(pack, draft) == []


# --- the project leader ----------------------------------------------------


@pytest.mark.parametrize(
    ("born", "breach"),
    [(date(1965, 1, 1), False), (date(1964, 12, 31), True), (date(1990, 7, 7), False)],
)
def test_the_leader_is_born_on_or_after_the_date(pack: RuleBook, born: date, breach: bool) -> None:
    draft = eligible_draft()
    draft.team[0].birth_date = born
    if not breach:
        assert _notice_findings(pack, draft) == []
        return
    finding = _only(pack, draft, "n/3/born")
    _assert_cites(finding, 3)
    assert finding.is_error and finding.field == "team.0.birth_date"
    assert "1964-12-31" in finding.message and "1965-01-01" in finding.message


@pytest.mark.parametrize(
    ("months", "breach"),
    [(Decimal(6), False), (Decimal(5), True), (Decimal("5.9"), True), (Decimal(12), False)],
)
def test_the_leader_gives_enough_months(pack: RuleBook, months: Decimal, breach: bool) -> None:
    draft = eligible_draft()
    draft.team[0].months_per_year = months
    if not breach:
        assert _notice_findings(pack, draft) == []
        return
    finding = _only(pack, draft, "n/3/months")
    _assert_cites(finding, 3)
    assert finding.field == "team.0.months_per_year"
    assert f"每年投入 {months} 个月" in finding.message and "不少于 6 个月" in finding.message


@pytest.mark.parametrize(
    ("title", "degree", "outcome"),
    [
        (TitleLevel.SENIOR_FULL, Degree.MASTER, None),
        (TitleLevel.SENIOR_DEPUTY, None, None),
        (TitleLevel.INTERMEDIATE, Degree.DOCTORATE, None),
        (None, Degree.DOCTORATE, None),
        (TitleLevel.INTERMEDIATE, Degree.MASTER, "breach"),
        (TitleLevel.NONE, Degree.BACHELOR, "breach"),
        (TitleLevel.INTERMEDIATE, None, "missing"),
        (None, None, "missing"),
    ],
)
def test_the_leader_holds_a_senior_title_or_a_doctorate(
    pack: RuleBook, title: TitleLevel | None, degree: Degree | None, outcome: str | None
) -> None:
    draft = eligible_draft()
    draft.team[0].title_level = title
    draft.team[0].degree = degree
    if outcome is None:
        assert _notice_findings(pack, draft) == []
        return
    finding = _only(pack, draft, "n/3/qualified")
    _assert_cites(finding, 3)
    if outcome == "missing":
        assert finding.message.startswith("请填写")
    else:
        assert finding.field == "team.0.title_level"
        assert "正高级或副高级职称或博士学位" in finding.message
        assert "中级" in finding.message or "无职称" in finding.message


def test_the_leader_works_at_the_lead_unit(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.team[0].unit = "另一所大学"
    finding = _only(pack, draft, "n/4/lead-unit")
    _assert_cites(finding, 4)
    assert finding.is_error and finding.field == "team.0.unit"
    assert "另一所大学" in finding.message and "江南水环境研究院" in finding.message


def test_the_2023_pack_checks_the_lead_unit_as_a_general_warning(book: RuleBook) -> None:
    draft = eligible_draft()
    draft.team[0].unit = "另一所大学"
    [finding] = [f for f in book.evaluate(draft) if f.field == "team.0.unit"]
    assert finding.rule == "general.leader-at-lead-unit"
    assert finding.severity is Severity.WARNING and finding.notice is None
    assert "由牵头单位确定项目负责人" in finding.message


def test_unanswered_leader_facts_are_asked_for(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.team[0] = draft.team[0].model_copy(
        update={"birth_date": None, "title_level": None, "degree": None, "months_per_year": None}
    )
    fields = sorted(finding.field for finding in _notice_findings(pack, draft))
    assert fields == ["team.0.birth_date", "team.0.months_per_year", "team.0.title_level"]


def test_a_team_without_one_leader_leaves_the_leader_rules_silent(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.team.append(TeamMember(name="李华", role=TeamRole.LEADER, unit="江南水环境研究院"))
    assert _notice_findings(pack, draft) == []


def test_the_issue_figures_each_give_an_error_citing_the_notice(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.chinese_units[0].registered_on = date(2024, 10, 1)
    draft.chinese_units.append(
        ChineseUnit(
            name="某省科学技术厅",
            region=Region.MAINLAND,
            registered_on=date(1980, 1, 1),
            independent_legal_entity=True,
            state_organ=True,
        )
    )
    draft.team[0] = draft.team[0].model_copy(
        update={
            "birth_date": date(1964, 12, 31),
            "months_per_year": Decimal(5),
            "title_level": TitleLevel.INTERMEDIATE,
            "degree": Degree.MASTER,
        }
    )
    findings = _notice_findings(pack, draft)
    assert sorted(finding.rule for finding in findings) == [
        "n/2/registered",
        "n/2/state-organs",
        "n/3/born",
        "n/3/months",
        "n/3/qualified",
    ]
    assert all(finding.is_error and finding.citation.startswith(CITE_ZH) for finding in findings)


# --- 限项 --------------------------------------------------------------------


def _other(role: ProjectRole, status: ProjectStatus = ProjectStatus.RUNNING) -> OtherProject:
    return OtherProject(programme="纳米前沿", title="某项目", role=role, status=status)


def test_led_projects_count_this_one_and_stop_at_the_limit(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.leader_projects = [_other(ProjectRole.TOPIC_LEADER)]
    assert _notice_findings(pack, draft) == []  # 1 + this one = 2 led: the limit
    draft.leader_projects.append(_other(ProjectRole.PROJECT_LEADER, ProjectStatus.APPLYING))
    finding = _only(pack, draft, "n/5/limits")
    _assert_cites(finding, 5)
    assert finding.field == "leader_projects"
    assert "共 3 项" in finding.message and "限项 2 项" in finding.message


def test_all_projects_count_towards_the_total(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.leader_projects = [_other(ProjectRole.MEMBER), _other(ProjectRole.MEMBER)]
    assert _notice_findings(pack, draft) == []  # 2 + this one = 3: the limit
    draft.leader_projects.append(_other(ProjectRole.MEMBER, ProjectStatus.APPLYING))
    finding = _only(pack, draft, "n/5/limits")
    assert "共 4 项" in finding.message and "限项 3 项" in finding.message
    assert "4" in finding.message_en and "3" in finding.message_en


def test_roles_led_is_a_parameter(pack: RuleBook) -> None:
    notice = json.loads(json.dumps(NOTICE_DATA, default=str))
    notice["clauses"][4]["rules"][0]["params"] = {"max_led": 1, "roles_led": ["project_leader"]}
    book = notice_pack(notice)
    draft = eligible_draft()
    draft.leader_projects = [_other(ProjectRole.TOPIC_LEADER)]
    assert _notice_findings(book, draft) == []
    draft.leader_projects = [_other(ProjectRole.PROJECT_LEADER)]
    assert _only(book, draft, "n/5/limits").notice_clause == 5


def test_an_unclear_other_project_is_asked_about(pack: RuleBook) -> None:
    draft = eligible_draft()
    draft.leader_projects = [OtherProject(programme="纳米前沿", title="某项目")]
    fields = sorted(finding.field for finding in _notice_findings(pack, draft))
    assert fields == ["leader_projects.0.role", "leader_projects.0.status"]


# --- parameters and old drafts --------------------------------------------


@pytest.mark.parametrize(
    ("check", "params", "reason"),
    [
        ("units_registered_by", {"on_or_before": "soon"}, "on_or_before"),
        ("units_registered_by", {}, "on_or_before"),
        ("units_regions_in", {"regions": ["mars"]}, "regions"),
        ("units_not_state_organs", {"strict": True}, "strict"),
        ("leader_qualified", {}, "title_levels, degrees or both"),
        ("leader_months_at_least", {"months": 13}, "months"),
        ("leader_projects_at_most", {}, "max_led, max_total or both"),
        ("leader_projects_at_most", {"max_led": 2, "roles_led": ["boss"]}, "roles_led"),
    ],
)
def test_wrong_parameters_fail_when_the_pack_loads(
    check: str, params: dict[str, Any], reason: str
) -> None:
    notice = dict(
        NOTICE_DATA, clauses=[dict(NOTICE_DATA["clauses"][0], rules=[rule("x", check, params)])]
    )
    with pytest.raises(Exception, match=reason) as raised:
        notice_pack(notice)
    assert isinstance(raised.value.__cause__, GuideRuleError)


V1_DRAFT = {
    "schema_version": 1,
    "guide_id": "most-igsti-2023-batch1",
    "direction": "2.5",
    "chinese_units": [{"name": "江南水环境研究院", "role": "lead", "credit_code": "x"}],
    "team": [
        {"name": "王明", "role": "leader", "unit": "江南水环境研究院", "months_per_year": "8"}
    ],
    "declarations": {"both_sides_apply": True, "partner_capability": False},
}


def test_a_version_1_draft_loads_with_the_eligibility_facts_empty() -> None:
    draft = decode_draft(json.dumps(V1_DRAFT, ensure_ascii=False).encode("utf-8"))
    unit, leader = draft.chinese_units[0], draft.team[0]
    assert (unit.region, unit.registered_on, unit.independent_legal_entity, unit.state_organ) == (
        None,
        None,
        None,
        None,
    )
    assert (leader.birth_date, leader.title_level, leader.degree) == (None, None, None)
    assert leader.months_per_year == Decimal(8)
    assert draft.leader_projects == []
    assert draft.schema_version == SCHEMA_VERSION
