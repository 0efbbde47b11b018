"""Taking the snapshot of what a pre-application promises (``promised.PreApplicationRecord``).

Which texts count as research content is data: ``PROMISED_TEXT_PATHS``
lists their field paths (a pre-application part added to ``FormParts`` is
recorded by adding its path here). The lead unit is the one marked lead;
the participating units are the others; the project leader is the one the
team marks leader.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from applywizard.domain.draft.model import ChineseUnit, Draft, Role
from applywizard.domain.draft.paths import resolve
from applywizard.domain.draft.promised import (
    PreApplicationRecord,
    PromisedIndicator,
    PromisedLeader,
    PromisedText,
    PromisedUnit,
    sealed,
)

PROMISED_TEXT_PATHS: tuple[str, ...] = (
    "form.objectives_and_content",
    "form.innovation_and_route",
)
"""The research-content texts a formal application must keep (主要研究内容, 研究目标)."""


def _unit(unit: ChineseUnit) -> PromisedUnit:
    return PromisedUnit(
        name=unit.name,
        credit_code=unit.credit_code,
        central_funds_wan=unit.central_funds_wan,
        self_raised_wan=unit.self_raised_wan,
    )


def snapshot(draft: Draft, today: date) -> PreApplicationRecord:
    """What ``draft`` promises as of ``today``, sealed with its SHA-256."""
    leads = [unit for unit in draft.chinese_units if unit.role is Role.LEAD]
    leader_index = draft.leader_index()
    leader = None
    if leader_index is not None:
        member = draft.team[leader_index]
        leader = PromisedLeader(name=member.name, unit=member.unit)
    texts = []
    for path in PROMISED_TEXT_PATHS:
        value = resolve(draft, path)
        texts.append(PromisedText(path=path, text=value if isinstance(value, str) else ""))
    return sealed(
        frozen_on=today,
        direction=draft.direction,
        indicators=tuple(
            PromisedIndicator(key=item.key, text=item.text, quantity=item.quantity, unit=item.unit)
            for item in draft.form.indicators
        ),
        texts=tuple(texts),
        lead_unit=_unit(leads[0]) if leads else None,
        participating_units=tuple(
            _unit(unit) for unit in draft.chinese_units if unit.role is not Role.LEAD
        ),
        leader=leader,
        central_funds_wan=sum((u.central_funds_wan for u in draft.chinese_units), Decimal(0)),
        self_raised_wan=sum((u.self_raised_wan for u in draft.chinese_units), Decimal(0)),
    )
