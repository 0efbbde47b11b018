"""Every example rendered, then opened by LibreOffice as a real client would.

The forms are converted to PDF and their text searched for the project name,
every partner and the budget total; the workbooks are converted to CSV with
formulas recalculated, and the totals compared with the draft's own.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from applywizard.adapters.documents.formatting import wan
from applywizard.adapters.documents.render import render_all
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.engine import RuleBook
from tests.office import CSV_ALL_SHEETS, convert, pdf_fonts, pdf_pages, pdf_text, soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


@dataclass(frozen=True)
class Converted:
    draft: Draft
    form_pdf: Path
    checklist_pdf: Path
    sheets: dict[str, list[list[str]]]


def _squeeze(text: str) -> str:
    """Text without white space or hyphens: pdftotext joins a word broken at a hyphen."""
    return re.sub(r"[\s\-‐]+", "", text)


@pytest.fixture(scope="module")
def converted(book: RuleBook, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Converted]:
    out = tmp_path_factory.mktemp("lo")
    rendered = {}
    for path in EXAMPLES:
        draft = read_draft(path)
        rendered[path.stem] = (draft, render_all(book, draft, out / path.stem).files)
    documents = [file for _, files in rendered.values() for file in files if file.suffix == ".docx"]
    workbooks = [file for _, files in rendered.values() for file in files if file.suffix == ".xlsx"]
    convert(documents, "pdf", out / "pdf")
    convert(workbooks, CSV_ALL_SHEETS, out / "csv")
    result = {}
    for stem, (draft, files) in rendered.items():
        form, checklist, tables = files
        sheets = {}
        for sheet_csv in (out / "csv").glob(f"{tables.stem}-*.csv"):
            with sheet_csv.open(encoding="utf-8", newline="") as stream:
                sheets[sheet_csv.stem.removeprefix(tables.stem + "-")] = list(csv.reader(stream))
        result[stem] = Converted(
            draft, out / "pdf" / f"{form.stem}.pdf", out / "pdf" / f"{checklist.stem}.pdf", sheets
        )
    return result


def test_there_is_an_example_for_every_direction(book: RuleBook) -> None:
    assert [path.stem for path in EXAMPLES] == [d.code for d in book.guide.directions]


@pytest.mark.parametrize("code", [path.stem for path in EXAMPLES])
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


@pytest.mark.parametrize("code", [path.stem for path in EXAMPLES])
def test_chinese_is_set_in_cjk_faces(converted: dict[str, Converted], code: str) -> None:
    fonts = pdf_fonts(converted[code].form_pdf)
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts, fonts


@pytest.mark.parametrize("code", [path.stem for path in EXAMPLES])
def test_the_checklist_names_the_direction(converted: dict[str, Converted], code: str) -> None:
    text = _squeeze(pdf_text(converted[code].checklist_pdf))
    assert "知识产权协议核对清单" in text
    assert _squeeze(converted[code].draft.project.title_zh) in text


def _number(cell: str) -> Decimal:
    return Decimal(cell.replace(",", "")) if cell else Decimal(0)


@pytest.mark.parametrize("code", [path.stem for path in EXAMPLES])
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


@pytest.mark.parametrize("code", [path.stem for path in EXAMPLES])
def test_workbook_lists_both_sides_and_the_team(converted: dict[str, Converted], code: str) -> None:
    item = converted[code]
    partners = item.sheets["合作单位 Partners"][1:]
    assert len(partners) == len(item.draft.chinese_units) + len(item.draft.foreign_partners)
    assert {row[2] for row in partners if row[0] == "外方"} == {
        p.name for p in item.draft.foreign_partners
    }
    assert len(item.sheets["研究团队 Team"]) == len(item.draft.team) + 1
    assert len(item.sheets) == 5
