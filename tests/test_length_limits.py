"""Length limits: how characters are counted, and the max_length rule's findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_files import load_guide
from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from applywizard.domain.rules.length_limits import length_limits
from applywizard.domain.text_length import Counting, count_characters, measure

ROOT = Path(__file__).resolve().parents[1]
PACK_2026 = ROOT / "resources" / "guides" / "most-igsti-2026-batch1"


def _length_findings(book: RuleBook, draft: Draft) -> list[Finding]:
    return [f for f in book.evaluate(draft) if f.rule.endswith("-length")]


def _with_title(title: str) -> Draft:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    return draft.model_copy(
        update={"project": draft.project.model_copy(update={"title_zh": title})}
    )


# -- counting -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中欧城市水环境治理", 9),  # each Chinese character counts one
        ("AI驱动的5G网络", 9),  # letters, digits and Chinese alike
        ("碳中和（CCUS）技术：评估、示范。", 18),  # full-width and half-width punctuation
        ("  中欧合作  \n", 4),  # surrounding whitespace is not counted
        ("中 欧", 3),  # a space inside counts
        ("Cafe\u0301", 4),  # NFC: e + combining accent is one character
        ("第一段\n第二段", 6),  # an inner line break is not counted by default
        ("", 0),
    ],
)
def test_each_character_counts_one(text: str, expected: int) -> None:
    assert count_characters(text) == expected


def test_line_breaks_count_when_the_limit_says_so() -> None:
    text = "第一段\n第二段\r\n第三段"
    assert count_characters(text) == 9
    assert count_characters(text, Counting.CHARACTERS_AND_LINE_BREAKS) == 11


def test_a_measure_is_over_only_beyond_the_limit() -> None:
    assert not measure("中" * 25, 25).over
    assert measure("中" * 26, 25).over
    assert measure("中" * 26, 25).count == 26


# -- the rule ---------------------------------------------------------------------------
def test_a_title_at_the_limit_has_no_finding(book: RuleBook) -> None:
    assert _length_findings(book, _with_title("中" * 25)) == []


def test_a_title_one_over_is_a_warning_citing_its_source(book: RuleBook) -> None:
    [finding] = _length_findings(book, _with_title("中" * 26))
    assert finding.rule == "general.title-zh-length"
    assert finding.field == "project.title_zh"
    assert finding.severity is Severity.WARNING
    assert finding.clause is None and finding.direction == "1.1"
    assert "不超过 25 字，现为 26 字" in finding.message
    assert "at most 25 characters; it has 26" in finding.message_en
    assert finding.citation == "国际科技合作项目申请书填报说明 2（科技部，2005；未经本批次确认）"
    assert "filling notes, item 2" in finding.citation_en


def test_chinese_and_latin_mixed_count_alike(book: RuleBook) -> None:
    assert _length_findings(book, _with_title("基于AI的5G网络" + "中" * 16)) == []  # 25
    [finding] = _length_findings(book, _with_title("基于AI的5G网络" + "中" * 17))  # 26
    assert "现为 26 字" in finding.message


def test_surrounding_whitespace_does_not_count(book: RuleBook) -> None:
    """What the window's counter measures: the field's text as typed, spaces and all."""
    limit = length_limits(book, "1.1")["project.title_zh"]
    typed = "  " + "中" * 25 + "\u3000"
    assert limit.measure(typed).count == 25 and not limit.measure(typed).over
    assert limit.measure(typed + "中").over


def test_an_empty_title_is_left_to_the_required_rule(book: RuleBook) -> None:
    findings = book.evaluate(_with_title(""))
    assert [f.rule for f in findings if f.field == "project.title_zh"] == ["general.title-zh"]


def test_the_english_title_has_its_own_limit(book: RuleBook) -> None:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    long = draft.project.model_copy(update={"title_en": "x" * 201})
    [finding] = _length_findings(book, draft.model_copy(update={"project": long}))
    assert finding.rule == "general.title-en-length"
    assert finding.citation_en == "default limit on the English title (general rule, unconfirmed)"


def test_both_shipped_packs_limit_the_titles(book: RuleBook) -> None:
    pack_2026 = load_guide(PACK_2026 / "guide.yaml")
    for each in (book, pack_2026):
        limits = length_limits(each, "1.1")
        assert limits["project.title_zh"].limit == 25
        assert limits["project.title_en"].limit == 200
        assert length_limits(each, None) == limits  # general rules: no direction needed


def _with_summary(summary: str) -> Draft:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    project = draft.project.model_copy(update={"summary": summary})
    return draft.model_copy(update={"project": project})


def test_the_summary_counts_without_surrounding_whitespace_or_line_breaks(
    book: RuleBook,
) -> None:
    assert _length_findings(book, _with_summary("\n  " + "中" * 400 + "  \n")) == []
    assert _length_findings(book, _with_summary("中" * 200 + "\n\n" + "中" * 200)) == []
    [finding] = _length_findings(book, _with_summary("中" * 200 + "\n" + "中" * 201))
    assert finding.rule == "general.summary-length" and finding.field == "project.summary"
    assert "现为 401 字" in finding.message
    assert finding.citation == "项目摘要长度默认上限（通用规则，未经证实）"
