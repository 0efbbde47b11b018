"""The Start page's logic without Qt: its words, recent drafts, the packs offered, starting."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from applywizard.adapters.app_settings import installed_packs
from applywizard.adapters.user_folders import UserFolders
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.start import (
    LANGUAGES,
    RecentRow,
    StartPresenter,
    actions,
    intro,
    language_row,
    pack_problems,
    switches_language,
)
from tests.presenters.page_sessions import EXAMPLES, ROOT, english_words, example_session, getter

BUNDLED, PACK_2026 = "most-igsti-2023-batch1", "most-igsti-2026-batch1"


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UserFolders:
    """This test's own user folders, with a broken pack among the user's guides."""
    monkeypatch.delenv("APPLYWIZARD_GUIDE_FOLDERS", raising=False)
    made = UserFolders(
        log=tmp_path / "log",
        recovery=tmp_path / "recovery",
        guides=tmp_path / "guides",
        settings=tmp_path / "settings.json",
    )
    broken = made.guides / "broken-pack"
    broken.mkdir(parents=True)
    (broken / "guide.yaml").write_text("id: broken-pack\nedition: [unclosed\n", encoding="utf-8")
    return made


def test_the_words_and_the_languages() -> None:
    assert intro().startswith("Prepare an application to the National Key R&D Program's")
    assert [name for name, _text in actions()] == ["start.new", "start.open", "start.reuse"]
    assert actions()[0][1] == "&New application"
    assert LANGUAGES == (("中文", "zh_CN"), ("English", "en"))
    assert language_row() == 0 and switches_language("en") and not switches_language("zh_CN")
    with english_words("en"):
        assert language_row() == 1 and switches_language("zh_CN")


def test_recent_drafts_are_listed_by_file_name(book: RuleBook, tmp_path: Path) -> None:
    start = StartPresenter(getter(example_session(book)))
    entries = [str(tmp_path / "申报书" / "中欧合作.json"), str(tmp_path / "b.json")]
    assert start.list_recent(entries) == [
        RecentRow("中欧合作.json", entries[0]),
        RecentRow("b.json", entries[1]),
    ]
    assert start.recent == entries and start.recent_path(1) == tmp_path / "b.json"


def test_the_installed_packs_are_offered_newest_first_broken_last(
    book: RuleBook, folders: UserFolders
) -> None:
    session = example_session(book)
    start = StartPresenter(getter(session))
    catalogue, shared = installed_packs(folders)
    packs = start.list_packs(catalogue)
    assert [pack.pack_id for pack in packs] == [PACK_2026, BUNDLED, "broken-pack"]
    assert start.packs == packs
    assert pack_problems(catalogue, shared) == (
        "1 guide pack(s) cannot be used: see the greyed rows."
    )
    newest = start.chosen_book(0)
    assert newest.guide.id == PACK_2026
    assert start.chosen_book(2) is session.book  # a broken pack has no book: the session's
    assert start.chosen_book(-1) is session.book  # none chosen

    start.start_new(0)
    assert session.draft.guide_id == PACK_2026 and session.book is newest
    assert session.draft.direction == "" and session.draft.chinese_units == []


def test_starting_from_an_earlier_draft_keeps_its_people(
    book: RuleBook, folders: UserFolders, tmp_path: Path
) -> None:
    session = example_session(book)
    start = StartPresenter(getter(session))
    start.list_packs(installed_packs(folders)[0])
    assert start.start_from(EXAMPLES / "1.7.json", 1) == ""
    draft = session.draft
    assert draft.guide_id == BUNDLED
    assert draft.chinese_units and draft.foreign_partners and draft.team
    assert draft.direction == "" and draft.attachments == [] and draft.declarations == {}

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    problem = start.start_from(bad, 1)
    assert " / " in problem and problem.split(" / ")[0]
    assert session.draft is draft  # unchanged


LIGHT = """
import sys
import applywizard.presenters.start
heavy = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"pydantic", "yaml", "PySide6", "shiboken6"}
    or name.startswith(("applywizard.domain", "applywizard.workflow.session"))
)
print(" ".join(heavy))
"""


def test_the_start_presenter_is_light_like_its_page() -> None:
    """The Start page is on screen before the guide and pydantic load: so is its presenter."""
    shown = subprocess.run(
        [sys.executable, "-c", LIGHT], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == []
