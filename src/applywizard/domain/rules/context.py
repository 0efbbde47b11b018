"""What every check sees: the draft, the guide and the chosen direction."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.paths import label
from applywizard.domain.guide.model import Direction, Guide


@dataclass(frozen=True, slots=True)
class Problem:
    """A breach a check found, before the engine makes it a finding.

    ``zh``/``en`` are the check's own messages; a rule in the data may word its
    message itself, with ``values`` filled in. ``section`` names where the
    guide says it when no numbered clause does (e.g. 拟支持项目数).
    """

    field: str
    zh: str
    en: str
    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    section: tuple[str, str] | None = None
    missing: bool = False
    """True when the value is merely not given yet (the data's wording is for breaches)."""
    citation: tuple[str, str] | None = None
    """Where the rule comes from, when the rule's data names it (a form's filling notes)."""
    clause: int | None = None
    """The direction's clause a general rule's finding cites (the one asking for a document)."""


@dataclass(frozen=True, slots=True)
class Context:
    """The inputs of one evaluation."""

    draft: Draft
    guide: Guide
    direction: Direction | None

    def central_total(self) -> Decimal:
        """Central-fund expenditure over all budget years."""
        return self.draft.budget.central_total()


def named(path: str) -> tuple[str, str]:
    """The label of a field path (shorthand for messages)."""
    return label(path)


def join_zh(items: list[str] | tuple[str, ...]) -> str:
    """Items joined the Chinese way: 英国、法国、意大利."""
    return "、".join(items)


def join_en(items: list[str] | tuple[str, ...]) -> str:
    """Items joined for English: GB, FR, IT."""
    return ", ".join(items)
