"""The bilateral tables as an .xlsx workbook, generated from scratch with openpyxl.

Sheets: partners of both sides, budget (live SUM formulas), division of
tasks, team, and the IP checklist. Headers are bilingual, pages print on A4
landscape fitted to the width with frozen header rows, amounts carry a 万元
number format, enumerations have data validation. User text is always
written as text: a leading ``= + - @`` cannot become a formula, and text too
long for a cell is cut with a visible marker and reported, never silently.
Headings of the draft's declared columns (``domain.draft.tables``) are the
declarations': the partners' and team's columns, the budget's categories.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from applywizard.adapters.documents.cells import INDEX
from applywizard.adapters.documents.packages import reproducible_zip
from applywizard.adapters.documents.sheet_fit import fit_column_widths, fit_row_heights
from applywizard.adapters.documents.typefaces import HEI, SONG
from applywizard.adapters.documents.word import Properties
from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.tables import CATEGORIES, PARTNERS, SOURCES, TEAM

CELL_LIMIT = 32_767
CUT_MARKER = "…【超出单元格容量，全文见申报书】"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = "#,##0.00####"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

TYPES = ("企业", "科研院所", "高校", "其他")
ROLES = ("牵头", "参与")
YES_NO = ("是", "否")
REVIEW = ("符合", "需补正")


@dataclass
class _Writing:
    """A workbook being written, and the cells whose text had to be cut."""

    book: Workbook
    cut: list[str] = field(default_factory=list)


TEXT_STYLE = "申报文本 Text"
AMOUNT_STYLE = "金额 Amount"
TOTAL_STYLE = "金额合计 Total"


def _named_styles() -> list[NamedStyle]:
    """The workbook's cell styles: set once, each cell names one (restyle them in Excel).

    Naming a style is also far cheaper than giving each cell its own font,
    border and alignment, which openpyxl hashes cell by cell.
    """
    return [
        NamedStyle(
            TEXT_STYLE,
            font=Font(name=SONG, size=10, charset=134, family=1),
            alignment=Alignment(wrap_text=True, vertical="top"),
            border=BORDER,
        ),
        NamedStyle(
            AMOUNT_STYLE,
            font=Font(name=SONG, size=10, charset=134, family=1),
            alignment=Alignment(vertical="top"),
            number_format=MONEY_FORMAT,
            border=BORDER,
        ),
        NamedStyle(
            TOTAL_STYLE,
            font=Font(name=SONG, size=10, bold=True, charset=134, family=1),
            alignment=Alignment(vertical="top"),
            number_format=MONEY_FORMAT,
            border=BORDER,
        ),
    ]


def _text(sheet: Worksheet, row: int, column: int, value: str, state: _Writing) -> None:
    """Write user text as text, never as a formula, cutting only with a marker."""
    if len(value) > CELL_LIMIT:
        value = value[: CELL_LIMIT - len(CUT_MARKER)] + CUT_MARKER
        state.cut.append(f"{sheet.title}!{get_column_letter(column)}{row}")
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"
    cell.style = TEXT_STYLE
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _number(
    sheet: Worksheet, row: int, column: int, value: Decimal | str, *, bold: bool = False
) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = value if isinstance(value, str) else float(value) if value % 1 else int(value)
    cell.style = TOTAL_STYLE if bold else AMOUNT_STYLE


PARTNERS_SHEET = "合作单位 Partners"
BUDGET_SHEET = "经费预算 Budget"
TASKS_SHEET = "任务分工 Tasks"
TEAM_SHEET = "研究团队 Team"
IP_SHEET = "知识产权清单 IP checklist"
SHEETS = (PARTNERS_SHEET, BUDGET_SHEET, TASKS_SHEET, TEAM_SHEET, IP_SHEET)
"""The workbook's sheets, in order."""


def _sheet(state: _Writing, title: str, headers: Sequence[tuple[str, str, float]]) -> Worksheet:
    """A sheet with a bilingual header row, widths, print set-up and frozen header."""
    sheet: Worksheet = state.book.create_sheet(title)
    for column, (zh, en, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column, value=f"{zh}\n{en}")
        cell.font = Font(name=HEI, size=10, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    return sheet


def _choices(sheet: Worksheet, cells: str, options: Sequence[str]) -> None:
    rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    rule.error = "请从列表中选择 / choose from the list"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(cells)


def _partners(state: _Writing, ctx: dict[str, Any]) -> None:
    # the declared partners' columns' document headings; the sheet lists both sides, and a
    # column that holds the Chinese units' facts too (leader, credit code, 万元) has its own
    sheet = _sheet(
        state,
        PARTNERS_SHEET,
        [
            ("方", "Side", 6),
            (*INDEX, 5),
            (*PARTNERS.document_header("name"), 26),
            (*PARTNERS.document_header("name_zh"), 20),
            (*PARTNERS.document_header("country"), 8),
            (*PARTNERS.document_header("type"), 9),
            (*PARTNERS.document_header("role"), 6),
            ("负责人", "Leader", 12),
            ("登记号", "Registration no.", 19),
            ("预算", "Budget", 12),
            ("币种", "Currency", 9),
            (*PARTNERS.document_header("tasks"), 34),
        ],
    )
    row = 2
    leader = ctx["leader"]["name"]
    for unit in ctx["units"]:
        values = [
            "中方",
            str(unit["index"]),
            unit["name_en"] or unit["name"],
            unit["name"],
            "中国",
            unit["type"],
            unit["role"],
            leader if unit["role"] == "牵头" else "",
            unit["credit_code"],
        ]
        for column, value in enumerate(values, start=1):
            _text(sheet, row, column, value, state)
        _number(sheet, row, 10, Decimal(unit["total"].replace(",", "")))
        _text(sheet, row, 11, "万元 CNY", state)
        _text(sheet, row, 12, unit["tasks"], state)
        row += 1
    for partner in ctx["partners"]:
        values = [
            "外方",
            str(partner["index"]),
            partner["name"],
            partner["name_zh"],
            partner["country"],
            partner["type"],
            partner["role"],
            partner["leader"],
            partner["registration_number"],
        ]
        for column, value in enumerate(values, start=1):
            _text(sheet, row, column, value, state)
        if partner["budget_amount"]:
            _number(sheet, row, 10, Decimal(partner["budget_amount"].replace(",", "")))
        _text(sheet, row, 11, partner["budget_currency"], state)
        _text(sheet, row, 12, partner["tasks"], state)
        row += 1
    last = max(row - 1, 2)
    _choices(sheet, f"A2:A{last}", ("中方", "外方"))
    _choices(sheet, f"F2:F{last}", TYPES)
    _choices(sheet, f"G2:G{last}", ROLES)


BUDGET_COLUMNS = tuple(key for key, _, _ in CATEGORIES)
BUDGET_HEADINGS = {
    "equipment": ("Equipment", 13),
    "equipment_purchase": ("of which purchase", 14),
    "business": ("Operating", 13),
    "labour": ("Labour", 13),
    "indirect": ("Indirect", 13),
}
"""The budget sheet's English heading and width of each category (its Chinese is declared)."""


def _budget(state: _Writing, draft: Draft) -> tuple[int, int, int]:
    """The budget sheet; returns the rows of the central, self-raised and overall totals."""
    sheet = _sheet(
        state,
        BUDGET_SHEET,
        [
            ("年度", "Year", 8),
            ("来源", "Source", 16),
            *((zh, *BUDGET_HEADINGS[key]) for key, zh, _ in CATEGORIES),
            ("合计（万元）", "Total (10k CNY)", 15),
        ],
    )
    row = 2
    sources = [(zh, key) for key, zh, _ in SOURCES]
    for year in sorted(draft.budget.years, key=lambda y: y.year or 0):
        for label, key in sources:
            amounts = getattr(year, key)
            _text(sheet, row, 1, str(year.year or ""), state)
            _text(sheet, row, 2, label, state)
            for column, name in enumerate(BUDGET_COLUMNS, start=3):
                _number(sheet, row, column, getattr(amounts, name))
            _number(sheet, row, 8, f"=C{row}+E{row}+F{row}+G{row}")
            row += 1
    last = max(row - 1, 2)
    totals = []
    for label, _ in (*sources, ("总计", "all")):
        _text(sheet, row, 2, label if label == "总计" else f"{label}合计", state)
        sheet.cell(row=row, column=2).font = Font(name=HEI, size=10, bold=True)
        for column in range(3, 9):
            letter = get_column_letter(column)
            formula = (
                f"=SUM({letter}2:{letter}{last})"
                if label == "总计"
                else f'=SUMIF($B$2:$B${last},"{label}",{letter}2:{letter}{last})'
            )
            _number(sheet, row, column, formula, bold=True)
        totals.append(row)
        row += 1
    _choices(sheet, f"B2:B{last}", [label for label, _ in sources])
    return totals[0], totals[1], totals[2]


def _tasks(state: _Writing, ctx: dict[str, Any]) -> None:
    sheet = _sheet(
        state,
        TASKS_SHEET,
        [("方", "Side", 7), ("单位", "Unit", 34), ("承担任务", "Tasks", 90)],
    )
    row = 2
    for side, items, name in (("中方", ctx["units"], "name"), ("外方", ctx["partners"], "name")):
        for item in items:
            for column, value in enumerate((side, item[name], item["tasks"]), start=1):
                _text(sheet, row, column, value, state)
            row += 1
    for para in ctx["task_division"]:
        _text(sheet, row, 1, "说明", state)
        _text(sheet, row, 3, para, state)
        row += 1


def _team(state: _Writing, ctx: dict[str, Any]) -> None:
    # the declared team's columns' headings in the window: the sheet has room for them
    sheet = _sheet(
        state,
        TEAM_SHEET,
        [
            (*INDEX, 6),
            (*TEAM.header("name"), 12),
            (*TEAM.header("role"), 12),
            (*TEAM.header("unit"), 30),
            (*TEAM.header("title"), 12),
            (*TEAM.header("field_of_science"), 18),
            (*TEAM.header("task"), 36),
            (*TEAM.header("months_per_year"), 12),
        ],
    )
    for row, member in enumerate(ctx["team"], start=2):
        fields = ("index", "name", "role", "unit", "title", "field", "task")
        for column, key in enumerate(fields, start=1):
            _text(sheet, row, column, str(member[key]), state)
        if member["months"]:
            _number(sheet, row, 8, Decimal(member["months"]))


def _checklist(state: _Writing, checklist: dict[str, Any]) -> None:
    sheet = _sheet(
        state,
        IP_SHEET,
        [
            ("项目", "Item", 16),
            ("要求", "Requirement", 60),
            ("现状", "Status in the draft", 40),
            ("审核", "Review", 10),
            ("备注", "Notes", 24),
        ],
    )
    row = 2
    for clause in checklist["clauses"]:
        documents = "；".join(
            f"{d['kind']}：{'已附 ' + d['file_name'] if d['attached'] == '是' else '未附'}"
            + (f"，签署 {d['signed_on']}" if d["signed_on"] else "")
            + (f"，含知识产权条款：{d['contains_ip']}" if d["contains_ip"] else "")
            for d in clause["documents"]
        )
        status = clause["status"] + (
            "：" + "；".join(clause["problems"]) if clause["problems"] else ""
        )
        for column, value in enumerate(
            (f"指南 {clause['citation']}", clause["text"], f"{status}\n{documents}", "", ""),
            start=1,
        ):
            _text(sheet, row, column, value, state)
        row += 1
    for item in checklist["general"]:
        for column, value in enumerate(
            (f"一般事项 {item['index']}", f"{item['zh']}\n{item['en']}", "", "", ""), start=1
        ):
            _text(sheet, row, column, value, state)
        row += 1
    _choices(sheet, f"D2:D{max(row - 1, 2)}", REVIEW)


def render_workbook(
    ctx: dict[str, Any], draft: Draft, properties: Properties
) -> tuple[bytes, list[str]]:
    """The workbook's bytes, and the cells whose text had to be cut."""
    state = _Writing(Workbook())
    for style in _named_styles():
        state.book.add_named_style(style)
    state.book.remove(state.book.worksheets[0])
    _partners(state, ctx)
    _budget(state, draft)
    _tasks(state, ctx)
    _team(state, ctx)
    _checklist(state, ctx["checklist"])
    for sheet in state.book.worksheets:
        fit_column_widths(sheet)
        fit_row_heights(sheet)
    if ctx["meta"]["is_draft"]:
        for sheet in state.book.worksheets:
            header = sheet.oddHeader.center if sheet.oddHeader is not None else None
            if header is not None:
                header.text = ctx["meta"]["mark"]
                header.color = "C00000"
    props = state.book.properties
    props.title, props.subject = properties.title, properties.subject
    props.keywords, props.description = properties.keywords, properties.comments
    props.creator = props.lastModifiedBy = "ApplyWizard"
    buffer = io.BytesIO()
    state.book.save(buffer)
    return reproducible_zip(buffer.getvalue()), state.cut
