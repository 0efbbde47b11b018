"""The second real pack, “2026 batch 1 eligibility”: its notice's rules, incomplete directions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_packs import catalogue, load_pack
from applywizard.cli.main import main
from applywizard.domain.draft.model import Degree, Draft, Region, Role, TeamRole, TitleLevel
from applywizard.domain.guide.edition import Edition
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from applywizard.resources import data_folder

PACK = data_folder("resources") / "guides" / "most-igsti-2026-batch1"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CITE = "2026年第一批申报通知 申报条件"


@pytest.fixture(scope="module")
def book() -> RuleBook:
    pack = load_pack(PACK)
    assert pack.book is not None, pack.problem
    return pack.book


def eligible(book: RuleBook) -> Draft:
    """The 2023 China–Spain example as a 2026 application to 1.1 (Spain), all declarations yes."""
    draft = read_draft(EXAMPLES / "1.3.json").model_copy(
        update={"guide_id": book.guide.id, "guide_hash": book.content_hash, "direction": "1.1"}
    )
    draft.declarations = {declaration.id: True for declaration in book.guide.declarations}
    return draft


def notice_findings(book: RuleBook, draft: Draft) -> list[Finding]:
    return [finding for finding in book.evaluate(draft) if finding.notice is not None]


def leader(draft: Draft) -> int:
    return next(i for i, member in enumerate(draft.team) if member.role is TeamRole.LEADER)


def test_the_pack_is_the_published_notice_with_its_directions_flagged_incomplete(
    book: RuleBook,
) -> None:
    guide = book.guide
    assert (guide.edition, guide.issued) == (Edition.PUBLISHED, date(2025, 10, 23))
    assert [d.code for d in guide.directions] == [f"1.{n}" for n in range(1, 8)]
    assert guide.incomplete_directions == guide.directions
    assert [d.counterparts for d in guide.directions][4] == ("JICA",)
    [notice] = guide.notices
    assert [clause.number for clause in notice.clauses] == [1, 2, 3, 4, 5, 6]
    source = (PACK / "source.txt").read_text(encoding="utf-8")
    for clause in notice.clauses:
        assert clause.text in source  # quoted word for word from the page it cites
    assert guide.figures is None and guide.deadlines == ()  # the sources give neither


def test_newest_published_first_the_2026_pack_is_the_default_for_a_new_draft() -> None:
    packs = catalogue()
    assert [pack.pack_id for pack in packs.usable][:2] == [
        "most-igsti-2026-batch1",
        "most-igsti-2023-batch1",
    ]
    assert packs.default() is packs.usable[0]


def test_an_eligible_draft_raises_no_notice_finding_and_says_its_direction_is_incomplete(
    book: RuleBook,
) -> None:
    draft = eligible(book)
    assert notice_findings(book, draft) == []
    [incomplete] = [f for f in book.evaluate(draft) if f.rule == "general.direction-complete"]
    assert incomplete.severity is Severity.WARNING and "不完整" in incomplete.message
    assert not [f for f in book.evaluate(draft) if f.is_error]


def _breach(book: RuleBook, draft: Draft) -> tuple[str, int, str]:
    [finding] = notice_findings(book, draft)
    assert finding.is_error and finding.citation.startswith(CITE)
    assert finding.notice == "notice-2026-batch1"
    assert finding.notice_clause is not None
    return finding.rule, finding.notice_clause, finding.field


def test_a_leader_born_before_1965_is_refused_and_1_january_1965_passes(book: RuleBook) -> None:
    draft = eligible(book)
    draft.team[leader(draft)].birth_date = date(1964, 12, 31)
    assert _breach(book, draft) == ("notice.5/leader-born", 5, f"team.{leader(draft)}.birth_date")
    draft.team[leader(draft)].birth_date = date(1965, 1, 1)
    assert notice_findings(book, draft) == []


def test_a_unit_registered_after_30_september_2024_is_refused(book: RuleBook) -> None:
    draft = eligible(book)
    draft.chinese_units[-1].registered_on = date(2024, 10, 1)
    index = len(draft.chinese_units) - 1
    assert _breach(book, draft) == (
        "notice.3/registered-by",
        3,
        f"chinese_units.{index}.registered_on",
    )
    draft.chinese_units[-1].registered_on = date(2024, 9, 30)
    assert notice_findings(book, draft) == []


def test_a_state_organ_may_not_take_part(book: RuleBook) -> None:
    draft = eligible(book)
    index = next(i for i, u in enumerate(draft.chinese_units) if u.role is Role.PARTICIPANT)
    draft.chinese_units[index].state_organ = True
    assert _breach(book, draft) == (
        "notice.3/not-state-organs",
        3,
        f"chinese_units.{index}.state_organ",
    )


def test_five_months_a_year_is_too_little_and_six_is_enough(book: RuleBook) -> None:
    draft = eligible(book)
    draft.team[leader(draft)].months_per_year = Decimal(5)
    rule, clause, _ = _breach(book, draft)
    assert (rule, clause) == ("notice.5/leader-months", 5)
    draft.team[leader(draft)].months_per_year = Decimal(6)
    assert notice_findings(book, draft) == []


def test_a_leader_below_senior_title_without_a_doctorate_is_refused(book: RuleBook) -> None:
    draft = eligible(book)
    member = draft.team[leader(draft)]
    member.title_level, member.degree = TitleLevel.INTERMEDIATE, Degree.MASTER
    rule, clause, _ = _breach(book, draft)
    assert (rule, clause) == ("notice.5/leader-qualified", 5)
    member.degree = Degree.DOCTORATE  # 博士学位 is enough without a senior title
    assert notice_findings(book, draft) == []
    member.title_level, member.degree = TitleLevel.SENIOR_DEPUTY, Degree.MASTER
    assert notice_findings(book, draft) == []


def test_a_hong_kong_unit_may_apply_a_taiwan_unit_may_not(book: RuleBook) -> None:
    draft = eligible(book)
    draft.chinese_units[-1].region = Region.HONG_KONG
    assert notice_findings(book, draft) == []
    draft.chinese_units[-1].region = Region.TAIWAN
    rule, clause, _ = _breach(book, draft)
    assert (rule, clause) == ("notice.2/unit-regions", 2)


def test_the_leader_must_work_at_the_lead_unit_citing_the_notice(book: RuleBook) -> None:
    draft = eligible(book)
    draft.team[leader(draft)].unit = "另一所大学"
    rule, clause, _ = _breach(book, draft)
    assert (rule, clause) == ("notice.1/leader-at-lead-unit", 1)


def test_declarations_unanswered_and_no_are_told_apart(book: RuleBook) -> None:
    draft = eligible(book)
    del draft.declarations["leader_not_civil_servant"]
    [unanswered] = notice_findings(book, draft)
    draft.declarations["leader_not_civil_servant"] = False
    [answered_no] = notice_findings(book, draft)
    assert unanswered.notice_clause == answered_no.notice_clause == 6
    assert "尚未回答" in unanswered.message and "已回答“否”" in answered_no.message


def test_choosing_an_incomplete_direction_on_the_command_line_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.json"
    code = main(["new", "--direction", "1.5", "-o", str(path)])
    _, err = capsys.readouterr()
    assert code == 0 and "most-igsti-2026-batch1" in err
    assert "方向 1.5 在此指南包中不完整" in err
    assert read_draft(path).guide_id == "most-igsti-2026-batch1"
