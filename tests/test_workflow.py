"""The wizard's flow and session, without any widget."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.paths import is_model_path, pattern_of
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.flow import (
    ORDER,
    PAGES,
    PageId,
    grouped,
    next_page,
    page_of,
    page_states,
    previous_page,
    steps_between,
)
from applywizard.workflow.session import (
    DraftSession,
    EditRefusedError,
    find_recoveries,
    forget_recovery,
)

ROOT = Path(__file__).resolve().parents[1]


def test_pages_run_in_order_from_start_to_generate() -> None:
    assert ORDER[0] is PageId.START and ORDER[-1] is PageId.GENERATE
    page: PageId | None = PageId.START
    seen = []
    while page is not None:
        seen.append(page)
        page = next_page(page)
    assert tuple(seen) == ORDER
    assert previous_page(PageId.START) is None
    assert steps_between(PageId.REVIEW, PageId.PARTNERS) == -4


@pytest.mark.parametrize(
    ("field", "page"),
    [
        ("direction", PageId.DIRECTION),
        ("selection.theme", PageId.DIRECTION),
        ("project.title_zh", PageId.PROJECT),
        ("form.schedule", PageId.PROJECT),
        ("horizon.participants", PageId.PROJECT),
        ("chinese_units", PageId.UNITS),
        ("chinese_units.3.credit_code", PageId.UNITS),
        ("foreign_partners.0.country", PageId.PARTNERS),
        ("team.1.unit", PageId.TEAM),
        ("budget.years.0.central.indirect", PageId.BUDGET),
        ("attachments", PageId.ATTACHMENTS),
        ("declarations.both_sides_apply", PageId.ATTACHMENTS),
        ("guide_id", PageId.DIRECTION),
    ],
)
def test_each_field_belongs_to_its_page(field: str, page: PageId) -> None:
    assert page_of(field) is page


def test_every_prefix_is_a_draft_field() -> None:
    for page in PAGES:
        for prefix in page.prefixes:
            assert is_model_path(prefix), prefix


def test_every_finding_of_a_new_draft_lands_on_an_editing_page(book: RuleBook) -> None:
    for code in ("1.1", "1.4", "2.8"):
        for finding in book.evaluate(Draft(direction=code)):
            assert page_of(finding.field) not in {PageId.START, PageId.REVIEW, PageId.GENERATE}, (
                finding
            )


def test_page_states_count_errors_and_warnings(book: RuleBook) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    assert all(state.symbol == "✔" for state in page_states(book.evaluate(draft)).values())
    draft.foreign_partners[0].country = "DE"
    draft.chinese_units[0].credit_code = draft.chinese_units[0].credit_code[:-1] + "0"
    states = page_states(book.evaluate(draft))
    assert states[PageId.PARTNERS].errors == 1 and states[PageId.PARTNERS].symbol == "✖"
    assert states[PageId.UNITS].warnings == 1 and states[PageId.UNITS].symbol == "⚠"
    groups = grouped(book.evaluate(draft))
    assert [page for page, _ in groups] == [PageId.UNITS, PageId.PARTNERS]


def test_set_value_applies_valid_input_and_refuses_invalid(book: RuleBook) -> None:
    session = DraftSession(book)
    session.set_value("direction", "1.1")
    session.set_value("project.title_zh", "新项目")
    assert session.dirty and session.draft.project.title_zh == "新项目"
    index = session.add_item("foreign_partners")
    session.set_value(f"foreign_partners.{index}.country", "IT")
    with pytest.raises(EditRefusedError) as caught:
        session.set_value(f"foreign_partners.{index}.country", "Italy")
    assert caught.value.zh and "pattern" in caught.value.en
    assert session.draft.foreign_partners[0].country == "IT"
    with pytest.raises(EditRefusedError):
        session.set_value("project.title_zh", "a\x07b")
    assert session.draft.project.title_zh == "新项目"


def test_findings_follow_every_change(book: RuleBook) -> None:
    session = DraftSession(book, read_draft(ROOT / "examples" / "2.7.json"))
    assert session.findings == []
    session.set_value("declarations.both_sides_apply", False)
    assert [f.rule for f in session.findings] == ["2.7/0/both-sides"]
    session.set_value("declarations.both_sides_apply", True)
    assert session.findings == []


def test_items_are_added_moved_and_removed(book: RuleBook) -> None:
    session = DraftSession(book)
    for name in ("甲", "乙", "丙"):
        session.set_value(f"team.{session.add_item('team')}.name", name)
    assert session.move_item("team", 2, -1) == 1
    assert [m.name for m in session.draft.team] == ["甲", "丙", "乙"]
    session.remove_item("team", 0)
    assert [m.name for m in session.draft.team] == ["丙", "乙"]


def test_save_open_and_recovery(book: RuleBook, tmp_path: Path) -> None:
    recovery = tmp_path / "recovery"
    session = DraftSession(book, recovery_folder=recovery)
    session.set_value("project.title_zh", "未保存的修改")
    copy = session.write_recovery()
    assert copy is not None and copy.parent == recovery
    [found] = find_recoveries(recovery)
    assert read_draft(found.path).project.title_zh == "未保存的修改" and found.origin is None
    target = tmp_path / "draft.json"
    session.save(target)
    assert not session.dirty and find_recoveries(recovery) == []
    session.set_value("project.title_zh", "再改")
    session.write_recovery()
    assert find_recoveries(recovery)[0].origin == target
    assert read_draft(target).project.title_zh == "未保存的修改"  # the user's file is untouched
    forget_recovery(find_recoveries(recovery)[0])
    assert find_recoveries(recovery) == []
    reopened = DraftSession(book)
    reopened.open(target)
    assert reopened.draft.project.title_zh == "未保存的修改" and not reopened.dirty


def test_a_new_application_from_an_earlier_draft_keeps_people_and_partners(book: RuleBook) -> None:
    earlier = read_draft(ROOT / "examples" / "1.1.json")
    session = DraftSession(book)
    session.start_from_earlier(earlier)
    draft = session.draft
    assert [u.name for u in draft.chinese_units] == [u.name for u in earlier.chinese_units]
    assert [p.name for p in draft.foreign_partners] == [p.name for p in earlier.foreign_partners]
    assert [m.name for m in draft.team] == [m.name for m in earlier.team]
    assert draft.joint_lab.name_zh == earlier.joint_lab.name_zh
    assert draft.direction == "" and draft.project.title_zh == "" and draft.attachments == []
    assert draft.declarations == {} and draft.budget.years == []
    assert all(u.central_funds_wan == Decimal(0) for u in draft.chinese_units)
    assert all(p.budget_amount is None for p in draft.foreign_partners)
    assert session.path is None and session.dirty
    assert pattern_of("team.0.task") == "team.*.task" and all(m.task == "" for m in draft.team)
