"""What changed between two drafts, by path and in words: real examples, changes made by hand.

Every expected line below is written out by hand, not produced by the code under test.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.differences import Change, Words, compare
from applywizard.domain.draft.model import Draft, ForeignPartner, Role, UnitType
from applywizard.domain.guide.model import Guide

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example(code: str) -> Draft:
    return read_draft(EXAMPLES / f"{code}.json")


@pytest.fixture(scope="module")
def countries(guide: Guide) -> dict[str, dict[str, Words]]:
    return {
        "foreign_partners.*.country": {c.code: (c.zh, c.en) for c in guide.countries},
    }


def lines(before: Draft, after: Draft, **options: Any) -> list[tuple[str, str, str]]:
    return [(d.path, d.zh, d.en) for d in compare(before, after, **options)]


def test_the_same_draft_has_no_differences() -> None:
    assert compare(example("1.4"), example("1.4")) == []


def test_a_partner_country_changed_reads_by_its_names(
    countries: dict[str, dict[str, Words]],
) -> None:
    before = example("1.4")
    after = before.model_copy(deep=True)
    after.foreign_partners[1].country = "FR"
    assert lines(before, after, values=countries) == [
        (
            "foreign_partners.1.country",
            "外方合作单位 2：国别：德国 → 法国",
            "Foreign partner 2: country: Germany → France",
        )
    ]
    assert lines(before, after) == [  # no names given: the codes
        (
            "foreign_partners.1.country",
            "外方合作单位 2：国别：DE → FR",
            "Foreign partner 2: country: DE → FR",
        )
    ]


def test_a_team_member_removed_is_one_line_not_a_change_in_each_after_it() -> None:
    before = example("1.1")
    after = before.model_copy(deep=True)
    del after.team[1]
    assert lines(before, after) == [
        ("team.1", "团队成员 2：删除（刘思琪）", "Team member 2: removed (刘思琪)")
    ]


def test_a_partner_added_is_named() -> None:
    before = example("2.5")
    after = before.model_copy(deep=True)
    after.foreign_partners.append(
        ForeignPartner(name="Nanyang Water Institute", country="SG", role=Role.PARTICIPANT)
    )
    assert lines(before, after) == [
        (
            "foreign_partners.2",
            "外方合作单位 3：新增（Nanyang Water Institute）",
            "Foreign partner 3: added (Nanyang Water Institute)",
        )
    ]


def test_a_removal_and_a_change_further_down_are_told_apart(
    countries: dict[str, dict[str, Words]],
) -> None:
    """The first partner removed, the (then second) Danish partner now French."""
    before = example("1.4")
    after = before.model_copy(deep=True)
    del after.foreign_partners[0]
    after.foreign_partners[1].country = "FR"
    assert lines(before, after, values=countries) == [
        (
            "foreign_partners.0",
            "外方合作单位 1：删除（Stichting Kennisinstituut Mest en Emissies）",
            "Foreign partner 1: removed (Stichting Kennisinstituut Mest en Emissies)",
        ),
        (
            "foreign_partners.1.country",
            "外方合作单位 2：国别：丹麦 → 法国",
            "Foreign partner 2: country: Denmark → France",
        ),
    ]


def test_long_text_is_summarised_where_it_changed() -> None:
    before = example("1.1")
    after = before.model_copy(deep=True)
    after.form.research_basis += "另有一台新设备。"
    assert lines(before, after) == [
        (
            "form.research_basis",
            "三、申报单位及参与单位研究基础：“…生9人次，合作基础扎实。”（共 409 字） → "
            "“…生9人次，合作基础扎实。另有一台新设备。”（共 417 字）",
            "3. Research basis of the units: “…生9人次，合作基础扎实。” (409 characters) → "
            "“…生9人次，合作基础扎实。另有一台新设备。” (417 characters)",
        )
    ]


def test_an_amount_an_enumeration_a_date_and_a_declaration() -> None:
    before = example("1.1")
    after = before.model_copy(deep=True)
    after.budget.years[0].central.business = Decimal("60.00")
    after.chinese_units[1].type = UnitType.RESEARCH_INSTITUTE
    assert after.project.end_date is not None
    after.project.end_date = after.project.end_date.replace(year=2027)
    after.declarations["partner_capability"] = False
    assert lines(before, after) == [
        (
            "project.end_date",
            "项目结束日期：2026-12-31 → 2027-12-31",
            "End date: 2026-12-31 → 2027-12-31",
        ),
        (
            "chinese_units.1.type",
            "中方单位 2：单位类型：企业 → 科研院所",
            "Chinese unit 2: type: enterprise → research institute",
        ),
        (
            "budget.years.0.central.business",
            "年度预算 1：中央财政资金：业务费：58.32 → 60.00",
            "Budget year 1: central funds: business: 58.32 → 60.00",
        ),
        (
            "declarations.partner_capability",
            "申报承诺“partner_capability”：是 → 否",
            "Declarations “partner_capability”: yes → no",
        ),
    ]
    named = compare(
        before, after, names={"declarations.partner_capability": ("外方能力承诺", "Partner")}
    )
    assert named[-1].zh == "外方能力承诺：是 → 否"


def test_an_emptied_field_and_kinds_of_change() -> None:
    before = example("1.1")
    after = before.model_copy(deep=True)
    after.joint_lab.founded_on = None
    (difference,) = compare(before, after)
    assert difference.change is Change.CHANGED
    assert difference.zh == "联合实验室建立日期：2019-06-18 → （空）"
    assert difference.en == "Joint lab founding date: 2019-06-18 → (empty)"


@pytest.mark.parametrize(
    ("first", "second"), list(pairwise(sorted(p.stem for p in EXAMPLES.glob("*.json"))))
)
def test_every_example_against_the_next_is_told_in_labels_not_field_names(
    first: str, second: str
) -> None:
    differences = compare(example(first), example(second))
    assert differences
    for difference in differences:
        label_zh, label_en = difference.label
        assert "_" not in re.sub("“[^”]*”", "", label_zh), difference.path  # a quoted id may
        assert not any(part in label_en for part in ("_wan", "budget.", "years.")), difference.path
        assert difference.zh.startswith(label_zh) and difference.en.startswith(label_en)
    assert len({d.path for d in differences}) == len(differences)
