"""The Attachments page without Qt: the attached files, their facts, attaching and removing.

The checklist of what the direction requires and its declarations are
``presenters.attachments_checklist``; this module holds the rest of what the
page decides: the list's lines (✔/⚠/✖ by the attachment's own findings, its
number, kind, file name and size), the fields of the selected attachment (the
columns of ``domain.draft.tables.ATTACHMENTS``, their choices from
``presenters.table``), which actions a selection allows, what attaching,
replacing and removing did (through ``workflow.attachments``, which checks
the file's type and size and records its SHA-256) and where a path is on the
page. ``ui.pages.attachments`` binds widgets to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from applywizard.domain.draft.model import Attachment
from applywizard.domain.draft.paths import LABELS, label, pattern_of
from applywizard.domain.draft.tables import ATTACHMENTS, Column, Kind
from applywizard.domain.guide.model import AttachmentKind
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.attachments_checklist import (
    FALLBACK_KIND,
    ChecklistRow,
    DeclarationRow,
    FindingsNote,
    Needs,
    Requirements,
    fact_words,
)
from applywizard.presenters.fields import field_label
from applywizard.presenters.findings import finding_line
from applywizard.presenters.table import Choices, TablePresenter
from applywizard.presenters.text import _, bilingual, joined
from applywizard.workflow.attachments import AttachmentFileError, new_attachment, with_new_file
from applywizard.workflow.session import DraftSession, EditRefusedError

__all__ = [
    "FACTS",
    "FALLBACK_KIND",
    "AttachmentsPresenter",
    "ChecklistRow",
    "DeclarationRow",
    "DetailField",
    "FindingsNote",
    "Focus",
    "ListRow",
    "Needs",
    "Outcome",
    "attachment_label",
    "fact_words",
    "file_size",
]

FACTS: tuple[str, ...] = tuple(
    column.field for column in ATTACHMENTS.columns if column.field not in ("kind", "file_name")
)
"""The facts of an attachment the applicant gives, in the order shown (signing date…)."""

ANSWER = Column("declarations", "choice", "answer", optional=False)
"""A declaration's answer: not answered (no key in the draft), yes or no."""


def attachment_label(path: str) -> str:
    """An attachment path's label; fields the label table lacks are named from their parts."""
    if pattern_of(path) in LABELS:
        return field_label(path)
    parts = path.split(".")
    if len(parts) == 3 and parts[0] == "attachments" and parts[1].isdigit():
        item_zh, item_en = label(".".join(parts[:2]))
        zh, en = fact_words(parts[2])
        return bilingual(f"{item_zh}：{zh}", f"{item_en}: {en}")
    return field_label(path)


def file_size(size: int | None) -> str:
    """A file size for people: 512 B, 86.3 KB, 1.8 MB."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass(frozen=True)
class ListRow:
    """An attachment in the list: its line and its tooltip (the line and its findings)."""

    text: str
    tooltip: str


@dataclass(frozen=True)
class DetailField:
    """A field of the selected attachment: its path, how it is edited, its caption."""

    field: str
    path: str
    kind: Kind
    """The column's kind: ``date``, ``choice``/``yes_no`` (from ``choices``), ``file``
    (the file's name, read-only: it changes by replacing the file) or ``text``."""
    caption: str
    accessible: str
    choices: Choices


@dataclass(frozen=True)
class Outcome:
    """What attaching, replacing or removing did: the lines to say and the row to select."""

    lines: tuple[str, ...]
    error: bool
    select: int | None
    """The row to select in the rebuilt list; None when the list did not change."""
    count: int = 0
    """How many files were attached."""


@dataclass(frozen=True)
class Focus:
    """Where a path is on the page: an attachment's row (and its field), the checklist,
    the list, a declaration; ``nowhere`` for an attachment the draft does not have,
    ``elsewhere`` for a path this page does not know."""

    place: Literal["attachment", "checklist", "list", "declaration", "nowhere", "elsewhere"]
    row: int = -1


class AttachmentsPresenter:
    """Everything the Attachments page shows and decides, on the session's draft."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.table = TablePresenter(session, ATTACHMENTS)
        self.requirements = Requirements(session)

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    @property
    def attachments(self) -> list[Attachment]:
        """The draft's attachments."""
        return self.session.draft.attachments

    # -- which row --------------------------------------------------------------------
    def has_row(self, row: int) -> bool:
        """Whether ``row`` is an attachment (replace and remove need one)."""
        return 0 <= row < len(self.attachments)

    def row_or_none(self, row: int) -> int | None:
        """``row`` if it is an attachment, else None (nothing selected)."""
        return row if self.has_row(row) else None

    def row_to_select(self, current: int) -> int:
        """The row kept selected when the list is rebuilt (-1 when it is empty)."""
        return min(max(current, 0), len(self.attachments) - 1)

    def answers(self) -> Choices:
        """A declaration's answers: not answered (None), yes, no."""
        return self.table.choices(ANSWER)

    # -- kinds ------------------------------------------------------------------------
    def kind_choices(self) -> Choices:
        """The guide's kinds of attachment, each with its name in the current language."""
        return self.table.choices(ATTACHMENTS.column("kind"))

    def kind(self, kind_id: str) -> AttachmentKind:
        """The kind with this id; the guide's last kind (other) for an unknown id."""
        guide = self.session.book.guide
        return guide.attachment_kind(kind_id) or guide.attachment_kinds[-1]

    def kind_name(self, kind_id: str) -> str:
        """A kind's name in the current language (its id for a kind the guide lacks)."""
        kind = self.session.book.guide.attachment_kind(kind_id)
        return bilingual(kind.zh, kind.en) if kind else (kind_id or _("(no kind)"))

    def replacement_kind(self, row: int, chosen: str) -> AttachmentKind:
        """The kind a replacing file must be: the attachment's own, else the chosen kind."""
        own = self.session.book.guide.attachment_kind(self.attachments[row].kind)
        return own or self.kind(chosen)

    @staticmethod
    def file_filter(kind: AttachmentKind) -> str:
        """The file dialog's filter for a kind: its extensions, then all files."""
        pattern = " ".join(f"*.{extension}" for extension in kind.extensions)
        return f"{bilingual(kind.zh, kind.en)} ({pattern});;{_('All files')} (*)"

    # -- the list ---------------------------------------------------------------------
    def list_rows(self, findings: Sequence[Finding]) -> list[ListRow]:
        """A line per attachment: ✔, or ⚠/✖ by its own findings; number, kind, name, size."""
        rows: list[ListRow] = []
        for index, attachment in enumerate(self.attachments):
            own = [f for f in findings if f.field.startswith(f"attachments.{index}.")]
            mark = ("✖" if any(f.is_error for f in own) else "⚠") if own else "✔"
            size = f"（{file_size(attachment.size_bytes)}）" if attachment.size_bytes else ""
            text = (
                f"{mark} {index + 1}. {self.kind_name(attachment.kind)} — "
                f"{attachment.file_name or _('(no file)')}{size}"
            )
            rows.append(ListRow(text, "\n".join([text, *(finding_line(f) for f in own)])))
        return rows

    # -- the selected attachment --------------------------------------------------------
    def detail_fields(self, row: int) -> list[DetailField]:
        """The fields of attachment ``row``, a declared column each, in order."""
        fields: list[DetailField] = []
        for column in ATTACHMENTS.columns:
            path = f"attachments.{row}.{column.field}"
            fields.append(
                DetailField(
                    field=column.field,
                    path=path,
                    kind=column.kind,
                    caption=bilingual(*fact_words(column.field)),
                    accessible=attachment_label(path),
                    choices=self._choices(column),
                )
            )
        return fields

    def _choices(self, column: Column) -> Choices:
        return self.table.choices(column) if column.kind in ("choice", "yes_no") else []

    def file_facts(self, row: int) -> str:
        """What was recorded of attachment ``row``'s file: its SHA-256 and size."""
        attachment = self.attachments[row]
        size = f"\n{file_size(attachment.size_bytes)}" if attachment.size_bytes else ""
        return f"SHA-256: {attachment.sha256 or '—'}{size}"

    def needs(self, row: int) -> Needs | None:
        """The facts the rules read for attachment ``row``'s kind (None: no such row)."""
        if not self.has_row(row):
            return None
        fields = [column.field for column in ATTACHMENTS.columns]
        return self.requirements.needs(self.attachments[row].kind, fields)

    # -- attaching, replacing, removing ---------------------------------------------------
    def attach(self, paths: Sequence[Path], kind: AttachmentKind) -> Outcome:
        """Attach files as ``kind``: those refused are named with why, the others added."""
        added: list[Attachment] = []
        problems: list[str] = []
        for path in paths:
            try:
                added.append(new_attachment(path, kind))
            except AttachmentFileError as error:
                problems.append(bilingual(error.zh, error.en))
        if added:
            try:
                self.session.set_value("attachments", [*self.attachments, *added])
            except EditRefusedError as error:
                problems.append(bilingual(error.zh, error.en))
                added = []
        refused = tuple(f"✖ {problem}" for problem in problems)
        if not added:
            return Outcome(refused, error=True, select=None)
        done = _("Attached as {kind}: {names}").format(
            kind=bilingual(kind.zh, kind.en), names=joined(item.file_name for item in added)
        )
        select = len(self.attachments) - 1
        return Outcome((done, *refused), error=bool(problems), select=select, count=len(added))

    def replace(self, row: int, path: Path, chosen: str) -> Outcome:
        """Put the file at ``path`` in place of attachment ``row``'s, keeping its facts."""
        attachments = list(self.attachments)
        kind = self.replacement_kind(row, chosen)
        try:
            attachments[row] = with_new_file(attachments[row], path, kind)
            self.session.set_value("attachments", attachments)
        except (AttachmentFileError, EditRefusedError) as error:
            return Outcome((f"✖ {bilingual(error.zh, error.en)}",), error=True, select=None)
        done = _("Replaced the file of attachment {n}.").format(n=row + 1)
        return Outcome((done,), error=False, select=row)

    def remove(self, row: int) -> Outcome | None:
        """Remove attachment ``row`` (its file is not touched); None when there is no such row."""
        attachments = list(self.attachments)
        if not 0 <= row < len(attachments):
            return None
        removed = attachments.pop(row)
        self.session.set_value("attachments", attachments)
        done = _("Removed {name}.").format(name=removed.file_name or row + 1)
        return Outcome((done,), error=False, select=min(row, len(attachments) - 1))

    # -- going to a path --------------------------------------------------------------
    def focus(self, path: str) -> Focus:
        """Where ``path`` is on the page."""
        parts = path.split(".")
        if parts[0] == "attachments" and len(parts) >= 2 and parts[1].isdigit():
            row = int(parts[1])
            return Focus("attachment", row) if self.has_row(row) else Focus("nowhere")
        if path == "attachments":
            return Focus("checklist" if self.requirements.documents else "list")
        if parts[0] == "declarations":
            return Focus("declaration")
        return Focus("elsewhere")
