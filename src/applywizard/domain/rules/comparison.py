"""A draft's findings under another guide pack, side by side with the current ones.

The draft's direction is looked up in the other pack by code and title: the
same code with the same title is the same direction; otherwise a direction
with the same title (renumbered), else the same code (retitled), else none.
The draft itself is not changed: it is judged as a copy naming the other
pack and the mapped direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding


class Mapping(StrEnum):
    """How the draft's direction was found in the other pack."""

    SAME = "same"  # same code, same title
    BY_TITLE = "by_title"  # same title under another code
    BY_CODE = "by_code"  # same code, another title
    NONE = "none"  # not in the other pack
    NO_DIRECTION = "no_direction"  # the draft has not chosen one


@dataclass(frozen=True, slots=True)
class DirectionMapping:
    """The draft's direction and where it is in the other pack."""

    code: str
    other_code: str | None
    how: Mapping

    def describe(self) -> tuple[str, str]:
        """The mapping in words, Chinese and English."""
        texts = {
            Mapping.SAME: (
                f"方向 {self.code} 在另一指南中编号和名称相同",
                f"direction {self.code} has the same code and title in the other guide",
            ),
            Mapping.BY_TITLE: (
                f"方向 {self.code} 在另一指南中名称相同，编号为 {self.other_code}",
                f"direction {self.code} is {self.other_code} in the other guide (same title)",
            ),
            Mapping.BY_CODE: (
                f"另一指南的方向 {self.code} 名称不同，按编号对照",
                f"direction {self.code} has another title in the other guide; matched by code",
            ),
            Mapping.NONE: (
                f"另一指南中没有方向 {self.code}（编号和名称均不匹配）",
                f"the other guide has no direction {self.code} (neither code nor title match)",
            ),
            Mapping.NO_DIRECTION: (
                "草稿尚未选择指南方向，只对照通用规则",
                "the draft has no direction yet; only general rules are compared",
            ),
        }
        return texts[self.how]


def map_direction(code: str, current: Guide, other: Guide) -> DirectionMapping:
    """Where the direction ``code`` of ``current`` is in ``other``."""
    if not code:
        return DirectionMapping(code, None, Mapping.NO_DIRECTION)
    mine = current.direction(code)
    same_code = other.direction(code)
    if mine is not None:
        if same_code is not None and same_code.title == mine.title:
            return DirectionMapping(code, code, Mapping.SAME)
        titled = next((d for d in other.directions if d.title == mine.title), None)
        if titled is not None:
            return DirectionMapping(code, titled.code, Mapping.BY_TITLE)
    if same_code is not None:
        return DirectionMapping(code, code, Mapping.BY_CODE)
    return DirectionMapping(code, None, Mapping.NONE)


class Presence(StrEnum):
    """Under which pack a finding arises."""

    BOTH = "both"
    CURRENT_ONLY = "current_only"
    OTHER_ONLY = "other_only"


@dataclass(frozen=True, slots=True)
class ComparedFinding:
    """One finding and its counterpart (same rule and field) under the other pack."""

    presence: Presence
    current: Finding | None
    other: Finding | None

    @property
    def any(self) -> Finding:
        """The finding itself (the current one when both exist)."""
        found = self.current or self.other
        assert found is not None
        return found


@dataclass(frozen=True, slots=True)
class Comparison:
    """The findings of one draft under two packs."""

    mapping: DirectionMapping
    current_guide: str
    other_guide: str
    rows: tuple[ComparedFinding, ...]

    @property
    def current_errors(self) -> int:
        """Errors under the current pack."""
        return sum(1 for row in self.rows if row.current is not None and row.current.is_error)

    @property
    def other_errors(self) -> int:
        """Errors under the other pack."""
        return sum(1 for row in self.rows if row.other is not None and row.other.is_error)


def _key(finding: Finding) -> tuple[str, str]:
    return finding.rule, finding.field


def under_other(draft: Draft, current: Guide, other: Guide) -> tuple[Draft, DirectionMapping]:
    """The draft as it would be under ``other`` (a copy), with its direction mapped."""
    mapping = map_direction(draft.direction, current, other)
    return (
        draft.model_copy(
            update={
                "guide_id": other.id,
                "guide_hash": "",
                "direction": mapping.other_code or draft.direction,
            }
        ),
        mapping,
    )


def compare(draft: Draft, current: RuleBook, other: RuleBook) -> Comparison:
    """The draft's findings under ``current`` and under ``other``, paired by rule and field."""
    moved, mapping = under_other(draft, current.guide, other.guide)
    mine = current.evaluate(draft)
    theirs = other.evaluate(moved)
    remaining: dict[tuple[str, str], list[Finding]] = {}
    for finding in theirs:
        remaining.setdefault(_key(finding), []).append(finding)
    rows: list[ComparedFinding] = []
    for finding in mine:
        twins = remaining.get(_key(finding))
        if twins:
            rows.append(ComparedFinding(Presence.BOTH, finding, twins.pop(0)))
        else:
            rows.append(ComparedFinding(Presence.CURRENT_ONLY, finding, None))
    left = {id(finding) for twins in remaining.values() for finding in twins}
    rows.extend(
        ComparedFinding(Presence.OTHER_ONLY, None, finding)
        for finding in theirs
        if id(finding) in left
    )
    return Comparison(mapping, current.guide.id, other.guide.id, tuple(rows))
