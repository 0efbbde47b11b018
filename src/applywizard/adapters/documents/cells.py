"""The text a document shows for a value of a declared column, by the column's kind.

The columns are declared once (``domain.draft.tables``); here is the one rule
that turns a column's value into the documents' text: money in 万元
(``formatting.wan``), dates as 2024年1月1日 (ISO on the English side),
enumerations by their Chinese (or English) word, yes/no answers as 是/否,
countries and attachment kinds by the guide's names. The context
(``context_tables``) builds the rows of the units, partners, team, leader's
projects and attachments with it, under the keys the Word templates read; the
templates' headings (``scripts/make_templates.py``) come from the same
declarations through the same keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from applywizard.adapters.documents.formatting import day, iso, wan, yes_no
from applywizard.domain.draft.paths import enum_label
from applywizard.domain.draft.tables import Column, Table
from applywizard.domain.guide.model import Guide

INDEX = ("序号", "No.")
"""The heading of a row's number, which no declared column holds."""


@dataclass(frozen=True)
class Key:
    """A key of a document row: the declared field it shows, in which language, blank as what."""

    field: str
    english: bool = False
    """The English text (``type_en``, ``country_en``; ISO dates)."""
    blank: str = ""
    """What an empty value reads (无 where the form asks for it)."""


Keys = Mapping[str, Key | str]
"""A table's document keys: the key the templates read, and its field (or a ``Key``)."""


def key_of(keys: Keys, name: str) -> Key:
    """The ``Key`` behind a document key."""
    spec = keys[name]
    return Key(spec) if isinstance(spec, str) else spec


def cell_text(column: Column, value: Any, guide: Guide, *, english: bool = False) -> str:
    """The document text of a column's value, by the column's kind; blank for None."""
    if value is None:
        return ""
    kind, source = column.kind, column.choices
    if kind == "money":
        return wan(value)
    if kind == "date":
        return iso(value) if english else day(value)
    if kind == "yes_no" or source == "answer":
        return yes_no(value)
    if isinstance(source, type) or source in ("countries", "attachment_kinds"):
        return _named(source, value, guide, english=english)
    return f"{value}"  # text, codes, currencies, a unit's name; decimals as typed


def _named(source: object, value: Any, guide: Guide, *, english: bool) -> str:
    """An enumeration value's word, or the guide's name of a country or an attachment kind."""
    if isinstance(source, type) and issubclass(source, Enum):
        return enum_label(value)[1 if english else 0]
    found = guide.country(value) if source == "countries" else guide.attachment_kind(value)
    if found is None:
        return str(value)  # a code the guide does not list: shown as it is
    return found.en if english else found.zh


def row_of(table: Table, keys: Keys, item: Any, guide: Guide) -> dict[str, str]:
    """An item's document row: for each key, the text of its column's value."""
    row = {}
    for name in keys:
        key = key_of(keys, name)
        value = getattr(item, key.field)
        text = cell_text(table.column(key.field), value, guide, english=key.english)
        row[name] = text or key.blank
    return row


def heading(table: Table, keys: Keys, name: str) -> tuple[str, str]:
    """The documents' heading (Chinese, English) of a row's key: its column's, or 序号."""
    if name == "index":
        return INDEX
    return table.document_header(key_of(keys, name).field)
