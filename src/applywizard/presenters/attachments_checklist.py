"""What the chosen direction asks to be attached or declared, as the Attachments page lists it.

Read from the direction's rules by ``workflow.attachments``: every kind of
document a rule names, each marked attached (✔), missing (✖ or ⚠ by the
rule's severity) or optional (○), with its clause and the finding that
reports it missing; every declaration a rule asks for, with its clause, shown
first; the facts the rules read for a kind of attachment (the "needs" line).
No Qt: ``ui.pages.attachments`` shows these rows, the tests read them alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from applywizard.domain.draft.model import Attachment
from applywizard.domain.draft.paths import LABELS
from applywizard.domain.guide.model import Declaration
from applywizard.domain.guide.model import Severity as RuleSeverity
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.findings import Severity, finding_line, severity_of
from applywizard.presenters.text import _, bilingual, joined
from applywizard.workflow.attachments import (
    RequiredDeclaration,
    RequiredDocument,
    facts_needed,
    required_declarations,
    required_documents,
)
from applywizard.workflow.session import DraftSession

FALLBACK_KIND = "other"
"""The kind the next attachment gets when the direction asks for no document."""


@dataclass(frozen=True)
class ChecklistRow:
    """A kind of document the direction requires: its line, tooltip and how it is marked."""

    kind: str
    text: str
    tooltip: str
    severity: Severity
    """The severity of the finding that reports it missing (blank for none)."""


@dataclass(frozen=True)
class FindingsNote:
    """The findings shown under the checklist (documents missing), and how they are marked."""

    lines: tuple[str, ...]
    severity: Severity


@dataclass(frozen=True)
class DeclarationRow:
    """A declaration of the guide: its words (with the clause when asked for), whether shown."""

    id: str
    path: str
    name: str
    """The declaration's words alone (the answer's accessible name)."""
    text: str
    """The words, with the clause that asks for it when the direction does."""
    citation: str
    required: bool


@dataclass(frozen=True)
class Needs:
    """The facts the rules read for an attachment's kind: marked captions and the line."""

    captions: dict[str, str]
    line: str


def fact_words(fact: str) -> tuple[str, str]:
    """The short Chinese and English name of an attachment field (签署日期 / signing date)."""
    return LABELS.get(f"attachments.*.{fact}", (fact, fact))


class Requirements:
    """The chosen direction's required documents and declarations, read from its rules."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.code: str | None = None
        """The direction the requirements were read for (None: not read yet)."""
        self.documents: list[RequiredDocument] = []
        self.declarations: list[RequiredDeclaration] = []

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    def stale(self) -> bool:
        """Whether the draft's direction is not the one the requirements were read for."""
        return self.session.draft.direction != self.code

    def read(self) -> None:
        """Read the draft's direction's required documents and declarations from its rules."""
        book, code = self.session.book, self.session.draft.direction
        self.code = code
        self.documents = required_documents(book, code)
        self.declarations = required_declarations(book, code)

    def forget(self) -> None:
        """Another draft: read the requirements again on the next refresh."""
        self.code = None

    def note(self) -> str:
        """The line above the checklist: choose a direction, nothing asked, or what follows."""
        code = self.code or ""
        if self.session.book.guide.direction(code) is None:
            return _("Choose a direction first: its rules say which documents to attach.")
        if not self.documents and not self.declarations:
            return _("Direction {code} asks for no particular document or declaration.").format(
                code=code
            )
        return _("Direction {code} asks for the following (clause cited).").format(code=code)

    def attached(self, kind_id: str) -> list[Attachment]:
        """The draft's attachments of a kind."""
        return [item for item in self.session.draft.attachments if item.kind == kind_id]

    def first_row(self) -> int:
        """The checklist row chosen at first: the first missing document, else the first
        demanded, -1 when none is demanded (the next attachment is then ``FALLBACK_KIND``)."""
        missing = [
            row
            for row, document in enumerate(self.documents)
            if not document.optional and not self.attached(document.kind.id)
        ]
        demanded = [row for row, document in enumerate(self.documents) if not document.optional]
        return (missing or demanded or [-1])[0]

    # -- the checklist -------------------------------------------------------------------
    def checklist(self, findings: Sequence[Finding]) -> list[ChecklistRow]:
        """A row per required document: attached, optional or missing, with its clause."""
        missing = _missing(findings)
        rows: list[ChecklistRow] = []
        for document in self.documents:
            attached = self.attached(document.kind.id)
            found = next((f for f in missing if f.rule in document.rules), None)
            if attached:
                files = joined(a.file_name or _("(no file)") for a in attached)
                mark, status = "✔", _("attached: {files}").format(files=files)
            elif document.alternative_to is not None:
                other = document.alternative_to
                mark = "○"
                status = _("optional: needed when the {kind} has no IP clauses").format(
                    kind=bilingual(other.zh, other.en)
                )
            elif document.optional:
                mark, status = "○", _("optional")
            else:
                mark = "⚠" if document.severity is RuleSeverity.WARNING else "✖"
                status = _("not attached yet")
            name = bilingual(document.kind.zh, document.kind.en)
            text = f"{mark} {name} — {document.citation} — {status}"
            tip = [text] if found is None else [text, finding_line(found)]
            rows.append(ChecklistRow(document.kind.id, text, "\n".join(tip), severity_of(found)))
        return rows

    def checklist_findings(self, findings: Sequence[Finding]) -> FindingsNote:
        """The findings of documents missing, a line each, shown under the checklist."""
        missing = _missing(findings)
        severity: Severity = "error" if any(f.is_error for f in missing) else "warning"
        return FindingsNote(tuple(finding_line(f) for f in missing), severity)

    # -- the declarations ----------------------------------------------------------------
    def declaration_rows(self) -> list[DeclarationRow]:
        """Every declaration of the guide: those the direction asks for first, then the rest."""
        wanted = {item.declaration.id: item for item in self.declarations}
        guide = self.session.book.guide
        ordered: list[Declaration] = [item.declaration for item in self.declarations]
        ordered += [item for item in guide.declarations if item.id not in wanted]
        rows: list[DeclarationRow] = []
        for declaration in ordered:
            required = wanted.get(declaration.id)
            name = bilingual(declaration.zh, declaration.en)
            citation = required.citation if required is not None else ""
            text = f"{name} — {citation}" if required is not None else name
            path = f"declarations.{declaration.id}"
            rows.append(
                DeclarationRow(declaration.id, path, name, text, citation, required is not None)
            )
        return rows

    # -- the facts the rules read --------------------------------------------------------
    def needs(self, kind_id: str, fields: Sequence[str]) -> Needs:
        """The captions of ``fields`` (* on those the rules read for the kind) and the line
        that names them with their clauses."""
        needed = dict(facts_needed(self.session.book, self.code or "", kind_id))
        captions: dict[str, str] = {}
        for field in fields:
            words = bilingual(*fact_words(field))
            captions[field] = f"{words} *" if field in needed else words
        if needed:
            listed = "；".join(
                f"{bilingual(*fact_words(fact))}（{citation}）" for fact, citation in needed.items()
            )
            line = _("The rules read for this kind (marked *): {facts}").format(facts=listed)
        else:
            line = _("The rules read no further facts for this kind.")
        return Needs(captions, line)


def _missing(findings: Sequence[Finding]) -> list[Finding]:
    """The findings about the list of attachments itself (a document missing)."""
    return [finding for finding in findings if finding.field == "attachments"]
