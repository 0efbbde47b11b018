"""A draft's rows and the address book: suggestions, filling a row, saving a row (no Qt).

The window's units, partners and team tables offer the address book's
entries as a name is typed (``suggestions``). Choosing one fills the row's
empty fields (``fill``); a field the row already holds with another value is
returned as a ``Difference`` and left as it is, for the user to take or not
(``take``): nothing in a draft is overwritten without being shown. Saving a
row (``compare_row`` then ``save_row``) works the same way the other round:
a new entry is added; an entry that differs is shown before it is updated;
an entry with findings (credit code, registration number, dates) is shown
them first, so a wrong entry is caught once and not copied into ten drafts.

The book is opened on first use. A book that cannot be used (corrupt, newer,
locked too long, on a drive that went away) turns into ``problem``: the
window says why and goes on without it; the file is never changed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from applywizard.adapters.address_book.importing import ImportReport, import_drafts
from applywizard.adapters.address_book.store import AddressBook, AddressBookError, StoredEntry
from applywizard.domain.address_book import (
    FIELDS,
    KINDS,
    Entry,
    EntryFinding,
    Kind,
    entry_findings,
    entry_of,
    normalise,
)
from applywizard.workflow.session import DraftSession, EditRefusedError

COLLECTION_KINDS: dict[str, Kind] = {
    "chinese_units": "unit",
    "foreign_partners": "partner",
    "team": "person",
}
"""The draft's lists whose rows are kept in the address book, and as which kind."""

SUGGESTIONS = 12
"""How many entries are offered at once."""

T = TypeVar("T")


@dataclass(frozen=True)
class Suggestion:
    """An entry offered for a typed name: its id, its name and what tells it apart."""

    kind: Kind
    entry_id: int
    name: str
    details: tuple[str, ...]
    fields: Entry

    @property
    def label(self) -> str:
        """The line the list of suggestions shows."""
        return " · ".join((self.name, *self.details))


@dataclass(frozen=True)
class Difference:
    """A field the row and the entry both give, with different values."""

    field: str
    row: Any
    book: Any
    book_text: str


@dataclass(frozen=True)
class Refusal:
    """An entry's value the draft model does not accept (kept out of the row)."""

    field: str
    zh: str
    en: str


@dataclass(frozen=True)
class FillOutcome:
    """What choosing an entry did to a row: fields filled, differences left, values refused."""

    entry_id: int
    filled: tuple[str, ...]
    differences: tuple[Difference, ...]
    refused: tuple[Refusal, ...]


@dataclass(frozen=True)
class RowComparison:
    """A row against the address book, before it is saved there."""

    kind: Kind
    entry: Entry
    stored_id: int | None
    """The entry that is the same as the row (None: the row is new to the book)."""
    differences: tuple[Difference, ...]
    """Fields the book gives otherwise (``row``: the row's value, ``book``: the book's)."""
    findings: tuple[EntryFinding, ...]
    fills_book: bool = False
    """Whether the row gives fields the stored entry lacks."""

    @property
    def unchanged(self) -> bool:
        """Whether the book already holds the row, field for field."""
        return self.stored_id is not None and not self.differences and not self.fills_book


def _details(kind: Kind, fields: Mapping[str, str]) -> tuple[str, ...]:
    wanted = {
        "unit": ("name_en", "credit_code"),
        "partner": ("name_zh", "country", "registration_number"),
        "person": ("title", "unit"),
    }[kind]
    return tuple(fields[field] for field in wanted if fields.get(field))


def _typed(item: Any, field: str, text: str) -> Any:
    """The draft value ``text`` stands for in ``field`` (EditRefusedError if none)."""
    probe = item.model_copy()
    try:
        setattr(probe, field, text)
    except ValueError as error:
        raise EditRefusedError(field, f"“{text}”不可用", f"“{text}” is not accepted") from error
    return getattr(probe, field)


def _same(mine: str, theirs: str) -> bool:
    return normalise(mine) == normalise(theirs)


class AddressBookAccess:
    """The address book as the window uses it: opened on first use, never fatal."""

    def __init__(self, opener: Callable[[], AddressBook], *, today: Callable[[], dt.date]) -> None:
        self._opener = opener
        self._today = today
        self._book: AddressBook | None = None
        self.problem: tuple[str, str] | None = None
        """Why the book cannot be used (Chinese, English); None while it can."""

    def book(self) -> AddressBook | None:
        """The open book; None (and ``problem`` says why) when it cannot be used."""
        if self._book is None and self.problem is None:
            try:
                self._book = self._opener()
            except AddressBookError as error:
                self.problem = (error.message(english=False), error.message(english=True))
        return self._book

    def close(self) -> None:
        """Close the file (it is opened again on next use)."""
        if self._book is not None:
            self._book.close()
            self._book = None

    def _use(self, action: Callable[[AddressBook], T], fallback: T) -> T:
        book = self.book()
        if book is None:
            return fallback
        try:
            return action(book)
        except sqlite3.Error as error:
            self.problem = (
                f"{book.path}：通讯录无法读写（{error}）；草稿不受影响",
                f"{book.path}: the address book cannot be read or written ({error}); "
                "the draft is not affected",
            )
            self.close()
            return fallback

    # -- the book as a whole ------------------------------------------------------------
    def counts(self) -> dict[Kind, int] | None:
        """How many entries of each kind; None when the book cannot be used."""
        return self._use(lambda book: {kind: book.count(kind) for kind in KINDS}, None)

    def where(self) -> Path | None:
        """The book's file, once opened."""
        book = self.book()
        return book.path if book is not None else None

    def import_drafts(self, paths: Sequence[Path]) -> ImportReport | None:
        """Collect the entries of earlier drafts (as ``applywizard addressbook import``)."""
        return self._use(lambda book: import_drafts(book, paths, today=self._today()), None)

    # -- filling a row from the book ----------------------------------------------
    def suggestions(self, kind: Kind, text: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
        """The entries matching what was typed (nothing for blank text)."""
        if not text.strip():
            return []
        nothing: list[StoredEntry] = []
        found = self._use(lambda book: book.search(kind, text, limit), nothing)
        return [
            Suggestion(kind, item.id, item.fields["name"], _details(kind, item.fields), item.fields)
            for item in found
        ]

    def fill(self, session: DraftSession, collection: str, row: int, entry_id: int) -> FillOutcome:
        """Fill the row's empty fields from an entry; differing fields are returned, not set."""
        kind = COLLECTION_KINDS[collection]
        stored = self._use(lambda book: book.entry(kind, entry_id), None)
        if stored is None:
            return FillOutcome(entry_id, (), (), ())
        item = getattr(session.draft, collection)[row]
        mine = entry_of(kind, item)
        filled: list[str] = []
        differences: list[Difference] = []
        refused: list[Refusal] = []
        for field in FIELDS[kind]:
            theirs = stored.get(field, "")
            if not theirs or _same(mine.get(field, ""), theirs):
                continue
            try:
                value = _typed(item, field, theirs)
                if mine.get(field, ""):
                    differences.append(Difference(field, getattr(item, field), value, theirs))
                    continue
                session.set_value(f"{collection}.{row}.{field}", value)
            except EditRefusedError as error:
                refused.append(Refusal(field, error.zh, error.en))
                continue
            filled.append(field)
        self._record_use(session, kind, entry_id)
        return FillOutcome(entry_id, tuple(filled), tuple(differences), tuple(refused))

    def take(
        self, session: DraftSession, collection: str, row: int, taken: Iterable[Difference]
    ) -> list[Refusal]:
        """Set the chosen differences' book values in the row; those refused."""
        refused = []
        for difference in taken:
            try:
                session.set_value(f"{collection}.{row}.{difference.field}", difference.book)
            except EditRefusedError as error:
                refused.append(Refusal(difference.field, error.zh, error.en))
        return refused

    def _record_use(self, session: DraftSession, kind: Kind, entry_id: int) -> None:
        if session.path is None:
            return
        draft = str(session.path.resolve())

        def record(book: AddressBook) -> None:
            with book.transaction():
                book.used_in(kind, entry_id, draft)

        self._use(record, None)

    # -- saving a row to the book ---------------------------------------------------
    def compare_row(self, session: DraftSession, collection: str, row: int) -> RowComparison | None:
        """The row as an entry, the entry it matches, how they differ, its findings.

        None when the book cannot be used."""
        kind = COLLECTION_KINDS[collection]
        item = getattr(session.draft, collection)[row]
        entry = entry_of(kind, item)
        findings = tuple(entry_findings(kind, entry, self._today()))
        book = self.book()
        if book is None:
            return None
        stored = self._use(lambda book: book.find(kind, entry), None)
        if self.problem is not None:
            return None
        if stored is None:
            return RowComparison(kind, entry, None, (), findings)
        differences = []
        fills = False
        for field in FIELDS[kind]:
            mine, theirs = entry.get(field, ""), stored.fields.get(field, "")
            if mine and theirs and not _same(mine, theirs):
                try:
                    typed = _typed(item, field, theirs)
                except EditRefusedError:
                    typed = theirs
                differences.append(Difference(field, getattr(item, field), typed, theirs))
            fills = fills or bool(mine and not theirs)
        return RowComparison(kind, entry, stored.id, tuple(differences), findings, fills)

    def save_row(
        self, session: DraftSession, comparison: RowComparison, replace: Iterable[str] = ()
    ) -> int | None:
        """Write a compared row: a new entry, or the stored one with the row's fields it
        lacks and the ``replace`` d fields; its id (None when the book cannot be used)."""
        kind, entry = comparison.kind, comparison.entry
        replaced = set(replace)

        def write(book: AddressBook) -> int:
            with book.transaction():
                if comparison.stored_id is None:
                    entry_id = book.put(kind, entry)
                else:
                    stored = book.entry(kind, comparison.stored_id) or {}
                    merged = {
                        field: entry[field]
                        if entry.get(field) and (field in replaced or not stored.get(field))
                        else stored.get(field, "")
                        for field in FIELDS[kind]
                    }
                    entry_id = book.put(kind, merged, entry_id=comparison.stored_id)
                if session.path is not None:
                    book.used_in(kind, entry_id, str(session.path.resolve()))
            return entry_id

        return self._use(write, None)
