"""The draft's stage and its structured assessment indicators (issue 15, part A).

A draft is at the pre-application or the formal stage; a new one starts at
the stage its guide pack's call begins with. The indicators (考核指标) are a
list of items, each with its words and, where it states one, a count and a
unit; rules, differences and the documents read them item by item. Every
expected value below is written out by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from applywizard.adapters.documents.context import build_context
from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_files import compile_guide_data, load_yaml
from applywizard.cli.main import main
from applywizard.domain.draft.differences import compare
from applywizard.domain.draft.model import Draft, Stage, first_stage
from applywizard.domain.draft.paths import label
from applywizard.domain.draft.project import Indicator
from applywizard.domain.draft.reuse import reuse_for_next_call
from applywizard.domain.rules.checks.lengths import MaxLengthParams
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import guide_path
from applywizard.workflow.session import DraftSession

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example(code: str) -> Draft:
    return read_draft(EXAMPLES / f"{code}.json")


def pack(**changes: Any) -> RuleBook:
    """The shipped 2023 pack with some top-level keys changed."""
    data = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide.yaml")
    data.update(changes)
    return compile_guide_data(data, origin="test pack")


# -- the stage -----------------------------------------------------------------------------------


def test_the_stages_and_their_words() -> None:
    assert [stage.value for stage in Stage] == ["pre_application", "formal"]
    assert first_stage(pre_application=True) is Stage.PRE
    assert first_stage(pre_application=False) is Stage.FORMAL
    assert Draft().stage is Stage.FORMAL
    assert label("stage") == ("申报阶段", "Application stage")


def test_the_shipped_packs_take_no_pre_application(book: RuleBook) -> None:
    # neither the 2023 guide's text nor the 2026 notice's words mention one
    assert book.guide.pre_application is False
    assert pack().guide.pre_application is False
    text = guide_path().read_text(encoding="utf-8")
    assert "pre_application: false" in text and "预申报" in text  # said, with why


def test_a_new_draft_starts_at_the_stage_its_pack_begins_with(book: RuleBook) -> None:
    assert DraftSession(book).draft.stage is Stage.FORMAL
    with_pre = pack(pre_application=True)
    session = DraftSession(with_pre)
    assert session.draft.stage is Stage.PRE
    session.replace(example("1.1"), path=None, dirty=False)
    session.start_new()
    assert session.draft.stage is Stage.PRE
    session.start_from_earlier(example("1.1"))
    assert session.draft.stage is Stage.PRE
    names = [unit.name for unit in session.draft.chinese_units]
    assert names == [unit.name for unit in example("1.1").chinese_units]
    assert session.draft.form.indicators == []  # the call's own: not carried on


def test_reusing_an_earlier_draft_keeps_the_stage_given() -> None:
    earlier = example("2.8")
    assert reuse_for_next_call(earlier, guide_id="x").stage is Stage.FORMAL
    assert reuse_for_next_call(earlier, guide_id="x", stage=Stage.PRE).stage is Stage.PRE


# -- the indicators as items -----------------------------------------------------------------------


def test_an_indicator_holds_its_words_a_count_and_a_unit() -> None:
    item = Indicator(text="发表SCI论文5篇", quantity=Decimal(5), unit="篇")
    assert (item.text, item.quantity, item.unit) == ("发表SCI论文5篇", Decimal(5), "篇")
    assert Indicator().quantity is None and Indicator().unit == ""
    assert Indicator(text="第一段\r\n第二段").text == "第一段\n第二段"  # several lines kept
    assert Indicator(quantity=Decimal("2.5")).quantity == Decimal("2.5")


@pytest.mark.parametrize(
    "fields",
    [
        {"quantity": Decimal(-1)},
        {"quantity": Decimal("NaN")},
        {"quantity": Decimal("Infinity")},
        {"quantity": Decimal("1e13")},
        {"unit": "篇" * 21},
        {"unit": "篇\x07"},
        {"text": "论文\x00"},
        {"extra": 1},
    ],
)
def test_an_indicator_refuses_what_no_count_or_document_can_hold(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Indicator(**fields)


def test_every_example_states_its_indicators_as_items() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        items = read_draft(path).form.indicators
        assert len(items) >= 6, path.name
        for item in items:
            assert item.text and "\n" not in item.text, path.name
            assert item.text[:2] not in {f"{n}." for n in range(10)}, item.text  # no numbering
            if item.quantity is not None:
                assert item.unit, item.text  # a count has its unit
    papers = [item for item in example("2.8").form.indicators if item.unit == "篇"]
    assert [(item.text, item.quantity) for item in papers] == [
        ("发表论文20篇（多国合作论文≥12篇）", Decimal(20))
    ]
    first = example("1.1").form.indicators[0]
    assert first.text.startswith("建立热—力—化学耦合条件下热障涂层失效机理数据库1套")
    assert (first.quantity, first.unit) == (Decimal(1), "套")


def test_the_labels_of_an_indicators_fields() -> None:
    assert label("form.indicators") == ("考核指标", "Assessment indicators")
    assert label("form.indicators.2") == ("考核指标 3", "Indicator 3")
    assert label("form.indicators.2.quantity") == ("考核指标 3：数量", "Indicator 3: quantity")
    unit = ("考核指标 1：计量单位", "Indicator 1: unit of measure")
    assert label("form.indicators.0.unit") == unit
    assert label("form.indicators.0.text") == ("考核指标 1：指标内容", "Indicator 1: wording")


# -- rules ----------------------------------------------------------------------------------------


def _findings(book: RuleBook, draft: Draft) -> dict[str, tuple[str, str]]:
    return {
        f.field: (f.message, f.rule) for f in book.evaluate(draft) if f.field.startswith("form.ind")
    }


def test_no_indicators_or_one_without_words_is_an_error(book: RuleBook) -> None:
    draft = example("2.8")
    assert _findings(book, draft) == {}
    draft.form.indicators.append(Indicator(quantity=Decimal(3), unit="篇"))
    assert _findings(book, draft) == {
        "form.indicators.9.text": (
            "请填写“考核指标 10：指标内容”",
            "general.form-indicator-texts",
        )
    }
    draft.form.indicators = []
    assert _findings(book, draft) == {
        "form.indicators": ("请至少填写 1 项“考核指标”", "general.form-indicators")
    }


def test_a_length_limit_names_a_text_not_a_list() -> None:
    limit = {"limit": 100, "source": "test", "cite_zh": "测试", "cite_en": "test"}
    assert MaxLengthParams(path="form.schedule", **limit).path == "form.schedule"
    with pytest.raises(ValidationError, match="not a text field"):
        MaxLengthParams(path="form.indicators", **limit)


# -- differences and documents ------------------------------------------------------------------


def test_a_lowered_count_and_an_added_indicator_read_as_differences() -> None:
    before = example("2.8")
    after = before.model_copy(deep=True)
    after.form.indicators[6].quantity = Decimal(15)
    after.form.indicators.append(Indicator(text="申请发明专利3项", quantity=Decimal(3), unit="项"))
    assert [(d.path, d.zh, d.en) for d in compare(before, after)] == [
        (
            "form.indicators.6.quantity",
            "考核指标 7：数量：20 → 15",
            "Indicator 7: quantity: 20 → 15",
        ),
        (
            "form.indicators.9",
            "考核指标 10：新增（申请发明专利3项）",
            "Indicator 10: added (申请发明专利3项)",
        ),
    ]


def test_the_documents_list_the_indicators_as_numbered_rows(book: RuleBook) -> None:
    draft = example("2.8")
    draft.form.indicators[0].quantity = None
    draft.form.indicators[0].unit = ""
    ctx = build_context(book, draft)
    rows = ctx["indicator_rows"]
    assert len(rows) == 9
    assert rows[6] == {
        "index": 7,
        "text": "发表论文20篇（多国合作论文≥12篇）",
        "quantity": "20",
        "unit": "篇",
    }
    assert (rows[0]["quantity"], rows[0]["unit"]) == ("", "")
    # templates made before the table read "indicators": numbered paragraphs
    assert ctx["indicators"][6] == "7. 发表论文20篇（多国合作论文≥12篇）"
    draft.form.indicators = [Indicator(text="第一段\n\n第二段"), Indicator()]
    assert build_context(book, draft)["indicators"] == ["1. 第一段", "第二段", "2."]


def test_the_command_line_starts_a_new_draft_at_its_packs_first_stage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.json"
    pack = "most-igsti-2023-batch1"
    assert main(["new", "--guide", pack, "--direction", "2.8", "-o", str(path)]) == 0
    capsys.readouterr()
    made = read_draft(path)
    assert made.stage is Stage.FORMAL and made.form.indicators == []
    assert '"stage": "formal"' in path.read_text(encoding="utf-8")
