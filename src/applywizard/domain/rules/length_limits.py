"""Which fields a guide pack limits in length, for the window's character counters."""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.domain.rules.checks.lengths import MaxLengthParams
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.text_length import Counting, Measure, measure


@dataclass(frozen=True, slots=True)
class LengthLimit:
    """A field's length limit as the pack's ``max_length`` rule states it."""

    path: str
    limit: int
    counting: Counting

    def measure(self, text: str) -> Measure:
        """``text`` (what the field shows) against this limit."""
        return measure(text, self.limit, self.counting)


def length_limits(book: RuleBook, direction: str | None) -> dict[str, LengthLimit]:
    """Every limited field of a direction's rules; the tightest limit where several apply."""
    limits: dict[str, LengthLimit] = {}
    for rule in book.rules_for(direction):
        params = rule.params
        if not isinstance(params, MaxLengthParams):
            continue
        known = limits.get(params.path)
        if known is None or params.limit < known.limit:
            limits[params.path] = LengthLimit(params.path, params.limit, params.counting)
    return limits
