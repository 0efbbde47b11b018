"""Every enforced clause of every direction: the example passes, each breaker breaks it alone.

The list of clauses comes from the coverage map, so a clause added to the guide
data without a breaker here fails ``test_every_enforced_clause_has_a_breaker``,
and a rule added to a clause without a breaker that triggers it fails
``test_breakers_trigger_every_rule_of_every_enforced_clause``.
"""

from __future__ import annotations

from functools import cache

import pytest

from applywizard.adapters.guide_packs import shipped_guide
from applywizard.domain.guide.model import ClauseKind
from applywizard.domain.rules.coverage import ClauseCoverage, coverage
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from tests.clause_cases import BREAKERS, Breaker, describe, example

ENFORCED: list[ClauseCoverage] = [
    entry for entry in coverage(shipped_guide()) if entry.kind is not ClauseKind.ADVICE
]
CODES = [direction.code for direction in shipped_guide().guide.directions]
CASES = [
    pytest.param(code, clause, item, id=f"{code}({clause})-{item.name}")
    for (code, clause), items in BREAKERS.items()
    for item in items
]


def _rules_of(code: str, clause: int) -> tuple[str, ...]:
    entry = next(e for e in ENFORCED if (e.direction, e.clause) == (code, clause))
    return entry.rules


@cache
def _broken(book: RuleBook, code: str, item: Breaker) -> list[Finding]:
    """The findings on the example once broken (run once: two tests read them)."""
    draft = example(code)
    item(draft)
    return book.evaluate(draft)


@pytest.mark.parametrize("code", CODES)
def test_example_has_no_finding_at_all(book: RuleBook, code: str) -> None:
    draft = example(code)
    assert draft.direction == code
    assert describe(book.evaluate(draft)) == []


@pytest.mark.parametrize(
    "entry", ENFORCED, ids=[f"{entry.direction}({entry.clause})" for entry in ENFORCED]
)
def test_every_enforced_clause_has_a_breaker(entry: ClauseCoverage) -> None:
    assert entry.rules, "an enforced clause lists no rule"
    assert BREAKERS.get((entry.direction, entry.clause)), "no breaker for this clause"


def test_breakers_name_only_enforced_clauses() -> None:
    enforced = {(entry.direction, entry.clause) for entry in ENFORCED}
    assert set(BREAKERS) <= enforced


@pytest.mark.parametrize(("code", "clause", "item"), CASES)
def test_breaker_breaches_exactly_its_clause(
    book: RuleBook, code: str, clause: int, item: Breaker
) -> None:
    findings = _broken(book, code, item)
    rules = _rules_of(code, clause)
    cited = [f for f in findings if f.direction == code and f.clause == clause]
    assert cited, f"nothing cites {code} ({clause}); found {describe(findings)}"
    assert {f.rule for f in cited} <= set(rules), describe(cited)
    others = [f for f in findings if f not in cited and f.rule not in item.also]
    assert describe(others) == []
    assert item.also <= {f.rule for f in findings}, "an expected general finding is gone"


def test_breakers_trigger_every_rule_of_every_enforced_clause(book: RuleBook) -> None:
    wanted = {(entry.direction, entry.clause, rule) for entry in ENFORCED for rule in entry.rules}
    triggered = {
        (f.direction, f.clause, f.rule)
        for (code, clause), items in BREAKERS.items()
        for item in items
        for f in _broken(book, code, item)
        if f.direction == code and f.clause == clause
    }
    assert sorted(wanted - triggered) == []
