"""What the generated documents show, computed once from a draft and its guide.

The context is plain data (dicts, lists, strings): the Word templates read it
through Jinja, the Excel writer reads it directly, and a test renders every
template with it. Every figure is formatted once, so the form and the tables
cannot disagree: the rows of the draft's declared tables (units, partners,
team, the leader's projects, attachments, the assessment indicators) in
``context_tables``, each value's
text by its column's kind (``cells``); the budget in ``context_budget``; what
only the pre-application shows in ``context_pre``; the rest here.
"""

from __future__ import annotations

import hashlib
from typing import Any

from applywizard import __version__
from applywizard.adapters.documents import context_tables
from applywizard.adapters.documents.context_budget import budget
from applywizard.adapters.documents.context_pre import pre_application
from applywizard.adapters.documents.formatting import NOTHING, day, paragraphs, wan, yes_no
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.model import Direction
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

DRAFT_MARK = "草稿 / DRAFT"


def draft_digest(draft: Draft) -> str:
    """SHA-256 of the draft's canonical bytes: which draft a document came from."""
    return hashlib.sha256(encode_draft(draft)).hexdigest()


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


def _numbered(draft: Draft) -> list[str]:
    """The indicators as paragraphs, each item's first one numbered (1. …); ["无"] for none."""
    found: list[str] = []
    for number, item in enumerate(draft.form.indicators, start=1):
        lines = [line.strip() for line in item.text.split("\n") if line.strip()] or [""]
        found.append(f"{number}. {lines[0]}".rstrip())
        found.extend(lines[1:])
    return found or [NOTHING]


def _span(start: str, end: str) -> str:
    return f"{start} 至 {end}" if start or end else ""


def build_context(
    book: RuleBook, draft: Draft, *, findings: list[Finding] | None = None
) -> Context:
    """Everything the documents show about ``draft``; ``findings`` marks it a draft copy."""
    guide = book.guide
    direction = guide.direction(draft.direction)
    units = context_tables.units(guide, draft)
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
        # the indicators' table; "indicators" as numbered paragraphs, for templates made before
        "indicator_rows": context_tables.indicators(guide, draft),
        "indicators": _numbered(draft),
        "task_division": paragraphs(draft.form.task_division),
        "units": units,
        "lead_unit": units[0] if units and units[0]["role"] == "牵头" else _empty_unit(),
        "partners": context_tables.partners(guide, draft),
        "team": context_tables.team(guide, draft),
        "leader": context_tables.leader(guide, draft),
        "budget": budget(guide, draft),
        "attachments": context_tables.attachments(guide, draft),
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
    ctx["pre"] = pre_application(book, draft, ctx)
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
