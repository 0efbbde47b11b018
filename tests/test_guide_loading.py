"""A broken guide file fails when it is loaded, with a message that says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from applywizard.adapters.guide_files import GuideFileError, load_guide, parse_guide
from applywizard.resources import guide_path

SHIPPED = guide_path().read_text(encoding="utf-8")


def _broken(old: str, new: str) -> str:
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_broken("check: date_before", "check: date_befor"), "unknown check 'date_befor'"),
        (_broken("params: {years: 3}", "params: {yeers: 3}"), "bad parameters"),
        (
            _broken("{path: joint_lab.founded_on,", "{path: joint_lab.founded_in,"),
            "not a field of the draft",
        ),
        (
            _broken("params: {kind: foreign_government_support}", "params: {kind: letter}"),
            "no attachment kind",
        ),
        (_broken("params: {id: partner_capability}", "params: {id: capability}"), "no declaration"),
        (_broken("counterparts: [IT]", "counterparts: [XX]"), "unknown codes"),
        (_broken("partner_countries_clause: 1", "partner_countries_clause: 9"), "cites clause 9"),
        (_broken("id: 1.2/2/both-sides", "id: 1.1/2/lab-name"), "rule id repeated"),
        (_broken("title_en: China–Italy", "title_en: China–Italy\n    title_en: again"), "repeats"),
        (
            _broken(
                "qualifier: at_most, text: 拟支持项目数：不超过20个", "qualifier: range, text: x"
            ),
            "range needs a minimum",
        ),
        ("{", "not valid YAML"),
        ("", "validation error"),
    ],
)
def test_a_broken_guide_is_refused_with_the_reason(text: str, expected: str) -> None:
    with pytest.raises(GuideFileError) as caught:
        parse_guide(text, origin="test.yaml")
    assert expected in str(caught.value)
    assert "test.yaml" in str(caught.value)


def test_a_missing_guide_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(GuideFileError, match="cannot read"):
        load_guide(tmp_path / "none.yaml")


def test_the_guide_data_is_frozen() -> None:
    book = parse_guide(SHIPPED)
    with pytest.raises(ValueError, match="frozen"):
        book.guide.directions[0].code = "9.9"  # type: ignore[misc]
