"""Typesetting helpers for building Word templates with python-docx.

The MOST form asks for headings in 黑体 四号 (14 pt), body text in 宋体 小四
(12 pt) and 1.5 line spacing. python-docx's ``font.name`` sets only the Latin
font, so the East Asian font is set on ``w:rFonts`` too, and the theme
attributes that would override it in Word are removed.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from applywizard.adapters.documents.ooxml import LATIN
from applywizard.adapters.documents.ooxml import set_fonts as set_run_fonts
from applywizard.adapters.documents.typefaces import HEI, SONG, declare_chinese

SIZE_4 = Pt(14)  # 四号
SIZE_S4 = Pt(12)  # 小四
SIZE_5 = Pt(10.5)  # 五号
SIZE_S5 = Pt(9)  # 小五


def set_fonts(
    target: Run | ParagraphStyle | CharacterStyle, east_asia: str, size: Pt | None = None
) -> None:
    """Latin and East Asian fonts on a run or a style, theme fonts removed."""
    font = target.font
    font.name = LATIN
    if size is not None:
        font.size = size
    set_run_fonts(target.element.get_or_add_rPr(), east_asia)


def setup_document(document: Document, *, landscape: bool = False) -> None:
    """A4, margins, Simplified Chinese, and the body and heading styles of the MOST form."""
    declare_chinese(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.5)

    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    set_fonts(normal, SONG, SIZE_S4)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    normal.paragraph_format.space_after = Pt(0)
    for name, size in (
        ("Title", Pt(22)),
        ("Heading 1", SIZE_4),
        ("Heading 2", SIZE_4),
        ("Heading 3", SIZE_4),  # 标题统一用黑体四号字: every heading level
    ):
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        set_fonts(style, HEI, size)
        style.font.bold = name != "Heading 3"
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
        style.paragraph_format.keep_with_next = True
    table_text = document.styles.add_style("Table Text", 1)
    assert isinstance(table_text, ParagraphStyle)
    table_text.base_style = normal
    set_fonts(table_text, SONG, SIZE_5)
    table_text.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(1)


def paragraph(
    container: Document | _Cell,
    text: str = "",
    *,
    style: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    east_asia: str = SONG,
    size: Pt | None = None,
    bold: bool = False,
    indent_first: bool = False,
) -> Paragraph:
    """A paragraph whose text (a Jinja tag, say) sits in one run with its fonts set."""
    para = container.add_paragraph(style=style)
    if align is not None:
        para.alignment = align
    if indent_first:
        para.paragraph_format.first_line_indent = Pt(24)
    if text:
        run = para.add_run(text)
        set_fonts(run, east_asia, size)
        run.bold = bold or None
    return para


def add_run(
    para: Paragraph,
    text: str,
    *,
    east_asia: str = SONG,
    size: Pt | None = None,
    bold: bool = False,
    red: bool = False,
) -> Run:
    """A run with its fonts set."""
    run = para.add_run(text)
    set_fonts(run, east_asia, size)
    run.bold = bold or None
    if red:
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    return run


def cell_text(
    cell: _Cell, text: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None
) -> None:
    """Replace a cell's text with one run in the table style."""
    para = cell.paragraphs[0]
    para.style = "Table Text"
    if align is not None:
        para.alignment = align
    add_run(para, text, east_asia=HEI if bold else SONG, size=SIZE_5, bold=bold)


def table(document: Document, widths_cm: list[float], header: list[str] | None = None) -> Table:
    """A bordered table of fixed column widths, its header row repeated on each page."""
    grid: Table = document.add_table(rows=0, cols=len(widths_cm))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    grid._tbl.tblPr.append(layout)
    for column, width in zip(grid.columns, widths_cm, strict=True):
        column.width = Cm(width)
    if header is not None:
        row = add_row(grid, widths_cm)
        for cell, text in zip(row, header, strict=True):
            cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        tr_pr = grid.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    return grid


def add_row(grid: Table, widths_cm: list[float]) -> list[_Cell]:
    """A row whose cells carry their widths (Word and LibreOffice read them there)."""
    cells = grid.add_row().cells  # type: ignore[no-untyped-call]
    for cell, width in zip(cells, widths_cm, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].style = "Table Text"
    return list(cells)


def loop_row(grid: Table, widths_cm: list[float], tag: str) -> None:
    """A docxtpl ``{%tr ... %}`` row: its first cell holds the tag, the row disappears."""
    row = add_row(grid, widths_cm)
    add_run(row[0].paragraphs[0], tag, size=SIZE_5)


def page_number_field(para: Paragraph) -> None:
    """A PAGE field (begin, instruction, end in runs of their own) for page numbers."""
    for kind in ("begin", "instruction", "end"):
        run = add_run(para, "", size=Pt(10.5))
        if kind == "instruction":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
