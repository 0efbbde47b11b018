"""The Direction page's logic without Qt: the 18 directions, searching, the detail, choosing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.direction import DirectionPresenter, headers
from tests.presenters.page_sessions import english_words, example_session, getter

CODES = [f"1.{n}" for n in range(1, 10)] + [f"2.{n}" for n in range(9)]


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def test_the_18_directions_are_listed_with_their_figures(book: RuleBook) -> None:
    rows = DirectionPresenter(getter(example_session(book))).rows()
    assert [row.code for row in rows] == CODES
    assert all(row.cells[0] == row.code and len(row.cells) == len(headers()) for row in rows)
    by_code = {row.code: row.cells for row in rows}
    assert by_code["1.1"] == (
        "1.1",
        "中国和欧洲国家联合实验室合作项目",
        "英国、法国、意大利、西班牙、比利时",
        "10",
        "3,000",
        "3 年（一般）",
    )
    assert by_code["2.8"][1:] == ("金砖国家旗舰型合作项目", "金砖国家", "3", "4,500", "3–5 年")
    assert headers() == [
        "Code",
        "Direction",
        "Partners",
        "Projects",
        "Budget (10k CNY)",
        "Duration",
    ]


def test_english_rows_read_in_english(book: RuleBook) -> None:
    with english_words("en"):
        rows = DirectionPresenter(getter(example_session(book))).rows()
    first = rows[0].cells
    assert (
        first[1].startswith("China") and first[2] == "United Kingdom, France, Italy, Spain, Belgium"
    )


def test_the_search_and_the_country_filter(book: RuleBook) -> None:
    directions = DirectionPresenter(getter(example_session(book)))

    def shown(text: str, country: str | None) -> set[str]:
        visible = directions.shown(text, country)
        return {code for code, show in zip(CODES, visible, strict=True) if show}

    assert shown("", None) == set(CODES)
    assert shown("德国", None) == {"1.8"}
    assert shown("", "ZA") == {"2.3", "2.4", "2.8"}
    assert shown("", "IT") == {"1.1", "1.2", "1.4", "1.5"}
    assert shown("韩国 能源", None) == {"2.1", "2.2"}  # 2.1 lists 可再生能源
    assert shown("韩国 大型", None) == {"2.0"}
    assert shown("brics", "IT") == set()
    countries = directions.countries()
    assert countries[0] == (None, "Any partner country")
    assert ("DE", "德国 (DE)") in countries and ("ZA", "南非 (ZA)") in countries
    assert len({code for code, _text in countries}) == len(countries)


def test_the_detail_of_2_8_names_its_countries_and_clauses(book: RuleBook) -> None:
    detail = DirectionPresenter(getter(example_session(book))).details("2.8")
    assert detail.startswith("<h3>2.8 金砖国家旗舰型合作项目</h3>")
    assert "BRICS flagship cooperation projects" in detail
    assert "共拟支持经费：不超过4500万元人民币" in detail
    assert "<p>Duration: 项目执行期3-5年</p>" in detail
    assert "<li>天文学</li>" in detail  # a research area
    assert "<b>Other requirements (其他要求)</b>" in detail
    assert (
        "（2）合作方应涵盖其余金砖四国（巴西、俄罗斯、印度、南非），满足五方合作的条件； "
        "<small>[数据校验]</small>"
    ) in detail
    assert "（5）要求项目申报单位提供" in detail and "<small>[附件]</small>" in detail
    assert "<small>[建议]</small>" in detail
    assert DirectionPresenter(getter(example_session(book))).details("9.9") == ""


def test_the_detail_escapes_and_lists_themes_with_their_eu_topics(book: RuleBook) -> None:
    detail = DirectionPresenter(getter(example_session(book))).details("1.4")
    assert "China–EU intergovernmental S&amp;T cooperation" in detail
    assert "<p><b>食品、农业和生物技术（FAB）</b></p>" in detail
    assert "(HORIZON-CL6-2023-ZEROPOLLUTION)</li>" in detail


def test_choosing_a_direction_forgets_the_choices_inside_the_old_one(book: RuleBook) -> None:
    session = example_session(book, "1.4")
    directions = DirectionPresenter(getter(session))
    assert directions.chosen_row() == 3
    options = directions.options()
    assert [value for value, _title in options.fields] == ["fab", "ccb"]
    assert [value for value, _title in options.themes] == ["manure", "forest"]
    assert options.sub_directions == []
    assert not directions.choose("1.4")  # the same: nothing changes
    assert session.draft.selection.theme == "manure"

    assert directions.choose("1.8")
    assert session.draft.direction == "1.8" and directions.chosen_row() == 7
    selection = session.draft.selection
    assert (selection.field, selection.theme, selection.sub_direction) == (None, None, None)
    options = directions.options()
    assert options.fields == [] and options.themes == []
    assert [value for value, _title in options.sub_directions] == [
        "hydrogen_station_vehicle",
        "monitoring_platform",
        "fuel_cell_durability",
        "carbon_assets",
    ]
    assert any(f.field == "selection.sub_direction" for f in session.findings)


def test_themes_follow_the_field_chosen(book: RuleBook) -> None:
    session = example_session(book, "1.4")
    directions = DirectionPresenter(getter(session))
    session.set_value("selection.field", "ccb")
    themes = directions.options().themes
    assert len(themes) == 2 and themes[0][1].startswith("中欧在全球气候治理")
    session.set_value("selection.field", None)
    assert directions.options().themes == []


def test_no_direction_chosen_is_said_beside_the_list(book: RuleBook) -> None:
    session = example_session(book)
    directions = DirectionPresenter(getter(session))
    assert directions.chosen_row() == -1
    assert directions.finding() == "✖ 请选择指南方向"
    directions.choose("2.6")
    assert directions.finding() == ""
