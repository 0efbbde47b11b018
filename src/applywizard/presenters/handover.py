"""Packing the draft for handing on, and opening a pack, without Qt: the words and the steps.

Packing holds the draft as saved: a draft never saved, or with changes not
saved, is saved first (the window asks). The attached files are looked for
(beside the draft, then where each was attached from); when some are not
found, the window offers to look in a folder too, listing them. After
packing, every file left out is listed by name with why, never silently;
the window shows the lines. Opening a pack unpacks it into a new or empty
folder inside the one chosen, then opens its draft; a pack refused says why,
and nothing was written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from applywizard.adapters.file_errors import DraftFileError
from applywizard.presenters.text import _, bilingual
from applywizard.workflow.handover import (
    PACK_SUFFIX,
    DraftOnDisk,
    LeftOut,
    LeftOutEntry,
    PackError,
    PackReport,
    Survey,
    UnpackReport,
    found_words,
    left_out_line,
    pack_draft,
    pack_name_for,
    read_draft_file,
    serious,
    survey_draft,
    unpack,
    unpack_target,
)
from applywizard.workflow.session import DraftSession

PACK_FILTER = "ApplyWizard (*.awpack)"
"""The file dialogs' filter for packs."""


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


@dataclass(frozen=True)
class Looked:
    """The attached files looked for: what was found, and the lines naming those not found."""

    on_disk: DraftOnDisk | None
    survey: Survey | None
    problem: str = ""
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What packing or unpacking gave, as the window shows it.

    ``problem`` is set when nothing was written (a warning); else ``summary``
    says what was, and ``lines`` list each attached file left out, by name,
    with why. ``complete`` is False when any file the draft attaches is not in
    the pack (the window warns instead of informing).
    """

    title: str
    summary: str = ""
    lines: list[str] = field(default_factory=list)
    problem: str = ""
    complete: bool = True
    pack: PackReport | None = None
    unpacked: UnpackReport | None = None


class HandoverPresenter:
    """Packing the session's draft, and unpacking a pack to open its draft."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    def _kind_words(self, kind_id: str) -> tuple[str, str]:
        kind = self.session.book.guide.attachment_kind(kind_id)
        return (kind.zh, kind.en) if kind is not None else (kind_id, kind_id)

    def _line(self, item: LeftOut | LeftOutEntry) -> str:
        return bilingual(*left_out_line(item, self._kind_words))

    # -- packing ---------------------------------------------------------------------------

    def needs_saving(self) -> bool:
        """Whether the draft must be saved before it can be packed (never saved, or changed)."""
        return self.session.path is None or self.session.dirty

    @staticmethod
    def save_first_text() -> str:
        """Why the window asks to save before packing."""
        return _(
            "The pack holds the draft as saved. Save the draft now, then choose where to "
            "write the pack?"
        )

    def suggested_pack(self) -> Path:
        """Where to write the pack: beside the draft, under its name, ending .awpack."""
        path = self.session.path
        folder = path.parent if path is not None else Path.home()
        return folder / pack_name_for(path)

    def look(self, named_folder: Path | None = None) -> Looked:
        """Look for the saved draft's attached files (nothing is written)."""
        path = self.session.path
        if path is None:
            return Looked(None, None, _("Save the draft first."))
        try:
            on_disk = read_draft_file(path)
        except DraftFileError as error:
            return Looked(None, None, bilingual(f"{path}：{error.zh}", f"{path}: {error.en}"))
        survey = survey_draft(on_disk, named_folder)
        missing = [self._line(item) for item in survey.left_out if serious((item,)) and item.places]
        return Looked(on_disk, survey, missing=missing)

    @staticmethod
    def ask_folder_text(looked: Looked) -> str:
        """The question when files were not found: look in a folder, or pack without them."""
        return _(
            "{count} attached files were not found beside the draft or where they were "
            "attached from. Choose a folder to look in as well, or pack without them?"
        ).format(count=len(looked.missing))

    @staticmethod
    def not_packed(problem: str) -> Outcome:
        """The words when no pack was written, and why."""
        return Outcome(_("Pack for handing on"), problem=problem)

    def pack(self, target: Path, looked: Looked) -> Outcome:
        """Write the pack to ``target`` from what was looked for; the words to show.

        A name typed without the ending gets ``.awpack``.
        """
        title = _("Pack for handing on")
        if looked.on_disk is None or looked.survey is None:
            return self.not_packed(looked.problem or _("Save the draft first."))
        if target.suffix.lower() != PACK_SUFFIX:
            target = target.with_name(target.name + PACK_SUFFIX)
        try:
            report = pack_draft(looked.on_disk, target, found=looked.survey)
        except PackError as error:
            return self.not_packed(bilingual(error.zh, error.en))
        attached = len(report.packed) + serious(report.left_out)
        summary = _("{file}: the draft and {packed} of {attached} attached files ({size}).").format(
            file=report.path,
            packed=len(report.packed),
            attached=attached,
            size=_megabytes(report.size_bytes),
        )
        lines = [self._line(item) for item in report.left_out]
        lines += [
            f"✔ {entry.name} ({bilingual(*found_words(entry.found_in))})" for entry in report.packed
        ]
        return Outcome(title, summary, lines, complete=not serious(report.left_out), pack=report)

    # -- opening a pack ----------------------------------------------------------------------

    @staticmethod
    def unpack_folder(chosen: Path, pack: Path) -> Path:
        """Where the pack goes when the user chose ``chosen``: it if empty, else a new folder."""
        return unpack_target(chosen, pack)

    def unpack(self, pack: Path, target: Path) -> Outcome:
        """Unpack ``pack`` into ``target`` (new or empty); the words to show."""
        title = _("Open a pack")
        try:
            report = unpack(pack, target)
        except PackError as error:
            return Outcome(
                title,
                problem=_("The pack was not opened; nothing was written.")
                + "\n"
                + bilingual(error.zh, error.en),
            )
        summary = _("Unpacked into {folder}: the draft and {count} attached files.").format(
            folder=report.folder, count=len(report.files)
        )
        lines = [
            _("Not in the pack: {line}").format(line=self._line(item)) for item in report.left_out
        ]
        return Outcome(
            title, summary, lines, complete=not serious(report.left_out), unpacked=report
        )
