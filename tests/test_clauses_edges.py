"""Compliant edges: a draft exactly at a clause's limit has no finding, one step past it has.

Each edge changes a valid example coherently (see ``tests.clause_cases``), so
"no finding at all" is asserted, not merely "no finding of this clause".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from stdnum.cn import uscc

from applywizard.domain.draft.model import ChineseUnit
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from tests.clause_cases import (
    ENTERPRISE,
    GUIDE,
    RESEARCH_INSTITUTE,
    applied,
    describe,
    enterprises,
    example,
    fit_budget_cap,
    of_kind,
    set_central_total,
    set_duration,
    set_self_raised,
    years_before,
)


def _rules(findings: list[Finding]) -> list[tuple[str | None, int | None, str]]:
    return [(f.direction, f.clause, f.rule) for f in findings]


# --------------------------------------------------------------------- duration


def _duration_limits() -> list[tuple[str, int, int]]:
    """(direction, months at a limit, the step past it: -1 below a minimum, +1 above a maximum)."""
    limits: list[tuple[str, int, int]] = []
    for direction in GUIDE.directions:
        rule = GUIDE.duration_for(direction)
        assert rule is not None
        if rule.min_months is not None:
            limits.append((direction.code, rule.min_months, -1))
        if rule.max_months is not None:
            limits.append((direction.code, rule.max_months, +1))
    return limits


@pytest.mark.parametrize(
    ("code", "months", "step"),
    _duration_limits(),
    ids=[f"{code}-{months}-months" for code, months, _ in _duration_limits()],
)
def test_duration_exactly_at_a_limit_passes_and_one_month_past_it_does_not(
    book: RuleBook, code: str, months: int, step: int
) -> None:
    direction = GUIDE.direction(code)
    assert direction is not None
    at_limit = example(code)
    set_duration(at_limit, months)
    fit_budget_cap(at_limit)
    assert describe(book.evaluate(at_limit)) == []

    past = at_limit.model_copy(deep=True)
    set_duration(past, months + step)
    fit_budget_cap(past)
    clause = direction.duration.clause if direction.duration else None
    assert _rules(book.evaluate(past)) == [(code, clause, "general.duration-limit")]


def test_the_named_duration_edges_are_among_the_limits() -> None:
    limits = {(code, months) for code, months, _ in _duration_limits()}
    assert {("2.7", 24), ("1.4", 48), ("2.8", 36), ("2.8", 60), ("1.2", 24)} <= limits


# ------------------------------------------------------------------------ 2.8


@pytest.mark.parametrize("years", [3, 5])
def test_2_8_central_funds_exactly_300_wan_a_year_pass(book: RuleBook, years: int) -> None:
    draft = example("2.8")
    set_duration(draft, 12 * years)
    set_central_total(draft, Decimal(300 * years))
    assert describe(book.evaluate(draft)) == []

    set_central_total(draft, Decimal(300 * years) + Decimal("0.01"))
    assert _rules(book.evaluate(draft)) == [("2.8", None, "general.project-budget-cap")]


# ------------------------------------------------------------------------ 1.1


def test_1_1_joint_lab_founded_and_agreed_the_day_before_the_cut_off_passes(
    book: RuleBook,
) -> None:
    draft = example("1.1")
    draft.joint_lab.founded_on = date(2021, 12, 31)
    for agreement in of_kind(draft, "joint_lab_agreement"):
        agreement.signed_on = date(2021, 12, 31)
    assert describe(book.evaluate(draft)) == []


def test_1_1_partner_registered_exactly_3_years_before_applying_passes(book: RuleBook) -> None:
    draft = example("1.1")
    for partner in draft.foreign_partners:
        partner.registered_on = years_before(applied(draft), 3)
    assert describe(book.evaluate(draft)) == []

    draft.foreign_partners[0].registered_on = years_before(applied(draft), 3) + timedelta(days=1)
    assert _rules(book.evaluate(draft)) == [("1.1", 7, "1.1/7/registered-3-years")]


def test_registration_age_is_counted_to_the_application_date_not_today(
    book: RuleBook,
) -> None:
    """Registered 2020-06-01: over 3 years old today, but not on 2023-03-20."""
    draft = example("1.1")
    draft.project.application_date = date(2023, 3, 20)
    draft.foreign_partners[0].registered_on = date(2020, 6, 1)
    assert _rules(book.evaluate(draft)) == [("1.1", 7, "1.1/7/registered-3-years")]

    draft.project.application_date = date(2023, 6, 1)
    assert describe(book.evaluate(draft)) == []

    draft.project.application_date = date(2023, 5, 31)
    assert _rules(book.evaluate(draft)) == [("1.1", 7, "1.1/7/registered-3-years")]


# ------------------------------------------------------------------- 1.4, 1.5


def test_1_5_trl_exactly_4_passes(book: RuleBook) -> None:
    draft = example("1.5")
    draft.horizon.trl = 4
    assert describe(book.evaluate(draft)) == []


def _unaffiliated(units: list[ChineseUnit]) -> int:
    return len({" ".join((unit.parent or unit.name).casefold().split()) for unit in units})


def test_1_4_exactly_3_unaffiliated_chinese_units_pass(book: RuleBook) -> None:
    """Four units, two of them institutes of one academy: three unaffiliated, enough."""
    draft = example("1.4")
    institute = next(unit for unit in draft.chinese_units if unit.type is RESEARCH_INSTITUTE)
    institute.parent = "中原农业科学院"
    code = "12100000MB0B12345"
    sister = ChineseUnit(
        name="中原农业科学院土壤肥料研究所",
        credit_code=code + uscc.calc_check_digit(code),
        type=RESEARCH_INSTITUTE,
        parent="中原农业科学院",
    )
    draft.chinese_units = [*draft.chinese_units, sister]
    assert len(draft.chinese_units) == 4
    assert _unaffiliated(draft.chinese_units) == 3
    assert describe(book.evaluate(draft)) == []

    enterprise = next(unit for unit in draft.chinese_units if unit.type is ENTERPRISE)
    lead = draft.lead_unit()
    assert lead is not None
    enterprise.parent = lead.name  # a company the lead university owns
    assert _unaffiliated(draft.chinese_units) == 2
    assert _rules(book.evaluate(draft)) == [("1.4", 4, "1.4/4/three-unaffiliated-units")]


@pytest.mark.parametrize("code", ["1.4", "1.5"])
def test_budget_exactly_the_horizon_chinese_budget_passes(book: RuleBook, code: str) -> None:
    draft = example(code)
    total = draft.budget.central_total() + draft.budget.self_raised_total()
    draft.horizon.chinese_budget_wan = total
    assert describe(book.evaluate(draft)) == []


# ------------------------------------------------------------ matching funds

MATCHING = [
    (direction.code, clause.number)
    for direction in GUIDE.directions
    for clause in direction.clauses
    for rule in clause.rules
    if rule.check == "matching_funds"
]


@pytest.mark.parametrize(("code", "clause"), MATCHING, ids=[code for code, _ in MATCHING])
def test_enterprise_raising_exactly_its_central_funds_passes(
    book: RuleBook, code: str, clause: int
) -> None:
    draft = example(code)
    unit = enterprises(draft)[0]
    set_self_raised(draft, unit, unit.central_funds_wan)
    assert describe(book.evaluate(draft)) == []

    set_self_raised(draft, unit, unit.central_funds_wan - Decimal("0.01"))
    assert [(f.direction, f.clause) for f in book.evaluate(draft)] == [(code, clause)]


# ------------------------------------------------------------------ signing dates

SIGNED_BY_APPLYING = [
    (direction.code, str(rule.params["kind"]))
    for direction in GUIDE.directions
    for clause in direction.clauses
    for rule in clause.rules
    if rule.check == "attachment_signed" and rule.params.get("by_application_date")
]


@pytest.mark.parametrize(
    ("code", "kind"), SIGNED_BY_APPLYING, ids=[f"{c}-{k}" for c, k in SIGNED_BY_APPLYING]
)
def test_agreement_signed_on_the_application_date_itself_passes(
    book: RuleBook, code: str, kind: str
) -> None:
    draft = example(code)
    for item in of_kind(draft, kind):
        item.signed_on = applied(draft)
    assert describe(book.evaluate(draft)) == []


def test_the_1_7_ip_agreement_is_among_the_signing_edges() -> None:
    assert ("1.7", "ip_agreement") in SIGNED_BY_APPLYING


def test_1_8_agreement_valid_until_the_application_date_passes(book: RuleBook) -> None:
    draft = example("1.8")
    for item in of_kind(draft, "cooperation_agreement"):
        item.valid_until = applied(draft)
    assert describe(book.evaluate(draft)) == []
