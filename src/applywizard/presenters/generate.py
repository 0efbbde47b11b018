"""The Generate page without Qt: can the documents be generated, generating, what was written.

The page says whether errors remain (then only drafts marked 草稿 / DRAFT can
be generated, when the box is ticked), suggests an output folder beside the
draft, pre-flights the attachments again, renders the application form, the
IP checklist and the bilateral tables into the folder, and lists what was
written: the files, the attachments that could not be checked, any text cut
to fit a cell. Opening the folder is possible once something was written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from applywizard.presenters.text import _, bilingual
from applywizard.workflow.preflight import recheck_session
from applywizard.workflow.session import DraftSession

if TYPE_CHECKING:
    from applywizard.adapters.documents.render import Progress, Rendered

OUTPUT_FOLDER = "ApplyWizard-output"


@dataclass(frozen=True)
class Outcome:
    """What generating gave: what was written, or why nothing was (a warning to show)."""

    rendered: Rendered | None = None
    problem: str = ""
    lines: list[str] = field(default_factory=list)
    """The list under the button: unchecked attachments, files written, cells cut."""


def progress_text(step: int, total: int, name: str) -> str:
    """The progress bar's text while a document is being written."""
    return f"{step}/{total} {name}"


class GeneratePresenter:
    """Writing every output of the draft being edited."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.written = False
        """Whether documents were written (the folder can then be opened)."""

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    def errors(self) -> int:
        """How many errors the draft has (each blocks generating unmarked documents)."""
        return sum(1 for finding in self.session.findings if finding.is_error)

    def status(self) -> str:
        """Whether the documents can be generated, or only as marked drafts."""
        errors = self.errors()
        if errors:
            return _(
                "{errors} errors remain (see Review): documents can only be generated "
                "as marked drafts."
            ).format(errors=errors)
        return _("No errors: the documents can be generated.")

    def suggested_folder(self) -> Path:
        """Where to write: a folder beside the draft (in the home folder for a new one)."""
        session = self.session
        base = session.path.parent if session.path else Path.home()
        return base / OUTPUT_FOLDER

    @staticmethod
    def folder_problem(text: str) -> str:
        """Why the folder typed cannot be used (blank if it can)."""
        return "" if text.strip() else _("Choose an output folder first.")

    def recheck(self) -> list[str]:
        """Pre-flight the attachments found again (facts go into the draft); what was not."""
        return recheck_session(self.session)

    def generate(
        self,
        folder: Path,
        unchecked: list[str],
        *,
        allow_incomplete: bool,
        progress: Progress | None = None,
    ) -> Outcome:
        """Render every output into ``folder``; the lines to list, or why nothing was written."""
        # python-docx, openpyxl and docxtpl load here, not when the window opens.
        from applywizard.adapters.documents.render import (  # noqa: PLC0415
            IncompleteDraftError,
            RenderFileError,
            render_all,
        )

        session = self.session
        try:
            rendered = render_all(
                session.book,
                session.draft,
                folder,
                allow_incomplete=allow_incomplete,
                progress=progress,
            )
        except IncompleteDraftError as error:
            problem = _(
                "The application still has {count} errors. Fix them (see Review), or tick "
                "the box to generate drafts marked 草稿 / DRAFT."
            ).format(count=len(error.errors))
            return Outcome(problem=problem)
        except RenderFileError as error:
            problem = bilingual(f"{error.path}：{error.zh}", f"{error.path}: {error.en}")
            return Outcome(problem=problem)
        self.written = True
        return Outcome(rendered, lines=self.lines(unchecked, rendered))

    @staticmethod
    def lines(unchecked: list[str], rendered: Rendered) -> list[str]:
        """What the list of results shows, in order."""
        lines = [
            _("Attachment not checked: {problem}").format(problem=problem) for problem in unchecked
        ]
        lines += [str(path) for path in rendered.files]
        lines += [
            _("Text cut to fit a cell (full text in the form): {cell}").format(cell=cell)
            for cell in rendered.cut_cells
        ]
        return lines
