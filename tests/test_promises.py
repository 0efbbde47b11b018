"""Moving to the formal application and the rules that hold it to the pre-application's promises.

Example 2.8 (9 indicators, a lead unit and one participating unit, a project
leader) is set to the pre-application stage and moved to the formal one;
each rule is then broken by one change and its finding read by rule, field,
severity and citation. Every expected value is written out by hand.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.guide_files import compile_guide_data, load_yaml
from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.domain.draft.migrations import _indicator_keys
from applywizard.domain.draft.model import SCHEMA_VERSION, Draft, Stage
from applywizard.domain.draft.paths import is_text_path
from applywizard.domain.draft.project import FormParts, Indicator
from applywizard.domain.draft.promising import PROMISED_TEXT_PATHS, snapshot
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.checks.promises import ShareParams
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from applywizard.resources import guide_path
from applywizard.workflow.formal import MoveRefusedError, can_move_to_formal, move_to_formal
from applywizard.workflow.session import DraftSession

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INSTRUCTION = (
    "申报书填写应以预申报书内容为基础，"
    "不得降低考核指标，不得自行调整主要研究内容，但可进一步具体细化。"
)
RULES = (
    "general.promise-record-intact",
    "general.promise-indicators",
    "general.promise-leader-lead-unit",
    "general.promise-units",
    "general.promise-central-funds-share",
    "general.promise-central-funds-above",
)
DAY = date(2025, 3, 1)


def pre_application(book: RuleBook) -> DraftSession:
    draft = read_draft(EXAMPLES / "2.8.json")
    draft.stage = Stage.PRE
    return DraftSession(book, draft)


def formal(book: RuleBook) -> DraftSession:
    session = pre_application(book)
    move_to_formal(session, today=DAY)
    return session


def promise_findings(session: DraftSession) -> list[Finding]:
    return [finding for finding in session.findings if finding.rule in RULES]


def brief(session: DraftSession) -> list[tuple[str, str, Severity]]:
    return [(f.rule, f.field, f.severity) for f in promise_findings(session)]


# -- the indicator's key (migration 7) -------------------------------------------------------


def test_a_new_indicator_gets_its_own_random_key() -> None:
    keys = {Indicator().key for _ in range(200)}
    assert len(keys) == 200
    assert all(len(key) == 8 for key in keys)


def test_two_indicators_with_one_key_are_refused() -> None:
    with pytest.raises(ValidationError, match="share one key"):
        FormParts(indicators=[Indicator(key="abcd1234"), Indicator(key="abcd1234")])


def test_migration_7_keys_old_indicators_from_their_place_and_words() -> None:
    old = {"form": {"indicators": [{"text": "发表论文5篇"}, {"text": "发表论文5篇"}, {}]}}
    new = _indicator_keys(json.loads(json.dumps(old)))
    keys = [item["key"] for item in new["form"]["indicators"]]
    assert len(set(keys)) == 3  # the same words in two places: two keys
    assert _indicator_keys(json.loads(json.dumps(old))) == new  # the same file, the same keys
    assert [item.get("text") for item in new["form"]["indicators"]] == ["发表论文5篇"] * 2 + [None]
    assert old["form"]["indicators"][0] == {"text": "发表论文5篇"}  # the input is not changed


def test_migration_7_keeps_keys_and_leaves_other_shapes_alone() -> None:
    kept = {"form": {"indicators": [{"key": "aaaa1111", "text": "x"}, {"text": "y"}]}}
    new = _indicator_keys(kept)
    assert new["form"]["indicators"][0]["key"] == "aaaa1111"
    assert new["form"]["indicators"][1]["key"] != "aaaa1111"
    assert _indicator_keys({"form": {"indicators": "text"}}) == {"form": {"indicators": "text"}}
    assert _indicator_keys({}) == {}


def test_a_version_7_draft_opens_with_keys_and_no_record() -> None:
    saved = {
        "schema_version": 7,
        "stage": "pre_application",
        "form": {"indicators": [{"text": "发表论文5篇", "quantity": "5", "unit": "篇"}]},
    }
    raw = json.dumps(saved, ensure_ascii=False).encode("utf-8")
    draft = decode_draft(raw)
    assert draft.schema_version == SCHEMA_VERSION == 8
    assert draft.promised is None and draft.stage is Stage.PRE
    assert draft.form.indicators[0].key == decode_draft(raw).form.indicators[0].key
    assert draft.form.indicators[0].quantity == Decimal(5)


def test_a_new_row_in_the_session_has_a_key(book: RuleBook) -> None:
    session = DraftSession(book)
    first, second = session.add_item("form.indicators"), session.add_item("form.indicators")
    keys = [item.key for item in session.items("form.indicators")]
    assert (first, second) == (0, 1) and len(set(keys)) == 2


# -- the record ------------------------------------------------------------------------------


def test_the_snapshot_holds_what_was_promised() -> None:
    draft = read_draft(EXAMPLES / "2.8.json")
    record = snapshot(draft, DAY)
    assert record.frozen_on == DAY and record.direction == "2.8"
    assert [item.key for item in record.indicators] == [i.key for i in draft.form.indicators]
    assert record.indicators[2].quantity == Decimal(30) and record.indicators[2].unit == "个"
    assert record.text("form.objectives_and_content") == draft.form.objectives_and_content
    assert record.lead_unit is not None and record.lead_unit.name == "临港海洋与极地研究院"
    assert record.lead_unit.central_funds_wan == Decimal(670)
    assert [unit.name for unit in record.participating_units] == ["沧澜科技大学"]
    assert record.leader is not None and record.leader.name == "贾若溪"
    assert record.leader.unit == "临港海洋与极地研究院"
    assert record.central_funds_wan == Decimal(1150) and record.self_raised_wan == Decimal(200)
    assert record.total_wan == Decimal(1350)
    assert record.intact and len(record.sha256) == 64
    with pytest.raises(ValidationError):
        setattr(record, "direction", "1.1")  # noqa: B010 - frozen, as mypy knows


def test_the_research_texts_are_declared_by_their_paths() -> None:
    assert "form.objectives_and_content" in PROMISED_TEXT_PATHS
    assert all(is_text_path(path) for path in PROMISED_TEXT_PATHS)


# -- moving to the formal application -------------------------------------------------------


def test_moving_freezes_the_record_and_keeps_everything_else(book: RuleBook) -> None:
    session = pre_application(book)
    before = session.draft.model_dump()
    assert can_move_to_formal(session)
    record = move_to_formal(session, today=DAY)
    assert session.draft.stage is Stage.FORMAL and session.draft.promised == record
    assert session.dirty and not can_move_to_formal(session)
    after = session.draft.model_dump()
    del after["promised"], before["promised"]
    before["stage"] = after["stage"]
    assert after == before  # nothing retyped, nothing lost
    assert promise_findings(session) == []  # the formal one says what the pre one said


def test_moving_is_refused_at_the_formal_stage_or_twice(book: RuleBook) -> None:
    session = DraftSession(book, read_draft(EXAMPLES / "2.8.json"))
    with pytest.raises(MoveRefusedError, match="only a pre-application") as refused:
        move_to_formal(session)
    assert "只有预申报阶段" in refused.value.zh
    assert session.draft.promised is None and not session.dirty
    moved = formal(book)
    moved.draft.stage = Stage.PRE  # by hand: a record is never replaced
    with pytest.raises(MoveRefusedError, match="already holds"):
        move_to_formal(moved)


def test_moving_a_read_only_draft_is_refused(book: RuleBook) -> None:
    session = pre_application(book)
    session.files.read_only = True
    with pytest.raises(MoveRefusedError, match="read-only"):
        move_to_formal(session)
    assert session.draft.stage is Stage.PRE


def test_a_draft_reopened_from_disk_keeps_its_record(book: RuleBook, tmp_path: Path) -> None:
    session = formal(book)
    path = tmp_path / "formal.json"
    save_draft(session.draft, path)
    reopened = read_draft(path)
    assert reopened.promised == session.draft.promised and reopened.promised is not None
    assert reopened.promised.intact and reopened.stage is Stage.FORMAL
    assert encode_draft(reopened) == path.read_bytes()


def test_a_record_changed_by_hand_is_an_error(book: RuleBook, tmp_path: Path) -> None:
    session = formal(book)
    path = tmp_path / "formal.json"
    save_draft(session.draft, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["promised"]["indicators"][2]["quantity"] = "3"  # lowered in the record, not the form
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reopened = DraftSession(book, read_draft(path))
    assert brief(reopened) == [("general.promise-record-intact", "promised", Severity.ERROR)]
    finding = promise_findings(reopened)[0]
    assert finding.message_en.startswith("the pre-application record was changed by hand")
    assert "预申报书的冻结记录被手工改动过" in finding.message


# -- the rules ------------------------------------------------------------------------------


def test_a_lowered_indicator_is_an_error_at_its_cell_citing_the_instruction(
    book: RuleBook,
) -> None:
    session = formal(book)
    session.set_value("form.indicators.2.quantity", Decimal(3))
    assert brief(session) == [
        ("general.promise-indicators", "form.indicators.2.quantity", Severity.ERROR)
    ]
    finding = promise_findings(session)[0]
    assert INSTRUCTION in finding.citation
    assert "预申报 30个，现为 3个" in finding.message
    session.set_value("form.indicators.2.quantity", Decimal(30))
    assert brief(session) == []
    session.set_value("form.indicators.2.quantity", None)  # no count is not the count promised
    assert brief(session)[0][1] == "form.indicators.2.quantity"
    session.set_value("form.indicators.2.quantity", Decimal(31))  # more is allowed
    assert brief(session) == []


def test_a_reworded_and_moved_indicator_still_matches(book: RuleBook) -> None:
    session = formal(book)
    session.set_value("form.indicators.2.text", "布放表层漂流浮标20个、剖面浮标10个（细化）")
    assert session.move_item("form.indicators", 2, -1) == 1
    session.add_item("form.indicators")
    assert brief(session) == []
    session.set_value("form.indicators.1.quantity", Decimal(29))
    assert brief(session) == [
        ("general.promise-indicators", "form.indicators.1.quantity", Severity.ERROR)
    ]


def test_a_removed_indicator_is_an_error_on_the_list(book: RuleBook) -> None:
    session = formal(book)
    session.remove_item("form.indicators", 0)
    assert brief(session) == [("general.promise-indicators", "form.indicators", Severity.ERROR)]
    assert "建立南大洋" in promise_findings(session)[0].message


def test_the_leader_and_the_lead_unit_are_kept(book: RuleBook) -> None:
    session = formal(book)
    session.set_value("team.0.name", "王五")
    session.set_value("chinese_units.0.name", "另一研究院")
    found = brief(session)
    assert ("general.promise-leader-lead-unit", "team.0.name", Severity.ERROR) in found
    assert ("general.promise-leader-lead-unit", "chinese_units.0.name", Severity.ERROR) in found
    leader = next(f for f in promise_findings(session) if f.field == "team.0.name")
    assert (
        "§" not in leader.citation and "项目负责人、项目牵头申报单位不允许修改" in leader.citation
    )


def test_a_participating_unit_added_or_removed_is_a_warning(book: RuleBook) -> None:
    session = formal(book)
    session.remove_item("chinese_units", 1)
    session.set_value("chinese_units.0.central_funds_wan", Decimal(1150))  # funds kept
    assert brief(session) == [("general.promise-units", "chinese_units", Severity.WARNING)]
    added = session.add_item("chinese_units")
    session.set_value(f"chinese_units.{added}.name", "新增大学")
    assert sorted(brief(session)) == [
        ("general.promise-units", "chinese_units", Severity.WARNING),
        ("general.promise-units", "chinese_units.1.name", Severity.WARNING),
    ]


def test_the_central_funds_moved_too_far_or_above_the_promise_are_warnings(
    book: RuleBook,
) -> None:
    session = formal(book)  # promised 670 + 480 = 1150
    session.set_value("chinese_units.1.central_funds_wan", Decimal(530))  # 1200: +4.3%
    assert brief(session) == [
        ("general.promise-central-funds-above", "chinese_units", Severity.WARNING)
    ]
    session.set_value("chinese_units.1.central_funds_wan", Decimal(600))  # 1270: +10.4%
    assert sorted(f[0] for f in brief(session)) == [
        "general.promise-central-funds-above",
        "general.promise-central-funds-share",
    ]
    session.set_value("chinese_units.1.central_funds_wan", Decimal(360))  # 1030: -10.4%
    assert brief(session) == [
        ("general.promise-central-funds-share", "chinese_units", Severity.WARNING)
    ]
    assert "10.4%" in promise_findings(session)[0].message


def test_no_rule_fires_without_a_pre_application(book: RuleBook) -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        session = DraftSession(book, read_draft(path))
        session.set_value("form.indicators.0.quantity", Decimal(0))
        assert promise_findings(session) == [], path.name


# -- the rules as data ------------------------------------------------------------------------


@pytest.mark.parametrize("pack", ["most-igsti-2023-batch1", "most-igsti-2026-batch1"])
def test_both_packs_hold_the_rules_with_their_sources(pack: str) -> None:
    path = guide_path(pack)
    data = load_yaml(path.read_text(encoding="utf-8"), origin=str(path))
    rules = {rule["id"]: rule for rule in data["general_rules"] if rule["id"] in RULES}
    assert sorted(rules) == sorted(RULES)
    assert (
        "m.777doc.com/doc-1349354.html" in rules["general.promise-indicators"]["params"]["source"]
    )
    assert "idachang.com" in rules["general.promise-leader-lead-unit"]["params"]["source"]
    assert "sj61.cn/cn1976.html" in rules["general.promise-central-funds-above"]["params"]["source"]
    share = rules["general.promise-central-funds-share"]["params"]
    assert share["max_share"] == 0.1 and "not from a source" in share["share_source"]
    severities = {key: rule.get("severity") for key, rule in rules.items()}
    assert severities == {
        "general.promise-record-intact": "error",
        "general.promise-indicators": "error",
        "general.promise-leader-lead-unit": "error",
        "general.promise-units": "warning",
        "general.promise-central-funds-share": "warning",
        "general.promise-central-funds-above": "warning",
    }


def test_the_share_is_the_packs_to_set() -> None:
    assert ShareParams(source="s", cite_zh="z", cite_en="e").max_share == Decimal("0.1")
    data: dict[str, Any] = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide")
    for rule in data["general_rules"]:
        if rule["id"] == "general.promise-central-funds-share":
            rule["params"]["max_share"] = 0.5
    book = compile_guide_data(data, origin="test pack")
    session = formal(book)
    session.set_value("chinese_units.1.central_funds_wan", Decimal(360))  # -10.4%: within 50%
    assert brief(session) == []


def test_an_unsealed_record_is_never_trusted() -> None:
    record = snapshot(read_draft(EXAMPLES / "2.8.json"), DAY)
    forged = record.model_copy(update={"central_funds_wan": Decimal(9999)})
    assert not forged.intact and record.intact
    draft = Draft.model_validate({**Draft().model_dump(), "promised": forged.model_dump()})
    assert draft.promised is not None and not draft.promised.intact
