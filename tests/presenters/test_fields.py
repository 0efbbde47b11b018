"""Bound fields without Qt: what typed text means, why it is refused, the note beside a field,
and the character counters under the limited ones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.fields import (
    FieldsPresenter,
    Note,
    day_shown,
    day_value,
    field_label,
    lines_shown,
    lines_value,
    money_shown,
    money_value,
    number_shown,
    number_value,
    text_shown,
)
from applywizard.presenters.lengths import Counter, LengthCounts
from applywizard.workflow.session import EditRefusedError
from tests.presenters.page_sessions import english_words, example_session, getter


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def test_values_are_shown_as_the_fields_show_them() -> None:
    assert field_label("project.title_zh") == "项目名称（中文）"
    assert field_label("foreign_partners.1.country") == "外方合作单位 2：国别"
    assert (text_shown(None), text_shown("题目")) == ("", "题目")
    assert (day_shown(None), day_shown(date(2024, 2, 1))) == ("", "2024-02-01")
    assert (money_shown(None), money_shown(Decimal("12.50"))) == ("", "12.50")
    assert lines_shown(["a", "b"]) == "a\nb" and lines_shown(None) == ""
    assert (number_shown(None, 1), number_shown(24, 1)) == (0, 24)


def test_typed_text_is_read_into_values() -> None:
    assert day_value("p", "") is None
    assert day_value("p", "2024-02-01") == date(2024, 2, 1)
    assert money_value("p", " 1,234.50 ") == Decimal("1234.50")
    assert money_value("p", "") is None
    assert lines_value("  甲 \n\n 乙\n") == ["甲", "乙"]
    assert (number_value(0, 1), number_value(1, 1)) == (None, 1)


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("2024-02-30", "“2024-02-30”不是有效日期", "“2024-02-30” is not a valid date"),
        ("2024-1", "请按 YYYY-MM-DD 输入完整日期", "type the whole date, YYYY-MM-DD"),
    ],
)
def test_a_date_that_is_none_is_refused_with_why(typed: str, zh: str, en: str) -> None:
    with pytest.raises(EditRefusedError) as refused:
        day_value("project.start_date", typed)
    assert (refused.value.path, refused.value.zh, refused.value.en) == (
        "project.start_date",
        zh,
        en,
    )


def test_an_amount_that_is_no_number_is_refused() -> None:
    with pytest.raises(EditRefusedError) as refused:
        money_value("horizon.chinese_budget_wan", "12万")
    assert refused.value.en == "“12万” is not a number"


def test_a_finding_is_noted_beside_its_field_and_goes_when_fixed(book: RuleBook) -> None:
    session = example_session(book, "1.2")
    fields = FieldsPresenter(getter(session))
    path = "project.duration_months"
    assert fields.changed_notes([path], session.findings) == {path: Note("", "")}
    assert fields.changed_notes([path], session.findings) == {}  # unchanged: nothing to do

    assert fields.commit(path, 25)
    [note] = fields.changed_notes([path], session.findings).values()
    assert note.severity == "error" and note.text.startswith("✖ ")
    assert "24" in note.text and note.text.endswith("（指南 1.2 其他要求（1））")
    assert fields.commit(path, 24)
    assert fields.changed_notes([path], session.findings) == {path: Note("", "")}


def test_refused_input_is_noted_and_the_draft_keeps_its_value(book: RuleBook) -> None:
    session = example_session(book, "1.4")
    fields = FieldsPresenter(getter(session))
    path = "horizon.chinese_budget_wan"
    before = session.draft.horizon.chinese_budget_wan
    assert not fields.enter(path, money_value, "-5")  # a number the draft model refuses
    assert session.draft.horizon.chinese_budget_wan == before
    note = fields.changed_notes([path], session.findings)[path]
    assert note.severity == "error" and note.text.startswith("✖ 输入无效")

    start = "project.start_date"
    assert not fields.enter(start, day_value, "2024-02-30")
    assert fields.changed_notes([start], session.findings)[start] == Note(
        "✖ “2024-02-30”不是有效日期", "error"
    )
    assert fields.enter(path, money_value, "")  # blank: not given
    assert session.draft.horizon.chinese_budget_wan is None
    fields.forget_refusals()  # another draft loaded into the fields
    assert fields.refused == {}


def test_several_findings_of_a_field_are_noted_a_line_each(book: RuleBook) -> None:
    session = example_session(book, "1.1")
    fields = FieldsPresenter(getter(session))
    fields.commit("project.title_zh", "")
    found = [f for f in session.findings if f.field == "project.title_zh"]
    note = fields.changed_notes(["project.title_zh"], session.findings)["project.title_zh"]
    assert len(note.text.split("\n")) == len(found) >= 1


def test_the_counter_of_a_limited_field(book: RuleBook) -> None:
    session = example_session(book, "1.1")
    counts = LengthCounts()
    assert counts.counter("project.title_zh", "水") is None  # no limits read yet
    counts.follow(session.book, session.draft.direction)
    assert counts.counter("project.title_zh", "水" * 25) == Counter("25 / 25", over=False)
    assert counts.counter("project.title_zh", "水" * 26) == Counter("26 / 25", over=True)
    assert counts.counter("project.keywords", "水") is None  # not limited
    limits = counts.limits
    counts.follow(session.book, session.draft.direction)
    assert counts.limits is limits  # read again only when the pack or direction changes
