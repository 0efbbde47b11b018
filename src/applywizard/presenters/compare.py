"""The Review page's comparison: what the pre-application promised beside the formal application.

Shown at the formal stage when the draft holds the pre-application's record
(``Draft.promised``): the indicators matched by key with their quantities,
the project leader, the lead and participating units, the funds, and each
research text as a character diff (``difflib``). Each row says whether the
two sides differ and how bad the difference is (a lowered or removed
indicator, another leader or lead unit: "error"; units or funds changed:
"warning"), so the page only colours them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal

from applywizard.domain.draft.model import ChineseUnit, Draft, Role
from applywizard.domain.draft.paths import resolve
from applywizard.domain.draft.project import Indicator
from applywizard.domain.draft.promised import PreApplicationRecord, PromisedIndicator, PromisedUnit
from applywizard.presenters.fields import field_label
from applywizard.presenters.findings import Severity
from applywizard.presenters.text import _

MAX_CHARACTER_DIFF = 20_000
"""Longer texts are compared line by line (a character diff grows with the square)."""


@dataclass(frozen=True)
class CompareRow:
    """One frozen part: its name, the pre-application's value, the formal one's, how they differ."""

    part: str
    before: str
    after: str
    severity: Severity | None
    """None: the same; "" changed (allowed, e.g. refined words); "warning"; "error"."""


@dataclass(frozen=True)
class Segment:
    """A run of a text: ``changed`` when the other side does not have it."""

    text: str
    changed: bool


@dataclass(frozen=True)
class TextDiff:
    """A research text before and after, in runs, for highlighting side by side."""

    part: str
    before: tuple[Segment, ...]
    after: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        """True when the texts differ."""
        return any(s.changed for s in self.before) or any(s.changed for s in self.after)


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format(value.normalize(), "f")


def _indicator(item: Indicator | PromisedIndicator) -> str:
    count = "" if item.quantity is None else f"（{_number(item.quantity)}{item.unit}）"
    return f"{item.text.strip()}{count}"


def _unit(unit: ChineseUnit | PromisedUnit | None) -> str:
    if unit is None:
        return "—"
    code = f"（{unit.credit_code}）" if unit.credit_code else ""
    return f"{unit.name}{code}"


def _indicator_rows(record: PreApplicationRecord, draft: Draft) -> list[CompareRow]:
    now = {item.key: item for item in draft.form.indicators}
    rows = []
    for number, promised in enumerate(record.indicators, start=1):
        part = _("Indicator {number}").format(number=number)
        item = now.get(promised.key)
        if item is None:
            rows.append(CompareRow(part, _indicator(promised), _("(removed)"), "error"))
            continue
        lowered = promised.quantity is not None and (
            item.quantity is None or item.quantity < promised.quantity
        )
        same = _indicator(item) == _indicator(promised)
        severity: Severity | None = "error" if lowered else (None if same else "")
        rows.append(CompareRow(part, _indicator(promised), _indicator(item), severity))
    promised_keys = {item.key for item in record.indicators}
    for item in draft.form.indicators:
        if item.key not in promised_keys:
            rows.append(CompareRow(_("Indicator (added)"), "—", _indicator(item), ""))
    return rows


def _people_rows(record: PreApplicationRecord, draft: Draft) -> list[CompareRow]:
    leader_index = draft.leader_index()
    member = draft.team[leader_index] if leader_index is not None else None
    before = f"{record.leader.name}（{record.leader.unit}）" if record.leader else "—"
    after = f"{member.name}（{member.unit}）" if member else "—"
    leads = [unit for unit in draft.chinese_units if unit.role is Role.LEAD]
    lead_before, lead_after = _unit(record.lead_unit), _unit(leads[0] if leads else None)
    rows = [
        CompareRow(_("Project leader"), before, after, None if before == after else "error"),
        CompareRow(
            _("Lead unit"), lead_before, lead_after, None if lead_before == lead_after else "error"
        ),
    ]
    before_units = sorted(_unit(unit) for unit in record.participating_units)
    after_units = sorted(_unit(unit) for unit in draft.chinese_units if unit.role is not Role.LEAD)
    rows.append(
        CompareRow(
            _("Participating units"),
            "、".join(before_units) or "—",
            "、".join(after_units) or "—",
            None if before_units == after_units else "warning",
        )
    )
    return rows


def _funds_rows(record: PreApplicationRecord, draft: Draft) -> list[CompareRow]:
    central = sum((unit.central_funds_wan for unit in draft.chinese_units), Decimal(0))
    own = sum((unit.self_raised_wan for unit in draft.chinese_units), Decimal(0))
    pairs: tuple[tuple[str, Decimal, Decimal, Severity], ...] = (
        (_("Central funds (10k CNY)"), record.central_funds_wan, central, "warning"),
        (_("Self-raised funds (10k CNY)"), record.self_raised_wan, own, ""),
        (_("Total (10k CNY)"), record.total_wan, central + own, ""),
    )
    rows = []
    for part, before, after, severity in pairs:
        same = before == after
        rows.append(CompareRow(part, _number(before), _number(after), None if same else severity))
    return rows


def _segments(text: str, runs: list[tuple[int, int, bool]]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for start, end, changed in runs:
        if start == end:
            continue
        piece = text[start:end]
        if merged and merged[-1].changed == changed:
            merged[-1] = Segment(merged[-1].text + piece, changed)
        else:
            merged.append(Segment(piece, changed))
    return tuple(merged)


def diff_texts(part: str, before: str, after: str) -> TextDiff:
    """Two texts in runs, the runs one side lacks marked changed (by character, or line)."""
    if max(len(before), len(after)) > MAX_CHARACTER_DIFF:
        a: list[str] = before.splitlines(keepends=True)
        b: list[str] = after.splitlines(keepends=True)
    else:
        a, b = list(before), list(after)
    offsets_a = [0]
    for piece in a:
        offsets_a.append(offsets_a[-1] + len(piece))
    offsets_b = [0]
    for piece in b:
        offsets_b.append(offsets_b[-1] + len(piece))
    runs_a: list[tuple[int, int, bool]] = []
    runs_b: list[tuple[int, int, bool]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        runs_a.append((offsets_a[i1], offsets_a[i2], changed))
        runs_b.append((offsets_b[j1], offsets_b[j2], changed))
    return TextDiff(part, _segments(before, runs_a), _segments(after, runs_b))


def comparison_rows(draft: Draft) -> list[CompareRow]:
    """The frozen parts side by side; none when no pre-application is recorded."""
    record = draft.promised
    if record is None:
        return []
    return [
        *_indicator_rows(record, draft),
        *_people_rows(record, draft),
        *_funds_rows(record, draft),
    ]


def text_diffs(draft: Draft) -> list[TextDiff]:
    """Each recorded research text against the formal application's (none where both are
    empty: a part the pre-application left blank and the formal one too)."""
    record = draft.promised
    if record is None:
        return []
    diffs = []
    for item in record.texts:
        now = _text_at(draft, item.path)
        if item.text.strip() or now.strip():
            diffs.append(diff_texts(field_label(item.path), item.text, now))
    return diffs


def _text_at(draft: Draft, path: str) -> str:
    value = resolve(draft, path)
    return value if isinstance(value, str) else ""
