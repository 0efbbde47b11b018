"""The address book as a spreadsheet a research office keeps: CSV export and import.

One file, one row per entry: the column ``kind`` (``unit``, ``partner``,
``person``), then every field of every kind (a field that does not belong to
the row's kind stays empty), then ``last_used``. Written in UTF-8 with a BOM
so that Excel opens it as UTF-8; a cell that starts with ``= + - @``, a tab or
a carriage return gets a leading apostrophe so that a spreadsheet does not
run it as a formula (the apostrophe is taken off again on import). Importing
reads the same columns (with or without the BOM); a row that cannot be an
entry is reported with its line number, never dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from applywizard.adapters.address_book.importing import ImportReport, add_entry
from applywizard.adapters.address_book.store import AddressBook
from applywizard.adapters.atomic_files import write_bytes_atomically
from applywizard.domain.address_book import FIELDS, KINDS, Entry, Kind

COLUMNS: tuple[str, ...] = (
    "kind",
    *dict.fromkeys(field for kind in KINDS for field in FIELDS[kind]),
    "last_used",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvFileError(Exception):
    """The CSV file as a whole cannot be read; why, in Chinese and English."""

    def __init__(self, path: Path, zh: str, en: str) -> None:
        super().__init__(f"{path}: {zh} / {en}")
        self.path, self.zh, self.en = path, zh, en


def neutralise(cell: str) -> str:
    """The cell with a leading apostrophe when a spreadsheet would take it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """The cell as it was before ``neutralise``."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def export_csv(book: AddressBook, path: Path) -> int:
    """Write every entry to ``path`` (atomically); how many."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for kind in KINDS:
        for stored in book.entries(kind):
            row = {"kind": kind, **stored.fields, "last_used": stored.last_used}
            writer.writerow([neutralise(row.get(column, "")) for column in COLUMNS])
            count += 1
    write_bytes_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return count


def _row_entry(line: int, row: dict[str, str], report: ImportReport) -> tuple[Kind, Entry] | None:
    kind = row.get("kind", "").strip()
    if kind not in KINDS:
        report.rejected.append(
            (
                line,
                f"第 {line} 行：类别“{kind}”不是 unit/partner/person",
                f"line {line}: kind “{kind}” is not unit, partner or person",
            )
        )
        return None
    chosen: Kind = kind
    stray = [
        column
        for column, value in row.items()
        if value.strip() and column not in (*FIELDS[chosen], "kind", "last_used")
    ]
    if stray:
        report.rejected.append(
            (
                line,
                f"第 {line} 行：{kind} 没有字段 {', '.join(stray)}",
                f"line {line}: a {kind} has no field {', '.join(stray)}",
            )
        )
        return None
    entry = {field: restore(row.get(field, "")).strip() for field in FIELDS[chosen]}
    if not entry["name"]:
        report.rejected.append((line, f"第 {line} 行：名称为空", f"line {line}: the name is empty"))
        return None
    return chosen, entry


def import_csv(book: AddressBook, path: Path, *, today: dt.date | None = None) -> ImportReport:
    """Merge the rows of a CSV file into the book, as ``import_drafts`` merges drafts."""
    today = today or dt.date.today()  # noqa: DTZ011 - the user's calendar day
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise CsvFileError(path, f"无法读取：{error}", f"cannot read: {error}") from error
    except UnicodeDecodeError as error:
        raise CsvFileError(path, "不是 UTF-8 编码", "not UTF-8") from error
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="", strict=False)
    header = reader.fieldnames or []
    unknown = [column for column in header if column not in COLUMNS]
    if "kind" not in header or "name" not in header or unknown:
        raise CsvFileError(
            path,
            f"表头须含 kind 和 name，且只能用这些列：{', '.join(COLUMNS)}",
            f"the header needs kind and name, and only these columns: {', '.join(COLUMNS)}",
        )
    rows: list[tuple[int, dict[str | None, str | list[str] | None]]] = []
    try:
        previous = reader.line_num
        for row in reader:
            rows.append((previous + 1, dict(row)))
            previous = reader.line_num
    except csv.Error as error:
        raise CsvFileError(path, f"CSV 格式有误：{error}", f"bad CSV: {error}") from error
    report = ImportReport()
    with book.transaction():
        for line, row in rows:
            if row.get(None):
                report.rejected.append(
                    (
                        line,
                        f"第 {line} 行：列数多于表头",
                        f"line {line}: more cells than the header",
                    )
                )
                continue
            cells = {str(k): v if isinstance(v, str) else "" for k, v in row.items()}
            found = _row_entry(line, cells, report)
            if found is not None:
                kind, entry = found
                add_entry(book, kind, entry, f"{path.name}:{line}", report, today=today)
    return report
