"""The Start page without Qt: its words, the recent drafts, the guide packs offered, starting.

Light on purpose, like the page: the window shows the Start page before the
guide, the draft model and pydantic have loaded, so this module imports
none of them (they are named for the type checker only). The packs listed
are the installed ones, newest published first; a new application uses the
pack chosen among them, or the session's when none is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from applywizard.adapters.file_errors import DraftFileError
from applywizard.presenters.text import _, language

if TYPE_CHECKING:
    from applywizard.adapters.app_settings import GuideFolders
    from applywizard.adapters.guide_packs import InstalledPack, PackCatalogue
    from applywizard.domain.rules.engine import RuleBook
    from applywizard.workflow.session import DraftSession

LANGUAGES = (("中文", "zh_CN"), ("English", "en"))
"""The interface's languages, each named in itself, with its code."""


def intro() -> str:
    """What the program is for, at the top of the page."""
    return _(
        "Prepare an application to the National Key R&D Program's intergovernmental "
        "international S&T innovation cooperation call. Choose its guide below; every "
        "step is checked against the rules of the direction you choose."
    )


def actions() -> list[tuple[str, str]]:
    """The page's buttons that start work on a draft: their names and texts."""
    return [
        ("start.new", _("&New application")),
        ("start.open", _("&Open a draft…")),
        ("start.reuse", _("New from an &earlier draft…")),
    ]


def draft_actions() -> list[tuple[str, str]]:
    """The page's buttons for the draft being edited: their names and texts."""
    return [
        ("start.pack", _("&Pack for handing on…")),
        ("start.versions", _("&Versions…")),
    ]


def language_row() -> int:
    """The row of the language in use among ``LANGUAGES``."""
    return next((row for row, (_name, code) in enumerate(LANGUAGES) if code == language()), 0)


def switches_language(code: str) -> bool:
    """Whether choosing ``code`` changes the interface's language."""
    return code != language()


@dataclass(frozen=True)
class RecentRow:
    """A recent draft as listed: its file name, and its whole path as the tooltip."""

    text: str
    tooltip: str


def pack_problems(catalogue: PackCatalogue, shared: GuideFolders) -> str:
    """What is wrong with the packs found and the shared folders, a line each."""
    problems = [*shared.problems]
    if catalogue.broken:
        problems.insert(
            0,
            _("{count} guide pack(s) cannot be used: see the greyed rows.").format(
                count=len(catalogue.broken)
            ),
        )
    return "\n".join(problems)


class StartPresenter:
    """The recent drafts and guide packs listed, and starting a draft from them."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.packs: list[InstalledPack] = []
        """The packs listed, row by row."""
        self.recent: list[str] = []
        """The recent drafts listed, row by row."""

    @property
    def session(self) -> DraftSession:
        """The session (only once the guide has loaded)."""
        return self._session()

    def list_recent(self, entries: Sequence[str]) -> list[RecentRow]:
        """List these recent drafts (most recent first); their rows."""
        self.recent = list(entries)
        return [RecentRow(Path(entry).name, entry) for entry in self.recent]

    def recent_path(self, row: int) -> Path:
        """The recent draft listed in ``row``."""
        return Path(self.recent[row])

    def list_packs(self, catalogue: PackCatalogue) -> list[InstalledPack]:
        """List the installed packs; returns them, row by row."""
        self.packs = list(catalogue.packs)
        return self.packs

    def chosen_book(self, row: int) -> RuleBook:
        """The rule book of the pack in ``row`` (the session's if none usable is there)."""
        if 0 <= row < len(self.packs):
            book = self.packs[row].book
            if book is not None:
                return book
        return self.session.book

    def start_new(self, row: int) -> None:
        """Start an empty application under the pack in ``row``."""
        self.session.start_new(self.chosen_book(row))

    def start_from(self, path: Path, row: int) -> str:
        """Start from the earlier draft in ``path`` under the pack in ``row``; why not, if not."""
        try:
            self.session.start_from_file(path, self.chosen_book(row))
        except DraftFileError as error:
            return f"{error.zh} / {error.en}"
        return ""
