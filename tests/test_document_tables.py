"""The documents' tables read their columns' headings from the declarations (domain/draft/tables).

The form's loop tables (units, partners, team, the leader's projects,
attachments) are headed by the declared columns' document headings, the
workbook's partners and team sheets by the declared headings, and changing a
declaration changes what the rendered documents show.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from openpyxl import load_workbook

from applywizard.adapters.documents.cells import INDEX, Keys, heading, key_of
from applywizard.adapters.documents.checklist import build_checklist
from applywizard.adapters.documents.context import build_context
from applywizard.adapters.documents.context_tables import (
    ATTACHMENT_KEYS,
    PARTNER_KEYS,
    PROJECT_KEYS,
    TEAM_KEYS,
    UNIT_KEYS,
)
from applywizard.adapters.documents.excel import (
    BUDGET_SHEET,
    PARTNERS_SHEET,
    TEAM_SHEET,
    render_workbook,
)
from applywizard.adapters.documents.render import checklist_items
from applywizard.adapters.documents.word import Properties, render_docx
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft import paths
from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.tables import (
    ATTACHMENTS,
    CATEGORIES,
    LEADER_PROJECTS,
    PARTNERS,
    SOURCES,
    TEAM,
    UNITS,
    Table,
)
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import data_folder

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
PROPERTIES = Properties("t", "s", "k", "c")

LOOPS: dict[str, tuple[Table, Keys]] = {
    "units": (UNITS, UNIT_KEYS),
    "partners": (PARTNERS, PARTNER_KEYS),
    "team": (TEAM, TEAM_KEYS),
    "leader.projects": (LEADER_PROJECTS, PROJECT_KEYS),
    "attachments": (ATTACHMENTS, ATTACHMENT_KEYS),
}
"""The form's loop tables over the draft's declared tables, by the list they loop over."""

TASK_DIVISION = {"units": "单位", "partners": "外方单位"}
"""The division of tasks heads a unit's name by its side (its two columns: name, tasks)."""

FOR_ROW = re.compile(r"\{%tr for (\w+) in ([\w.]+) %\}")
TAG = re.compile(r"\{\{ (\w+)\.(\w+) \}\}")


def _loop_tables(document: Document) -> list[tuple[str, list[str], list[str]]]:
    """Each loop table over a declared table: its list, its header row, the keys its cells show."""
    found = []
    for grid in document.tables:
        rows = [[cell.text for cell in row.cells] for row in grid.rows]
        for number, row in enumerate(rows):
            loop = FOR_ROW.match(row[0])
            if loop is None or loop.group(2) not in LOOPS:
                continue
            keys = []
            for text in rows[number + 1]:
                tag = TAG.fullmatch(text)
                assert tag is not None and tag.group(1) == loop.group(1), text
                keys.append(tag.group(2))
            found.append((loop.group(2), rows[0], keys))
    return found


def _expected(items: str, keys: list[str]) -> list[str]:
    table, document_keys = LOOPS[items]
    headings = [heading(table, document_keys, key)[0] for key in keys]
    if keys == ["name", "tasks"]:
        headings[0] = TASK_DIVISION[items]
    return headings


def test_every_heading_of_the_forms_tables_is_its_declared_columns() -> None:
    template = docx.Document(str(data_folder("templates") / "application-form.docx"))
    tables = _loop_tables(template)
    assert sorted(items for items, _, _ in tables) == sorted(
        ["units"] * 3 + ["partners"] * 3 + ["team", "leader.projects", "attachments"]
    )
    for items, header, keys in tables:
        table, document_keys = LOOPS[items]
        for key in keys:
            assert key == "index" or key_of(document_keys, key).field in {
                column.field for column in table.columns
            }, (items, key)
        assert header == _expected(items, keys), items


def test_the_declared_document_headings_are_the_forms_words() -> None:
    """The headings the form words otherwise than the window are declared, not written twice."""
    assert heading(UNITS, UNIT_KEYS, "legal_entity") == ("独立法人", "Legal person")
    assert heading(UNITS, UNIT_KEYS, "state_organ")[0] == "国家机关"
    assert heading(PARTNERS, PARTNER_KEYS, "budget")[0] == "外方经费（外方自筹，原币）"
    assert heading(ATTACHMENTS, ATTACHMENT_KEYS, "signed_by_all")[0] == "各方均已签署"
    assert heading(TEAM, TEAM_KEYS, "months")[0] == "月/年"
    assert heading(TEAM, TEAM_KEYS, "index") == INDEX


@pytest.fixture(scope="module")
def example(book: RuleBook) -> tuple[Draft, dict[str, Any]]:
    draft = read_draft(ROOT / "examples" / "1.1.json")
    findings = book.evaluate(draft)
    context = build_context(book, draft)
    context["checklist"] = build_checklist(book, draft, checklist_items(), findings)
    return draft, context


def _workbook(draft: Draft, context: dict[str, Any]) -> Any:
    content, _ = render_workbook(context, draft, PROPERTIES)
    return load_workbook(BytesIO(content))


def _same(value: Any, text: str) -> bool:
    if isinstance(value, int | float):
        return Decimal(str(value)) == Decimal(text.replace(",", ""))
    return (value or "") == text


def _check_sheet(
    sheet: Any, table: Table, keys: Keys, rows: list[dict[str, Any]], *, document: bool
) -> set[str]:
    """The fields whose declared heading heads a column, checked to head that field's values."""
    header = [cell.value for cell in sheet[1]]
    found = set()
    for column in table.columns:
        zh, en = table.document_header(column.field) if document else table.header(column.field)
        if f"{zh}\n{en}" not in header:
            continue
        found.add(column.field)
        at = header.index(f"{zh}\n{en}")
        key = next(
            name
            for name in keys
            if key_of(keys, name).field == column.field and not key_of(keys, name).english
        )
        values = [row[at].value for row in sheet.iter_rows(min_row=2)]
        shown = values[-len(rows) :] if rows else []
        assert all(_same(value, row[key]) for value, row in zip(shown, rows, strict=True)), (
            column.field
        )
    return found


def test_the_workbooks_headings_are_the_declarations(
    example: tuple[Draft, dict[str, Any]],
) -> None:
    draft, context = example
    book = _workbook(draft, context)
    partners = book[PARTNERS_SHEET]
    assert partners.cell(row=1, column=2).value == "\n".join(INDEX)
    assert _check_sheet(partners, PARTNERS, PARTNER_KEYS, context["partners"], document=True) == {
        "name",
        "name_zh",
        "country",
        "type",
        "role",
        "tasks",
    }
    team = book[TEAM_SHEET]
    assert team.cell(row=1, column=1).value == "\n".join(INDEX)
    assert _check_sheet(team, TEAM, TEAM_KEYS, context["team"], document=False) == {
        "name",
        "role",
        "unit",
        "title",
        "field_of_science",
        "task",
        "months_per_year",
    }
    budget = book[BUDGET_SHEET]
    categories = [str(cell.value).split("\n")[0] for cell in budget[1]][2:7]
    assert categories == [zh for _, zh, _ in CATEGORIES]
    sources = {
        budget.cell(row=row, column=2).value for row in range(2, 2 + 2 * len(draft.budget.years))
    }
    assert sources == {zh for _, zh, _ in SOURCES}


@pytest.fixture
def make_templates() -> Iterator[Any]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import make_templates  # noqa: PLC0415 - a script, not a package

        yield make_templates
    finally:
        sys.path.remove(str(SCRIPTS))


def _header_rows(content: bytes) -> list[list[str]]:
    document = docx.Document(BytesIO(content))
    return [[cell.text for cell in grid.rows[0].cells] for grid in document.tables]


@pytest.mark.parametrize(
    ("table", "field", "tables"),
    [
        (UNITS, "state_organ", 1),
        (PARTNERS, "name_zh", 1),
        (PARTNERS, "tasks", 1),
        (TEAM, "months_per_year", 1),
        (LEADER_PROJECTS, "status", 1),
        (ATTACHMENTS, "signed_by_all_parties", 1),
    ],
)
def test_a_changed_declaration_changes_the_rendered_form(
    table: Table,
    field: str,
    tables: int,
    example: tuple[Draft, dict[str, Any]],
    make_templates: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _, context = example
    changed = ("改过的标题", "Changed heading")
    monkeypatch.setitem(table.column(field).__dict__, "document", changed)
    template = tmp_path / "application-form.docx"
    make_templates.application_form().save(str(template))
    headers = _header_rows(render_docx(template, context, PROPERTIES))
    assert sum(row.count(changed[0]) for row in headers) == tables


def test_a_changed_declaration_changes_the_workbook(
    example: tuple[Draft, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, context = example
    monkeypatch.setitem(PARTNERS.column("country").__dict__, "document", ("国家甲", "Land"))
    monkeypatch.setitem(paths.LABELS, "team.*.unit", ("单位甲", "workplace"))
    book = _workbook(draft, context)
    assert "国家甲\nLand" in [cell.value for cell in book[PARTNERS_SHEET][1]]
    assert "单位甲\nWorkplace" in [cell.value for cell in book[TEAM_SHEET][1]]
