"""Every example rendered, then opened by LibreOffice as a real client would.

The forms are converted to PDF and their text searched for the project name,
every partner and the budget total; the workbooks are converted to CSV with
formulas recalculated, and the totals compared with the draft's own.

LibreOffice runs with the machine's own fonts (Noto CJK, no 宋体 or 黑体), as
on a Linux desktop: the documents must get a Simplified-Chinese serif body
and sans headings from what they declare. Every PDF (the 18 examples and a
200-partner draft: form, checklist and workbook) is then read glyph by glyph
(tests/pdf_glyphs.py) and word by word: no Chinese drawn in Japanese, Korean
or traditional forms, no body text in a sans face, and no number or date that
a table cell holds cut across two lines.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from applywizard.adapters.documents.formatting import wan
from applywizard.adapters.documents.render import render_all
from applywizard.adapters.documents.typefaces import HEI
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.engine import RuleBook
from tests.office import (
    CSV_ALL_SHEETS,
    broken_figures,
    convert,
    is_figure,
    pdf_pages,
    pdf_text,
    pdf_words,
    soffice,
)
from tests.pdf_glyphs import drawn_text, embedded_fonts, is_han

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


WIDE = "200-partners"
"""A 2.8 draft with 200 foreign partners, named after every example's partners."""


@dataclass(frozen=True)
class Converted:
    draft: Draft
    form: Path
    checklist: Path
    form_pdf: Path
    checklist_pdf: Path
    tables_pdf: Path
    sheets: dict[str, list[list[str]]]


def _wide_draft() -> Draft:
    drafts = [read_draft(path) for path in EXAMPLES]
    partners = [partner for draft in drafts for partner in draft.foreign_partners]
    wide = drafts[-1].model_copy(deep=True)
    wide.foreign_partners = [
        partner.model_copy(
            update={"name": f"{partner.name} {index}", "name_zh": f"{partner.name_zh}{index}"}
        )
        for index, partner in zip(range(200), itertools.cycle(partners), strict=False)
    ]
    return wide


def _squeeze(text: str) -> str:
    """Text without white space or hyphens: pdftotext joins a word broken at a hyphen."""
    return re.sub(r"[\s\-‐]+", "", text)


@pytest.fixture(scope="module")
def converted(book: RuleBook, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    out = tmp_path_factory.mktemp("lo")
    rendered = {}
    for stem, draft in [(path.stem, read_draft(path)) for path in EXAMPLES] + [
        (WIDE, _wide_draft())
    ]:
        files = render_all(book, draft, out / stem, allow_incomplete=stem == WIDE).files
        rendered[stem] = (draft, files)
    every_file = [file for _, files in rendered.values() for file in files]
    workbooks = [file for file in every_file if file.suffix == ".xlsx"]
    convert(every_file, "pdf", out / "pdf")
    convert(workbooks, CSV_ALL_SHEETS, out / "csv")
    result = {}
    for stem, (draft, files) in rendered.items():
        form, checklist, tables = files
        sheets = {}
        for sheet_csv in (out / "csv").glob(f"{tables.stem}-*.csv"):
            with sheet_csv.open(encoding="utf-8", newline="") as stream:
                sheets[sheet_csv.stem.removeprefix(tables.stem + "-")] = list(csv.reader(stream))
        pdf = out / "pdf"
        result[stem] = Converted(
            draft,
            form,
            checklist,
            pdf / f"{form.stem}.pdf",
            pdf / f"{checklist.stem}.pdf",
            pdf / f"{tables.stem}.pdf",
            sheets,
        )
    return result


CODES = [path.stem for path in EXAMPLES]
ALL = [*CODES, WIDE]


def test_there_is_an_example_for_every_direction(book: RuleBook) -> None:
    assert [path.stem for path in EXAMPLES] == [d.code for d in book.guide.directions]


@pytest.mark.parametrize("code", CODES)
def test_the_form_says_what_the_draft_says(converted: dict[str, Converted], code: str) -> None:
    item = converted[code]
    draft = item.draft
    text = _squeeze(pdf_text(item.form_pdf))
    assert _squeeze(draft.project.title_zh) in text
    assert _squeeze(draft.project.title_en) in text
    for unit in draft.chinese_units:
        assert _squeeze(unit.name) in text, unit.name
    for partner in draft.foreign_partners:
        assert _squeeze(partner.name) in text, partner.name
    total = draft.budget.central_total() + draft.budget.self_raised_total()
    assert _squeeze(wan(total)) in text
    assert "中华人民共和国科学技术部制" in text
    assert "DRAFT" not in text
    assert pdf_pages(item.form_pdf) >= 6


def _pdfs(item: Converted) -> dict[str, Path]:
    return {"form": item.form_pdf, "checklist": item.checklist_pdf, "tables": item.tables_pdf}


@pytest.mark.parametrize("code", ALL)
def test_chinese_is_drawn_in_simplified_forms(converted: dict[str, Converted], code: str) -> None:
    for name, pdf in _pdfs(converted[code]).items():
        fonts = [font for font in embedded_fonts(pdf) if font.characters]
        assert fonts, f"{name}: no Chinese text found"
        wrong = {font.name: sorted(font.regions) for font in fonts if "SC" not in font.regions}
        assert not wrong, (
            f"{name}: faces whose glyphs are not the Simplified-Chinese forms: {wrong}"
        )


def _sans_runs(document: Path) -> list[str]:
    """The text the document sets in 黑体, paragraph by paragraph (runs joined)."""
    texts = []
    for paragraph in docx.Document(str(document)).element.body.iter(qn("w:p")):
        parts = []
        for run in paragraph.iter(qn("w:r")):
            fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            if fonts is not None and fonts.get(qn("w:eastAsia")) == HEI:
                parts.append("".join(node.text or "" for node in run.iter(qn("w:t"))))
        texts.append(_squeeze("".join(parts)))
    return [text for text in texts if text]


@pytest.mark.parametrize("code", ALL)
def test_body_text_is_set_in_a_serif(converted: dict[str, Converted], code: str) -> None:
    item = converted[code]
    for document, pdf in ((item.form, item.form_pdf), (item.checklist, item.checklist_pdf)):
        headings = _sans_runs(document)
        serif = [piece for piece in drawn_text(pdf) if "Serif" in piece.font]
        assert serif, f"{pdf.name}: no serif text at all"
        sans_body = [
            piece.text
            for piece in drawn_text(pdf)
            if "Sans" in piece.font
            and any(is_han(char) for char in piece.text)
            and not any(_squeeze(piece.text) in heading for heading in headings)
        ]
        assert not sans_body, f"{pdf.name}: body text drawn in a sans face: {sans_body[:5]}"


def _cell_figures(document: Path) -> Counter[str]:
    """Every number or date that a table cell of the document holds, with its count."""
    figures: Counter[str] = Counter()
    for table in docx.Document(str(document)).element.body.iter(qn("w:tbl")):
        for cell in table.iter(qn("w:tc")):
            text = "".join(node.text or "" for node in cell.iter(qn("w:t"))).strip()
            if is_figure(text):
                figures[text] += 1
    return figures


@pytest.mark.parametrize("code", ALL)
def test_no_figure_is_broken_across_lines(converted: dict[str, Converted], code: str) -> None:
    item = converted[code]
    for document, pdf in ((item.form, item.form_pdf), (item.checklist, item.checklist_pdf)):
        figures = _cell_figures(document)
        assert figures, document.name
        assert not broken_figures(pdf, figures), f"{pdf.name}: figures cut across lines"
    sheet_figures = Counter(
        cell.strip()
        for rows in item.sheets.values()
        for row in rows
        for cell in row
        if is_figure(cell)
    )
    assert sheet_figures
    assert not broken_figures(item.tables_pdf, sheet_figures, join_closer_than=0), "workbook"
    assert not [word for word in pdf_words(item.tables_pdf) if word.startswith("###")]


@pytest.mark.parametrize("code", CODES)
def test_the_checklist_names_the_direction(converted: dict[str, Converted], code: str) -> None:
    text = _squeeze(pdf_text(converted[code].checklist_pdf))
    assert "知识产权协议核对清单" in text
    assert _squeeze(converted[code].draft.project.title_zh) in text


def _number(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "")) if cell else Decimal(0)


@pytest.mark.parametrize("code", CODES)
def test_recomputed_workbook_totals_equal_the_drafts(
    converted: dict[str, Converted], code: str
) -> None:
    item = converted[code]
    budget = item.sheets["经费预算 Budget"]
    by_label = {row[1]: row for row in budget[1:] if len(row) > 7}
    central, self_raised = item.draft.budget.central_total(), item.draft.budget.self_raised_total()
    assert _number(by_label["中央财政资金合计"][7]) == central
    assert _number(by_label["自筹资金合计"][7]) == self_raised
    assert _number(by_label["总计"][7]) == central + self_raised
    for row in budget[1:]:
        if row[0]:  # a year row: its total is the sum of its categories
            parts = [_number(row[index]) for index in (2, 4, 5, 6)]
            assert _number(row[7]) == sum(parts)


@pytest.mark.parametrize("code", CODES)
def test_workbook_lists_both_sides_and_the_team(converted: dict[str, Converted], code: str) -> None:
    item = converted[code]
    partners = item.sheets["合作单位 Partners"][1:]
    assert len(partners) == len(item.draft.chinese_units) + len(item.draft.foreign_partners)
    assert {row[2] for row in partners if row[0] == "外方"} == {
        p.name for p in item.draft.foreign_partners
    }
    assert len(item.sheets["研究团队 Team"]) == len(item.draft.team) + 1
    assert len(item.sheets) == 5
