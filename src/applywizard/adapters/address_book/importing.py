"""Filling the address book from drafts: ``import_drafts``.

Each draft is read strictly (``read_draft``); its units, partners and team
members are merged into the book by identity (credit code; country and
registration number; else normalised name, with the unit for people). A
field that differs between the book and a draft is reported as a conflict
and the book's value kept: the program does not guess which one is right.
Each entry is checked as a draft row is, and the findings are reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from applywizard.adapters.address_book.store import AddressBook
from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.file_errors import DraftFileError
from applywizard.domain.address_book import (
    Conflict,
    EntryFinding,
    Kind,
    entries_of,
    entry_findings,
    merge,
)


@dataclass(frozen=True)
class EntryReport:
    """The findings on one entry, and where it came from."""

    kind: Kind
    name: str
    source: str
    findings: tuple[EntryFinding, ...]


@dataclass
class ImportReport:
    """What an import did: entries added and merged, conflicts, findings, unreadable files."""

    added: dict[Kind, int] = field(default_factory=lambda: {"unit": 0, "partner": 0, "person": 0})
    merged: dict[Kind, int] = field(default_factory=lambda: {"unit": 0, "partner": 0, "person": 0})
    conflicts: list[Conflict] = field(default_factory=list)
    findings: list[EntryReport] = field(default_factory=list)
    unreadable: list[DraftFileError] = field(default_factory=list)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    """Bad CSV rows: line number, why in Chinese, why in English."""


def add_entry(
    book: AddressBook,
    kind: Kind,
    entry: Mapping[str, str],
    source: str,
    report: ImportReport,
    *,
    today: dt.date,
    used_in: str | None = None,
) -> int:
    """Merge one entry into the book (inside the caller's transaction); its id."""
    findings = entry_findings(kind, entry, today)
    if findings:
        report.findings.append(EntryReport(kind, entry.get("name", ""), source, tuple(findings)))
    stored = book.find(kind, entry)
    if stored is None:
        entry_id = book.put(kind, entry)
        report.added[kind] += 1
    else:
        merged, conflicts = merge(kind, stored.fields, entry, source)
        report.conflicts.extend(conflicts)
        entry_id = stored.id
        if merged != stored.fields:
            book.put(kind, merged, entry_id=entry_id)
        report.merged[kind] += 1
    if used_in is not None:
        book.used_in(kind, entry_id, used_in)
    return entry_id


def import_drafts(
    book: AddressBook, paths: Iterable[Path], *, today: dt.date | None = None
) -> ImportReport:
    """Collect the entries of many drafts; one transaction per draft."""
    today = today or dt.date.today()  # noqa: DTZ011 - the user's calendar day
    report = ImportReport()
    for path in paths:
        try:
            draft = read_draft(path)
        except DraftFileError as error:
            report.unreadable.append(error)
            continue
        source = str(path.resolve())
        with book.transaction():
            for kind, entry in entries_of(draft):
                add_entry(book, kind, entry, path.name, report, today=today, used_in=source)
    return report
