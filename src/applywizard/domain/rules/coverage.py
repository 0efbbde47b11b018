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


@dataclass(frozen=True, slots=True)
class EligibilityCoverage:
    """The batch's eligibility rules (申报条件) as the pack holds them, or why it holds none."""

    entries: tuple[ClauseCoverage, ...]
    note: tuple[str, str] | None
    """Why there are no entries (the pack's eligibility_note), when there are none."""

    def as_json(self) -> dict[str, Any]:
        """As ``applywizard rules --json`` prints it, under "eligibility"."""
        return {
            "clauses": [entry.as_json() for entry in self.entries],
            "note": {"zh": self.note[0], "en": self.note[1]} if self.note else None,
        }


def eligibility_coverage(book: RuleBook) -> EligibilityCoverage:
    """Every clause of the batch's notices with its handling and rules (all directions)."""
    entries = tuple(
        ClauseCoverage(
            f"{notice.cite_as.zh}",
            clause.number,
            clause.kind,
            clause.text,
            tuple(rule.id for rule in clause.rules),
        )
        for notice in book.guide.notices
        for clause in notice.clauses
    )
    note = book.guide.eligibility_note
    if entries or note is not None:
        return EligibilityCoverage(entries, (note.zh, note.en) if note and not entries else None)
    return EligibilityCoverage(
        (),
        (
            "本指南包未收录申报通知的申报条件",
            "this pack holds no call notice's eligibility rules",
        ),
    )
