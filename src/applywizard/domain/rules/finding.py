"""What the rules engine says about a draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from applywizard.domain.guide.model import Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft: which rule, which clause, which field, how bad.

    ``clause`` is the number of the direction's 其他要求 clause the rule enforces
    (0 for an unnumbered paragraph), or None for a general rule; a rule of the
    batch's call notice (申报条件) names the notice in ``notice`` and its item in
    ``notice_clause`` instead. ``citation`` names the place in words.
    """

    rule: str
    direction: str | None
    clause: int | None
    severity: Severity
    field: str
    message: str
    message_en: str
    citation: str
    citation_en: str
    notice: str | None = None
    notice_clause: int | None = None

    @property
    def is_error(self) -> bool:
        """True when the finding blocks generating documents."""
        return self.severity is Severity.ERROR

    def as_json(self) -> dict[str, Any]:
        """The finding as the command line's JSON prints it."""
        return {
            "rule": self.rule,
            "direction": self.direction,
            "clause": self.clause,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "message_en": self.message_en,
            "citation": self.citation,
            "citation_en": self.citation_en,
            "notice": self.notice,
            "notice_clause": self.notice_clause,
        }
