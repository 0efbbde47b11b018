"""Drafts to and from bytes: round trips, and every kind of bad input refused clearly."""

from __future__ import annotations

import codecs
import json
from typing import Any

import pytest

from applywizard.domain.draft.codec import (
    MAX_DRAFT_BYTES,
    DraftDecodeError,
    decode_draft,
    encode_draft,
)
from applywizard.domain.draft.model import SCHEMA_VERSION, Draft
from tests.drafts import small_draft


def _bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode("utf-8")  # escapes, so lone surrogates stay encodable


def _refusal(raw: bytes) -> DraftDecodeError:
    with pytest.raises(DraftDecodeError) as caught:
        decode_draft(raw)
    error = caught.value
    assert error.zh and error.en
    return error


def _with(**changes: Any) -> bytes:
    data = json.loads(encode_draft(small_draft()))
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return _bytes(data)


def test_an_empty_draft_round_trips() -> None:
    assert decode_draft(encode_draft(Draft())) == Draft()


def test_a_partial_draft_round_trips_byte_for_byte() -> None:
    raw = encode_draft(small_draft())
    assert decode_draft(raw) == small_draft()
    assert encode_draft(decode_draft(raw)) == raw


def test_encoding_is_canonical_and_keeps_chinese_readable() -> None:
    raw = encode_draft(small_draft())
    assert raw.endswith(b"\n")
    assert "城市水环境智能监测".encode() in raw
    assert list(json.loads(raw)) == sorted(json.loads(raw))


@pytest.mark.parametrize(
    "text",
    [
        "𠀀𠀁 CJK Extension B",
        "emoji 🔬🧪",
        "< > & \" ' {{ x }} {% if %}",
        "=SUM(A1:A9)",
        "  padded  ",
    ],
)
def test_unusual_but_legal_text_survives_unchanged(text: str) -> None:
    draft = decode_draft(_with(project__title_en=text))
    assert draft.project.title_en == text.strip()
    assert decode_draft(encode_draft(draft)) == draft


def test_money_keeps_decimal_precision() -> None:
    draft = decode_draft(_with(budget__income_central_wan="0.3"))
    assert str(draft.budget.income_central_wan) == "0.3"
    assert '"0.3"' in encode_draft(draft).decode()


def test_a_utf8_bom_is_accepted() -> None:
    assert decode_draft(codecs.BOM_UTF8 + encode_draft(small_draft())) == small_draft()


def test_a_draft_truncated_at_any_byte_is_refused_clearly() -> None:
    raw = encode_draft(small_draft())
    for end in range(len(raw) - 2):  # the last bytes are "}\n": dropping "\n" is harmless
        error = _refusal(raw[:end])
        assert any(word in error.en for word in ("JSON", "empty", "UTF-8")), (end, error)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("{}".encode("utf-16"), "UTF-16"),
        ('{"schema_version": 1}'.encode("utf-16-le"), "UTF-16"),
        ('{"schema_version": 1}'.encode("utf-32"), "UTF-32"),
        (b'{"schema_version": 1, "guide_id": "\xff\xfe"}', "UTF-8"),
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"[1, 2]", "not an ApplyWizard draft"),
        (b'{"project": {}}', "not an ApplyWizard draft"),
        (b"<xml/>", "not valid JSON"),
        (b'{"schema_version": 1, "schema_version": 1}', "appears twice"),
        (b'{"schema_version": 1, "budget": {"income_central_wan": NaN}}', "NaN"),
        (b'{"schema_version": 1, "budget": {"income_central_wan": Infinity}}', "Infinity"),
        (b'{"schema_version": 1, "budget": {"income_central_wan": -Infinity}}', "Infinity"),
        (b'{"schema_version": %d}' % (SCHEMA_VERSION + 1), "newer ApplyWizard"),
        (b'{"schema_version": 99}', "newer ApplyWizard"),
        (b'{"schema_version": 0}', "invalid schema_version"),
        (b'{"schema_version": "1"}', "invalid schema_version"),
        (b'{"schema_version": true}', "invalid schema_version"),
        (b"[" * 100_000 + b"]" * 100_000, "not an ApplyWizard draft|nested too deeply"),
    ],
)
def test_unreadable_bytes_are_refused_with_a_reason(raw: bytes, expected: str) -> None:
    error = _refusal(raw)
    assert any(option in error.en for option in expected.split("|")), error.en


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unexpected": 1}, "unexpected"),
        ({"project__unexpected": 1}, "project.unexpected"),
        ({"project__duration_months": "24"}, "project.duration_months"),
        ({"project__duration_months": 24.0}, "project.duration_months"),
        ({"project__duration_months": 0}, "project.duration_months"),
        ({"project__title_zh": 5}, "project.title_zh"),
        ({"project__title_zh": None}, "project.title_zh"),
        ({"project__start_date": "2024-02-30"}, "project.start_date"),
        ({"project__start_date": "0001-01-01"}, "project.start_date"),
        ({"project__start_date": "9999-12-31"}, "project.start_date"),
        ({"project__start_date": "20240101"}, "project.start_date"),
        ({"chinese_units__0__central_funds_wan": -1}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__central_funds_wan": "-0.01"}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__central_funds_wan": "NaN"}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__central_funds_wan": "Infinity"}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__central_funds_wan": 1e30}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__central_funds_wan": 0.1 + 0.2}, "chinese_units.0.central_funds_wan"),
        ({"chinese_units__0__type": "company"}, "chinese_units.0.type"),
        ({"foreign_partners__0__country": "Italy"}, "foreign_partners.0.country"),
        ({"foreign_partners__0__independent_legal_entity": "yes"}, "foreign_partners.0"),
        ({"project__title_zh": "a\u0000b"}, "project.title_zh"),
        ({"project__title_zh": "a\u0007b"}, "project.title_zh"),
        ({"project__title_zh": "line\nbreak"}, "project.title_zh"),
        ({"project__title_zh": "\ud800"}, "project.title_zh"),
        ({"project__title_zh": "evil\u202etxt.exe"}, "project.title_zh"),
        ({"project__title_zh": "\uffff"}, "project.title_zh"),
        ({"project__title_zh": "长" * 501}, "project.title_zh"),
        ({"form__schedule": "x" * 60_001}, "form.schedule"),
        ({"declarations": {"Not An Id": True}}, "declarations"),
        ({"attachments": [{"kind": "other", "file_name": "../secret.pdf"}]}, "attachments.0"),
        ({"attachments": [{"kind": "other", "file_name": "C:\\x.pdf"}]}, "attachments.0"),
        (
            {"attachments": [{"kind": "other", "file_name": "\\\\host\\share\\x.pdf"}]},
            "attachments.0",
        ),
        ({"attachments": [{"kind": "other", "file_name": "/etc/passwd"}]}, "attachments.0"),
        ({"attachments": [{"kind": "other", "sha256": "XYZ"}]}, "attachments.0.sha256"),
        ({"team": [{}] * 501}, "team"),
    ],
)
def test_content_the_model_refuses_names_the_field(changes: dict[str, Any], field: str) -> None:
    error = _refusal(_with(**changes))
    assert field in error.en and field in error.zh


def test_multi_line_text_keeps_line_breaks_and_normalises_carriage_returns() -> None:
    draft = decode_draft(_with(form__schedule="第一年：调研\r\n第二年：示范\r第三年"))
    assert draft.form.schedule == "第一年：调研\n第二年：示范\n第三年"


def test_a_ten_megabyte_string_is_refused_before_parsing() -> None:
    raw = _with(project__title_en="x" * (10 * 1024 * 1024))
    assert len(raw) > MAX_DRAFT_BYTES
    assert "too large" in _refusal(raw).en


def test_the_current_schema_version_is_written() -> None:
    assert json.loads(encode_draft(Draft()))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("amount", "accepted"),
    [
        ("2000000000", True),
        ("999999999999999.99", True),
        ("1000000000000000.01", False),
        ("-1", False),
    ],
)
def test_a_partners_own_budget_takes_amounts_in_any_currency(amount: str, accepted: bool) -> None:
    raw = _with(
        foreign_partners__0__budget_amount=amount, foreign_partners__0__budget_currency="KRW"
    )
    if accepted:
        assert str(decode_draft(raw).foreign_partners[0].budget_amount) == amount
    else:
        assert "foreign_partners.0.budget_amount" in _refusal(raw).en
