"""The documents' rows of the draft's declared tables: units, partners, team, projects, attachments,
indicators.

Each row is built from the table's declaration (``domain.draft.tables``)
through ``cells``: a value's text follows its column's kind. The keys are the
ones the Word templates read (``central``, ``legal_entity``, ``months``…),
templates a research office restyled among them, so they never change; each
names the declared field it shows. ``scripts/make_templates.py`` reads the
same keys for the tables' headings.
"""

from __future__ import annotations

from typing import Any

from applywizard.adapters.documents.cells import Key, Keys, cell_text, row_of
from applywizard.adapters.documents.formatting import NOTHING, wan
from applywizard.domain.draft.model import Draft, Role, TeamMember, TeamRole
from applywizard.domain.draft.tables import (
    ATTACHMENTS,
    INDICATORS,
    LEADER_PROJECTS,
    PARTNERS,
    TEAM,
    UNITS,
)
from applywizard.domain.guide.model import Guide

UNIT_KEYS: Keys = {
    "name": "name",
    "name_en": "name_en",
    "credit_code": "credit_code",
    "type": "type",
    "type_en": Key("type", english=True),
    "parent": Key("parent", blank=NOTHING),
    "role": "role",
    "role_en": Key("role", english=True),
    "central": "central_funds_wan",
    "self_raised": "self_raised_wan",
    "tasks": Key("tasks", blank=NOTHING),
    "region": "region",
    "registered_on": "registered_on",
    "legal_entity": "independent_legal_entity",
    "state_organ": "state_organ",
}
"""A Chinese unit's row; besides, ``index`` and ``total`` (central and self-raised funds)."""

PARTNER_KEYS: Keys = {
    "name": "name",
    "name_zh": "name_zh",
    "country": "country",
    "country_en": Key("country", english=True),
    "type": "type",
    "type_en": Key("type", english=True),
    "registered_on": "registered_on",
    "registered_on_iso": Key("registered_on", english=True),
    "legal_entity": "independent_legal_entity",
    "registration_number": "registration_number",
    "role": "role",
    "role_en": Key("role", english=True),
    "leader": "leader_name",
    "budget": "budget_amount",  # with its currency
    "budget_amount": "budget_amount",
    "budget_currency": "budget_currency",
    "tasks": Key("tasks", blank=NOTHING),
}
"""A foreign partner's row; besides, ``index``."""

TEAM_KEYS: Keys = {
    "name": "name",
    "role": "role",
    "role_en": Key("role", english=True),
    "unit": "unit",
    "title": "title",
    "field": "field_of_science",
    "task": Key("task", blank=NOTHING),
    "months": "months_per_year",
}
"""A team member's row; besides, ``index``."""

PROJECT_KEYS: Keys = {
    "programme": "programme",
    "title": "title",
    "role": "role",
    "status": "status",
    "ends_on": "ends_on",
}
"""A row of the leader's other projects; besides, ``index``."""

ATTACHMENT_KEYS: Keys = {
    "kind": "kind",
    "kind_en": Key("kind", english=True),
    "file_name": "file_name",
    "signed_on": "signed_on",
    "contains_ip": "contains_ip_clauses",
    "signed_by_all": "signed_by_all_parties",
    "note": "note",
}
"""An attachment's row; besides, ``index``, ``size`` and ``sha256``."""

INDICATOR_KEYS: Keys = {
    "text": "text",
    "quantity": "quantity",
    "unit": "unit",
}
"""An assessment indicator's row; besides, ``index``."""

LEADER_ROWS = (
    ("姓名", "name"),
    ("所在单位", "unit"),
    ("出生日期", "birth_date"),
    ("职称", "title"),
    ("职称级别", "title_level"),
    ("最高学位", "degree"),
    ("每年用于本项目的时间（月）", "months_per_year"),
)
"""The project leader's table in the form: its labels (the form's words) and fields."""


def units(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    """The Chinese units' rows, the lead unit first."""
    ordered = sorted(draft.chinese_units, key=lambda unit: unit.role is not Role.LEAD)
    return [
        {"index": index}
        | row_of(UNITS, UNIT_KEYS, unit, guide)
        | {"total": wan(unit.central_funds_wan + unit.self_raised_wan)}
        for index, unit in enumerate(ordered, start=1)
    ]


def partners(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    """The foreign partners' rows, the lead partner first."""
    rows = []
    ordered = sorted(draft.foreign_partners, key=lambda partner: partner.role is not Role.LEAD)
    for index, partner in enumerate(ordered, start=1):
        row: dict[str, Any] = {"index": index} | row_of(PARTNERS, PARTNER_KEYS, partner, guide)
        row["budget"] = f"{row['budget_amount']} {row['budget_currency']}".strip()
        rows.append(row)
    return rows


def team(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    """The team's rows, the project leader first."""
    ordered = sorted(draft.team, key=lambda member: member.role is not TeamRole.LEADER)
    return [
        {"index": index} | row_of(TEAM, TEAM_KEYS, member, guide)
        for index, member in enumerate(ordered, start=1)
    ]


def leader(guide: Guide, draft: Draft) -> dict[str, Any]:
    """The project leader's facts the call's notice sets, and the leader's other projects."""
    leaders = [member for member in draft.team if member.role is TeamRole.LEADER]
    member = leaders[0] if leaders else TeamMember()

    def text(field: str) -> str:
        return cell_text(TEAM.column(field), getattr(member, field), guide)

    projects = [
        {"index": number} | row_of(LEADER_PROJECTS, PROJECT_KEYS, project, guide)
        for number, project in enumerate(draft.leader_projects, start=1)
    ]
    rows = [{"label": label, "value": text(field)} for label, field in LEADER_ROWS]
    return {
        "name": member.name,
        "rows": [
            *rows,
            {"label": "承担的其他国家重点研发计划项目", "value": f"{len(projects)} 项"},
        ],
        "birth_date": text("birth_date"),
        "title_level": text("title_level"),
        "degree": text("degree"),
        "months": text("months_per_year"),
        "projects": projects,
    }


def attachments(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    """The attachments' rows, with each file's size and SHA-256."""
    return [
        {"index": index}
        | row_of(ATTACHMENTS, ATTACHMENT_KEYS, item, guide)
        | {
            "size": "" if item.size_bytes is None else f"{item.size_bytes:,}",
            "sha256": item.sha256 or "",
        }
        for index, item in enumerate(draft.attachments, start=1)
    ]


def indicators(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    """The assessment indicators' rows (考核指标), numbered from 1 in the draft's order."""
    return [
        {"index": index} | row_of(INDICATORS, INDICATOR_KEYS, item, guide)
        for index, item in enumerate(draft.form.indicators, start=1)
    ]
