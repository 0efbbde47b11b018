"""“历史版本 / Versions” without Qt: the versions of the draft, comparing one, restoring one.

The dialog lists the draft file's kept versions (``adapters.draft_history``),
newest first, each by its local time and size; “Compare” lists what changed
from the chosen version to the draft as the window shows it now, field by
field (``domain.draft.differences``); “Restore” asks first (saying that the
file as saved now is kept as a version, and that unsaved changes in the
window are lost), then puts the version back and says where the window
must reopen the draft from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from applywizard.adapters.app_settings import versions_kept
from applywizard.adapters.draft_history import (
    Version,
    history_folders,
    list_versions,
    read_version,
    restore_version,
)
from applywizard.adapters.file_errors import DraftFileError
from applywizard.domain.draft.differences import Difference, Words, compare
from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.model import Guide
from applywizard.presenters.text import _, bilingual
from applywizard.workflow.session import DraftSession

DECLARATION_WORDS = 24
"""A declaration is named by this many characters of its text in a difference."""


@dataclass(frozen=True)
class VersionRow:
    """One version as a row: when it was saved (local time), its size, and where it is kept."""

    when: str
    size: str
    tip: str
    version: Version


@dataclass(frozen=True)
class ChangeLine:
    """One difference: its words, and the field path it is about."""

    text: str
    path: str


@dataclass(frozen=True)
class Restored:
    """What restoring did: the draft file to reopen, or why nothing changed."""

    path: Path | None = None
    message: str = ""
    problem: str = ""


def local_time(version: Version) -> str:
    """When a version was saved, in this computer's time zone, to the second."""
    return version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def size_text(size: int) -> str:
    """A file size in bytes, KB or MB."""
    if size < 1024:
        return _("{count} bytes").format(count=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _shortened(text: str) -> str:
    return text if len(text) <= DECLARATION_WORDS else text[:DECLARATION_WORDS] + "…"


def compare_drafts(guide: Guide, earlier: Draft, now: Draft) -> list[Difference]:
    """What changed from ``earlier`` to ``now``, countries, kinds and declarations named."""
    values: dict[str, dict[str, Words]] = {
        "foreign_partners.*.country": {c.code: (c.zh, c.en) for c in guide.countries},
        "attachments.*.kind": {kind.id: (kind.zh, kind.en) for kind in guide.attachment_kinds},
    }
    names = {
        f"declarations.{item.id}": (
            f"申报承诺“{_shortened(item.zh)}”",
            f"Declaration “{_shortened(item.en)}”",
        )
        for item in guide.declarations
    }
    return compare(earlier, now, values=values, names=names)


class VersionsPresenter:
    """The versions of the draft being edited."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.rows: list[VersionRow] = []
        self.refresh()

    @property
    def session(self) -> DraftSession:
        """The session being edited."""
        return self._session()

    def refresh(self) -> list[VersionRow]:
        """Read the versions again, newest first."""
        path = self.session.path
        versions = list_versions(path) if path is not None else []
        self.rows = [
            VersionRow(local_time(version), size_text(version.size), self._tip(version), version)
            for version in versions
        ]
        return self.rows

    @staticmethod
    def _tip(version: Version) -> str:
        where = (
            _("Kept beside the draft (the data folder could not be written)")
            if version.beside
            else _("Kept on this computer")
        )
        return f"{where}\n{version.path}\nSHA-256 {version.short_hash}…"

    def title(self) -> str:
        """The dialog's title, naming the draft."""
        path = self.session.path
        return _("Versions of {name}").format(name=path.name if path else _("Untitled application"))

    def intro(self) -> str:
        """What the list is: how versions are made, how many are kept, and where."""
        path = self.session.path
        if path is None:
            return _("The application has not been saved yet: it has no versions.")
        folder = history_folders(path)[0]
        return _(
            "Each save keeps the version it replaces; the last {count} are kept on this "
            "computer, in {folder}."
        ).format(count=versions_kept(), folder=folder)

    def empty_text(self) -> str:
        """What the list says when there is no version yet."""
        return _("No earlier version yet: one is kept each time the application is saved again.")

    def headings(self) -> list[str]:
        """The list's column headings."""
        return [_("Saved at"), _("Size")]

    def compare(self, row: int) -> list[ChangeLine]:
        """What changed from the version in ``row`` to the draft as the window shows it now."""
        version = self.rows[row].version
        try:
            earlier = read_version(version)
        except DraftFileError as error:
            return [ChangeLine(bilingual(error.zh, error.en), "")]
        differences = compare_drafts(self.session.book.guide, earlier, self.session.draft)
        return [ChangeLine(bilingual(d.zh, d.en), d.path) for d in differences]

    def compare_heading(self, row: int, changes: int) -> str:
        """The line above the differences."""
        when = self.rows[row].when
        if not changes:
            return _("The version of {when} is the same as the application now.").format(when=when)
        return _("{count} changes from the version of {when} to the application now:").format(
            count=changes, when=when
        )

    def confirm_text(self, row: int) -> str:
        """The question asked before restoring."""
        question = _(
            "Restore the version of {when}? The application as saved now is kept as a "
            "version first, so this can be undone."
        ).format(when=self.rows[row].when)
        if self.session.dirty:
            question += "\n\n" + _("Changes not yet saved in the window will be lost.")
        return question

    def restore(self, row: int) -> Restored:
        """Put the version in ``row`` back as the draft file (the current one kept first)."""
        path = self.session.path
        if path is None:
            return Restored(problem=_("The application has not been saved yet."))
        version = self.rows[row].version
        try:
            restore_version(path, version)
        except DraftFileError as error:
            return Restored(problem=bilingual(error.zh, error.en))
        self.refresh()
        return Restored(
            path, _("The version of {when} was restored.").format(when=local_time(version))
        )
