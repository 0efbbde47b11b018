"""The Review page's logic without Qt: findings by page, errors first, counts, clauses, targets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.review import ReviewPresenter, summary
from applywizard.workflow.flow import PageId
from tests.presenters.page_sessions import english_words, example_session, getter


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def test_a_clean_example_has_no_findings_and_every_clause_met(book: RuleBook) -> None:
    review = ReviewPresenter(getter(example_session(book, "1.1")))
    assert review.summary() == "No findings: the application meets every rule ApplyWizard checks."
    assert review.groups() == []
    clauses = review.clauses()
    assert [row.text.split(" ", 1)[0] for row in clauses] == [f"（{n}）" for n in range(1, 9)]
    assert {row.status for row in clauses} == {"✔"}
    assert clauses[3].handled == "须附文件" and clauses[0].handled == "由数据校验"
    assert clauses[0].rules == "general.foreign-country"


def test_findings_are_grouped_by_page_in_page_order_errors_first(book: RuleBook) -> None:
    session = example_session(book, "1.1")
    session.set_value("declarations.partner_capability", False)
    session.set_value("foreign_partners.0.country", "DE")  # an error and a warning
    session.set_value("project.title_en", "")
    review = ReviewPresenter(getter(session))

    groups = review.groups()
    assert [group.page for group in groups] == [
        PageId.PROJECT,
        PageId.PARTNERS,
        PageId.ATTACHMENTS,
    ]
    assert [group.title for group in groups] == [
        "项目信息 (1)",
        "外方合作单位 (2)",
        "附件与承诺 (1)",
    ]
    partners = groups[1].rows
    assert [row.severity for row in partners] == ["error", "warning"]
    country = partners[0]
    assert country.path == "foreign_partners.0.country"
    assert country.text.startswith("✖ 本方向外方合作单位限于 英国、法国、意大利、西班牙、比利时")
    assert country.citation == "指南 1.1 其他要求（1）"
    assert country.field == "外方合作单位 1：国别"
    assert country.source == "general.foreign-country · foreign_partners.0.country"
    assert partners[1].text.startswith("⚠ ")

    [declaration] = groups[2].rows
    assert declaration.field.startswith("申报承诺：外方合作单位运行管理规范")  # the declaration
    assert declaration.citation == "指南 1.1 其他要求（7）"
    assert declaration.detail == (
        f"{declaration.message}\n指南 1.1 其他要求（7） · {declaration.field}"
    )
    assert review.summary() == (
        "Errors: 3, warnings: 1. Errors block generating documents; warnings do not."
    )


def test_the_clauses_cited_by_findings_are_marked(book: RuleBook) -> None:
    session = example_session(book, "1.1")
    session.set_value("foreign_partners.0.country", "DE")
    rows = ReviewPresenter(getter(session)).clauses()
    status = {row.text.split(" ", 1)[0]: (row.status, row.severity) for row in rows}
    assert status["（1）"] == ("✖", "error")
    assert status["（2）"] == ("✔", "")


def test_advice_clauses_have_no_status_and_no_direction_no_clauses(book: RuleBook) -> None:
    rows = ReviewPresenter(getter(example_session(book, "2.8"))).clauses()
    advice = [row for row in rows if row.handled == "仅为建议"]
    assert advice and all(row.status == "—" and row.severity is None for row in advice)
    assert ReviewPresenter(getter(example_session(book))).clauses() == []


def test_a_finding_goes_to_the_page_that_edits_its_field(book: RuleBook) -> None:
    page_for = ReviewPresenter.page_for
    assert page_for("foreign_partners.0.country") is PageId.PARTNERS
    assert page_for("declarations.partner_capability") is PageId.ATTACHMENTS
    assert page_for("leader_projects.1.title") is PageId.TEAM
    assert page_for("horizon.call_identifier") is PageId.PROJECT
    assert page_for("selection.theme") is PageId.DIRECTION
    assert page_for("budget.years.0.amount") is PageId.BUDGET
    assert page_for("something.unclaimed") is PageId.REVIEW


def test_an_empty_draft_counts_its_errors_and_warnings(book: RuleBook) -> None:
    session = example_session(book)
    findings = session.findings
    errors = sum(1 for finding in findings if finding.is_error)
    assert errors > 10
    assert summary(findings) == (
        f"Errors: {errors}, warnings: {len(findings) - errors}. Errors block generating "
        "documents; warnings do not."
    )
    groups = ReviewPresenter(getter(session)).groups()
    assert groups[0].page is PageId.DIRECTION and groups[0].rows[0].text == "✖ 请选择指南方向"
    assert sum(len(group.rows) for group in groups) == len(findings)


def test_english_shows_the_english_of_findings_and_pages(book: RuleBook) -> None:
    session = example_session(book, "1.1")
    session.set_value("project.title_en", "")
    with english_words("en"):
        [group] = ReviewPresenter(getter(session)).groups()
    assert group.title == "Project (1)"
    assert group.rows[0].citation == "general rule"
    assert group.rows[0].field == "Project title (English)"
