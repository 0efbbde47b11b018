"""The guide data: its figures, and a walk over every entry checking conventions."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from applywizard.domain.guide.figures import DurationRule, Qualifier, Strength
from applywizard.domain.guide.model import ClauseKind, Guide
from applywizard.domain.rules.coverage import coverage
from applywizard.domain.rules.engine import RuleBook

ROOT = Path(__file__).resolve().parents[1]
GUIDE_TEXT = ROOT / "resources" / "guides" / "most-igsti-2023-batch1" / "source.txt"
"""The guide's words as the pack carries them (any clone has them)."""
SHARED_TEXT = ROOT.parent / "shared" / "guide" / "2023-batch1-guide.txt"
"""The guide as the team received it, beside the repository where it is laid out that way."""


def test_the_pack_carries_the_guide_text_unchanged() -> None:
    if not SHARED_TEXT.is_file():
        pytest.skip("shared/guide is not beside this clone")
    assert GUIDE_TEXT.read_bytes() == SHARED_TEXT.read_bytes()


EXPECTED_CODES = [f"1.{n}" for n in range(1, 10)] + [f"2.{n}" for n in range(9)]


def test_catalogue_reproduces_the_guides_own_figures(guide: Guide) -> None:
    assert guide.figures is not None
    assert [direction.code for direction in guide.directions] == EXPECTED_CODES
    assert len(guide.directions) == guide.figures.directions == 18
    assert len(guide.counterparts) == guide.figures.counterparts == 16
    assert guide.total_projects == 151
    assert abs(guide.total_projects - guide.figures.projects_about) <= 1
    assert guide.total_budget_wan == Decimal(58700)
    assert (guide.total_budget_wan / 10000).quantize(
        Decimal("0.1")
    ) == guide.figures.budget_yi_about


def test_counterparts_are_the_sixteen_the_guide_names(guide: Guide) -> None:
    named = {"GB", "FR", "IT", "ES", "BE", "EU", "FI", "AT", "DE", "IL", "KR", "ZA", "SG", "AR"}
    assert {counterpart.code for counterpart in guide.counterparts} == named | {"RU", "BRICS"}
    used = {code for direction in guide.directions for code in direction.counterparts}
    assert used == {counterpart.code for counterpart in guide.counterparts}


def test_direction_1_4_has_two_fields_with_two_themes_and_their_own_figures(guide: Guide) -> None:
    direction = guide.direction("1.4")
    assert direction is not None
    assert [field.code for field in direction.fields] == ["FAB", "CCB"]
    assert all(len(field.themes) == 2 for field in direction.fields)
    assert [field.projects.value for field in direction.fields] == [6, 6]
    assert [field.budget.wan for field in direction.fields] == [Decimal(7000), Decimal(6000)]
    assert all(field.budget.qualifier is Qualifier.ABOUT for field in direction.fields)
    assert direction.project_count == 12
    assert direction.budget_wan == Decimal(13000)


def test_direction_1_8_has_four_sub_directions(guide: Guide) -> None:
    direction = guide.direction("1.8")
    assert direction is not None
    assert len(direction.sub_directions) == 4


@pytest.mark.parametrize("code", EXPECTED_CODES)
def test_every_clause_of_the_guide_text_is_in_the_data(guide: Guide, code: str) -> None:
    """The numbered clauses under 其他要求 in the text are exactly the data's."""
    text = GUIDE_TEXT.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^\s*[12]\.\d ?\S", text, flags=re.MULTILINE)]
    start = text.index(code + (" " if code == "1.1" else ""), text.index("二、领域和方向"))
    end = min((s for s in starts if s > start + 5), default=len(text))
    section = text[start:end]
    other = section[section.index("其他要求") :]
    numbers = [int(n) for n in re.findall(r"^\s*（(\d+)）", other, flags=re.MULTILINE)]
    direction = guide.direction(code)
    assert direction is not None
    data_numbers = [clause.number for clause in direction.clauses]
    assert data_numbers == (numbers or [0])


@pytest.mark.parametrize("code", EXPECTED_CODES)
def test_clause_texts_are_quoted_from_the_guide(guide: Guide, code: str) -> None:
    flat = re.sub(r"\s+|— \d+ —", "", GUIDE_TEXT.read_text(encoding="utf-8"))
    direction = guide.direction(code)
    assert direction is not None
    for clause in direction.clauses:
        quoted = re.sub(r"\s+", "", clause.text).rstrip("；。;")
        assert quoted in flat, f"{code} ({clause.number}) is not quoted verbatim"


def test_every_clause_is_handled_as_its_kind_says(book: RuleBook) -> None:
    """checked/attachment/declaration clauses have rules; advice ones have none."""
    for entry in coverage(book):
        kinds = {
            rule.spec.check
            for rule in book.rules_for(entry.direction)
            if rule.clause == entry.clause
        }
        if entry.kind is ClauseKind.ADVICE:
            assert not entry.rules, f"{entry.direction} ({entry.clause}) is advice yet has rules"
        else:
            assert entry.rules, f"{entry.direction} ({entry.clause}) has no rule"
        if entry.kind is ClauseKind.ATTACHMENT:
            assert kinds & {"attachment", "attachment_signed"}, entry
        if entry.kind is ClauseKind.DECLARATION:
            assert kinds == {"declaration"}, entry


def test_rule_ids_name_their_direction_and_clause(book: RuleBook, guide: Guide) -> None:
    for direction in guide.directions:
        for clause in direction.clauses:
            for rule in clause.rules:
                assert rule.id.startswith(f"{direction.code}/{clause.number}/"), rule.id
    for rule in guide.general_rules:
        assert rule.id.startswith("general."), rule.id


def test_every_direction_states_its_duration_or_takes_the_default(guide: Guide) -> None:
    silent = [direction.code for direction in guide.directions if direction.duration is None]
    assert silent == ["2.5"]
    assert guide.figures is not None
    assert guide.figures.default_duration.min_months == 24
    assert guide.figures.default_duration.max_months == 36


def test_partner_countries_come_from_the_counterparts(guide: Guide) -> None:
    by_code = {counterpart.code: counterpart for counterpart in guide.counterparts}
    for direction in guide.directions:
        allowed = {c for code in direction.counterparts for c in by_code[code].countries}
        assert set(direction.partner_countries) == allowed, direction.code


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("1.1", "3 年（一般）", "3 years (generally)"),
        ("1.3", "2–3 年（原则上）", "2–3 years (in principle)"),
        ("1.4", "≤ 4 年（原则上）", "≤ 4 years (in principle)"),
        ("2.0", "≤ 3 年", "≤ 3 years"),
        ("2.8", "3–5 年", "3–5 years"),
    ],
)
def test_a_duration_is_summed_up_from_its_bounds(guide: Guide, code: str, zh: str, en: str) -> None:
    rule = next(d for d in guide.directions if d.code == code).duration
    assert rule is not None
    assert rule.summary() == (zh, en)


def test_durations_in_months_and_lower_bounds_are_summed_up() -> None:
    def rule(low: int | None, high: int | None) -> DurationRule:
        return DurationRule(min_months=low, max_months=high, strength=Strength.MUST, text="…")

    assert rule(18, 36).summary() == ("18 个月–3 年", "18 months–3 years")
    assert rule(12, None).summary() == ("≥ 1 年", "≥ 1 year")
    assert rule(None, 30).summary() == ("≤ 30 个月", "≤ 30 months")
