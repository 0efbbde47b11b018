"""Fitting table columns to their content, without LibreOffice: widths in the XML."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from applywizard.adapters.documents.table_fit import (
    CELL_PADDING_CM,
    POINTS_PER_CM,
    TWIPS_PER_CM,
    fit_table,
)
from applywizard.adapters.documents.text_width import is_figure, text_width, widest_unbreakable

ONE_TWIP = 1 / TWIPS_PER_CM
"""Widths are written in whole twips."""


def _table(rows: list[list[str]], *, header: bool = True) -> tuple[object, list[float]]:
    document = docx.Document()
    table = document.add_table(rows=0, cols=len(rows[0]))
    for index, values in enumerate(rows):
        row = table.add_row()
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            cell.width = Cm(2)
        if index == 0 and header:
            marker = OxmlElement("w:tblHeader")
            row._tr.get_or_add_trPr().append(marker)
    fit_table(table._tbl, 16.0)
    grid = table._tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    return table, [int(column.get(qn("w:w"))) / TWIPS_PER_CM for column in grid]


def test_widths_fill_the_text_width_and_every_cell_says_its_own() -> None:
    table, widths = _table([["年度", "来源", "合计"], ["2023", "中央财政资金", "1,350.00"]])
    assert sum(widths) == pytest.approx(16.0, abs=0.01)
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=True):
            assert int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == round(
                width * TWIPS_PER_CM
            )


def test_a_column_is_never_narrower_than_its_widest_figure() -> None:
    amount = "2,000,000,000.00"
    rows = [["序号", "单位名称", "预算"]] + [
        [str(index), "某某大学某某学院某某研究所" * 3, amount] for index in range(5)
    ]
    _, widths = _table(rows)
    needed = text_width(amount) * 10.5 / POINTS_PER_CM + CELL_PADDING_CM - ONE_TWIP
    assert widths[2] >= needed


PARTNER_HEADER = ["序号", "名称", "中文名称", "国别", "类型", "注册日期", "负责人"]
PARTNER = ["1", "Deccan Institute of Ocean", "德干海洋与气候计算研究所", "印度", "科研院所"]
DATE = "2005年10月20日"


def _sizes(table: object) -> set[str]:
    return {size.get(qn("w:val")) for size in table._tbl.iter(qn("w:sz"))}  # type: ignore[attr-defined]


def test_a_tight_table_wraps_chinese_before_it_shrinks_figures() -> None:
    table, widths = _table([PARTNER_HEADER, [*PARTNER, DATE, "Dr. Krishnamurthy"]])
    assert widths[5] >= text_width(DATE) * 10.5 / POINTS_PER_CM + CELL_PADDING_CM - ONE_TWIP
    assert not _sizes(table)  # nothing had to be set smaller


def test_a_table_too_tight_for_its_figures_sets_them_smaller_not_broken() -> None:
    code = "91320594MA1WQ8EL2E"
    header = [*PARTNER_HEADER[:6], "统一社会信用代码", *PARTNER_HEADER[6:]]
    table, widths = _table([header, [*PARTNER, DATE, code, "Dr. Krishnamurthy"]])
    [half_points] = _sizes(table)
    size = int(half_points) / 2
    assert size < 10.5
    assert widths[5] >= text_width(DATE) * size / POINTS_PER_CM + CELL_PADDING_CM - ONE_TWIP
    assert widths[6] >= text_width(code) * size / POINTS_PER_CM + CELL_PADDING_CM - ONE_TWIP


def test_header_rows_keep_with_the_next_row_and_short_rows_stay_whole() -> None:
    table, _ = _table([["年度", "合计"], ["2023", "1.00"]])
    header, body = table.rows  # type: ignore[attr-defined]
    assert all(p._p.pPr.find(qn("w:keepNext")) is not None for p in header.cells[0].paragraphs)
    assert body._tr.trPr.find(qn("w:cantSplit")) is not None


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("2023年4月12日", True),
        ("1,000.50", True),
        ("2023-01-01", True),
        ("91320594MA1WQ8EL2E", True),
        ("Северо-Западный", False),  # may break after its hyphen
        ("科研院所", True),  # four characters stay on one line
        ("德干海洋与气候计算研究所", False),
    ],
)
def test_what_a_line_may_not_break(text: str, *, whole: bool) -> None:
    assert (widest_unbreakable(text) == pytest.approx(text_width(text))) is whole


def test_figures_are_numbers_dates_and_codes() -> None:
    assert all(map(is_figure, ["1,350.00", "2023-01-01", "2023年4月12日", "DE294718364", "30%"]))
    assert not any(map(is_figure, ["科研院所", "Prof. Smith", "ABCDEFG", "2023年"]))
