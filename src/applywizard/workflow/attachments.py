"""Attaching files, and what a direction asks to be attached or declared.

No Qt here: the attachments page hands in a path and a kind and gets back an
``Attachment`` to add to the draft, or an ``AttachmentFileError`` that says in
Chinese and English why the file was refused (wrong type, empty, too large,
unreadable). The file is read once, in chunks, to record its size and SHA-256;
the draft names it by its bare name and records where it was attached from
(its absolute path, so a pack for handing on can find it again).

``required_documents`` and ``required_declarations`` read the chosen
direction's rules, so the checklist shows what the data says, clause by clause.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from applywizard.adapters.attachment_preflight.preflight import digest_of
from applywizard.adapters.file_errors import os_reason
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.model import Attachment
from applywizard.domain.guide.model import AttachmentKind, Declaration, Severity
from applywizard.domain.rules.engine import BoundRule, RuleBook
from applywizard.workflow.preflight import ATTACHED_SOURCES

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
"""The largest file ApplyWizard attaches (50 MB)."""

CHUNK_BYTES = 1024 * 1024

DOCUMENT_CHECKS = frozenset(
    {"attachment", "attachment_signed", "attachment_signed_by_all", "attachment_valid", "ip_terms"}
)
"""The kinds of check whose parameters name attachment kinds."""

KIND_PARAMS = ("kind", "agreement", "ip_agreement")
"""The parameters of those checks that hold an attachment kind."""

FACT_OF_CHECK = {
    "attachment_signed": "signed_on",
    "attachment_signed_by_all": "signed_by_all_parties",
    "attachment_valid": "valid_until",
}
"""Which fact of an attachment a check reads (``ip_terms`` reads contains_ip_clauses)."""


class AttachmentFileError(ValueError):
    """A file cannot be attached; the message says why, in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What ApplyWizard records about a file: its bare name, size and SHA-256."""

    file_name: str
    size_bytes: int
    sha256: str


def extension_of(file_name: str) -> str:
    """The extension of a file name, lower case and without the dot ("" if none)."""
    stem, dot, extension = file_name.rpartition(".")
    return extension.lower() if dot and stem else ""


def megabytes(size: int) -> str:
    """A size in bytes as MB with one decimal: 52428800 reads 50.0 MB."""
    return f"{size / (1024 * 1024):.1f} MB"


def check_type(file_name: str, kind: AttachmentKind) -> None:
    """Refuse a file whose extension the kind does not accept."""
    extension = extension_of(file_name)
    if extension in kind.extensions:
        return
    allowed = ", ".join(kind.extensions)
    shown = f".{extension}" if extension else "无扩展名"
    shown_en = f".{extension}" if extension else "no extension"
    raise AttachmentFileError(
        f"“{file_name}”（{shown}）不能作为{kind.zh}：只接受 {allowed} 文件",
        f"“{file_name}” ({shown_en}) cannot be attached as the {kind.en}: "
        f"only {allowed} files are accepted",
    )


def read_file_facts(path: Path, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> FileFacts:
    """Size and SHA-256 of a regular, non-empty file of at most ``max_bytes``.

    The file is streamed in chunks and never held whole in memory; a file that
    grows beyond the limit while it is read is refused as well.
    """
    name = path.name
    source = operation_path(path)
    try:
        facts = source.stat()
    except OSError as error:
        raise _unreadable(source, error) from error
    if not stat.S_ISREG(facts.st_mode):
        raise AttachmentFileError(f"“{name}”不是文件", f"“{name}” is not a file")
    _check_size(name, facts.st_size, max_bytes)
    try:
        size, sha256 = digest_of(path, stop_after=max_bytes, chunk_bytes=CHUNK_BYTES)
    except OSError as error:
        raise _unreadable(source, error) from error
    _check_size(name, size, max_bytes)
    return FileFacts(file_name=name, size_bytes=size, sha256=sha256)


def _unreadable(path: Path, error: OSError) -> AttachmentFileError:
    zh, en = os_reason(error, path)
    return AttachmentFileError(f"无法读取：{zh}", f"Cannot read: {en}")


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise AttachmentFileError(
            f"“{name}”是空文件（0 字节），请选择正式文件",
            f"“{name}” is empty (0 bytes); choose the real document",
        )
    if size > max_bytes:
        raise AttachmentFileError(
            f"“{name}”有 {megabytes(size)}，超过附件上限 {megabytes(max_bytes)}",
            f"“{name}” is {megabytes(size)}, more than the {megabytes(max_bytes)} an "
            "attachment may be",
        )


def new_attachment(
    path: Path, kind: AttachmentKind, *, max_bytes: int = MAX_ATTACHMENT_BYTES
) -> Attachment:
    """An attachment of ``kind`` for the file at ``path``: type, size and SHA-256 checked."""
    return with_new_file(Attachment(), path, kind, max_bytes=max_bytes)


def with_new_file(
    attachment: Attachment,
    path: Path,
    kind: AttachmentKind,
    *,
    max_bytes: int = MAX_ATTACHMENT_BYTES,
) -> Attachment:
    """The same attachment (its facts kept) with another file in place of its old one."""
    check_type(path.name, kind)
    facts = read_file_facts(path, max_bytes=max_bytes)
    ATTACHED_SOURCES.remember(facts.sha256, path)
    return _validated(
        {
            **attachment.model_dump(),
            "kind": kind.id,
            "file_name": facts.file_name,
            "sha256": facts.sha256,
            "size_bytes": facts.size_bytes,
            "preflight": None,  # checked afresh: see workflow.preflight
            "attached_from": recorded_source(path),
        }
    )


def recorded_source(path: Path) -> str:
    """The absolute path to record as where a file was attached from ("" if it cannot be).

    ``os.path.abspath`` joins the working folder and resolves ``..`` without
    touching the file system (a symbolic link stays as the user chose it). A
    path the draft cannot hold (a control character in a name) is not recorded:
    the file is still attached, and is looked for beside the draft.
    """
    absolute = os.path.abspath(path)  # noqa: PTH100 - no file access, unlike resolve()
    try:
        Attachment(attached_from=absolute)
    except ValidationError:
        return ""
    return absolute


def _validated(data: dict[str, object]) -> Attachment:
    try:
        return Attachment.model_validate(data)
    except ValidationError as error:
        message = error.errors()[0]["msg"] if error.errors() else str(error)
        name = data.get("file_name", "")
        raise AttachmentFileError(
            f"“{name}”不能作为附件：{message}", f"“{name}” cannot be attached: {message}"
        ) from error


# -- what a direction requires -------------------------------------------------------------


def short_citation(direction: str, clause: int | None) -> str:
    """A clause as the checklist cites it: 1.1（6）, or 1.1 for an unnumbered paragraph."""
    if clause is None:
        return ""
    return f"{direction}（{clause}）" if clause else direction


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    """A kind of document the chosen direction's rules ask for.

    ``optional`` is True for a kind the rules read when it is attached but do
    not demand, such as a separate IP agreement in place of IP clauses in the
    cooperation agreement (``alternative_to`` names that agreement's kind);
    ``facts`` are the attachment fields the rules read for the kind, each with
    its citation; ``rules`` are the ids of the rules that report it missing.
    """

    kind: AttachmentKind
    clauses: tuple[int, ...]
    citation: str
    severity: Severity
    optional: bool
    alternative_to: AttachmentKind | None
    rules: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RequiredDeclaration:
    """A declaration the chosen direction's rules ask the applicant to tick."""

    declaration: Declaration
    clause: int | None
    citation: str
    severity: Severity


def _cite_all(direction: str, clauses: Sequence[int | None]) -> str:
    numbers = sorted({clause for clause in clauses if clause is not None})
    return "、".join(short_citation(direction, clause) for clause in numbers)


def required_documents(book: RuleBook, direction: str) -> list[RequiredDocument]:
    """The kinds of document the direction's rules name, in the order the rules do."""
    if book.guide.direction(direction) is None:
        return []
    order: list[str] = []
    rules: dict[str, list[BoundRule]] = {}
    demanded: set[str] = set()
    instead_of: dict[str, str] = {}
    for rule in book.rules_for(direction):
        if rule.spec.check not in DOCUMENT_CHECKS:
            continue
        for key in KIND_PARAMS:
            kind_id = rule.spec.params.get(key)
            if not isinstance(kind_id, str) or not kind_id:
                continue
            if kind_id not in rules:
                order.append(kind_id)
                rules[kind_id] = []
            rules[kind_id].append(rule)
            if rule.spec.check == "attachment":
                demanded.add(kind_id)
            agreement = rule.spec.params.get("agreement")
            if key == "ip_agreement" and isinstance(agreement, str):
                instead_of.setdefault(kind_id, agreement)
    found: list[RequiredDocument] = []
    for kind_id in order:
        kind = book.guide.attachment_kind(kind_id)
        if kind is None:
            continue
        bound = rules[kind_id]
        clauses = tuple(sorted({r.clause for r in bound if r.clause is not None}))
        severity = (
            Severity.ERROR if any(r.severity is Severity.ERROR for r in bound) else Severity.WARNING
        )
        found.append(
            RequiredDocument(
                kind=kind,
                clauses=clauses,
                citation=_cite_all(direction, [r.clause for r in bound]),
                severity=severity,
                optional=kind_id not in demanded,
                alternative_to=(
                    book.guide.attachment_kind(instead_of[kind_id])
                    if kind_id in instead_of and kind_id not in demanded
                    else None
                ),
                rules=tuple(r.spec.id for r in bound if r.spec.check == "attachment"),
                facts=facts_needed(book, direction, kind_id),
            )
        )
    return found


def facts_needed(book: RuleBook, direction: str, kind_id: str) -> tuple[tuple[str, str], ...]:
    """The attachment fields the direction's rules read for a kind, each with its citation."""
    needed: dict[str, list[int | None]] = {}
    for rule in book.rules_for(direction):
        params = rule.spec.params
        if rule.spec.check in FACT_OF_CHECK and params.get("kind") == kind_id:
            needed.setdefault(FACT_OF_CHECK[rule.spec.check], []).append(rule.clause)
        elif rule.spec.check == "ip_terms" and params.get("agreement") == kind_id:
            needed.setdefault("contains_ip_clauses", []).append(rule.clause)
    return tuple((fact, _cite_all(direction, clauses)) for fact, clauses in needed.items())


def required_declarations(book: RuleBook, direction: str) -> list[RequiredDeclaration]:
    """The declarations the direction's rules ask for, in the order of its clauses."""
    if book.guide.direction(direction) is None:
        return []
    found: list[RequiredDeclaration] = []
    seen: set[str] = set()
    for rule in book.rules_for(direction):
        if rule.spec.check != "declaration":
            continue
        declaration_id = rule.spec.params.get("id")
        declaration = (
            book.guide.declaration(declaration_id) if isinstance(declaration_id, str) else None
        )
        if declaration is None or declaration.id in seen:
            continue
        seen.add(declaration.id)
        found.append(
            RequiredDeclaration(
                declaration=declaration,
                clause=rule.clause,
                citation=short_citation(direction, rule.clause),
                severity=rule.severity,
            )
        )
    return found
