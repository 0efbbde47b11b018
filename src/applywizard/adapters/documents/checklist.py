"""The IP-agreement checklist: the direction's agreement and IP clauses, then general items.

Which clauses belong here is read from the data: a clause whose rules name an
attachment kind marked ``ip_relevant`` in the guide. Each gets its status from
the draft (attached? signed when, by all? IP clauses?) and the findings its
rules raise now; the general items of a sound agreement come from
``resources/checklists/ip-agreement.yaml`` and are left for the reviewer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from applywizard.adapters.documents.formatting import day, yes_no
from applywizard.domain.draft.model import Attachment, Draft
from applywizard.domain.guide.base import Bilingual
from applywizard.domain.guide.model import Clause, Guide
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding


class ChecklistItems(BaseModel):
    """The general checklist file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(min_length=1)
    items: tuple[Bilingual, ...] = Field(min_length=1)


def _ip_kinds(guide: Guide) -> set[str]:
    return {kind.id for kind in guide.attachment_kinds if kind.ip_relevant}


def _kinds_named(clause: Clause, kinds: set[str]) -> list[str]:
    named: list[str] = []
    for rule in clause.rules:
        for value in rule.params.values():
            if isinstance(value, str) and value in kinds and value not in named:
                named.append(value)
    return named


def ip_clauses(guide: Guide, code: str) -> list[tuple[Clause, list[str]]]:
    """The direction's clauses about agreements and IP, with the kinds each names."""
    direction = guide.direction(code)
    if direction is None:
        return []
    kinds = _ip_kinds(guide)
    found = [(clause, _kinds_named(clause, kinds)) for clause in direction.clauses]
    return [(clause, named) for clause, named in found if named]


def build_checklist(
    book: RuleBook, draft: Draft, general: ChecklistItems, findings: list[Finding]
) -> dict[str, Any]:
    """The checklist's rows: clause items with their status, then general items."""
    guide = book.guide
    clause_rows = []
    for clause, kinds in ip_clauses(guide, draft.direction):
        documents = []
        for kind_id in kinds:
            kind = guide.attachment_kind(kind_id)
            attached: list[Attachment | None] = [
                item for item in draft.attachments if item.kind == kind_id
            ]
            for item in attached or [None]:
                documents.append(
                    {
                        "kind": kind.zh if kind else kind_id,
                        "kind_en": kind.en if kind else kind_id,
                        "attached": "是" if item else "否",
                        "file_name": item.file_name if item else "",
                        "signed_on": day(item.signed_on) if item else "",
                        "signed_by_all": yes_no(item.signed_by_all_parties) if item else "",
                        "contains_ip": yes_no(item.contains_ip_clauses) if item else "",
                    }
                )
        problems = [
            f.message
            for f in findings
            if f.direction == draft.direction and f.clause == clause.number
        ]
        clause_rows.append(
            {
                "citation": f"{draft.direction}（{clause.number}）"
                if clause.number
                else draft.direction,
                "text": clause.text,
                "documents": documents,
                "status": "符合" if not problems else "待补正",
                "status_en": "meets the clause" if not problems else "to be completed",
                "problems": problems,
            }
        )
    return {
        "clauses": clause_rows,
        "general": [
            {"index": index, "zh": item.zh, "en": item.en}
            for index, item in enumerate(general.items, start=1)
        ],
        "source": general.source,
    }
