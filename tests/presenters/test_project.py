"""The Project page's logic without Qt: its groups of fields, and which a direction shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from applywizard.domain.draft.tables import INDICATORS
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.project import (
    NUMBER_RANGES,
    SECTIONS,
    TABLES,
    groups,
    shown_sections,
    table_hint,
    yes_no,
)
from tests.presenters.page_sessions import english_words, example_session

KINDS = {"line", "text", "day", "money", "lines", "yes_no", "table", *NUMBER_RANGES}


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def test_the_groups_and_their_fields(book: RuleBook) -> None:
    page = groups()
    assert [group.title for group in page] == [
        "Project",
        "Parts of the application form",
        "Joint laboratory (1.1)",
        "Horizon Europe proposal",
        "BRICS joint application",
    ]
    assert [group.section for group in page] == [None, None, *SECTIONS]
    assert page[0].fields[0] == ("project.title_zh", "line")
    assert ("project.duration_months", "number") in page[0].fields
    assert {kind for _path, kind in page[1].fields} == {"text", "table"}
    assert [path for path, kind in page[1].fields if kind == "table"] == ["form.indicators"]
    assert TABLES == {"form.indicators": INDICATORS}
    assert "unit" in table_hint("form.indicators")
    assert ("horizon.trl", "trl") in page[3].fields
    assert NUMBER_RANGES["trl"] == (1, 9) and NUMBER_RANGES["number"] == (1, 240)
    assert yes_no() == [(True, "Yes"), (False, "No")]
    session = example_session(book, "1.4")
    paths = [path for group in page for path, _kind in group.fields]
    assert len(paths) == len(set(paths)) == 34  # 创新思路与技术路线 added in schema 7
    for group in page:
        for path, kind in group.fields:
            assert kind in KINDS, path
            session.value(path)  # every field is a path of the draft
            if kind == "table":
                assert TABLES[path].collection == path
            if group.section is not None:
                assert path.startswith(group.section)


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("1.1", "joint_lab."),
        ("1.4", "horizon."),
        ("1.5", "horizon."),
        ("2.8", "brics."),
        ("2.1", None),
    ],
)
def test_a_direction_shows_the_groups_its_rules_read(
    book: RuleBook, code: str, shown: str | None
) -> None:
    sections = shown_sections(example_session(book, code))
    assert list(sections) == list(SECTIONS)
    assert {prefix for prefix, visible in sections.items() if visible} == (
        {shown} if shown else set()
    )


def test_no_direction_shows_no_added_group(book: RuleBook) -> None:
    assert not any(shown_sections(example_session(book)).values())
