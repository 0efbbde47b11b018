"""docs/form-coverage.md follows the real form's description, and the form says “无” where the
template asks for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from applywizard.adapters.documents.context import build_context
from applywizard.adapters.documents.formatting import NOTHING
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft, TeamRole
from applywizard.domain.draft.project import FormParts
from applywizard.domain.rules.engine import RuleBook

ROOT = Path(__file__).resolve().parents[1]
FORM_FACTS = ROOT.parent / "shared" / "docs" / "form.md"
COVERAGE = ROOT / "docs" / "form-coverage.md"


def test_the_coverage_names_every_section_of_the_form_description() -> None:
    if not FORM_FACTS.is_file():
        pytest.skip("../shared/docs/form.md is not beside this clone")
    headings = re.findall(r"^#{1,3} (.+)$", FORM_FACTS.read_text(encoding="utf-8"), re.MULTILINE)
    coverage = COVERAGE.read_text(encoding="utf-8")
    named = set(re.findall(r"^#{1,3} (.+)$", coverage, re.MULTILINE))
    assert len(headings) >= 6
    missing = [heading for heading in headings if heading not in named]
    assert not missing, f"docs/form-coverage.md has no section for: {missing}"


def _emptied() -> Draft:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    project = draft.project.model_copy(update={"keywords": "", "recommending_body": ""})
    team = [
        member.model_copy(update={"birth_date": None, "degree": None})
        if member.role is TeamRole.LEADER
        else member
        for member in draft.team
    ]
    return draft.model_copy(update={"project": project, "form": FormParts(), "team": team})


def test_every_item_with_nothing_to_say_reads_wu(book: RuleBook) -> None:
    ctx = build_context(book, _emptied(), findings=[])
    for part in ctx["parts"].values():
        assert part["paragraphs"] == [NOTHING], part["title"]
    assert ctx["indicators"] == ctx["task_division"] == ctx["budget"]["notes"] == [NOTHING]
    assert ctx["indicator_rows"] == []  # the form writes 无 instead of the table
    assert ctx["project"]["recommending_body"] == NOTHING  # the cover
    basic = {row["label"]: row["value"] for row in ctx["basic"]}
    assert basic["关键词"] == basic["项目摘要"] == NOTHING


def test_a_fact_not_given_stays_blank_rather_than_stating_none(book: RuleBook) -> None:
    """“最高学位：无” would say the leader has no degree: a fact not given is left blank."""
    ctx = build_context(book, _emptied(), findings=[])
    leader = {row["label"]: row["value"] for row in ctx["leader"]["rows"]}
    assert leader["出生日期"] == leader["最高学位"] == ""
    draft = _emptied()
    undated = draft.project.model_copy(
        update={"start_date": None, "end_date": None, "duration_months": None}
    )
    ctx = build_context(book, draft.model_copy(update={"project": undated}), findings=[])
    basic = {row["label"]: row["value"] for row in ctx["basic"]}
    assert basic["起止日期"] == basic["实施周期"] == ""  # not “ 至 ” or “ 个月”


def test_a_summary_is_shown_in_the_basic_table(book: RuleBook) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    summary = "研究热障涂层的失效机理。\n\n建立寿命预测模型。"
    draft = draft.model_copy(
        update={"project": draft.project.model_copy(update={"summary": summary})}
    )
    basic = {row["label"]: row["value"] for row in build_context(book, draft)["basic"]}
    assert basic["项目摘要"] == "研究热障涂层的失效机理。 建立寿命预测模型。"
