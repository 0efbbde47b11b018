"""A draft pinned to its guide pack, and what changed when the pack did.

When a draft is saved it records its pack's id and content hash and the
clauses that apply to it as the pack words them: its direction's 其他要求 and
the batch's notice (申报条件). Reopened under a pack with the same id and
another hash, ``clause_changes`` says which of those clauses were added,
removed or changed (in wording or in the rules that enforce them), from the
draft alone: the old pack need not be at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.pinned import ClauseSource, PinnedClause
from applywizard.domain.guide.model import Guide


def clauses_for(guide: Guide, direction_code: str) -> list[PinnedClause]:
    """The clauses a draft of this direction is judged by, as this guide words them."""
    pinned = [
        PinnedClause(
            source=ClauseSource.NOTICE,
            notice=notice.id,
            number=clause.number,
            text=clause.text,
            rules=[rule.id for rule in clause.rules],
        )
        for notice in guide.notices
        for clause in notice.clauses
    ]
    direction = guide.direction(direction_code)
    if direction is not None:
        pinned.extend(
            PinnedClause(
                number=clause.number,
                text=clause.text,
                rules=[rule.id for rule in clause.rules],
            )
            for clause in direction.clauses
        )
    return pinned


def pin(draft: Draft, guide: Guide, content_hash: str) -> Draft:
    """A copy of the draft pinned to this guide pack (id, hash, clauses)."""
    return draft.model_copy(
        update={
            "guide_id": guide.id,
            "guide_hash": content_hash,
            "guide_clauses": clauses_for(guide, draft.direction),
        }
    )


class Change(StrEnum):
    """How a clause differs between the pinned pack and the pack now installed."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class ClauseChange:
    """One clause that is not as the draft last saw it."""

    change: Change
    source: ClauseSource
    notice: str
    number: int
    before: str
    after: str
    rules_before: tuple[str, ...]
    rules_after: tuple[str, ...]

    def place(self, direction: str) -> tuple[str, str]:
        """Where the clause is, in words: “指南 1.8 其他要求（3）”, “notice … (2)”."""
        if self.source is ClauseSource.NOTICE:
            return f"申报通知 {self.notice} 申报条件（{self.number}）", (
                f"call notice {self.notice}, eligibility ({self.number})"
            )
        return f"指南 {direction} 其他要求（{self.number}）", (
            f"guide {direction}, other requirements ({self.number})"
        )

    def describe(self, direction: str) -> tuple[str, str]:
        """The change in a sentence, Chinese and English."""
        zh_place, en_place = self.place(direction)
        if self.change is Change.ADDED:
            return f"新增 {zh_place}：{self.after}", f"added {en_place}: {self.after}"
        if self.change is Change.REMOVED:
            return f"删除 {zh_place}：{self.before}", f"removed {en_place}: {self.before}"
        if self.before != self.after:
            return (
                f"修改 {zh_place}：原为“{self.before}”，现为“{self.after}”",
                f"changed {en_place}: was “{self.before}”, now “{self.after}”",
            )
        return (
            f"修改 {zh_place}：条款文字未变，执行的规则由 {', '.join(self.rules_before) or '—'} "
            f"变为 {', '.join(self.rules_after) or '—'}",
            f"changed {en_place}: same words, enforced by {', '.join(self.rules_after) or '—'} "
            f"instead of {', '.join(self.rules_before) or '—'}",
        )


def _key(clause: PinnedClause) -> tuple[str, str, int]:
    return clause.source.value, clause.notice, clause.number


def clause_changes(draft: Draft, guide: Guide) -> list[ClauseChange]:
    """The clauses of the draft's direction that differ from those it was saved with.

    Nothing for a draft never pinned (saved by an older ApplyWizard): there is
    nothing to compare with.
    """
    if not draft.guide_hash:
        return []
    before = {_key(clause): clause for clause in draft.guide_clauses}
    after = {_key(clause): clause for clause in clauses_for(guide, draft.direction)}
    changes: list[ClauseChange] = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0] != "notice", k)):
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None:
            if old.text == new.text and old.rules == new.rules:
                continue
            change = Change.CHANGED
        else:
            change = Change.ADDED if old is None else Change.REMOVED
        source, notice, number = ClauseSource(key[0]), key[1], key[2]
        changes.append(
            ClauseChange(
                change,
                source,
                notice,
                number,
                old.text if old else "",
                new.text if new else "",
                tuple(old.rules) if old else (),
                tuple(new.rules) if new else (),
            )
        )
    return changes
