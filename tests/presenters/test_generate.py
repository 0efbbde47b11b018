"""The Generate page's logic without Qt: the status, the folder, generating, the lines listed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from applywizard.adapters.documents.render import Rendered
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.generate import GeneratePresenter, progress_text
from tests.presenters.page_sessions import english_words, example_session, getter


@pytest.fixture(autouse=True)
def words() -> Iterator[None]:
    with english_words():
        yield


def test_the_status_says_whether_errors_remain(book: RuleBook) -> None:
    session = example_session(book, "2.6")
    generate = GeneratePresenter(getter(session))
    assert generate.errors() == 0
    assert generate.status() == "No errors: the documents can be generated."
    session.set_value("declarations.both_sides_apply", False)
    assert generate.errors() == 1
    assert generate.status() == (
        "1 errors remain (see Review): documents can only be generated as marked drafts."
    )


def test_the_folder_suggested_is_beside_the_draft(book: RuleBook, tmp_path: Path) -> None:
    session = example_session(book, "2.6")
    generate = GeneratePresenter(getter(session))
    assert generate.suggested_folder() == Path.home() / "ApplyWizard-output"
    session.path = tmp_path / "申报.json"
    assert generate.suggested_folder() == tmp_path / "ApplyWizard-output"
    assert generate.folder_problem("  ") == "Choose an output folder first."
    assert generate.folder_problem(str(tmp_path)) == ""


def test_a_clean_draft_is_generated_and_its_files_listed(book: RuleBook, tmp_path: Path) -> None:
    generate = GeneratePresenter(getter(example_session(book, "2.6")))
    assert not generate.written
    steps: list[str] = []
    unchecked = generate.recheck()  # no file beside an example: nothing to check
    assert unchecked == []
    outcome = generate.generate(
        tmp_path / "out",
        unchecked,
        allow_incomplete=False,
        progress=lambda step, total, name: steps.append(progress_text(step, total, name)),
    )
    assert outcome.rendered is not None and outcome.problem == ""
    files = outcome.rendered.files
    assert len(files) == 3 and all(path.is_file() for path in files)
    assert {path.suffix for path in files} == {".docx", ".xlsx"}
    assert outcome.lines == [str(path) for path in files]
    assert generate.written  # the folder can be opened now
    assert [step.split(" ", 1)[0] for step in steps] == ["1/4", "2/4", "3/4", "4/4"]
    assert steps[0] == f"1/4 {files[0].name}"


def test_errors_refuse_unless_drafts_are_allowed(book: RuleBook, tmp_path: Path) -> None:
    session = example_session(book, "2.6")
    session.set_value("declarations.both_sides_apply", False)
    generate = GeneratePresenter(getter(session))
    refused = generate.generate(tmp_path / "refused", [], allow_incomplete=False)
    assert refused.rendered is None and refused.lines == []
    assert refused.problem == (
        "The application still has 1 errors. Fix them (see Review), or tick the box to "
        "generate drafts marked 草稿 / DRAFT."
    )
    assert not (tmp_path / "refused").exists() and not generate.written

    marked = generate.generate(tmp_path / "drafts", [], allow_incomplete=True)
    assert marked.rendered is not None and marked.rendered.marked_draft
    assert len(marked.lines) == 3 and generate.written


def test_a_folder_that_cannot_be_made_is_said(book: RuleBook, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    outcome = GeneratePresenter(getter(example_session(book, "2.6"))).generate(
        blocker / "out", [], allow_incomplete=False
    )
    assert outcome.rendered is None
    assert outcome.problem.startswith(f"{blocker / 'out'}：无法创建输出文件夹")


def test_the_lines_listed_after_generating() -> None:
    rendered = Rendered(files=[Path("/out/a.docx"), Path("/out/b.xlsx")], cut_cells=["预算!B7"])
    assert GeneratePresenter.lines(["x.pdf: not found"], rendered) == [
        "Attachment not checked: x.pdf: not found",
        str(Path("/out/a.docx")),
        str(Path("/out/b.xlsx")),
        "Text cut to fit a cell (full text in the form): 预算!B7",
    ]
