"""Which fields a guide pack limits in length, for the window's character counters.

And how the pack counts the pre-application's texts together (its
``pre_application_length`` rule), for the running total and the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.checks.lengths import (
    MaxLengthParams,
    PreApplicationLengthParams,
    part_texts,
    text_total,
    warning_limit,
)
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


@dataclass(frozen=True, slots=True)
class PreApplicationLength:
    """The pre-application's texts counted together, against the pack's target and warning line."""

    parts: tuple[str, ...]
    counting: Counting
    target: int
    limit: int

    def count(self, draft: Draft) -> int:
        """The pre-application's texts of ``draft`` added up, as the rule counts them."""
        return text_total(part_texts(draft, self.parts), self.counting)


def pre_application_length(book: RuleBook, direction: str | None) -> PreApplicationLength | None:
    """The pack's ``pre_application_length`` rule for a direction, if it has one."""
    for rule in book.rules_for(direction):
        params = rule.params
        if isinstance(params, PreApplicationLengthParams):
            guide = book.guide
            target = guide.pre_application_text_target
            return PreApplicationLength(params.parts, params.counting, target, warning_limit(guide))
    return None
