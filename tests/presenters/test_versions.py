"""The Versions dialog's logic without Qt: rows, comparing with the draft now, restoring."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from applywizard.adapters.draft_history import list_versions, version_bytes
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.versions import VersionsPresenter, local_time, size_text
from applywizard.workflow.session import DraftSession
from tests.presenters.page_sessions import english_words, example_session, getter


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def saved_three_times(book: RuleBook, path: Path) -> tuple[DraftSession, list[bytes]]:
    """Example 2.5 saved, its title changed and saved, changed and saved again."""
    session = example_session(book, "2.5")
    saved = []
    for title in ("第一稿", "第二稿", "第三稿"):
        session.set_value("project.title_zh", title)
        session.save(path)
        saved.append(path.read_bytes())
    return session, saved


def test_the_rows_are_the_versions_newest_first_with_local_time_and_size(
    book: RuleBook, tmp_path: Path
) -> None:
    session, saved = saved_three_times(book, tmp_path / "申报书.json")
    versions = VersionsPresenter(getter(session))
    assert [version_bytes(row.version) for row in versions.rows] == [saved[1], saved[0]]
    row = versions.rows[0]
    assert row.when == row.version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert datetime.strptime(row.when, "%Y-%m-%d %H:%M:%S")  # a plain local time
    assert row.size == f"{len(saved[1]) / 1024:.1f} KB"
    assert "Kept on this computer" in row.tip and str(row.version.path) in row.tip
    assert versions.title() == "Versions of 申报书.json"
    assert "the last 20 are kept on this computer" in versions.intro()
    assert versions.headings() == ["Saved at", "Size"]


def test_sizes_read_in_bytes_kb_and_mb() -> None:
    assert size_text(900) == "900 bytes"
    assert size_text(15_000) == "14.6 KB"
    assert size_text(3 * 1024 * 1024) == "3.0 MB"


def test_comparing_lists_what_changed_to_the_draft_as_it_is_now(
    book: RuleBook, tmp_path: Path
) -> None:
    session, _saved = saved_three_times(book, tmp_path / "draft.json")
    session.set_value("foreign_partners.1.name_zh", "海峡膜技术")  # not saved yet
    versions = VersionsPresenter(getter(session))
    changes = versions.compare(1)  # the first save
    assert [(line.path, line.text) for line in changes] == [
        ("project.title_zh", "项目名称（中文）：第一稿 → 第三稿"),
        (
            "foreign_partners.1.name_zh",
            "外方合作单位 2：单位名称（中文）：海峡膜技术私人有限公司 → 海峡膜技术",
        ),
    ]
    when = versions.rows[1].when
    assert versions.compare_heading(1, 2) == (
        f"2 changes from the version of {when} to the application now:"
    )
    assert versions.compare_heading(1, 0) == (
        f"The version of {when} is the same as the application now."
    )


def test_a_country_kind_and_declaration_read_by_the_guide_s_words(
    book: RuleBook, tmp_path: Path
) -> None:
    session, _saved = saved_three_times(book, tmp_path / "draft.json")
    session.set_value("foreign_partners.0.country", "ZA")
    session.set_value("attachments.0.kind", "ip_agreement")
    session.set_value("declarations.both_sides_apply", False)
    texts = [line.text for line in VersionsPresenter(getter(session)).compare(0)]
    assert "外方合作单位 1：国别：新加坡 → 南非" in texts
    assert any(
        text.startswith("附件 1：附件类型：") and text.endswith(" → 知识产权协议") for text in texts
    )
    assert any(text.startswith("申报承诺“") and text.endswith("”：是 → 否") for text in texts)


def test_restoring_asks_puts_the_version_back_and_keeps_the_current(
    book: RuleBook, tmp_path: Path
) -> None:
    path = tmp_path / "draft.json"
    session, saved = saved_three_times(book, path)
    versions = VersionsPresenter(getter(session))
    when = versions.rows[1].when
    question = versions.confirm_text(1)
    assert question.startswith(f"Restore the version of {when}?")
    assert "kept as a version first" in question and "will be lost" not in question
    session.set_value("project.title_en", "unsaved")
    assert versions.confirm_text(1).endswith("Changes not yet saved in the window will be lost.")
    restored = versions.restore(1)
    assert restored.problem == "" and restored.path == path
    assert restored.message == f"The version of {when} was restored."
    assert path.read_bytes() == saved[0]
    assert [version_bytes(row.version) for row in versions.rows] == [saved[2], saved[1], saved[0]]
    assert local_time(list_versions(path)[0]) == versions.rows[0].when


def test_an_unsaved_application_has_no_versions(book: RuleBook) -> None:
    versions = VersionsPresenter(getter(example_session(book, "2.5")))
    assert versions.rows == []
    assert versions.intro() == "The application has not been saved yet: it has no versions."
    assert versions.title() == "Versions of Untitled application"
    assert versions.empty_text().startswith("No earlier version yet")


def test_a_version_that_no_longer_reads_says_why(book: RuleBook, tmp_path: Path) -> None:
    session, _saved = saved_three_times(book, tmp_path / "draft.json")
    versions = VersionsPresenter(getter(session))
    versions.rows[0].version.path.write_bytes(b"{not json")
    (line,) = versions.compare(0)
    assert line.path == "" and line.text
    restored = versions.restore(0)
    assert restored.path is None and restored.problem
