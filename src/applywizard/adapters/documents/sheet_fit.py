"""Column widths and row heights of a sheet, from what its cells hold.

openpyxl sizes neither: a column too narrow shows a number as ### and a date
cut in two; a row too short hides wrapped text. Both are set when the
workbook is written, from the same measure of text the Word tables use.
"""

from __future__ import annotations

import math
import unicodedata
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from applywizard.adapters.documents.formatting import wan
from applywizard.adapters.documents.text_width import widest_unbreakable


def _display_width(text: str) -> float:
    """Roughly how many character widths ``text`` takes: CJK counts double."""
    return sum(2.0 if unicodedata.east_asian_width(char) in "WF" else 1.1 for char in text)


def _shown(number: float) -> str:
    """A number as MONEY_FORMAT shows it (the column must fit it without ###)."""
    return wan(Decimal(str(number)))


def fit_column_widths(sheet: Worksheet) -> None:
    """Widen each column to its widest figure, date or word, so none is cut or shown as ###.

    A formula's result is not known here, so a column with formulas is made
    wide enough for the sum of all its numbers, more than any total can be.
    """
    columns: dict[str, list[Any]] = {}
    for row in sheet.iter_rows(min_row=2):
        for number, cell in enumerate(row, start=1):
            columns.setdefault(get_column_letter(number), []).append(cell.value)
    for letter, values in columns.items():
        numbers = [value for value in values if isinstance(value, int | float)]
        has_formula = any(isinstance(value, str) and value.startswith("=") for value in values)
        shown = [_shown(number) for number in numbers]
        if has_formula and numbers:
            shown.append(_shown(sum(abs(number) for number in numbers)))
        words = [
            widest_unbreakable(value) * 2
            for value in values
            if isinstance(value, str) and not value.startswith("=")
        ]
        needed = max([len(text) + 2 for text in shown] + [width + 2 for width in words] + [0])
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(dimension.width or 10, min(needed, 60))


def fit_row_heights(sheet: Worksheet, *, line_height: float = 13.5) -> None:
    """Give each row the height its wrapped text needs (openpyxl does not size rows)."""
    widths = {
        letter: dimension.width or 10 for letter, dimension in sheet.column_dimensions.items()
    }
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or cell.value.startswith("="):
                continue
            width = widths.get(str(cell.column_letter), 10)
            needed = sum(
                max(1, math.ceil(_display_width(part) / max(width - 1, 1)))
                for part in cell.value.split("\n")
            )
            lines = max(lines, needed)
        sheet.row_dimensions[number].height = min(409, lines * line_height + 2)
