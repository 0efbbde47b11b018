"""The Budget page's logic without Qt: grid, amounts typed, totals, cap and findings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from applywizard.domain.draft.model import BudgetYear
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.budget import BudgetPresenter
from applywizard.presenters.budget_amounts import amount_path, parse_amount
from applywizard.presenters.text import set_language
from applywizard.workflow.session import DraftSession, EditRefusedError
from tests.presenters.conftest import example_session


def budget_of(session: DraftSession) -> BudgetPresenter:
    return BudgetPresenter(lambda: session)


def test_the_grid_has_a_row_per_category_and_computed_rows(book: RuleBook) -> None:
    page = budget_of(example_session(book, "2.8"))
    rows = page.grid()
    titles = [row.title for row in rows]
    assert titles[:8] == [
        "中央财政资金",
        "设备费",
        "    其中：设备购置费",
        "业务费",
        "劳务费",
        "直接费用",
        "间接费用",
        "合计",
    ]
    assert titles[-1] == "两类来源合计"
    editable = [row for row in rows if row.editable]
    assert len(editable) == len(SOURCES) * len(CATEGORIES)
    assert all(len(row.cells) == 5 for row in editable)  # 2.8 budgets five years
    assert editable[3].cells[4] == "budget.years.4.central.labour"
    assert len(page.amount_paths()) == 5 * len(SOURCES) * len(CATEGORIES)
    assert rows[5].cells[0] == "budget.total.years.0.central.direct"


def test_totals_add_up_the_draft(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    totals = budget_of(session).totals()
    years = session.draft.budget.years
    labour = sum((year.central.labour for year in years), Decimal(0))
    assert totals["budget.total.central.labour"].text == f"{labour:,.2f}"
    first = years[0].central.total + years[0].self_raised.total
    assert totals["budget.total.years.0"].text == f"{first:,.2f}"
    assert totals["budget.summary.central.income"].severity == ""  # the example agrees
    assert totals["budget.indirect.total"].severity == ""


def test_income_that_differs_from_expenditure_is_marked(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    page = budget_of(session)
    session.set_value("budget.income_central_wan", Decimal(1))
    totals = page.totals()
    assert totals["budget.summary.central.income"].severity == "error"
    assert totals["budget.summary.central.expenditure"].severity == "error"
    assert totals["budget.summary.self_raised.income"].severity == ""
    assert page.units_note().text == ""  # the units' funds still agree
    assert page.commit_amount(amount_path(0, "central", "labour"), "100")
    note = page.units_note()
    assert note.severity == "error" and "中央财政资金" in note.text


def test_the_cap_is_computed_and_its_rule_named(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    page = budget_of(session)
    note = page.cap_note()
    assert note.severity == "" and book.guide.budget_policy.source in note.text
    assert page.commit_amount(amount_path(0, "central", "indirect"), "9999")
    note = page.cap_note()
    assert note.severity == "warning"
    assert page.totals()["budget.indirect.total"].severity == "warning"
    set_language("en")
    assert budget_of(session).cap_note().text.startswith("Indirect costs exceed the cap by ")


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("二百", "不是数字"),
        ("-1", "不能为负数"),
        ("1.0000001", "最多保留 6 位小数"),
        ("Infinity", "不是有限的数字"),
    ],
)
def test_amounts_the_draft_cannot_hold_are_refused(book: RuleBook, typed: str, why: str) -> None:
    session = example_session(book, "2.8")
    page = budget_of(session)
    path = amount_path(0, "central", "labour")
    before = session.value(path)
    assert not page.commit_amount(path, typed)
    assert session.value(path) == before
    assert why in page.refused[path]
    assert page.refusal_lines() == [f"✖ 年度预算 1：中央财政资金：劳务费：{page.refused[path]}"]
    marks = page.cell_marks([path], session.findings)
    assert marks[path].severity == "error" and why in marks[path].text
    assert page.commit_amount(path, " 1,000 ")  # blank and commas are fine
    assert session.value(path) == Decimal(1000) and path not in page.refused
    with pytest.raises(EditRefusedError):
        parse_amount(path, typed)
    assert parse_amount(path, "") == Decimal(0)


def test_years_are_added_in_order_and_removed_when_confirmed(book: RuleBook) -> None:
    session = DraftSession(book)
    session.set_value("project.start_date", date(2024, 1, 1))
    session.set_value("project.end_date", date(2026, 12, 31))
    page = budget_of(session)
    assert [page.add_year(2030) for _ in range(3)] == [0, 1, 2]
    assert [year.year for year in page.years] == [2024, 2025, 2026]
    page.commit_amount(amount_path(1, "central", "labour"), "5")
    asked: list[BudgetYear] = []

    def decline(year: BudgetYear) -> bool:
        asked.append(year)
        return False

    assert page.remove_year(1, decline) is None
    assert asked and asked[0].year == 2025 and len(page.years) == 3
    assert page.remove_year(1, lambda _year: True) is True
    assert [year.year for year in page.years] == [2024, 2026]
    assert page.add_year(2030) == 1  # 2025 goes back between them
    assert page.year_label(1) == "删除 2025 年度预算"
    assert page.remove_year(7, lambda _year: True) is None


def test_too_many_years_are_refused(book: RuleBook) -> None:
    session = DraftSession(book)
    page = budget_of(session)
    while page.can_add_year():
        assert page.add_year(2023) is not None
    assert page.add_year(2023) is None
    assert page.refusal_lines()[0].startswith("✖ 至多 ")


def test_findings_not_beside_a_field_are_listed_and_found(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    page = budget_of(session)
    page.commit_amount(amount_path(0, "central", "indirect"), "9999")
    listed = page.listed_findings(session.findings, bound={"budget.income_central_wan"})
    assert listed and all(item.path.startswith("budget") for item in listed)
    assert all("（" in item.text for item in listed)  # each cites its clause
    assert page.nearest("budget.years.2") == "budget.years.2.year"
    assert page.nearest("budget.years") == amount_path(0, "central", "equipment")
    assert budget_of(DraftSession(book)).nearest("budget.years") == "budget.add_year"
    assert page.nearest("project.title_zh") is None
