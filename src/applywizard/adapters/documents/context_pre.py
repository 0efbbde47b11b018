"""What the pre-application (预申报书) shows, beside what the formal form shows.

No pre-application template was found in any source
(docs/pre-application-sources.md §1.3), so its parts are the ones the
sources attest: the objectives and indicators, the research content, the
innovative ideas and technical route, the research basis; the lead,
participating and recommending units; the project leader; a budget outline
(central funds, other sources, total: the units' own figures, §1.3 “NOT
FOUND” rows, so the outline is the one the sources suggest). The template
``templates/pre-application.docx`` reads ``pre`` and the shared keys
(``project``, ``direction``, ``indicator_rows``, ``units``, ``partners``,
``attachments``, ``parts``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from applywizard.adapters.documents.formatting import NOTHING, paragraphs, wan
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.length_limits import pre_application_length


def pre_application(book: RuleBook, draft: Draft, ctx: dict[str, Any]) -> dict[str, Any]:
    """The pre-application's own keys: its heading, facts table, outline and text count."""
    units = draft.chinese_units
    central = sum((unit.central_funds_wan for unit in units), Decimal(0))
    other = sum((unit.self_raised_wan for unit in units), Decimal(0))
    length = pre_application_length(book, draft.direction or None)
    counted = (
        f"{length.count(draft)} 字（目标约 {length.target} 字）" if length is not None else NOTHING
    )
    project = ctx["project"]
    months = project["duration_months"]
    leader = ctx["leader"]
    return {
        "heading": f"国家重点研发计划“{book.guide.programme}”重点专项",
        "basic": [
            {"label": "项目名称", "value": project["title_zh"]},
            {"label": "英文名称", "value": project["title_en"] or NOTHING},
            {"label": "所属专项", "value": book.guide.programme},
            {"label": "指南方向", "value": ctx["direction"]["label"]},
            {"label": "领域方向 / 主题", "value": ctx["selection"]["text"]},
            {"label": "推荐单位", "value": project["recommending_body"]},
            {"label": "牵头申报单位", "value": ctx["lead_unit"]["name"]},
            {"label": "项目负责人", "value": leader["name"]},
            {"label": "实施周期", "value": f"{months} 个月" if months else ""},
            {"label": "正文字数", "value": counted},
        ],
        "leader_rows": leader["rows"],
        "innovation_and_route": paragraphs(draft.form.innovation_and_route),
        "outline": {
            "units": [
                {
                    "name": row["name"],
                    "role": row["role"],
                    "central": row["central"],
                    "other": row["self_raised"],
                    "total": row["total"],
                }
                for row in ctx["units"]
            ],
            "central": wan(central),
            "other": wan(other),
            "total": wan(central + other),
        },
    }
