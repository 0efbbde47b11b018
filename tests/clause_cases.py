"""Shared by the clause tests: the example drafts, coherent ways to change them, breakers.

A breaker changes a valid example so that exactly one clause of its direction
is breached. Changes are coherent: shortening a project folds the budget years
it loses into the last year it keeps, moving money between units keeps every
total, so no general finding (budget arithmetic, dates) comes with the breach.
Where one cannot be avoided, the breaker names it in ``also``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from functools import cache
from pathlib import Path

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.domain.dates import add_months, span_months
from applywizard.domain.draft.model import (
    Attachment,
    CategoryAmounts,
    ChineseUnit,
    Draft,
    ForeignPartner,
    Role,
    UnitType,
)
from applywizard.domain.draft.paths import resolve
from applywizard.domain.rules.finding import Finding

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GUIDE = shipped_guide().guide
FEN = Decimal("0.000001")
"""The smallest amount of 万元 a draft holds."""

ENTERPRISE = UnitType.ENTERPRISE
RESEARCH_INSTITUTE = UnitType.RESEARCH_INSTITUTE
UNIVERSITY = UnitType.UNIVERSITY
OTHER = UnitType.OTHER
RESEARCH = frozenset({RESEARCH_INSTITUTE, UNIVERSITY})


# --------------------------------------------------------------------- examples


@cache
def _read_example(code: str) -> Draft:
    return read_draft(EXAMPLES / f"{code}.json")


def example(code: str) -> Draft:
    """A fresh deep copy of the complete, valid example draft of a direction."""
    return _read_example(code).model_copy(deep=True)


def applied(draft: Draft) -> date:
    """The draft's application date (every example gives one)."""
    assert draft.project.application_date is not None
    return draft.project.application_date


# --------------------------------------------------------------- coherent changes


def _plus(first: CategoryAmounts, second: CategoryAmounts) -> CategoryAmounts:
    return CategoryAmounts(
        equipment=first.equipment + second.equipment,
        equipment_purchase=first.equipment_purchase + second.equipment_purchase,
        business=first.business + second.business,
        labour=first.labour + second.labour,
        indirect=first.indirect + second.indirect,
    )


def set_duration(draft: Draft, months: int) -> None:
    """Run the project ``months`` from its start: end date, stated duration, budget years.

    Budget years after the new end are folded into the last year kept, so every
    total (and so the indirect-cost base) stays as it was.
    """
    project = draft.project
    assert project.start_date is not None
    project.end_date = add_months(project.start_date, months) - timedelta(days=1)
    project.duration_months = months
    assert span_months(project.start_date, project.end_date) == months
    end_year = project.end_date.year
    kept = [year for year in draft.budget.years if year.year is None or year.year <= end_year]
    dropped = [
        year for year in draft.budget.years if year.year is not None and year.year > end_year
    ]
    if dropped:
        last = max(kept, key=lambda year: year.year or 0)
        for year in dropped:
            last.central = _plus(last.central, year.central)
            last.self_raised = _plus(last.self_raised, year.self_raised)
        draft.budget.years = kept


def _scaled(amounts: CategoryAmounts, factor: Decimal) -> CategoryAmounts:
    return CategoryAmounts(
        equipment=_down(amounts.equipment * factor),
        equipment_purchase=_down(amounts.equipment_purchase * factor),
        business=_down(amounts.business * factor),
        labour=_down(amounts.labour * factor),
        indirect=_down(amounts.indirect * factor),
    )


def _down(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_DOWN)


def set_central_total(draft: Draft, total: Decimal) -> None:
    """Make the central funds add up to ``total``: expenditure, income and units alike.

    Less money scales every amount down (the tiered indirect-cost cap shrinks
    no faster than the costs do); the cents left over, or more money, go to
    the business costs of the biggest year and to the unit with the most
    central funds, where more direct costs only raise the indirect-cost cap.
    """
    total = _down(total)
    current = draft.budget.central_total()
    if total < current:
        factor = total / current
        for year in draft.budget.years:
            year.central = _scaled(year.central, factor)
        for unit in draft.chinese_units:
            unit.central_funds_wan = _down(unit.central_funds_wan * factor)
    year = max(draft.budget.years, key=lambda item: item.central.business)
    year.central.business += total - draft.budget.central_total()
    unit = max(draft.chinese_units, key=lambda item: item.central_funds_wan)
    unit.central_funds_wan += total - sum(item.central_funds_wan for item in draft.chinese_units)
    draft.budget.income_central_wan = total
    assert draft.budget.central_total() == total


def fit_budget_cap(draft: Draft) -> None:
    """Ask for no more central funds than a direction's cap per year allows (2.8)."""
    direction = GUIDE.direction(draft.direction)
    assert direction is not None
    months = draft.project.duration_months
    if direction.project_budget_cap is None or months is None:
        return
    cap = direction.project_budget_cap.max_central_wan_per_year * months / 12
    if draft.budget.central_total() > cap:
        set_central_total(draft, cap)


def enterprises(draft: Draft) -> list[ChineseUnit]:
    """The Chinese units that are enterprises with central funds."""
    return [
        unit
        for unit in draft.chinese_units
        if unit.type is ENTERPRISE and unit.central_funds_wan > 0
    ]


def set_self_raised(draft: Draft, unit: ChineseUnit, amount: Decimal) -> None:
    """Give a unit ``amount`` of self-raised funds, another unit taking up the difference."""
    other = next(item for item in draft.chinese_units if item is not unit)
    other.self_raised_wan += unit.self_raised_wan - amount
    unit.self_raised_wan = amount


def describe(findings: Iterable[Finding]) -> list[str]:
    """Findings as lines an assertion message can show."""
    return [f"{f.rule} ({f.direction} {f.clause}) {f.field}: {f.message_en}" for f in findings]


def of_kind(draft: Draft, kind: str) -> list[Attachment]:
    """The draft's attachments of a kind (at least one: the breaker needs it)."""
    found = [item for item in draft.attachments if item.kind == kind]
    assert found, f"the example attaches no {kind}"
    return found


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (the examples apply on no 29 February)."""
    return day.replace(year=day.year - years)


# --------------------------------------------------------------------- breakers


@dataclass(frozen=True)
class Breaker:
    """A named change that breaches one clause; ``also``: general rules it cannot avoid."""

    name: str
    change: Callable[[Draft], None]
    also: frozenset[str] = frozenset()

    def __call__(self, draft: Draft) -> None:
        self.change(draft)


def breaker(name: str, *, also: Iterable[str] = ()) -> Callable[[Callable[[Draft], None]], Breaker]:
    """Decorator: a function becomes a named breaker."""

    def wrap(change: Callable[[Draft], None]) -> Breaker:
        return Breaker(name, change, frozenset(also))

    return wrap


def set_path(path: str, value: object) -> Breaker:
    """Set one field, named by its dotted path."""
    parent_path, _, attribute = path.rpartition(".")

    def change(draft: Draft) -> None:
        parent = resolve(draft, parent_path) if parent_path else draft
        assert parent is not None, path
        setattr(parent, attribute, value)

    shown = value.value if isinstance(value, Enum) else value
    return Breaker(f"{path}={shown}", change)


def untick(declaration: str) -> Breaker:
    """The applicant answers no to a declaration."""

    def change(draft: Draft) -> None:
        draft.declarations[declaration] = False

    return Breaker(f"untick-{declaration}", change)


def unanswered(declaration: str) -> Breaker:
    """The applicant has not ticked a declaration at all."""

    def change(draft: Draft) -> None:
        assert draft.declarations.pop(declaration) is True

    return Breaker(f"unanswered-{declaration}", change)


def without(kind: str) -> Breaker:
    """No attachment of a kind."""

    def change(draft: Draft) -> None:
        of_kind(draft, kind)
        draft.attachments = [item for item in draft.attachments if item.kind != kind]

    return Breaker(f"without-{kind}", change)


def signed_on(kind: str, when: date | None) -> Breaker:
    """Every attachment of a kind signed on a fixed date (None: date not given)."""

    def change(draft: Draft) -> None:
        for item in of_kind(draft, kind):
            item.signed_on = when

    return Breaker(f"{kind}-signed-{when}", change)


def signed_after_applying(kind: str) -> Breaker:
    """Every attachment of a kind signed the day after the application date."""

    def change(draft: Draft) -> None:
        for item in of_kind(draft, kind):
            item.signed_on = applied(draft) + timedelta(days=1)

    return Breaker(f"{kind}-signed-after-applying", change)


def not_signed_by_all(kind: str) -> Breaker:
    """Every attachment of a kind lacks some cooperating unit's signature."""

    def change(draft: Draft) -> None:
        for item in of_kind(draft, kind):
            item.signed_by_all_parties = False

    return Breaker(f"{kind}-not-signed-by-all", change)


@breaker("no-ip-clauses-nor-ip-agreement")
def no_ip_terms(draft: Draft) -> None:
    for item in of_kind(draft, "cooperation_agreement"):
        item.contains_ip_clauses = False
    draft.attachments = [item for item in draft.attachments if item.kind != "ip_agreement"]


def lasting(months: int) -> Breaker:
    """The project runs ``months`` from its start, asking no more than a cap per year allows."""

    def change(draft: Draft) -> None:
        set_duration(draft, months)
        fit_budget_cap(draft)

    return Breaker(f"{months}-months", change)


def retype(
    side: str, old: frozenset[UnitType], new: UnitType, *, lead_only: bool = False
) -> Breaker:
    """Every party of a side (or its lead only) of one of ``old`` types becomes ``new``."""

    def change(draft: Draft) -> None:
        parties: list[ChineseUnit] | list[ForeignPartner] = (
            draft.chinese_units if side == "chinese_units" else draft.foreign_partners
        )
        changed = 0
        for party in parties:
            if party.type in old and (party.role is Role.LEAD or not lead_only):
                party.type = new
                changed += 1
        assert changed, f"no {side} party to retype"

    who = "lead" if lead_only else "all"
    names = "+".join(sorted(old))
    return Breaker(f"{side}-{who}-{names}-to-{new}", change)


@breaker("enterprise-raises-less-than-its-central-funds")
def enterprise_short(draft: Draft) -> None:
    unit = enterprises(draft)[0]
    set_self_raised(draft, unit, unit.central_funds_wan - Decimal("0.01"))


@breaker("participants-without-lead")
def lead_not_participant(draft: Draft) -> None:
    lead = draft.lead_unit()
    assert lead is not None
    names = {" ".join(name.casefold().split()) for name in (lead.name, lead.name_en) if name}
    draft.horizon.participants = [
        name
        for name in draft.horizon.participants
        if " ".join(name.casefold().split()) not in names
    ] or ["Wageningen University & Research"]


@breaker("budget-above-horizon-chinese-budget")
def budget_above_horizon(draft: Draft) -> None:
    total = draft.budget.central_total() + draft.budget.self_raised_total()
    draft.horizon.chinese_budget_wan = total - Decimal("0.01")


@breaker("no-participants")
def no_participants(draft: Draft) -> None:
    draft.horizon.participants = []


@breaker("all-units-under-one-parent")
def units_one_parent(draft: Draft) -> None:
    for unit in draft.chinese_units:
        unit.parent = "中国科学院"


@breaker("enterprise-owned-by-the-lead")
def enterprise_of_lead(draft: Draft) -> None:
    lead = draft.lead_unit()
    assert lead is not None
    for unit in draft.chinese_units:
        if unit.type is ENTERPRISE:
            unit.parent = lead.name


@breaker("partner-registered-a-day-short-of-3-years")
def registered_day_short(draft: Draft) -> None:
    draft.foreign_partners[0].registered_on = years_before(applied(draft), 3) + timedelta(days=1)


@breaker("agreement-without-ip-clauses")
def agreement_without_ip_clauses(draft: Draft) -> None:
    for item in of_kind(draft, "cooperation_agreement"):
        item.contains_ip_clauses = False


@breaker("agreement-expired-before-applying")
def agreement_expired(draft: Draft) -> None:
    for item in of_kind(draft, "cooperation_agreement"):
        item.valid_until = applied(draft) - timedelta(days=1)


@breaker("ip-agreement-not-signed-by-all")
def ip_agreement_not_signed_by_all(draft: Draft) -> None:
    found = [item for item in draft.attachments if item.kind == "ip_agreement"]
    if not found:
        draft.attachments = [
            *draft.attachments,
            Attachment(kind="ip_agreement", file_name="ip-agreement.pdf", signed_on=applied(draft)),
        ]
        found = draft.attachments[-1:]
    for item in found:
        item.signed_by_all_parties = False


@breaker("a-brics-country-missing")
def brics_country_missing(draft: Draft) -> None:
    leads = {partner.country for partner in draft.foreign_partners if partner.role is Role.LEAD}
    country = next(code for code in ("IN", "BR", "RU", "ZA") if code not in leads)
    draft.foreign_partners = [p for p in draft.foreign_partners if p.country != country]


@breaker("whole-team-in-one-field")
def one_field(draft: Draft) -> None:
    for member in draft.team:
        member.field_of_science = draft.team[0].field_of_science


@breaker("no-field-of-science-given")
def no_fields(draft: Draft) -> None:
    for member in draft.team:
        member.field_of_science = ""


@breaker("call-of-the-other-theme")
def call_of_the_other_theme(draft: Draft) -> None:
    draft.horizon.call_identifier = "HORIZON-CL6-2023-BIODIV-01-1"


BOTH_SIDES = [untick("both_sides_apply"), unanswered("both_sides_apply")]

AGREEMENT = [
    without("cooperation_agreement"),
    signed_after_applying("cooperation_agreement"),
    signed_on("cooperation_agreement", None),
    no_ip_terms,
]

BREAKERS: dict[tuple[str, int], list[Breaker]] = {
    ("1.1", 1): [
        set_path("foreign_partners.0.country", "NL"),
        set_path("foreign_partners.1.country", "SE"),
    ],
    ("1.1", 2): [
        set_path("joint_lab.name_zh", ""),
        set_path("joint_lab.founded_on", date(2022, 1, 1)),
        set_path("joint_lab.founded_on", None),
        without("joint_lab_agreement"),
        signed_on("joint_lab_agreement", date(2022, 1, 1)),
        signed_on("joint_lab_agreement", None),
    ],
    ("1.1", 3): [lasting(24), lasting(48)],
    ("1.1", 4): [without("foreign_government_support")],
    ("1.1", 5): [
        set_path("joint_lab.research_tasks", ""),
        set_path("joint_lab.building_tasks", ""),
        without("joint_lab_plan"),
    ],
    ("1.1", 6): AGREEMENT,
    ("1.1", 7): [
        set_path("foreign_partners.0.type", ENTERPRISE),
        registered_day_short,
        set_path("foreign_partners.0.registered_on", None),
        set_path("foreign_partners.0.independent_legal_entity", False),
        set_path("foreign_partners.0.independent_legal_entity", None),
        untick("partner_capability"),
    ],
    ("1.1", 8): [
        set_path("joint_lab.belt_and_road_lab", True),
        set_path("joint_lab.belt_and_road_lab", None),
    ],
    ("1.2", 1): [lasting(12), lasting(36)],
    ("1.2", 2): BOTH_SIDES,
    ("1.2", 3): AGREEMENT,
    ("1.3", 1): [lasting(12), lasting(48)],
    ("1.3", 2): [
        retype("foreign_partners", frozenset({ENTERPRISE}), RESEARCH_INSTITUTE),
        untick("cdti_matching"),
    ],
    ("1.3", 3): BOTH_SIDES,
    ("1.3", 4): [untick("cdti_english_form")],
    ("1.3", 5): [
        *AGREEMENT,
        not_signed_by_all("cooperation_agreement"),
        ip_agreement_not_signed_by_all,
    ],
    ("1.4", 3): BOTH_SIDES,
    ("1.4", 4): [
        units_one_parent,
        enterprise_of_lead,
        enterprise_short,
        untick("horizon_single_application"),
        no_participants,
        lead_not_participant,
        set_path("horizon.call_identifier", ""),
        call_of_the_other_theme,
    ],
    ("1.4", 5): [
        without("horizon_proposal_en"),
        without("horizon_translation_zh"),
        set_path("horizon.includes_chinese_budget", False),
        set_path("horizon.includes_chinese_budget", None),
        set_path("horizon.chinese_budget_wan", None),
        budget_above_horizon,
    ],
    ("1.4", 6): [lasting(49), lasting(60)],
    ("1.5", 2): [
        set_path("horizon.call_identifier", ""),
        set_path("horizon.work_programme_year", 2024),
        set_path("horizon.work_programme_year", 2020),
        set_path("horizon.work_programme_year", None),
    ],
    ("1.5", 3): [
        untick("horizon_single_application"),
        no_participants,
        lead_not_participant,
    ],
    ("1.5", 4): [set_path("horizon.trl", 5), set_path("horizon.trl", None)],
    ("1.5", 5): [
        without("horizon_proposal_en"),
        without("horizon_translation_zh"),
        set_path("horizon.includes_chinese_budget", False),
        set_path("horizon.chinese_budget_wan", None),
        budget_above_horizon,
    ],
    ("1.5", 6): [lasting(49)],
    ("1.6", 1): [
        retype("foreign_partners", frozenset({ENTERPRISE}), RESEARCH_INSTITUTE, lead_only=True),
        untick("finland_requirements"),
        untick("both_sides_apply"),
    ],
    ("1.6", 3): [enterprise_short],
    ("1.6", 5): [
        without("ip_agreement"),
        signed_after_applying("ip_agreement"),
        signed_on("ip_agreement", None),
    ],
    ("1.6", 6): [lasting(37)],
    ("1.6", 7): [without("bilateral_form")],
    ("1.7", 1): [
        retype("chinese_units", frozenset({ENTERPRISE}), RESEARCH_INSTITUTE),
        enterprise_short,
        retype("foreign_partners", frozenset({ENTERPRISE}), RESEARCH_INSTITUTE),
        untick("austria_matching"),
    ],
    ("1.7", 3): [
        without("ip_agreement"),
        signed_after_applying("ip_agreement"),
        signed_on("ip_agreement", None),
    ],
    ("1.7", 4): [lasting(37)],
    ("1.7", 5): [*BOTH_SIDES, untick("consistent_applications")],
    ("1.8", 1): [
        set_path("selection.sub_direction", None),
        set_path("selection.sub_direction", "no_such_sub_direction"),
        untick("covers_sub_direction"),
    ],
    ("1.8", 2): [
        retype("chinese_units", RESEARCH, OTHER),
        retype("chinese_units", frozenset({ENTERPRISE}), OTHER),
        retype("foreign_partners", RESEARCH, OTHER),
        retype("foreign_partners", frozenset({ENTERPRISE}), OTHER),
        enterprise_short,
    ],
    ("1.8", 3): [
        *AGREEMENT[:3],
        agreement_expired,
        agreement_without_ip_clauses,
    ],
    ("1.8", 4): BOTH_SIDES,
    ("1.8", 5): [lasting(12), lasting(48)],
    ("1.9", 1): BOTH_SIDES,
    ("1.9", 2): [
        retype("chinese_units", RESEARCH, ENTERPRISE, lead_only=True),
        retype("foreign_partners", RESEARCH, ENTERPRISE, lead_only=True),
    ],
    ("1.9", 3): [lasting(12), lasting(36)],
    ("2.0", 1): [
        *BOTH_SIDES,
        retype("chinese_units", frozenset({ENTERPRISE}), RESEARCH_INSTITUTE),
    ],
    ("2.0", 2): [lasting(48)],
    ("2.1", 1): BOTH_SIDES,
    ("2.1", 2): [lasting(37)],
    ("2.2", 1): [retype("chinese_units", frozenset({ENTERPRISE}), UNIVERSITY, lead_only=True)],
    ("2.2", 2): BOTH_SIDES,
    ("2.2", 3): [lasting(48)],
    ("2.3", 0): [lasting(36), *BOTH_SIDES],
    ("2.4", 0): [lasting(25), *BOTH_SIDES],
    ("2.5", 0): BOTH_SIDES,
    ("2.6", 1): [lasting(12), lasting(36)],
    ("2.6", 2): BOTH_SIDES,
    ("2.6", 3): AGREEMENT,
    ("2.7", 0): [lasting(25), *BOTH_SIDES],
    ("2.8", 1): [lasting(35), lasting(61)],
    ("2.8", 2): [brics_country_missing],
    ("2.8", 4): [one_field, no_fields],
    ("2.8", 5): [set_path("brics.confirmation_number", ""), without("brics_joint_application")],
}
"""Every non-advice clause of every direction, keyed by (direction, clause number)."""
