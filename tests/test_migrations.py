"""The migration chain: each schema change is one step, applied in order."""

from __future__ import annotations

import json
from typing import Any

import pytest

from applywizard.domain.draft.codec import decode_draft
from applywizard.domain.draft.migrations import MIGRATIONS, MigrationGapError, migrate
from applywizard.domain.draft.model import SCHEMA_VERSION


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
