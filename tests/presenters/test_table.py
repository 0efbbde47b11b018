"""The tables' logic without Qt: cells, edits, refusals, findings and focus by path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from applywizard.domain.draft.model import Role, UnitType
from applywizard.domain.draft.tables import (
    INDICATOR_UNITS,
    INDICATORS,
    PARTNERS,
    TABLES,
    TEAM,
    UNITS,
    Table,
)
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.table import TablePresenter, Target
from applywizard.presenters.text import set_language
from applywizard.workflow.session import DraftSession
from tests.presenters.conftest import example_session


def presenter(session: DraftSession, table: Table = UNITS) -> TablePresenter:
    return TablePresenter(lambda: session, table)


def test_every_table_names_draft_fields_with_labels(book: RuleBook) -> None:
    session = DraftSession(book)
    for table in TABLES:
        model: Any = type(session.draft)
        *parents, last = table.collection.split(".")  # form.indicators: a list inside a part
        for part in parents:
            model = model.model_fields[part].annotation
        item = model.model_fields[last]
        fields = item.annotation.__args__[0].model_fields
        for column in table.columns:
            assert column.field in fields, (table.collection, column.field)
            zh, en = table.header(column.field)
            assert zh != column.field and en[:1].isupper(), (table.collection, column.field)


def test_cells_show_the_example_in_chinese_and_english(book: RuleBook) -> None:
    units = presenter(example_session(book, "2.8"))
    lead = units.cell(0, units.column_of("role"))
    assert lead.text == "★ 牵头" and lead.bold
    assert units.row_header(0).text == "1 ★"
    assert units.cell(0, units.column_of("name")).text == "临港海洋与极地研究院"
    money = units.cell(0, units.column_of("central_funds_wan"))
    assert money.text == "670.00" and money.right_aligned
    assert units.cell(0, units.column_of("registered_on")).text == "1983-05-16"
    assert units.cell(0, units.column_of("independent_legal_entity")).text == "是"
    assert units.header(units.column_of("credit_code")) == "统一社会信用代码"
    set_language("en")
    assert units.cell(0, units.column_of("role")).text == "★ lead"
    assert units.header(units.column_of("credit_code")) == "Unified social credit code"


def test_long_text_is_shortened_in_the_cell_and_whole_in_the_tooltip(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    units = presenter(session)
    tasks = units.column_of("tasks")
    assert units.commit(0, tasks, "甲" * 60 + "\n第二段")
    cell = units.cell(0, tasks)
    assert cell.text == "甲" * 40 + "…"
    assert cell.tooltip == "甲" * 60 + "\n第二段"
    assert not units.editable(tasks) and units.editable(0)


def test_typed_text_is_parsed_tidied_or_refused(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    units = presenter(session)
    assert units.commit(0, units.column_of("credit_code"), "  91110000710935732k ")
    assert session.draft.chinese_units[0].credit_code == "91110000710935732K"
    assert units.commit(0, units.column_of("central_funds_wan"), "1,234.5")
    assert session.draft.chinese_units[0].central_funds_wan == Decimal("1234.5")
    assert not units.commit(0, units.column_of("central_funds_wan"), "二百")
    assert session.draft.chinese_units[0].central_funds_wan == Decimal("1234.5")
    path = "chinese_units.0.central_funds_wan"
    assert units.refused[path] == "中方单位 1：中央财政资金（万元）：“二百”不是数字"
    cell = units.cell(0, units.column_of("central_funds_wan"))
    assert cell.severity == "error" and cell.tooltip == "✖ " + units.refused[path]
    assert units.refusal_lines() == ["✖ " + units.refused[path]]
    assert not units.commit(0, units.column_of("registered_on"), "2023/4/1")
    assert "不是日期" in units.refused["chinese_units.0.registered_on"]
    assert units.commit(0, units.column_of("registered_on"), "2023-04-01")
    assert session.draft.chinese_units[0].registered_on == date(2023, 4, 1)
    assert units.commit(0, units.column_of("central_funds_wan"), "")  # blank: 0, not None
    assert session.draft.chinese_units[0].central_funds_wan == Decimal(0)
    assert path not in units.refused


def test_currency_is_upper_cased_and_blank_is_none(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    partners = presenter(session, PARTNERS)
    currency = partners.column_of("budget_currency")
    assert partners.commit(0, currency, " zar ")
    assert session.draft.foreign_partners[0].budget_currency == "ZAR"
    assert partners.commit(0, currency, "  ")
    assert session.draft.foreign_partners[0].budget_currency is None


def test_choices_follow_the_draft(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    partners = presenter(session, PARTNERS)
    country = PARTNERS.column("country")
    assert [code for code, _name in partners.choices(country)] == ["BR", "RU", "IN", "ZA"]
    assert partners.display(country, "ZA") == "南非 (ZA)"
    assert partners.display(country, "FR") == "法国 (FR)"  # kept, though not offered
    session.set_value("direction", "")
    assert len(partners.choices(country)) == len(book.guide.countries)
    team = presenter(session, TEAM)
    names = [name for name, _text in team.choices(TEAM.column("unit"))]
    assert names == [unit.name for unit in session.draft.chinese_units]
    kinds = [value for value, _text in partners.choices(PARTNERS.column("type"))]
    assert kinds == list(UnitType)


def test_rows_are_added_moved_and_removed_through_the_session(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    units = presenter(session)
    before = len(session.draft.chinese_units)
    row = units.add_item()
    assert row == before and units.count == before + 1 and units.is_empty(row)
    assert not units.commit(row, units.column_of("central_funds_wan"), "x")
    assert units.move_item(row, -1) == row - 1
    assert units.refused == {}  # the paths shifted: refusals are forgotten
    assert units.move_item(0, -1) == 0  # already first
    assert session.draft.chinese_units[row - 1].name == ""
    units.remove_item(row - 1)
    assert units.count == before and units.in_step()
    assert session.draft.chinese_units[0].role is Role.LEAD


def test_findings_mark_cells_and_list_errors_first(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    units = presenter(session)
    code = units.column_of("credit_code")
    units.commit(0, code, "91110000710935732X")  # a wrong check character
    units.show_findings(session.findings)
    cell = units.cell(0, code)
    found = [f for f in session.findings if f.field == "chinese_units.0.credit_code"]
    assert found and cell.severity == ("error" if found[0].is_error else "warning")
    assert cell.tooltip is not None and found[0].message in cell.tooltip
    assert found[0].citation in cell.tooltip
    lines = units.finding_lines()
    assert lines and lines[0].field == "chinese_units.0.credit_code"
    assert [line.severity for line in lines] == sorted(
        (line.severity for line in lines), key=lambda severity: severity != "error"
    )
    assert units.findings_caption() == f"检查结果(&F)：{len(lines)}"


@pytest.mark.parametrize(
    ("path", "row", "column", "long"),
    [
        ("chinese_units.0.credit_code", 0, 1, False),
        ("chinese_units.0.tasks", 0, 12, True),
        ("chinese_units.9.name", 1, 0, False),  # past the end: the last row
        ("chinese_units", -1, -1, False),
    ],
)
def test_paths_find_their_cell(
    book: RuleBook, path: str, row: int, column: int, long: bool
) -> None:
    units = presenter(example_session(book, "2.8"))
    assert units.count == 2
    target = units.target(path)
    assert target is not None
    assert (target.row, target.column, target.long) == (row, column, long)
    assert units.target("foreign_partners.0.name") is None


def test_the_indicators_are_a_table_inside_the_form(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    indicators = presenter(session, INDICATORS)
    assert indicators.count == 9
    assert indicators.path(6, indicators.column_of("quantity")) == "form.indicators.6.quantity"
    text = indicators.cell(6, indicators.column_of("text")).text
    assert text == "发表论文20篇（多国合作论文≥12篇）"
    quantity = indicators.cell(6, indicators.column_of("quantity"))
    assert quantity.text == "20" and quantity.right_aligned
    assert indicators.cell(6, indicators.column_of("unit")).text == "篇"
    assert [unit for unit, _text in indicators.choices(INDICATORS.column("unit"))] == list(
        INDICATOR_UNITS
    )
    assert indicators.header(indicators.column_of("text")) == "指标内容"
    assert indicators.long_caption(6) == "考核指标 7：指标内容"
    assert not indicators.editable(indicators.column_of("text"))  # edited under the table

    assert indicators.commit(6, indicators.column_of("quantity"), "18")
    assert session.draft.form.indicators[6].quantity == Decimal(18)
    assert not indicators.commit(6, indicators.column_of("quantity"), "-1")
    assert not indicators.commit(6, indicators.column_of("quantity"), "二十")
    assert indicators.commit(6, indicators.column_of("quantity"), "")  # blank: no count
    assert session.draft.form.indicators[6].quantity is None
    assert indicators.commit(6, indicators.column_of("unit"), "人次")

    row = indicators.add_item()
    assert row == 9 and indicators.count == 10 and indicators.is_empty(row)
    assert indicators.move_item(row, -1) == 8
    assert session.draft.form.indicators[8].text == ""
    indicators.remove_item(8)
    assert indicators.count == len(session.draft.form.indicators) == 9
    target = indicators.target("form.indicators.3.text")
    assert target is not None and (target.row, target.long) == (3, True)
    assert indicators.target("form.indicators") == Target(-1, -1, long=False)
    assert indicators.target("form.schedule") is None


def test_indicators_without_text_or_none_at_all_are_findings(book: RuleBook) -> None:
    session = example_session(book, "2.8")
    indicators = presenter(session, INDICATORS)
    indicators.add_item()
    indicators.show_findings(session.findings)
    assert [line.field for line in indicators.finding_lines()] == ["form.indicators.9.text"]
    assert indicators.cell(9, indicators.column_of("text")).severity == "error"
    for _row in range(10):
        indicators.remove_item(0)
    indicators.show_findings(session.findings)
    assert [line.field for line in indicators.finding_lines()] == ["form.indicators"]
