"""The coverage map: every clause of every direction, how it is handled, by which rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from applywizard.domain.guide.model import ClauseKind
from applywizard.domain.rules.engine import RuleBook


@dataclass(frozen=True, slots=True)
class ClauseCoverage:
    """One clause and the rules that enforce it."""

    direction: str
    clause: int
    kind: ClauseKind
    text: str
    rules: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The entry as ``applywizard rules --json`` prints it."""
        return {
            "direction": self.direction,
            "clause": self.clause,
            "kind": self.kind.value,
            "rules": list(self.rules),
            "text": self.text,
        }


def coverage(book: RuleBook, direction: str | None = None) -> list[ClauseCoverage]:
    """Every clause (of one direction, or of all) with its handling and rule ids."""
    entries: list[ClauseCoverage] = []
    for item in book.guide.directions:
        if direction is not None and item.code != direction:
            continue
        bound = book.rules_for(item.code)
        for clause in item.clauses:
            rules = tuple(rule.spec.id for rule in bound if rule.clause == clause.number)
            entries.append(
                ClauseCoverage(item.code, clause.number, clause.kind, clause.text, rules)
            )
    return entries
