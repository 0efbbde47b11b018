"""The eligibility facts in the application form, read back from the generated file."""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.documents.context import build_context
from applywizard.adapters.documents.formatting import day
from applywizard.adapters.documents.reading import docx_text
from applywizard.adapters.documents.render import render_all
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import TeamRole
from applywizard.domain.rules.engine import RuleBook
from tests.drafts import small_draft

ROOT = Path(__file__).resolve().parents[1]


def _form_text(book: RuleBook, draft_path: Path, out: Path) -> str:
    rendered = render_all(book, read_draft(draft_path), out)
    form = next(path for path in rendered.files if path.name.endswith("申报书.docx"))
    return docx_text(form)[1]


def test_the_form_states_the_units_and_the_leaders_eligibility(
    book: RuleBook, tmp_path: Path
) -> None:
    example = ROOT / "examples" / "1.1.json"
    draft = read_draft(example)
    text = _form_text(book, example, tmp_path)
    assert "中方单位申报资格" in text
    for unit in draft.chinese_units:
        assert unit.registered_on is not None
        assert day(unit.registered_on) in text
    assert "中国内地" in text
    [leader] = [member for member in draft.team if member.role is TeamRole.LEADER]
    assert leader.birth_date is not None
    assert day(leader.birth_date) in text
    assert "（三）项目负责人" in text and "正高级" in text and "博士" in text
    assert "每年用于本项目的时间（月）" in text
    [project] = draft.leader_projects
    assert project.title in text and "课题负责人" in text and "在研" in text


def test_facts_not_given_are_blank_and_no_other_projects_reads_none(book: RuleBook) -> None:
    draft = small_draft("1.1")
    context = build_context(book, draft, findings=[])
    [unit] = context["units"]
    assert (unit["region"], unit["registered_on"], unit["legal_entity"], unit["state_organ"]) == (
        "",
        "",
        "",
        "",
    )
    leader = context["leader"]
    assert leader["name"] == "王明" and leader["birth_date"] == "" and leader["projects"] == []
    rows = {row["label"]: row["value"] for row in leader["rows"]}
    assert rows["职称"] == "研究员" and rows["最高学位"] == ""
    assert rows["承担的其他国家重点研发计划项目"] == "0 项"
