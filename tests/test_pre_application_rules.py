"""Rules by stage, and the pre-application's length (issue 15, part B).

A rule in a pack may say at which stages it runs (``stages:``, both by
default); the formal-only ones stay silent at the pre-application. The
pre-application's texts together are held against the pack's target
(“3000字左右”) times its warning share. Expected counts are worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_files import compile_guide_data, load_yaml
from applywizard.adapters.guide_packs import bundled_packs_folder, load_pack
from applywizard.domain.draft.model import Draft, Stage
from applywizard.domain.draft.project import Indicator
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.checks.lengths import part_texts, text_total, warning_limit
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import guide_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

FORMAL_ONLY = {
    "general.summary-length",
    "general.form-status",
    "general.form-schedule",
    "general.form-organisation",
    "general.form-task-division",
    "general.budget-years",
    "general.budget-income",
    "general.budget-year-dates",
    "general.budget-balance",
    "general.indirect-cost-cap",
    "general.direction-budget",
    "general.project-budget-cap",
}
"""The general rules both shipped packs mark formal-only."""


def shipped_packs() -> list[RuleBook]:
    packs = [load_pack(folder) for folder in sorted(bundled_packs_folder().iterdir())]
    return [pack.book for pack in packs if pack.book is not None]


def pack(**changes: Any) -> RuleBook:
    data = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide.yaml")
    data.update(changes)
    return compile_guide_data(data, origin="test pack")


def at(stage: Stage, draft: Draft) -> Draft:
    return draft.model_copy(update={"stage": stage})


def test_each_shipped_pack_marks_the_formal_only_rules() -> None:
    for book in shipped_packs():
        staged = {rule.id: rule.stages for rule in book.guide.all_rules()}
        for rule_id in FORMAL_ONLY:
            assert staged[rule_id] == (Stage.FORMAL,), (book.guide.id, rule_id)
        assert staged["general.pre-application-length"] == (Stage.PRE,)
        assert staged["general.form-objectives"] == (Stage.PRE, Stage.FORMAL)
        assert staged["general.team-leader"] == (Stage.PRE, Stage.FORMAL)


def test_the_2023_pack_marks_its_directions_formal_only_rules(book: RuleBook) -> None:
    staged = {rule.id: rule.stages for rule in book.guide.all_rules()}
    for rule_id in ("1.4/5/budget-within-horizon", "1.5/5/budget-within-horizon"):
        assert staged[rule_id] == (Stage.FORMAL,)
    assert staged["2.8/4/two-fields"] == (Stage.FORMAL,)  # the team beyond its leader


def test_an_empty_draft_at_pre_has_no_formal_only_finding(book: RuleBook) -> None:
    empty = Draft(direction="2.8")
    formal = {finding.rule for finding in book.evaluate(at(Stage.FORMAL, empty))}
    pre = {finding.rule for finding in book.evaluate(at(Stage.PRE, empty))}
    assert {"general.form-status", "general.budget-years", "2.8/4/two-fields"} <= formal
    assert not pre & (FORMAL_ONLY | {"2.8/4/two-fields"})
    # what the pre-application asks is still asked
    assert {"general.form-objectives", "general.form-indicators", "general.team"} <= pre
    assert {"general.chinese-units", "general.form-basis"} <= pre


def test_a_stage_list_in_the_pack_decides(book: RuleBook) -> None:
    data = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide.yaml")
    for rule in data["general_rules"]:
        if rule["id"] == "general.form-objectives":
            rule["stages"] = ["formal"]
    changed = compile_guide_data(data, origin="test pack")
    empty = Draft(direction="1.1", stage=Stage.PRE)
    assert "general.form-objectives" in {f.rule for f in book.evaluate(empty)}
    assert "general.form-objectives" not in {f.rule for f in changed.evaluate(empty)}


@pytest.mark.parametrize("stages", [[], ["draft"], "formal"])
def test_a_bad_stage_list_is_refused_by_the_pack(stages: object) -> None:
    data = load_yaml(guide_path().read_text(encoding="utf-8"), origin="guide.yaml")
    data["general_rules"][0]["stages"] = stages
    with pytest.raises(ValueError, match="stages"):
        compile_guide_data(data, origin="test pack")


# -- the pre-application's length --------------------------------------------------------------


def test_the_texts_counted_and_their_total_by_hand() -> None:
    draft = Draft(stage=Stage.PRE)
    draft.form.objectives_and_content = "研究目标ABC"  # 4 + 3 = 7
    draft.form.indicators = [Indicator(text="论文5篇"), Indicator(text=" SCI 2 篇 ")]  # 4 + 7
    draft.form.innovation_and_route = "创新，路线。\n第二行"  # 6 + 3 (the line break not)
    draft.form.research_basis = ""
    draft.form.status_and_trends = "不计入预申报书"  # not a pre-application part
    parts = (
        "form.objectives_and_content",
        "form.indicators",
        "form.innovation_and_route",
        "form.research_basis",
    )
    texts = ["研究目标ABC", "论文5篇", " SCI 2 篇 ", "创新，路线。\n第二行", ""]
    assert part_texts(draft, parts) == texts
    assert text_total(part_texts(draft, parts)) == 7 + 4 + 7 + 9


def _long(book: RuleBook, characters: int, stage: Stage = Stage.PRE) -> Draft:
    draft = read_draft(EXAMPLES / "2.8.json").model_copy(update={"stage": stage}, deep=True)
    draft.form.objectives_and_content = "研" * (characters - 1)
    draft.form.indicators = [Indicator(text="X")]
    draft.form.innovation_and_route = ""
    draft.form.research_basis = ""
    return draft


def _length(book: RuleBook, draft: Draft) -> list[Any]:
    return [f for f in book.evaluate(draft) if f.rule == "general.pre-application-length"]


def test_the_shipped_target_and_share(book: RuleBook) -> None:
    assert book.guide.pre_application_text_target == 3000
    assert book.guide.pre_application_text_over_share == Decimal("1.1")
    assert warning_limit(book.guide) == 3300


def test_at_the_warning_line_no_finding_one_over_a_warning(book: RuleBook) -> None:
    assert _length(book, _long(book, 3300)) == []
    (finding,) = _length(book, _long(book, 3301))
    assert finding.severity is Severity.WARNING
    assert finding.field == "form.objectives_and_content"
    assert "3301" in finding.message and "3000字左右" in finding.message
    assert "3300" in finding.message
    assert "3000字左右的项目预申报书" in finding.citation
    assert "2021-11-05" in finding.citation
    assert "3,000" in finding.citation_en


def test_the_length_is_not_judged_at_the_formal_stage(book: RuleBook) -> None:
    assert _length(book, _long(book, 5000, Stage.FORMAL)) == []


def test_a_pack_sets_its_own_target_and_share() -> None:
    changed = pack(pre_application_text_target=2000, pre_application_text_over_share="1.25")
    assert warning_limit(changed.guide) == 2500
    assert _length(changed, _long(changed, 2500)) == []
    assert len(_length(changed, _long(changed, 2501))) == 1


@pytest.mark.parametrize("share", ["0.9", "11", "nan"])
def test_a_share_below_one_or_absurd_is_refused(share: str) -> None:
    with pytest.raises(ValueError, match="pre_application_text_over_share"):
        pack(pre_application_text_over_share=share)
