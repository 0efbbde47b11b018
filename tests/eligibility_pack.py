"""A test guide pack: the bundled 2023 guide plus a notice with eligibility rules.

The notice's dates and limits are the 2026 batch-1 notice's
(shared/guide/call-notices.md); its 限项 numbers are the tests' own (no
source here gives them).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from applywizard.adapters.guide_files import compile_guide_data, load_yaml
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import guide_path

NOTICE = "test-2026-batch1"
CITE_ZH = "2026年第一批申报通知 申报条件"


def rule(rule_id: str, check: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"id": rule_id, "check": check, "params": params or {}}


NOTICE_DATA: dict[str, Any] = {
    "id": NOTICE,
    "title": "2026年度第一批项目申报通知（测试）",
    "title_en": "2026 batch-1 call notice (test)",
    "issued": date(2025, 10, 23),
    "source": "shared/guide/call-notices.md",
    "cite_as": {"zh": CITE_ZH, "en": "2026 batch-1 notice, eligibility"},
    "clauses": [
        {
            "number": 1,
            "text": "申报单位为中国内地注册的科研院所、高等学校和企业等，或港澳单位",
            "kind": "checked",
            "rules": [
                rule(
                    "n/1/regions",
                    "units_regions_in",
                    {"regions": ["mainland", "hong_kong", "macao"]},
                )
            ],
        },
        {
            "number": 2,
            "text": "具有独立法人资格，注册时间为2024年9月30日前，国家机关不得牵头或参与申报",
            "kind": "checked",
            "rules": [
                rule("n/2/legal", "units_independent_legal_persons"),
                rule("n/2/registered", "units_registered_by", {"on_or_before": date(2024, 9, 30)}),
                rule("n/2/state-organs", "units_not_state_organs"),
            ],
        },
        {
            "number": 3,
            "text": (
                "项目负责人须具有高级职称或博士学位，1965年1月1日以后出生，"
                "每年用于项目的工作时间不得少于6个月"
            ),
            "kind": "checked",
            "rules": [
                rule(
                    "n/3/qualified",
                    "leader_qualified",
                    {"title_levels": ["senior_full", "senior_deputy"], "degrees": ["doctorate"]},
                ),
                rule("n/3/born", "leader_born_on_or_after", {"on_or_after": date(1965, 1, 1)}),
                rule("n/3/months", "leader_months_at_least", {"months": 6}),
            ],
        },
        {
            "number": 4,
            "text": "牵头申报单位确定1名科研人员作为项目负责人",
            "kind": "checked",
            "rules": [rule("n/4/lead-unit", "leader_at_lead_unit")],
        },
        {
            "number": 5,
            "text": "限项（测试用数字）",
            "kind": "checked",
            "rules": [
                rule("n/5/limits", "leader_projects_at_most", {"max_led": 2, "max_total": 3})
            ],
        },
    ],
}


def notice_pack(notice: dict[str, Any] = NOTICE_DATA) -> RuleBook:
    """The bundled guide with ``notice`` added."""
    data = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide.yaml")
    data["notices"] = [notice]
    return compile_guide_data(data, origin="test pack")
