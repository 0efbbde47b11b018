"""The Review page's stage, its move to the formal application and its comparison, without Qt."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from applywizard.domain.draft.model import Stage
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.compare import Segment, diff_texts
from applywizard.presenters.review import ReviewPresenter
from tests.presenters.page_sessions import english_words, example_session, getter


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def pre_review(book: RuleBook) -> ReviewPresenter:
    session = example_session(book, "2.8")
    session.draft.stage = Stage.PRE
    return ReviewPresenter(getter(session))


def test_the_move_is_offered_at_the_pre_application_only(book: RuleBook) -> None:
    assert not ReviewPresenter(getter(example_session(book, "2.8"))).can_move()
    review = pre_review(book)
    assert review.can_move() and review.stage_line() == "Stage: pre-application."
    assert "frozen" in review.move_question()
    assert review.comparison() == [] and review.text_diffs() == []
    assert review.move() is None
    assert not review.can_move()
    assert review.stage_line().startswith("Stage: formal application; what the pre-application")
    assert review.move() in {
        "此草稿已保存过预申报书的冻结记录，不能再次转为正式申报",
        "this draft already holds the pre-application's frozen record; "
        "it cannot move to the formal application again",
    }


def test_right_after_the_move_nothing_differs(book: RuleBook) -> None:
    review = pre_review(book)
    review.move()
    rows = review.comparison()
    assert [row.part for row in rows][:2] == ["Indicator 1", "Indicator 2"]
    assert len(rows) == 9 + 3 + 3  # indicators; leader, lead unit, participants; funds
    assert {row.severity for row in rows} == {None}
    assert rows[2].before == rows[2].after == "布放表层漂流浮标和剖面浮标不少于30个（30个）"
    assert [row.part for row in rows[9:]] == [
        "Project leader",
        "Lead unit",
        "Participating units",
        "Central funds (10k CNY)",
        "Self-raised funds (10k CNY)",
        "Total (10k CNY)",
    ]
    assert rows[12].before == "1150" and rows[14].after == "1350"
    diffs = review.text_diffs()
    assert len(diffs) == 1 and not diffs[0].changed


def test_differences_are_marked_by_how_bad_they_are(book: RuleBook) -> None:
    review = pre_review(book)
    review.move()
    session = review.session
    session.set_value("form.indicators.2.quantity", Decimal(3))
    session.set_value("form.indicators.0.text", "数据集1套（细化）")
    session.set_value("team.0.name", "王五")
    session.set_value("chinese_units.1.central_funds_wan", Decimal(500))
    session.add_item("form.indicators")
    rows = {row.part: row for row in review.comparison()}
    assert rows["Indicator 3"].severity == "error"
    assert rows["Indicator 3"].after == "布放表层漂流浮标和剖面浮标不少于30个（3个）"
    assert rows["Indicator 1"].severity == ""  # reworded: shown, allowed
    assert rows["Indicator (added)"].before == "—"
    assert rows["Project leader"].severity == "error"
    assert rows["Project leader"].after == "王五（临港海洋与极地研究院）"
    assert rows["Central funds (10k CNY)"].severity == "warning"
    assert (rows["Central funds (10k CNY)"].before, rows["Central funds (10k CNY)"].after) == (
        "1150",
        "1170",
    )
    session.remove_item("form.indicators", 1)
    assert {row.part: row for row in review.comparison()}["Indicator 2"].after == "(removed)"


def test_a_research_text_is_diffed_by_character() -> None:
    diff = diff_texts("二、研究目标及内容", "研究海冰变化。", "研究南极海冰变化机理。")
    assert diff.before == (Segment("研究海冰变化。", False),)  # nothing taken away
    assert diff.after == (
        Segment("研究", False),
        Segment("南极", True),
        Segment("海冰变化", False),
        Segment("机理", True),
        Segment("。", False),
    )
    assert diff.changed
    assert not diff_texts("x", "同", "同").changed
    assert diff_texts("x", "删去的", "").before == (Segment("删去的", True),)
