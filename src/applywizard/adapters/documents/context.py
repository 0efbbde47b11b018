"""What the generated documents show, computed once from a draft and its guide.

The context is plain data (dicts, lists, strings): the Word templates read it
through Jinja, the Excel writer reads it directly, and a test renders every
template with it. Every figure is formatted here, once, so the form and the
tables cannot disagree.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from applywizard import __version__
from applywizard.adapters.documents.formatting import NOTHING, day, iso, paragraphs, wan, yes_no
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import CategoryAmounts, Draft, Role, TeamMember, TeamRole
from applywizard.domain.draft.paths import enum_label
from applywizard.domain.guide.model import Direction, Guide
from applywizard.domain.rules.checks.money import indirect_cost_cap
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding

Context = dict[str, Any]

FORM_PARTS = (
    ("一", "国内外现状及趋势分析", "status_and_trends"),
    ("二", "研究目标及内容", "objectives_and_content"),
    ("三", "申报单位及参与单位研究基础", "research_basis"),
    ("四", "进度安排", "schedule"),
    ("五", "项目组织实施、保障措施及风险分析", "organisation_and_risks"),
)

CATEGORIES = (
    ("equipment", "设备费", "Equipment"),
    ("equipment_purchase", "其中：设备购置费", "of which purchase"),
    ("business", "业务费", "Operating costs"),
    ("labour", "劳务费", "Labour"),
    ("indirect", "间接费用", "Indirect costs"),
)

DRAFT_MARK = "草稿 / DRAFT"


def draft_digest(draft: Draft) -> str:
    """SHA-256 of the draft's canonical bytes: which draft a document came from."""
    return hashlib.sha256(encode_draft(draft)).hexdigest()


def _amounts(amounts: CategoryAmounts) -> dict[str, str]:
    row = {key: wan(getattr(amounts, key)) for key, _, _ in CATEGORIES}
    row["direct"] = wan(amounts.direct)
    row["total"] = wan(amounts.total)
    return row


def _sum_amounts(items: list[CategoryAmounts]) -> CategoryAmounts:
    fields = [key for key, _, _ in CATEGORIES]
    return CategoryAmounts(
        **{key: sum((getattr(i, key) for i in items), Decimal(0)) for key in fields}
    )


def _country(guide: Guide, code: str | None) -> tuple[str, str]:
    country = guide.country(code) if code else None
    return (country.zh, country.en) if country else (code or "", code or "")


def _selection(direction: Direction | None, draft: Draft) -> dict[str, Any]:
    result: dict[str, Any] = {"field": "", "theme": "", "sub_direction": None, "text": ""}
    if direction is None:
        return result
    field = next((f for f in direction.fields if f.id == draft.selection.field), None)
    theme = (
        next((t for t in field.themes if t.id == draft.selection.theme), None) if field else None
    )
    sub = next((s for s in direction.sub_directions if s.id == draft.selection.sub_direction), None)
    result["field"] = field.title if field else ""
    result["theme"] = theme.title if theme else ""
    if sub is not None:
        result["sub_direction"] = {"title": sub.title, "content": sub.content}
    parts = [result["field"], result["theme"], sub.title if sub else ""]
    result["text"] = "；".join(part for part in parts if part) or draft.project.area or NOTHING
    return result


def _units(draft: Draft) -> list[dict[str, Any]]:
    return [
        {
            "index": index,
            "name": unit.name,
            "name_en": unit.name_en,
            "credit_code": unit.credit_code,
            "type": enum_label(unit.type)[0] if unit.type else "",
            "type_en": enum_label(unit.type)[1] if unit.type else "",
            "parent": unit.parent or NOTHING,
            "role": enum_label(unit.role)[0],
            "role_en": enum_label(unit.role)[1],
            "central": wan(unit.central_funds_wan),
            "self_raised": wan(unit.self_raised_wan),
            "total": wan(unit.central_funds_wan + unit.self_raised_wan),
            "tasks": unit.tasks or NOTHING,
            "region": _word(unit.region),
            "registered_on": day(unit.registered_on),
            "legal_entity": yes_no(unit.independent_legal_entity),
            "state_organ": yes_no(unit.state_organ),
        }
        for index, unit in enumerate(
            sorted(draft.chinese_units, key=lambda u: u.role is not Role.LEAD), start=1
        )
    ]


def _word(value: object | None) -> str:
    """An enumeration value of the draft in Chinese, blank when not given."""
    return enum_label(value)[0] if value is not None else ""


def _leader(draft: Draft) -> dict[str, Any]:
    """The project leader's facts the call's notice sets, and the leader's other projects."""
    leaders = [member for member in draft.team if member.role is TeamRole.LEADER]
    member = leaders[0] if leaders else TeamMember()
    months = "" if member.months_per_year is None else f"{member.months_per_year}"
    projects = [
        {
            "index": number,
            "programme": project.programme,
            "title": project.title,
            "role": _word(project.role),
            "status": _word(project.status),
            "ends_on": day(project.ends_on),
        }
        for number, project in enumerate(draft.leader_projects, start=1)
    ]
    return {
        "name": member.name,
        "rows": [
            {"label": "姓名", "value": member.name},
            {"label": "所在单位", "value": member.unit},
            {"label": "出生日期", "value": day(member.birth_date)},
            {"label": "职称", "value": member.title},
            {"label": "职称级别", "value": _word(member.title_level)},
            {"label": "最高学位", "value": _word(member.degree)},
            {"label": "每年用于本项目的时间（月）", "value": months},
            {"label": "承担的其他国家重点研发计划项目", "value": f"{len(projects)} 项"},
        ],
        "birth_date": day(member.birth_date),
        "title_level": _word(member.title_level),
        "degree": _word(member.degree),
        "months": months,
        "projects": projects,
    }


def _partners(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    rows = []
    ordered = sorted(draft.foreign_partners, key=lambda p: p.role is not Role.LEAD)
    for index, partner in enumerate(ordered, start=1):
        country_zh, country_en = _country(guide, partner.country)
        budget = f"{wan(partner.budget_amount)} {partner.budget_currency or ''}".strip()
        rows.append(
            {
                "index": index,
                "name": partner.name,
                "name_zh": partner.name_zh,
                "country": country_zh,
                "country_en": country_en,
                "type": enum_label(partner.type)[0] if partner.type else "",
                "type_en": enum_label(partner.type)[1] if partner.type else "",
                "registered_on": day(partner.registered_on),
                "registered_on_iso": iso(partner.registered_on),
                "legal_entity": yes_no(partner.independent_legal_entity),
                "registration_number": partner.registration_number,
                "role": enum_label(partner.role)[0],
                "role_en": enum_label(partner.role)[1],
                "leader": partner.leader_name,
                "budget": budget,
                "budget_amount": wan(partner.budget_amount),
                "budget_currency": partner.budget_currency or "",
                "tasks": partner.tasks or NOTHING,
            }
        )
    return rows


def _team(draft: Draft) -> list[dict[str, Any]]:
    ordered = sorted(draft.team, key=lambda m: m.role is not TeamRole.LEADER)
    return [
        {
            "index": index,
            "name": member.name,
            "role": enum_label(member.role)[0],
            "role_en": enum_label(member.role)[1],
            "unit": member.unit,
            "title": member.title,
            "field": member.field_of_science,
            "task": member.task or NOTHING,
            "months": "" if member.months_per_year is None else f"{member.months_per_year}",
        }
        for index, member in enumerate(ordered, start=1)
    ]


def _budget(guide: Guide, draft: Draft) -> dict[str, Any]:
    budget = draft.budget
    years = sorted(budget.years, key=lambda y: y.year or 0)
    central = _sum_amounts([y.central for y in years])
    self_raised = _sum_amounts([y.self_raised for y in years])
    base = max(central.direct - central.equipment_purchase, Decimal(0))
    cap = indirect_cost_cap(
        guide.budget_policy, base, theoretical=budget.theoretical_basic_research
    )
    rows = []
    for year in years:
        for source, label, amounts in (
            ("central", "中央财政资金", year.central),
            ("self_raised", "自筹资金", year.self_raised),
        ):
            rows.append(
                {"year": str(year.year or ""), "source": label, "source_key": source}
                | _amounts(amounts)
            )
    return {
        "categories": [{"key": k, "zh": zh, "en": en} for k, zh, en in CATEGORIES],
        "rows": rows,
        "years": [str(year.year or "") for year in years],
        "central": _amounts(central),
        "self_raised": _amounts(self_raised),
        "total": _amounts(_sum_amounts([central, self_raised])),
        "income_central": wan(budget.income_central_wan),
        "income_self_raised": wan(budget.income_self_raised_wan),
        "income_total": wan(
            (budget.income_central_wan or Decimal(0))
            + (budget.income_self_raised_wan or Decimal(0))
        ),
        "indirect_base": wan(base),
        "indirect_cap": wan(cap.quantize(Decimal("0.000001")).normalize()),
        "indirect_central": wan(central.indirect),
        "notes": paragraphs(draft.form.budget_notes),
    }


def _attachments(guide: Guide, draft: Draft) -> list[dict[str, Any]]:
    rows = []
    for index, item in enumerate(draft.attachments, start=1):
        kind = guide.attachment_kind(item.kind)
        rows.append(
            {
                "index": index,
                "kind": kind.zh if kind else item.kind,
                "kind_en": kind.en if kind else item.kind,
                "file_name": item.file_name,
                "size": "" if item.size_bytes is None else f"{item.size_bytes:,}",
                "sha256": item.sha256 or "",
                "signed_on": day(item.signed_on),
                "contains_ip": yes_no(item.contains_ip_clauses),
                "signed_by_all": yes_no(item.signed_by_all_parties),
                "note": item.note,
            }
        )
    return rows


def _basic_rows(ctx: Context) -> list[dict[str, str]]:
    project, budget = ctx["project"], ctx["budget"]
    lead = ctx["lead_unit"]
    partners = ctx["partners"]
    return [
        {"label": "项目名称", "value": project["title_zh"]},
        {"label": "英文名称", "value": project["title_en"]},
        {"label": "指南方向", "value": ctx["direction"]["label"]},
        {"label": "领域方向 / 主题", "value": ctx["selection"]["text"]},
        {"label": "关键词", "value": project["keywords"] or NOTHING},
        {"label": "项目摘要", "value": project["summary"]},
        {"label": "起止日期", "value": _span(project["start"], project["end"])},
        {
            "label": "实施周期",
            "value": f"{project['duration_months']} 个月" if project["duration_months"] else "",
        },
        {"label": "牵头单位", "value": lead["name"]},
        {"label": "统一社会信用代码", "value": lead["credit_code"]},
        {"label": "项目负责人", "value": ctx["leader"]["name"]},
        {
            "label": "合作国家（地区）",
            "value": "、".join(dict.fromkeys(p["country"] for p in partners)) or NOTHING,
        },
        {"label": "外方牵头单位", "value": partners[0]["name"] if partners else NOTHING},
        {"label": "中方参与单位数", "value": str(len(ctx["units"]))},
        {"label": "外方合作单位数", "value": str(len(partners))},
        {"label": "中央财政资金（万元）", "value": budget["income_central"]},
        {"label": "自筹资金（万元）", "value": budget["income_self_raised"]},
        {"label": "经费总额（万元）", "value": budget["income_total"]},
    ]


def _span(start: str, end: str) -> str:
    return f"{start} 至 {end}" if start or end else ""


def build_context(
    book: RuleBook, draft: Draft, *, findings: list[Finding] | None = None
) -> Context:
    """Everything the documents show about ``draft``; ``findings`` marks it a draft copy."""
    guide = book.guide
    direction = guide.direction(draft.direction)
    units = _units(draft)
    team = _team(draft)
    is_draft = findings is not None
    ctx: Context = {
        "meta": {
            "program": "ApplyWizard",
            "version": __version__,
            "guide_id": guide.id,
            "guide_title": guide.title,
            "programme": guide.programme,
            "draft_sha256": draft_digest(draft),
            "is_draft": is_draft,
            "mark": DRAFT_MARK if is_draft else "",
            "mark_suffix": f"　{DRAFT_MARK}" if is_draft else "",
        },
        "direction": {
            "code": direction.code if direction else draft.direction,
            "title": direction.title if direction else "",
            "title_en": direction.title_en if direction else "",
            "label": f"{direction.code} {direction.title}" if direction else draft.direction,
        },
        "selection": _selection(direction, draft),
        "project": {
            "title_zh": draft.project.title_zh,
            "title_en": draft.project.title_en,
            "summary": " ".join(paragraphs(draft.project.summary)),
            "area": draft.project.area or NOTHING,
            "keywords": draft.project.keywords,
            # 凡不填写的内容，请用“无”表示: no recommending body is an item with nothing to say
            "recommending_body": draft.project.recommending_body or NOTHING,
            "start": day(draft.project.start_date),
            "end": day(draft.project.end_date),
            "duration_months": str(draft.project.duration_months or ""),
            "application_date": day(draft.project.application_date),
        },
        "parts": {
            key: {
                "number": number,
                "title": title,
                "paragraphs": paragraphs(getattr(draft.form, key)),
            }
            for number, title, key in FORM_PARTS
        },
        "indicators": paragraphs(draft.form.indicators),
        "task_division": paragraphs(draft.form.task_division),
        "units": units,
        "lead_unit": units[0] if units and units[0]["role"] == "牵头" else _empty_unit(),
        "partners": _partners(guide, draft),
        "team": team,
        "leader": _leader(draft),
        "budget": _budget(guide, draft),
        "attachments": _attachments(guide, draft),
        "declarations": [
            {"text": item.zh, "ticked": "☑" if draft.declarations.get(item.id) else "☐"}
            for item in guide.declarations
            if item.id in draft.declarations
        ],
        "joint_lab": _joint_lab(draft) if book.reads(draft.direction, "joint_lab.") else None,
        "horizon": _horizon(draft) if book.reads(draft.direction, "horizon.") else None,
        "brics": {"confirmation_number": draft.brics.confirmation_number}
        if book.reads(draft.direction, "brics.")
        else None,
        "open_findings": [
            {
                "severity": "错误" if f.is_error else "警告",
                "citation": f.citation,
                "message": f.message,
            }
            for f in findings or []
        ],
    }
    ctx["basic"] = _basic_rows(ctx)
    return ctx


def _empty_unit() -> dict[str, Any]:
    return {"name": "", "credit_code": ""}


def _joint_lab(draft: Draft) -> dict[str, Any]:
    lab = draft.joint_lab
    return {
        "rows": [
            {"label": "联合实验室名称", "value": lab.name_zh},
            {"label": "英文名称", "value": lab.name_en},
            {"label": "建立日期", "value": day(lab.founded_on)},
            {
                "label": "是否科技部已批准的“一带一路”联合实验室",
                "value": yes_no(lab.belt_and_road_lab),
            },
        ],
        "name_zh": lab.name_zh,
        "name_en": lab.name_en,
        "founded_on": day(lab.founded_on),
        "belt_and_road_lab": yes_no(lab.belt_and_road_lab),
        "research_tasks": paragraphs(lab.research_tasks),
        "building_tasks": paragraphs(lab.building_tasks),
    }


def _horizon(draft: Draft) -> dict[str, Any]:
    horizon = draft.horizon
    return {
        "rows": [
            {"label": "指南编号（call identifier）", "value": horizon.call_identifier},
            {"label": "项目简称（acronym）", "value": horizon.acronym},
            {"label": "申请号（proposal number）", "value": horizon.proposal_number},
            {
                "label": "指南年度（work programme）",
                "value": str(horizon.work_programme_year or ""),
            },
            {"label": "其中中方单位预算（万元）", "value": wan(horizon.chinese_budget_wan)},
            {"label": "整体预算包括中方单位预算", "value": yes_no(horizon.includes_chinese_budget)},
            {"label": "技术成熟度（TRL）", "value": str(horizon.trl or "")},
        ],
        "call_identifier": horizon.call_identifier,
        "acronym": horizon.acronym,
        "proposal_number": horizon.proposal_number,
        "work_programme_year": str(horizon.work_programme_year or ""),
        "participants": horizon.participants or [NOTHING],
        "chinese_budget": wan(horizon.chinese_budget_wan),
        "includes_chinese_budget": yes_no(horizon.includes_chinese_budget),
        "trl": str(horizon.trl or ""),
    }
