"""What the tables say about the address book: suggestions, differences, outcomes (no Qt).

``workflow.address_book`` fills rows and saves them; this module turns what
it did into the window's words: the line a suggestion shows, the rows of the
differences dialog (each field's label, the row's value and the book's, as
the table shows them), and the line under the table after a fill or a save.
"""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.adapters.address_book.importing import ImportReport
from applywizard.adapters.app_settings import address_book_path
from applywizard.domain.address_book import EntryFinding
from applywizard.presenters.fields import field_label
from applywizard.presenters.table import TablePresenter
from applywizard.presenters.text import _, bilingual, language
from applywizard.workflow.address_book import (
    AddressBookAccess,
    Difference,
    FillOutcome,
    Refusal,
    RowComparison,
)


@dataclass(frozen=True)
class DifferenceLine:
    """A row of the differences dialog."""

    field: str
    label: str
    row: str
    book: str


def difference_lines(
    table: TablePresenter, differences: tuple[Difference, ...]
) -> list[DifferenceLine]:
    """Each difference with its column's heading and both values as the table shows them."""
    lines = []
    for difference in differences:
        column = table.table.column(difference.field)
        lines.append(
            DifferenceLine(
                difference.field,
                table.header(table.column_of(difference.field)),
                table.display(column, difference.row) or "—",
                table.display(column, difference.book) or "—",
            )
        )
    return lines


def _refusal_text(table: TablePresenter, row: int, refused: tuple[Refusal, ...]) -> str:
    labels = [field_label(table.path(row, table.column_of(item.field))) for item in refused]
    return "；".join(
        f"{label}：{bilingual(item.zh, item.en)}"
        for label, item in zip(labels, refused, strict=True)
    )


def fill_summary(table: TablePresenter, row: int, name: str, outcome: FillOutcome) -> str:
    """The line under the table after an entry was chosen."""
    parts = [
        _("Filled from the address book: “{name}”, {count} field(s)").format(
            name=name, count=len(outcome.filled)
        )
    ]
    if outcome.differences:
        parts.append(
            _("{count} field(s) differ from the row and were left as they are").format(
                count=len(outcome.differences)
            )
        )
    if outcome.refused:
        parts.append(
            _("not accepted: {fields}").format(fields=_refusal_text(table, row, outcome.refused))
        )
    return "; ".join(parts)


def taken_summary(count: int, refused: list[Refusal], table: TablePresenter, row: int) -> str:
    """The line after differences were taken from the book."""
    text = _("Took {count} value(s) from the address book").format(count=count - len(refused))
    if refused:
        text += "; " + _("not accepted: {fields}").format(
            fields=_refusal_text(table, row, tuple(refused))
        )
    return text


def findings_question(name: str, findings: tuple[EntryFinding, ...]) -> str:
    """What to ask before saving an entry that has findings."""
    lines = "\n".join(f"• {bilingual(item.zh, item.en)}" for item in findings)
    return _(
        "“{name}” has these problems:\n{lines}\n\nSaved as it is, it would be copied into "
        "every draft filled from the address book. Save it anyway?"
    ).format(name=name, lines=lines)


def save_summary(comparison: RowComparison, replaced: int, *, saved: bool) -> str:
    """The line under the table after "Save to address book"."""
    name = comparison.entry.get("name", "")
    if not saved:
        return _("Not saved to the address book: “{name}”").format(name=name)
    if comparison.stored_id is None:
        return _("Added to the address book: “{name}”").format(name=name)
    if comparison.unchanged:
        return _("The address book already holds “{name}” as in this row").format(name=name)
    return _("Updated in the address book: “{name}” ({count} value(s) replaced)").format(
        name=name, count=replaced
    )


def unavailable(access: AddressBookAccess) -> str:
    """Why the address book cannot be used, in the current language."""
    if access.problem is None:
        return ""
    zh, en = access.problem
    return _("The address book is not available: {why}").format(why=bilingual(zh, en))


def nameless() -> str:
    """Saving a row that has no name yet."""
    return _("Type the row's name first: the address book keeps entries by name")


def book_caption(access: AddressBookAccess) -> str:
    """The Start page's line: where the address book is, whose, and what it holds."""
    counts = access.counts()
    if counts is None:
        return unavailable(access)
    caption = _(
        "Address book: {units} Chinese units, {partners} partners, {people} people · {path}"
    )
    where = access.where()
    text = caption.format(
        units=counts["unit"], partners=counts["partner"], people=counts["person"], path=where
    )
    named = address_book_path()
    if where is not None and named.path == where:
        text += f"（{bilingual(*named.origin_words())}）"
    return text


def import_lines(report: ImportReport) -> tuple[str, list[str]]:
    """What an import did: a summary line, and every conflict, finding and unread file."""
    summary = _(
        "Added {units} Chinese units, {partners} partners, {people} people; "
        "{merged} already in the address book were merged."
    ).format(
        units=report.added["unit"],
        partners=report.added["partner"],
        people=report.added["person"],
        merged=sum(report.merged.values()),
    )
    details = [
        _("Not read: {file}").format(file=f"{error.path.name}：{bilingual(error.zh, error.en)}")
        for error in report.unreadable
    ]
    details += [
        _("Conflict: {what}").format(what=conflict.message(english=language() == "en"))
        for conflict in report.conflicts
    ]
    details += [
        f"{entry.source}：{bilingual(finding.zh, finding.en)}"
        for entry in report.findings
        for finding in entry.findings
    ]
    return summary, details
