"""A table over one list of the draft, without Qt: cells, their text, edits and findings.

The columns come from ``domain.draft.tables``. Every change goes through the
session by field path (``foreign_partners.1.country``): a value the draft
model refuses is not applied, and the refusal is kept for the cell (its
tooltip) and for the line beside the table. ``ui.tables`` shows this
presenter in a QTableView; the tests of ``tests/presenters`` drive it alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from applywizard.domain.draft.paths import enum_label
from applywizard.domain.draft.tables import CURRENCIES, INDICATOR_UNITS, Column, Table
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.fields import field_label
from applywizard.presenters.findings import (
    Severity,
    errors_first,
    finding_line,
    first_by_field,
    severity_of,
    under,
)
from applywizard.presenters.text import _, bilingual
from applywizard.workflow.session import DraftSession, EditRefusedError

LONG_PREVIEW = 40
MADE_FIELDS = frozenset({"key"})
"""Fields an item gets when it is created, never typed (an indicator's key)."""
PLACEHOLDERS = {"date": "yyyy-MM-dd", "money": "0.00"}

Choices = list[tuple[Any, str]]


def capitalised(text: str) -> str:
    """The text with its first letter upper-case (a heading)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Cell:
    """What a cell shows: its text, the problem with it (refused or found), how marked."""

    text: str
    accessible: str
    tooltip: str | None
    severity: Severity
    bold: bool
    right_aligned: bool


@dataclass(frozen=True)
class RowHeader:
    """A row's number (★ for the item that leads) and the worst finding about the row."""

    text: str
    bold: bool
    tooltip: str | None
    severity: Severity


@dataclass(frozen=True)
class FindingLine:
    """A finding listed under the table: its line, the field it goes to, its severity."""

    text: str
    field: str
    severity: Severity
    tooltip: str


@dataclass(frozen=True)
class Target:
    """Where a path is in the table: a row and column (-1: none), and whether it is long text."""

    row: int
    column: int
    long: bool


def parse(path: str, column: Column, raw: Any) -> Any:
    """The draft value for what was typed or chosen; EditRefusedError if it is no value."""
    if isinstance(raw, str) and column.clean is not None:
        raw = raw.strip().upper()
        if column.clean == "upper_or_none" and not raw:
            raw = None
    if column.kind not in ("money", "decimal", "date"):
        return raw
    text = str(raw or "").replace(",", "").strip()
    if not text:
        return None if column.optional or column.kind == "date" else Decimal(0)
    if column.kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            zh, en = f"“{text}”不是日期（yyyy-MM-dd）", f"“{text}” is not a date (yyyy-MM-dd)"
            raise EditRefusedError(path, zh, en) from None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise EditRefusedError(path, f"“{text}”不是数字", f"“{text}” is not a number") from None


class TablePresenter:
    """The items of one list of the draft, a row each, a column per declared field."""

    def __init__(self, session: Callable[[], DraftSession], table: Table) -> None:
        self._session = session
        self.table = table
        self.collection = table.collection
        self.columns: Sequence[Column] = table.columns
        self.count = len(self.items())
        self.findings: dict[str, Finding] = {}
        self.refused: dict[str, str] = {}
        self.shown: list[Finding] = []

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    # -- reading -----------------------------------------------------------------
    def items(self) -> list[Any]:
        """The draft's list this table edits."""
        return self.session.items(self.collection)

    def path(self, row: int, column: int | None = None) -> str:
        """The field path of a cell (of a row when ``column`` is None)."""
        base = f"{self.collection}.{row}"
        return base if column is None else f"{base}.{self.columns[column].field}"

    def column_of(self, field: str) -> int:
        """The column showing ``field``, -1 if none does."""
        return next((n for n, column in enumerate(self.columns) if column.field == field), -1)

    def value(self, row: int, column: int) -> Any:
        """The draft's value in a cell."""
        return getattr(self.items()[row], self.columns[column].field)

    def is_lead(self, row: int) -> bool:
        """Whether the item in ``row`` leads (the lead unit, the project leader)."""
        if self.table.lead is None or not 0 <= row < self.count:
            return False
        field, value = self.table.lead
        return bool(getattr(self.items()[row], field) == value)

    def is_empty(self, row: int) -> bool:
        """Whether nothing was typed into the item in ``row`` yet."""
        item = self.items()[row]
        made = MADE_FIELDS & set(type(item).model_fields)
        return bool(item.model_dump(exclude=made) == type(item)().model_dump(exclude=made))

    def editable(self, column: int) -> bool:
        """Whether a cell of ``column`` is edited in place (long text is edited below)."""
        return self.columns[column].kind not in ("long", "file")

    def header(self, column: int) -> str:
        """A column's heading in the current language."""
        return bilingual(*self.table.header(self.columns[column].field))

    def long_caption(self, row: int) -> str:
        """The caption of the multi-line field: the current row's long field, or a hint."""
        field = self.table.long_field or ""
        if row < 0:
            return capitalised(field_label(f"{self.collection}.*.{field}")) + _(" (choose a row)")
        return capitalised(field_label(f"{self.path(row)}.{field}"))

    def choices(self, column: Column) -> Choices:
        """The values a column offers, each with its text in the current language."""
        source = column.choices
        if isinstance(source, type) and issubclass(source, Enum):
            return [(value, bilingual(*enum_label(value))) for value in source]
        if source is None:
            return [(True, _("Yes")), (False, _("No"))] if column.kind == "yes_no" else []
        offered: dict[str, Callable[[], Choices]] = {
            "answer": lambda: [(None, _("Not answered")), (True, _("Yes")), (False, _("No"))],
            "countries": lambda: [(c, self.country_name(c)) for c in self.country_codes()],
            "unit_names": self._unit_names,
            "currencies": lambda: [(code, code) for code in CURRENCIES],
            "indicator_units": lambda: [(unit, unit) for unit in INDICATOR_UNITS],
            "attachment_kinds": lambda: [
                (kind.id, bilingual(kind.zh, kind.en))
                for kind in self.session.book.guide.attachment_kinds
            ],
        }
        return offered[source]()

    def _unit_names(self) -> Choices:
        names = [unit.name for unit in self.session.draft.chinese_units if unit.name]
        return [(name, name) for name in dict.fromkeys(names)]

    def country_codes(self) -> tuple[str, ...]:
        """The chosen direction's partner countries (all the guide's without one)."""
        guide = self.session.book.guide
        code = self.session.draft.direction
        direction = guide.direction(code) if code else None
        if direction is not None:
            return direction.partner_countries
        return tuple(country.code for country in guide.countries)

    def country_name(self, code: str) -> str:
        """A country's name in the current language, with its code."""
        country = self.session.book.guide.country(code)
        return f"{bilingual(country.zh, country.en)} ({code})" if country else code

    def display(self, column: Column, value: Any, *, whole: bool = False) -> str:
        """The text a cell shows for a value (long text shortened unless ``whole``)."""
        if value is None or value == "":
            return ""
        text: str | None = None
        if column.kind != "suggest":
            text = next((text for option, text in self.choices(column) if option == value), None)
        if text is None and column.choices == "countries":
            text = self.country_name(str(value))
        if text is None:
            text = value.isoformat() if isinstance(value, date) else None
        if text is None:
            text = format(value, "f") if isinstance(value, Decimal) else str(value)
        if column.kind == "long" and not whole:
            first = text.strip().split("\n", 1)[0]
            text = first if len(first) <= LONG_PREVIEW else first[:LONG_PREVIEW] + "…"
        return text

    def cell(self, row: int, column: int) -> Cell:
        """Everything a cell shows."""
        spec = self.columns[column]
        path = self.path(row, column)
        value = self.value(row, column)
        text = self.display(spec, value)
        lead = self.is_lead(row)
        if lead and self.table.lead is not None and spec.field == self.table.lead[0]:
            text = f"★ {text}"
        refused, found = self.refused.get(path), self.findings.get(path)
        problem: str | None = None
        severity: Severity = ""
        if refused is not None:
            problem, severity = f"✖ {refused}", "error"
        elif found is not None:
            problem, severity = finding_line(found), severity_of(found)
        whole = self.display(spec, value, whole=True) if spec.kind == "long" else None
        return Cell(
            text=text,
            accessible=f"{field_label(path)}: {text or '—'}",
            tooltip=problem or whole,
            severity=severity,
            bold=lead,
            right_aligned=spec.kind in ("money", "decimal"),
        )

    def row_header(self, row: int) -> RowHeader:
        """A row's number and the finding about the whole row."""
        found = self.findings.get(self.path(row))
        lead = self.is_lead(row)
        return RowHeader(
            text=f"{row + 1}{' ★' if lead else ''}",
            bold=lead,
            tooltip=finding_line(found) if found is not None else None,
            severity=severity_of(found),
        )

    # -- changing ------------------------------------------------------------------
    def commit(self, row: int, column: int, raw: Any) -> bool:
        """Set a cell from what was typed or chosen; False (and why, kept) when refused."""
        path = self.path(row, column)
        try:
            self.session.set_value(path, parse(path, self.columns[column], raw))
        except EditRefusedError as error:
            self.refused[path] = f"{field_label(path)}：{bilingual(error.zh, error.en)}"
            return False
        self.refused.pop(path, None)
        return True

    def add_item(self) -> int:
        """Append an empty item; returns its row."""
        row = self.session.add_item(self.collection)
        self.count = len(self.items())
        return row

    def remove_item(self, row: int) -> None:
        """Remove the item in ``row`` (refusals are forgotten: the paths after it shift)."""
        self.refused.clear()
        self.session.remove_item(self.collection, row)
        self.count = len(self.items())

    def move_target(self, row: int, offset: int) -> int:
        """The row an item in ``row`` moves to, up (-1) or down (+1), within the table."""
        return max(0, min(self.count - 1, row + offset))

    def move_item(self, row: int, offset: int) -> int:
        """Move the item in ``row`` up or down; returns its new row."""
        target = self.move_target(row, offset)
        if target != row:
            self.refused.clear()
            self.session.move_item(self.collection, row, offset)
        return target

    def reload(self) -> None:
        """Another draft (or another list): count its items again, forget refusals."""
        self.refused.clear()
        self.count = len(self.items())

    def in_step(self) -> bool:
        """Whether the count of rows still matches the draft's list."""
        return self.count == len(self.items())

    # -- findings --------------------------------------------------------------------
    def show_findings(self, findings: Iterable[Finding]) -> None:
        """Keep this list's findings: the most severe per cell, and all for the list."""
        self.shown = errors_first(under(findings, self.collection))
        self.findings = first_by_field(self.shown)

    def finding_lines(self) -> list[FindingLine]:
        """This list's findings, errors first, as the list under the table shows them."""
        return [
            FindingLine(finding_line(item), item.field, severity_of(item), field_label(item.field))
            for item in self.shown
        ]

    def findings_caption(self) -> str:
        """The caption of the findings list, with their count."""
        return _("&Findings: {count}").format(count=len(self.shown))

    def refusal_lines(self) -> list[str]:
        """The refused edits, one line each."""
        return [f"✖ {text}" for text in self.refused.values()]

    def target(self, path: str) -> Target | None:
        """Where ``path`` is in this table; None if it is not about this list."""
        if path != self.collection and not path.startswith(self.collection + "."):
            return None
        parts = path[len(self.collection) + 1 :].split(".") if path != self.collection else []
        if not parts or not parts[0].isdigit() or not self.count:
            return Target(-1, -1, long=False)
        field = parts[1] if len(parts) > 1 else ""
        long = bool(field) and field == self.table.long_field
        return Target(min(int(parts[0]), self.count - 1), self.column_of(field), long)

    def removal_question(self, row: int) -> str:
        """What to ask before removing the item in ``row``."""
        return _("Remove {item}?").format(item=field_label(self.path(row)))
