"""The address book's entries as plain data: labels, findings, values a draft row can hold."""

from __future__ import annotations

import datetime as dt

import pytest

from applywizard.domain.address_book import (
    FIELDS,
    KINDS,
    Conflict,
    as_row_writes_it,
    entry_findings,
    field_label,
)
from applywizard.domain.draft.paths import LABELS

TODAY = dt.date(2026, 12, 6)


def test_every_field_has_the_draft_forms_label() -> None:
    rows = {"unit": "chinese_units.*", "partner": "foreign_partners.*", "person": "team.*"}
    for kind in KINDS:
        for field in FIELDS[kind]:
            assert f"{rows[kind]}.{field}" in LABELS, (kind, field)
            assert field_label(kind, field) == LABELS[f"{rows[kind]}.{field}"]
    assert field_label("unit", "registered_on") == ("注册日期", "registration date")
    assert field_label("person", "birth_date") == ("出生日期", "date of birth")
    assert field_label("unit", "no_such_field") == ("no_such_field", "no_such_field")


@pytest.mark.parametrize(
    ("kind", "entry", "zh", "en"),
    [
        (
            "person",
            {"name": "张三", "birth_date": "1990-13-01"},
            "“张三”的出生日期不是日期（应为 YYYY-MM-DD）：1990-13-01",
            "The date of birth of “张三” is not a date (YYYY-MM-DD): 1990-13-01",
        ),
        (
            "unit",
            {"name": "某大学", "registered_on": "2999-01-01"},
            "“某大学”的注册日期不可能：2999-01-01",
            "The registration date of “某大学” is impossible: 2999-01-01",
        ),
        (
            "partner",
            {"name": "Lab", "registered_on": "1700-01-01"},
            "“Lab”的注册日期不可能：1700-01-01",
            "The registration date of “Lab” is impossible: 1700-01-01",
        ),
    ],
)
def test_findings_name_fields_by_their_labels(
    kind: str, entry: dict[str, str], zh: str, en: str
) -> None:
    [finding] = entry_findings(kind, entry, TODAY)  # type: ignore[arg-type]
    assert (finding.zh, finding.en) == (zh, en)
    assert "registered_on" not in zh + en and "birth_date" not in zh + en


def test_conflicts_name_fields_by_their_labels() -> None:
    conflict = Conflict("partner", "name:x", "name_zh", "甲", "乙", "b.json")
    assert "单位名称（中文）在通讯录中为“甲”" in conflict.message(english=False)
    assert "name in Chinese is “甲”" in conflict.message(english=True)


def test_values_are_written_as_a_draft_row_writes_them() -> None:
    entry, problems = as_row_writes_it(
        "unit",
        {"name": " 重庆大学 ", "type": "university", "state_organ": "no", "credit_code": "x1"},
    )
    assert not problems
    assert entry["name"] == "重庆大学" and entry["state_organ"] == "false"
    assert entry["credit_code"] == "X1"  # judged by entry_findings, not here
    entry, problems = as_row_writes_it("partner", {"name": "Lab", "country": "fr"})
    assert not problems and entry["country"] == "FR"


def test_values_a_draft_row_cannot_hold_are_named() -> None:
    _, problems = as_row_writes_it("unit", {"name": "某大学", "type": "大学"})
    [problem] = problems
    assert problem.field == "type"
    assert problem.zh.startswith("单位类型不能为“大学”")
    assert "university" in problem.en
    _, problems = as_row_writes_it("person", {"name": "A\x00B", "degree": "phd"})
    assert {p.field for p in problems} == {"name", "degree"}
    assert "U+0000" in problems[0].zh and "\x00" not in problems[0].zh
    # dates and identifiers are left to entry_findings (and --force)
    _, problems = as_row_writes_it("person", {"name": "甲", "birth_date": "not a date"})
    assert problems == []
