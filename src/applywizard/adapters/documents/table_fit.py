"""Column widths that fit what a rendered table holds, within the page.

The templates give each table fixed widths, which cannot know that a budget
runs to 1,000.50 万元 or that a partner's name is long. After rendering, each
table's columns are measured: the narrowest a column may be (its widest
number, date, code or word, which must never break) and the width it would
like (its longest line). Extra page width goes to the columns that would
wrap most, as a browser lays out an automatic table. When even the narrowest
widths do not fit, short Chinese text (a name, a country, a role) may wrap,
then long figures are set a size smaller (五号 → 小五 → 六号), before
anything else is allowed to break. Short rows are kept on one page; header rows
already repeat on each page (the templates mark them) and are kept with the
row below them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from applywizard.adapters.documents.ooxml import child
from applywizard.adapters.documents.text_width import (
    SHORT_EMS,
    is_figure,
    text_width,
    widest_unbreakable,
)

TWIPS_PER_CM = 566.929
EMU_PER_TWIP = 635
POINTS_PER_CM = 72 / 2.54
CELL_PADDING_CM = 2 * 0.19 + 0.08
"""Word's default left and right cell margins (108 twips each), and a little to spare."""
DEFAULT_SIZE = 10.5
TIGHT_SHORT_EMS = 2.0
"""In a tight table, Chinese text wraps after any two characters (a name, a role)."""
LAYOUTS = ((False, 10.5), (True, 10.5), (True, 9.0), (True, 7.5))
"""What is tried, in turn, until the narrowest columns fit: short Chinese text
whole; then wrapping it; then long figures in 小五, then in 六号."""
HEADER_SHORT_EMS = 3.0
"""A column label up to three characters (设备费) stays on one line; longer ones wrap."""
LONG_WORD_EMS = 10.0
"""A word longer than this (a file name, a web address) may break: only figures never do."""
SHORT_ROW_LINES = 8
"""Rows up to this many lines are kept on one page."""


@dataclass
class _Cell:
    """A table cell as measured once: its text's widths in ems, whatever size it is set in."""

    element: BaseOxmlElement
    row: int
    column: int
    span: int
    text: str
    size: float
    figure: bool
    line_ems: list[float]
    """The width of each of the cell's lines (paragraphs) in ems."""
    least_ems: float
    """Its widest piece that must not break, in ems, short Chinese text kept whole."""
    tight_ems: float
    """The same when the table is tight: only figures and words are kept whole."""
    header: bool
    """In a header row: its labels may wrap, so they ask for no more than their minimum."""

    @property
    def shrinks(self) -> bool:
        """Only long figures (a date, a large amount) are set smaller; a row number stays."""
        return self.figure and max(self.line_ems, default=0.0) > SHORT_EMS

    def size_for(self, figure_size: float) -> float:
        """The size this cell is set in when the table's long figures are ``figure_size``."""
        return min(self.size, figure_size) if self.shrinks else self.size

    def minimum_cm(self, figure_size: float, *, tight: bool) -> float:
        ems = self.tight_ems if tight else self.least_ems
        return ems * self.size_for(figure_size) / POINTS_PER_CM + CELL_PADDING_CM

    def natural_cm(self, figure_size: float) -> float:
        ems = max(self.line_ems, default=0.0)
        return ems * self.size_for(figure_size) / POINTS_PER_CM + CELL_PADDING_CM


def fit_tables(document: Document) -> None:
    """Fit every table of the document's body to its content and the text width."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
    available_cm = width / EMU_PER_TWIP / TWIPS_PER_CM
    for table in document.element.body.iter(qn("w:tbl")):
        fit_table(table, available_cm)


def fit_table(table: BaseOxmlElement, available_cm: float) -> None:
    """Set one table's column widths (grid and cells) and keep its short rows together."""
    rows = table.findall(qn("w:tr"))
    cells = [cell for index, row in enumerate(rows) for cell in _cells(row, index)]
    columns = len(table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    if not cells or columns == 0:
        return
    for tight, figure_size in LAYOUTS:
        measure = _measure(cells, columns, figure_size, tight=tight)
        if sum(measure.minimum) <= available_cm:
            break
    widths = _share(measure, available_cm)
    _apply_widths(table, cells, widths)
    _apply_figure_size(cells, figure_size)
    _keep_short_rows(rows, cells, widths, figure_size)


def _cells(row: BaseOxmlElement, row_index: int) -> Iterable[_Cell]:
    column = 0
    header = row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    for cell in row.findall(qn("w:tc")):
        span_element = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        span = int(span_element.get(qn("w:val"))) if span_element is not None else 1
        runs = list(cell.iter(qn("w:r")))
        lines = [
            "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
            for paragraph in cell.findall(qn("w:p"))
        ]
        text = "\n".join(lines).strip("\n")
        bold = any(_is_bold(run) for run in runs)
        figure = is_figure(text)
        short = HEADER_SHORT_EMS if header else SHORT_EMS
        least = max(
            (widest_unbreakable(line, bold=bold, short=short) for line in lines), default=0.0
        )
        tight = max(
            (widest_unbreakable(line, bold=bold, short=TIGHT_SHORT_EMS) for line in lines),
            default=0.0,
        )
        yield _Cell(
            cell,
            row_index,
            column,
            span,
            text,
            _size(runs),
            figure,
            [text_width(line, bold=bold) for line in lines],
            least if figure else min(least, LONG_WORD_EMS),
            least if figure else min(tight, LONG_WORD_EMS),
            header,
        )
        column += span


def _is_bold(run: BaseOxmlElement) -> bool:
    bold = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    return bold is not None and bold.get(qn("w:val")) not in ("0", "false")


def _size(runs: list[BaseOxmlElement]) -> float:
    sizes = [
        int(size.get(qn("w:val"))) / 2
        for run in runs
        if (size := run.find(f"{qn('w:rPr')}/{qn('w:sz')}")) is not None
    ]
    return max(sizes, default=DEFAULT_SIZE)


@dataclass
class _Measure:
    minimum: list[float]
    natural: list[float]
    figure_minimum: list[float]
    """How wide each column's widest figure needs it to be."""


def _measure(cells: list[_Cell], columns: int, figure_size: float, *, tight: bool) -> _Measure:
    measure = _Measure([CELL_PADDING_CM] * columns, [CELL_PADDING_CM] * columns, [0.0] * columns)
    for cell in cells:
        if cell.span != 1 or cell.column >= columns:
            continue  # a merged cell wraps within the columns it spans
        column, least = cell.column, cell.minimum_cm(figure_size, tight=tight)
        measure.minimum[column] = max(measure.minimum[column], least)
        wants = least if cell.header else cell.natural_cm(figure_size)
        measure.natural[column] = max(measure.natural[column], wants)
        if cell.figure:
            measure.figure_minimum[column] = max(measure.figure_minimum[column], least)
    return measure


def _share(measure: _Measure, available: float) -> list[float]:
    """Widths summing to ``available``: natural ones if they fit, else the fewest lines.

    Between the two, page width goes to the columns that wrap most, where a
    line less costs least (``_fewest_lines``), so a table grows no taller than
    it must, rather than giving a long English name all the room and
    wrapping a Chinese name down a narrow column. When even the
    minimums do not fit, figures keep their width and the other columns
    (whose text can wrap between Chinese characters) give way.
    """
    minimum, natural = measure.minimum, measure.natural
    if sum(natural) <= available:
        spare = available - sum(natural)
        total = sum(natural)
        return [width + spare * width / total for width in natural]
    if sum(minimum) <= available:
        return _fewest_lines(minimum, natural, available)
    kept = [min(need, least) for need, least in zip(measure.figure_minimum, minimum, strict=True)]
    flexible = [least - keep for least, keep in zip(minimum, kept, strict=True)]
    room = available - sum(kept)
    if room <= 0 or sum(flexible) <= 0:
        return [least * available / sum(minimum) for least in minimum]
    scale = room / sum(flexible)
    return [keep + give * scale for keep, give in zip(kept, flexible, strict=True)]


def _fewest_lines(minimum: list[float], natural: list[float], available: float) -> list[float]:
    """From the minimums, widen the column that wraps most, where it is cheapest, in turn.

    Each turn takes the column with the most lines whose next line less fits
    the width left (the cheapest such column first), and gives it just that
    width; a label of five characters thus takes one line before a title
    that would take two lines at any width gets the rest.
    """
    widths = list(minimum)
    spare = available - sum(widths)

    def lines(column: int) -> int:
        room = max(widths[column] - CELL_PADDING_CM, 0.01)
        return math.ceil((natural[column] - CELL_PADDING_CM) / room - 1e-9)

    def one_line_less(column: int) -> float:
        fewer = lines(column) - 1
        return (natural[column] - CELL_PADDING_CM) / fewer + CELL_PADDING_CM - widths[column]

    while True:
        choices = [
            (lines(column), -one_line_less(column), column)
            for column in range(len(widths))
            if lines(column) > 1 and one_line_less(column) <= spare
        ]
        if not choices:
            break
        _, negative_cost, column = max(choices)
        widths[column] -= negative_cost - 1e-6
        spare += negative_cost - 1e-6
    # What is left goes to the columns that still wrap, by how much they hold.
    wrapping = [natural[column] if lines(column) > 1 else 0.0 for column in range(len(widths))]
    shares = wrapping if sum(wrapping) > 0 else widths
    total = sum(shares)
    return [width + spare * share / total for width, share in zip(widths, shares, strict=True)]


def _twips(cm: float) -> str:
    return str(round(cm * TWIPS_PER_CM))


def _apply_widths(table: BaseOxmlElement, cells: list[_Cell], widths: list[float]) -> None:
    for grid_column, width in zip(
        table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"), widths, strict=True
    ):
        grid_column.set(qn("w:w"), _twips(width))
    table_width = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if table_width is not None:
        table_width.set(qn("w:w"), _twips(sum(widths)))
        table_width.set(qn("w:type"), "dxa")
    for cell in cells:
        cell_width = child(child(cell.element, "w:tcPr", first=True), "w:tcW", first=True)
        cell_width.set(qn("w:w"), _twips(sum(widths[cell.column : cell.column + cell.span])))
        cell_width.set(qn("w:type"), "dxa")


def _apply_figure_size(cells: list[_Cell], figure_size: float) -> None:
    if figure_size == DEFAULT_SIZE:
        return
    half_points = str(round(figure_size * 2))
    for cell in cells:
        if not cell.shrinks or cell.size <= figure_size:
            continue
        for run in cell.element.iter(qn("w:r")):
            properties = child(run, "w:rPr", first=True)
            for tag in ("w:sz", "w:szCs"):
                child(properties, tag).set(qn("w:val"), half_points)


def _keep_with_next(row: BaseOxmlElement) -> None:
    """A header row's paragraphs kept with the first row below it.

    Word's way of keeping a heading row off the foot of a page; LibreOffice
    needs it too: left alone at a page's foot, a repeated header row makes
    it lose the table's rows from the PDF altogether (seen with 2.6's
    attachments table).
    """
    for paragraph in row.iter(qn("w:p")):
        properties = child(paragraph, "w:pPr", first=True)
        if properties.find(qn("w:keepNext")) is None:
            style = properties.find(qn("w:pStyle"))
            properties.insert(0 if style is None else 1, OxmlElement("w:keepNext"))


def _keep_short_rows(
    rows: list[BaseOxmlElement], cells: list[_Cell], widths: list[float], figure_size: float
) -> None:
    lines_of_row = [1] * len(rows)
    for cell in cells:
        room = sum(widths[cell.column : cell.column + cell.span]) - CELL_PADDING_CM
        size_cm = cell.size_for(figure_size) / POINTS_PER_CM
        lines = sum(max(1, math.ceil(ems * size_cm / room)) for ems in cell.line_ems)
        lines_of_row[cell.row] = max(lines_of_row[cell.row], lines)
    for row, lines in zip(rows, lines_of_row, strict=True):
        if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            _keep_with_next(row)
        if lines > SHORT_ROW_LINES:
            continue
        properties = row.find(qn("w:trPr"))
        if properties is None:  # after tblPrEx, if any, before the cells
            properties = OxmlElement("w:trPr")
            row.insert(0 if row.find(qn("w:tblPrEx")) is None else 1, properties)
        child(properties, "w:cantSplit", first=True)
