"""The migration chain: each schema change is one step, applied in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.domain.draft.migrations import MIGRATIONS, MigrationGapError, migrate
from applywizard.domain.draft.model import SCHEMA_VERSION, Stage
from applywizard.domain.draft.project import Indicator


def _rename_title(data: dict[str, Any]) -> dict[str, Any]:
    data["title"] = data.pop("name")
    return data


def _add_lang(data: dict[str, Any]) -> dict[str, Any]:
    data.setdefault("lang", "zh")
    return data


def test_steps_run_in_order_and_stamp_each_version() -> None:
    steps = {1: _rename_title, 2: _add_lang}
    old = {"schema_version": 1, "name": "x"}
    new = migrate(old, from_version=1, to_version=3, migrations=steps)
    assert new == {"schema_version": 3, "title": "x", "lang": "zh"}
    assert old == {"schema_version": 1, "name": "x"}  # the input is not changed


def test_a_missing_step_is_reported() -> None:
    with pytest.raises(MigrationGapError, match="from schema version 2 to 3"):
        migrate(
            {"schema_version": 1, "name": "x"},
            from_version=1,
            to_version=3,
            migrations={1: _rename_title},
        )


def test_the_shipped_chain_reaches_the_current_version_from_the_first() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_version_2_draft_opens_with_an_empty_summary() -> None:
    saved = {"schema_version": 2, "project": {"title_zh": "中欧城市水环境"}}
    draft = decode_draft(json.dumps(saved, ensure_ascii=False).encode("utf-8"))
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.project.title_zh == "中欧城市水环境"
    assert draft.project.summary == ""


def test_a_version_4_draft_opens_not_knowing_where_its_files_were_attached_from() -> None:
    saved = {
        "schema_version": 4,
        "attachments": [{"kind": "cooperation_agreement", "file_name": "协议.pdf"}],
    }
    draft = decode_draft(json.dumps(saved, ensure_ascii=False).encode("utf-8"))
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.attachments[0].attached_from == ""


OLD_INDICATORS = (
    "1. 建立热障涂层失效机理数据库1套，包含不少于300组试验数据，双方共享。\n"
    "2. 申请发明专利4项（其中中法联合申请1项），发表高水平论文8篇（中法合作论文不少于4篇）。\n"
    "\n"
    "3. 联合培养博士、硕士研究生6名，双方互访研究人员不少于12人次 < & > {{ x }}。\t\n"
)
"""Indicators as version 5 wrote them: one text, numbered by hand, a blank line, odd characters."""


def _version_5(**form: object) -> bytes:
    saved = {
        "schema_version": 5,
        "direction": "1.1",
        "form": {"objectives_and_content": "研究目标", **form},
    }
    return json.dumps(saved, ensure_ascii=False).encode("utf-8")


def test_a_version_5_draft_is_formal_and_its_indicators_text_becomes_one_item() -> None:
    draft = decode_draft(_version_5(indicators=OLD_INDICATORS))
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.stage is Stage.FORMAL
    kept = draft.form.indicators
    assert kept == [Indicator(key=kept[0].key, text=OLD_INDICATORS)]  # every character kept
    assert draft.form.indicators[0].quantity is None and draft.form.indicators[0].unit == ""
    assert draft.form.objectives_and_content == "研究目标"
    again = decode_draft(encode_draft(draft))  # and it saves and reopens as it is
    assert again == draft


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_a_version_5_draft_with_no_indicators_has_no_items(text: str) -> None:
    assert decode_draft(_version_5(indicators=text)).form.indicators == []
    assert decode_draft(_version_5()).form.indicators == []  # never written at all


def test_a_version_5_draft_with_indicators_of_another_type_is_refused() -> None:
    with pytest.raises(ValueError, match=r"form\.indicators"):
        decode_draft(_version_5(indicators=5))


def test_a_version_5_draft_with_a_stage_that_is_no_stage_is_refused() -> None:
    saved = json.loads(_version_5(indicators="x"))
    saved["stage"] = "bogus"
    with pytest.raises(ValueError, match="stage"):
        decode_draft(json.dumps(saved).encode("utf-8"))


def test_an_example_as_version_5_wrote_it_opens_with_its_indicators_whole() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    current = json.loads((examples / "2.8.json").read_text(encoding="utf-8"))
    old = dict(current, schema_version=5)
    del old["stage"]
    old["form"] = dict(current["form"], indicators=OLD_INDICATORS)
    draft = decode_draft(json.dumps(old, ensure_ascii=False).encode("utf-8"))
    assert draft.stage is Stage.FORMAL
    assert [item.text for item in draft.form.indicators] == [OLD_INDICATORS]
    assert draft.chinese_units == decode_draft(json.dumps(current).encode()).chinese_units


def test_a_version_6_draft_gains_an_empty_innovation_and_route_part() -> None:
    saved = {
        "schema_version": 6,
        "stage": "pre_application",
        "form": {"objectives_and_content": "研究目标", "indicators": [{"text": "论文5篇"}]},
    }
    migrated = migrate(saved, from_version=6, to_version=7)
    assert migrated["form"]["innovation_and_route"] == ""
    assert migrated["form"]["objectives_and_content"] == "研究目标"
    draft = decode_draft(json.dumps(saved, ensure_ascii=False).encode("utf-8"))
    assert draft.schema_version == SCHEMA_VERSION == 8
    assert draft.stage is Stage.PRE  # the stage it was saved at is kept
    assert draft.form.innovation_and_route == ""
    assert decode_draft(encode_draft(draft)) == draft


def test_a_version_6_draft_without_a_form_still_opens() -> None:
    assert migrate({"schema_version": 6}, from_version=6, to_version=7) == {"schema_version": 7}
    assert decode_draft(b'{"schema_version": 6}').form.innovation_and_route == ""
