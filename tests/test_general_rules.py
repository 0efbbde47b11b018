"""General rules: those every direction shares, judged on small drafts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from stdnum.cn import uscc

from applywizard.domain.dates import add_months, span_months
from applywizard.domain.draft.model import (
    Attachment,
    BudgetYear,
    CategoryAmounts,
    ChineseUnit,
    Draft,
    ForeignPartner,
    Role,
    TeamMember,
    TeamRole,
    UnitType,
)
from applywizard.domain.draft.paths import LABELS, is_model_path, pattern_of
from applywizard.domain.guide.model import BudgetPolicy, Severity
from applywizard.domain.rules.checks.money import indirect_cost_cap
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from tests.drafts import small_draft

VALID_CODE = "12310000MB0A12345" + uscc.calc_check_digit("12310000MB0A12345")


def _by_rule(book: RuleBook, draft: Draft, rule: str) -> list[Finding]:
    return [finding for finding in book.evaluate(draft) if finding.rule == rule]


def _field_exists(field: str) -> bool:
    plain = ".".join(part for part in field.split(".") if not part.isdigit())
    return plain.startswith("declarations.") or is_model_path(plain)


def test_every_finding_names_a_field_of_the_draft(book: RuleBook) -> None:
    for draft in (Draft(), Draft(direction="1.1"), small_draft(), small_draft("2.8")):
        for finding in book.evaluate(draft):
            assert _field_exists(finding.field), finding


def test_errors_come_before_warnings(book: RuleBook) -> None:
    severities = [finding.severity for finding in book.evaluate(small_draft())]
    assert Severity.WARNING in severities
    assert severities == sorted(severities, key=lambda s: s is Severity.WARNING)


def test_a_draft_without_a_direction_is_asked_for_one(book: RuleBook) -> None:
    [finding] = _by_rule(book, Draft(), "general.direction")
    assert finding.field == "direction" and finding.clause is None and finding.is_error


def test_a_draft_of_another_guide_is_flagged(book: RuleBook) -> None:
    draft = small_draft()
    draft.guide_id = "most-igsti-2024-batch1"
    assert _by_rule(book, draft, "general.direction")[0].field == "guide_id"


@pytest.mark.parametrize(("code", "found"), [(VALID_CODE, 0), ("12310000MB0A12345X", 1)])
def test_credit_code_check_character_is_a_warning(book: RuleBook, code: str, found: int) -> None:
    draft = small_draft()
    draft.chinese_units[0].credit_code = code
    findings = _by_rule(book, draft, "general.credit-code")
    assert len(findings) == found
    assert all(
        f.severity is Severity.WARNING and f.field == "chinese_units.0.credit_code"
        for f in findings
    )


@pytest.mark.parametrize(
    ("country", "number", "found"),
    [
        ("SG", "197401143C", 0),
        ("SG", "197401143X", 1),
        ("IT", "00743110157", 0),
        ("IT", "00743110158", 1),
        ("SG", "", 0),
    ],
)
def test_foreign_registration_numbers_are_checked_where_stdnum_knows_them(
    book: RuleBook, country: str, number: str, found: int
) -> None:
    draft = small_draft("1.2" if country == "IT" else "2.5")
    draft.foreign_partners[0].country = country
    draft.foreign_partners[0].registration_number = number
    findings = _by_rule(book, draft, "general.foreign-registration-number")
    assert len(findings) == found
    assert all(f.severity is Severity.WARNING for f in findings)


def test_a_partner_from_a_country_the_direction_excludes_is_an_error(book: RuleBook) -> None:
    draft = small_draft("2.5")
    draft.foreign_partners[0].country = "KR"
    [finding] = _by_rule(book, draft, "general.foreign-country")
    assert finding.field == "foreign_partners.0.country" and finding.is_error
    assert finding.clause is None and "新加坡" in finding.message


def test_leads_must_be_exactly_one_chinese_unit(book: RuleBook) -> None:
    draft = small_draft()
    draft.chinese_units.append(
        ChineseUnit(
            name="第二单位", credit_code=VALID_CODE, type=UnitType.UNIVERSITY, role=Role.LEAD
        )
    )
    [finding] = _by_rule(book, draft, "general.chinese-lead")
    assert "2" in finding.message and finding.is_error
    draft.chinese_units[0].role = Role.PARTICIPANT
    draft.chinese_units[1].role = Role.PARTICIPANT
    assert "0" in _by_rule(book, draft, "general.chinese-lead")[0].message


def test_two_foreign_leads_is_a_warning(book: RuleBook) -> None:
    draft = small_draft()
    draft.foreign_partners.append(
        ForeignPartner(
            name="Other", name_zh="其他", country="SG", type=UnitType.UNIVERSITY, role=Role.LEAD
        )
    )
    [finding] = _by_rule(book, draft, "general.foreign-lead")
    assert finding.severity is Severity.WARNING


def test_duplicate_partners_are_found_however_spaced_or_cased(book: RuleBook) -> None:
    draft = small_draft()
    draft.foreign_partners.append(
        ForeignPartner(name="lion  city WATER lab", name_zh="另一个", country="SG")
    )
    [finding] = _by_rule(book, draft, "general.foreign-duplicates")
    assert finding.field == "foreign_partners.1.name" and "1" in finding.message


def test_the_team_needs_one_leader_from_the_lead_unit(book: RuleBook) -> None:
    draft = small_draft()
    draft.team[0].unit = "别的单位"
    assert not _by_rule(book, draft, "general.team-leader")
    [finding] = _by_rule(book, draft, "general.leader-at-lead-unit")
    assert finding.field == "team.0.unit" and finding.severity is Severity.WARNING
    assert "别的单位" in finding.message and "由牵头单位确定项目负责人" in finding.message
    draft.team.append(TeamMember(name="李华", role=TeamRole.LEADER, unit="x", title="教授"))
    assert any(f.field == "team" for f in _by_rule(book, draft, "general.team-leader"))


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 1, 1), date(2026, 12, 31), 36),
        (date(2024, 3, 15), date(2027, 3, 14), 36),
        (date(2024, 3, 15), date(2027, 3, 15), 37),
        (date(2024, 2, 29), date(2026, 2, 28), 24),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2024, 1, 1), date(2024, 1, 1), 1),
    ],
)
def test_span_in_months(start: date, end: date, months: int) -> None:
    assert span_months(start, end) == months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 3, 1)),
        (date(2020, 2, 29), 36, date(2023, 3, 1)),
        (date(2020, 2, 29), 48, date(2024, 2, 29)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),
        (date(2023, 3, 20), -36, date(2020, 3, 20)),
    ],
)
def test_add_months_rolls_a_missing_day_to_the_next_first(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_a_stated_duration_that_disagrees_with_the_dates_is_an_error(book: RuleBook) -> None:
    draft = small_draft()
    draft.project.duration_months = 25
    [finding] = _by_rule(book, draft, "general.duration-dates")
    assert "24" in finding.message and finding.is_error


@pytest.mark.parametrize(
    ("end", "months", "found"), [(date(2026, 12, 31), 36, 0), (date(2027, 1, 31), 37, 1)]
)
def test_the_guides_default_duration_applies_where_a_direction_is_silent(
    book: RuleBook, end: date, months: int, found: int
) -> None:
    draft = small_draft("2.5")
    draft.project.end_date, draft.project.duration_months = end, months
    findings = _by_rule(book, draft, "general.duration-limit")
    assert len(findings) == found
    for finding in findings:
        assert finding.severity is Severity.WARNING and finding.clause is None
        assert "二、领域和方向" in finding.citation


def test_end_before_start_is_an_error(book: RuleBook) -> None:
    draft = small_draft()
    draft.project.end_date = date(2023, 12, 31)
    draft.project.duration_months = None
    assert _by_rule(book, draft, "general.dates-order")[0].field == "project.end_date"


def test_income_must_equal_expenditure(book: RuleBook) -> None:
    draft = small_draft()
    draft.budget.income_central_wan = Decimal("100.01")
    [finding] = _by_rule(book, draft, "general.budget-balance")
    assert finding.field == "budget.income_central_wan" and "100.01" in finding.message


def test_units_funds_must_add_up_to_the_budget(book: RuleBook) -> None:
    draft = small_draft()
    draft.chinese_units[0].central_funds_wan = Decimal(90)
    [finding] = _by_rule(book, draft, "general.budget-balance")
    assert finding.field == "chinese_units" and "90" in finding.message


def test_equipment_purchase_is_part_of_equipment(book: RuleBook) -> None:
    draft = small_draft()
    draft.budget.years[0].central.equipment_purchase = Decimal(25)
    [finding] = _by_rule(book, draft, "general.budget-balance")
    assert finding.field == "budget.years.0.central.equipment_purchase"


def test_a_balanced_budget_raises_no_budget_finding(book: RuleBook) -> None:
    assert _by_rule(book, small_draft(), "general.budget-balance") == []


def test_budget_years_must_fall_in_the_project_and_not_repeat(book: RuleBook) -> None:
    draft = small_draft()
    draft.budget.years.append(BudgetYear(year=2027))
    draft.budget.years.append(BudgetYear(year=2024))
    fields = [f.field for f in _by_rule(book, draft, "general.budget-year-dates")]
    assert fields == ["budget.years.1.year", "budget.years.2.year"]


@pytest.mark.parametrize(
    ("base", "cap"),
    [("0", "0"), ("500", "150"), ("600", "175"), ("1000", "275"), ("1200", "315")],
)
def test_indirect_cost_tiers(guide_policy: BudgetPolicy, base: str, cap: str) -> None:
    assert indirect_cost_cap(guide_policy, Decimal(base), theoretical=False) == Decimal(cap)


def test_theoretical_research_has_its_own_rate(guide_policy: BudgetPolicy) -> None:
    assert indirect_cost_cap(guide_policy, Decimal(100), theoretical=True) == Decimal(60)


@pytest.fixture
def guide_policy(book: RuleBook) -> BudgetPolicy:
    return book.guide.budget_policy


@pytest.mark.parametrize(("indirect", "found"), [("24", 0), ("24.000001", 1)])
def test_indirect_costs_above_the_cap_warn(book: RuleBook, indirect: str, found: int) -> None:
    """Direct 100 less purchase 20 gives a base of 80 and a cap of 24."""
    draft = small_draft()
    year = draft.budget.years[0]
    year.central = CategoryAmounts(
        equipment=Decimal(20),
        equipment_purchase=Decimal(20),
        business=Decimal(60),
        labour=Decimal(20),
        indirect=Decimal(indirect),
    )
    total = year.central.total
    draft.budget.income_central_wan = total
    draft.chinese_units[0].central_funds_wan = total
    findings = _by_rule(book, draft, "general.indirect-cost-cap")
    assert len(findings) == found
    assert all(f.severity is Severity.WARNING and "24" in f.message for f in findings)
    assert _by_rule(book, draft, "general.budget-balance") == []


def test_a_project_cannot_ask_for_more_than_its_direction_has(book: RuleBook) -> None:
    draft = small_draft("2.6")  # 200 万元 in all
    draft.foreign_partners[0].country = "AR"
    year = draft.budget.years[0]
    year.central = CategoryAmounts(business=Decimal(201))
    draft.budget.income_central_wan = Decimal(201)
    draft.chinese_units[0].central_funds_wan = Decimal(201)
    [finding] = _by_rule(book, draft, "general.direction-budget")
    assert "200" in finding.message and "共拟支持经费" in finding.citation


def test_attachments_of_unknown_kind_or_file_type_are_flagged(book: RuleBook) -> None:
    draft = small_draft()
    draft.attachments = [
        Attachment(kind="mystery", file_name="a.pdf"),
        Attachment(kind="cooperation_agreement", file_name="agreement.exe"),
        Attachment(kind="other", file_name=""),
    ]
    fields = [f.field for f in _by_rule(book, draft, "general.attachments")]
    assert fields == ["attachments.0.kind", "attachments.2.file_name"]
    types = _by_rule(book, draft, "general.attachment-file-types")
    # The guide names no format: another file type is a warning, not an error.
    assert [(f.field, f.severity) for f in types] == [("attachments.1.file_name", Severity.WARNING)]


def test_unknown_declarations_warn(book: RuleBook) -> None:
    draft = small_draft()
    draft.declarations = {"from_another_guide": True}
    [finding] = _by_rule(book, draft, "general.declarations")
    assert finding.severity is Severity.WARNING


def test_direction_1_4_needs_a_field_and_a_theme_of_that_field(book: RuleBook) -> None:
    draft = small_draft("1.4")
    assert _by_rule(book, draft, "general.selection")[0].field == "selection.field"
    draft.selection.field = "fab"
    assert _by_rule(book, draft, "general.selection")[0].field == "selection.theme"
    draft.selection.theme = "ocean_carbon"  # a CCB theme
    assert "FAB" in _by_rule(book, draft, "general.selection")[0].message
    draft.selection.theme = "manure"
    assert _by_rule(book, draft, "general.selection") == []


def test_a_direction_without_fields_refuses_one(book: RuleBook) -> None:
    draft = small_draft("2.5")
    draft.selection.field = "fab"
    assert _by_rule(book, draft, "general.selection")[0].field == "selection.field"


def test_labels_exist_for_the_paths_findings_use(book: RuleBook) -> None:
    for key in LABELS:
        plain = key.replace(".*", "")
        assert is_model_path(plain), key
    assert pattern_of("foreign_partners.12.country") == "foreign_partners.*.country"
