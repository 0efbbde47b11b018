"""The 2023 rules made exact, as a careful applicant probing them finds them (issue 10, item 7)."""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Attachment, Draft
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example(code: str) -> Draft:
    return read_draft(EXAMPLES / f"{code}.json")


def _by_rule(book: RuleBook, draft: Draft, rule: str) -> list[Finding]:
    return [finding for finding in book.evaluate(draft) if finding.rule == rule]


def test_the_examples_start_clean(book: RuleBook) -> None:
    for code in ("1.5", "1.8"):
        assert not [f for f in book.evaluate(_example(code)) if f.is_error], code


def test_1_8_accepts_a_separate_ip_agreement_as_the_clause_allows(book: RuleBook) -> None:
    draft = _example("1.8")
    index = next(i for i, a in enumerate(draft.attachments) if a.kind == "cooperation_agreement")
    draft.attachments[index].contains_ip_clauses = False
    [finding] = _by_rule(book, draft, "1.8/3/ip")
    assert (finding.clause, finding.severity) == (3, Severity.ERROR)
    assert "知识产权协议" in finding.message  # it says a separate IP agreement would do
    signed = draft.attachments[index].signed_on
    draft.attachments.append(Attachment(kind="ip_agreement", file_name="ip.pdf", signed_on=signed))
    assert _by_rule(book, draft, "1.8/3/ip") == []


def test_an_attachment_of_another_file_type_is_a_warning_not_an_error(book: RuleBook) -> None:
    draft = _example("1.5")
    index = next(i for i, a in enumerate(draft.attachments) if a.kind == "horizon_proposal_en")
    draft.attachments[index].file_name = "proposal.docx"
    findings = [f for f in book.evaluate(draft) if f.field == f"attachments.{index}.file_name"]
    assert [(f.rule, f.severity) for f in findings] == [
        ("general.attachment-file-types", Severity.WARNING)
    ]
    assert "proposal.docx" in findings[0].message
    assert not [f for f in book.evaluate(draft) if f.is_error]


def test_an_unanswered_declaration_and_a_no_are_told_apart(book: RuleBook) -> None:
    draft = _example("1.8")
    del draft.declarations["both_sides_apply"]
    [unanswered] = _by_rule(book, draft, "1.8/4/both-sides")
    assert "尚未回答" in unanswered.message and "Not answered" in unanswered.message_en
    draft.declarations["both_sides_apply"] = False
    [answered_no] = _by_rule(book, draft, "1.8/4/both-sides")
    assert "已回答“否”" in answered_no.message and "Answered No" in answered_no.message_en
    assert unanswered.clause == answered_no.clause == 4
    assert unanswered.is_error and answered_no.is_error


def test_the_work_programme_year_is_compared_with_the_call_identifier(book: RuleBook) -> None:
    draft = _example("1.5")
    assert draft.horizon.call_identifier.startswith("HORIZON-CL6-2023-")
    assert _by_rule(book, draft, "1.5/2/call-year") == []
    draft.horizon.work_programme_year = 2022  # allowed by clause (2), but not this call's year
    [finding] = _by_rule(book, draft, "1.5/2/call-year")
    assert (finding.clause, finding.field) == (2, "horizon.work_programme_year")
    assert "2022" in finding.message and "2023" in finding.message
    draft.horizon.call_identifier = "HORIZON-CL5-2022-D3-01-02"
    assert _by_rule(book, draft, "1.5/2/call-year") == []


def test_a_shape_enforced_choice_still_cites_its_clause(book: RuleBook) -> None:
    draft = _example("1.8")
    draft.selection.sub_direction = "two_at_once"  # not one of the four: the window cannot do this
    [finding] = _by_rule(book, draft, "general.selection")
    assert (finding.direction, finding.clause) == ("1.8", 1)
    assert finding.citation == "指南 1.8 其他要求（1）"


def test_every_error_derived_from_a_direction_clause_cites_it(book: RuleBook) -> None:
    """No rule bound to a direction's clause is left citing “通用规则”."""
    for direction in book.guide.directions:
        for rule in book.rules_for(direction.code):
            if rule.clause is not None:
                assert rule.citation[0].startswith(f"指南 {direction.code}"), rule.spec.id
