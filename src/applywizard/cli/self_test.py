"""``applywizard --self-test``, the part without Qt: guide, example drafts, documents.

Loads the shipped guide, checks every example draft against it, renders one
full set of documents into a temporary folder and reopens each file to check
what it says (python-docx for the Word files, openpyxl for the workbook).
The address book works: SQLite, and the pinyin initials read from pypinyin's
dictionaries (data files a bundle must carry).
Each step prints one line; a failed step prints why and the run goes on, so
one run shows everything that is wrong. The window's part (Qt, the font for
Chinese, the wizard) is in ``applywizard.ui.self_test``; the launcher runs both.
"""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from applywizard import __version__
from applywizard.adapters.documents.context import build_context
from applywizard.adapters.documents.excel import BUDGET_COLUMNS, SHEETS
from applywizard.adapters.documents.reading import docx_text
from applywizard.adapters.documents.render import render_all
from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_packs import catalogue, shipped_guide
from applywizard.cli.steps import Report, SelfTestError, expect
from applywizard.domain.draft.model import Draft
from applywizard.domain.identifiers import ORGANISATION_NUMBERS, number_modules
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import data_folder

# The budget sheet's amount columns start at C; of them, these add up to a row's total
# (equipment purchase is part of equipment).
BUDGET_PARTS = tuple(
    3 + BUDGET_COLUMNS.index(category)
    for category in ("equipment", "business", "labour", "indirect")
)


def _bundled_packs() -> str:
    """Every pack that ships with the program loads (a user's broken pack is not our fault)."""
    packs = catalogue(user_folder=None)
    if packs.broken:
        raise SelfTestError("; ".join(pack.problem or pack.pack_id for pack in packs.broken))
    return ", ".join(f"{pack.pack_id} ({pack.short_hash})" for pack in packs.usable)


def run_core(report: Report, out: Path | None = None) -> None:
    """The checks that need no window; documents go to ``out`` or a temporary folder."""
    report.step("version", lambda: f"ApplyWizard {__version__}, Python {sys.version.split()[0]}")
    report.step("address book", _address_book)
    report.step("registration numbers", _number_modules)
    holder: dict[str, RuleBook] = {}

    def load_guide() -> str:
        book = shipped_guide()
        holder["book"] = book
        return f"{book.guide.id} ({book.guide.title}), {len(book.guide.directions)} directions"

    if not report.step("guide", load_guide):
        return
    report.step("guide packs", _bundled_packs)
    book = holder["book"]
    drafts = _check_examples(report, book)
    if not drafts:
        return
    first = drafts[0]
    if out is not None:
        _render_and_reopen(report, book, first, out)
        return
    with tempfile.TemporaryDirectory(prefix="applywizard-self-test-") as folder:
        _render_and_reopen(report, book, first, Path(folder))


def _check_examples(report: Report, book: RuleBook) -> list[Draft]:
    """Every example draft reads and has no error; returns those that passed."""
    found: list[Path] = []

    def list_examples() -> str:
        folder = data_folder("examples")
        found.extend(sorted(folder.glob("*.json")))
        codes = {path.stem for path in found}
        missing = [d.code for d in book.guide.directions if d.code not in codes]
        expect(not missing, f"no example draft for {', '.join(missing)} in {folder}")
        return f"{len(found)} drafts in {folder}"

    if not report.step("examples", list_examples):
        return []
    good: list[Draft] = []
    for path in found:

        def check(path: Path = path) -> str:
            draft = read_draft(path)
            findings = book.evaluate(draft)
            # The examples are clean: a warning here is this installation
            # judging differently (a module or data file missing from it).
            expect(
                not findings,
                f"{len(findings)} findings, first: {findings[0].message_en if findings else ''}",
            )
            good.append(draft)
            return f"direction {draft.direction}, no errors, no warnings"

        report.step(f"check {path.name}", check)
    return good


def _render_and_reopen(report: Report, book: RuleBook, draft: Draft, folder: Path) -> None:
    written: dict[str, Path] = {}

    def render() -> str:
        rendered = render_all(book, draft, folder)
        for path in rendered.files:
            expect(path.is_file() and path.stat().st_size > 0, f"{path} was not written")
        written["form"], written["checklist"], written["tables"] = rendered.files
        return f"{len(rendered.files)} files in {folder}"

    if not report.step(f"render {draft.direction}", render):
        return
    ctx = build_context(book, draft)
    report.step("reopen form", lambda: _check_form(written["form"], book, draft, ctx))
    report.step("reopen checklist", lambda: _check_checklist(written["checklist"], draft, ctx))
    report.step("reopen tables", lambda: _check_tables(written["tables"], draft, ctx))
    report.step("attachment pre-flight", _preflight)


def _number_modules() -> str:
    """python-stdnum has every module that checks a partner's registration number (a
    bundle lacking one would accept any number of that country without a word)."""
    missing = [
        f"{country} {name}"
        for country, names in ORGANISATION_NUMBERS.items()
        for name, module in zip(names, number_modules(country), strict=True)
        if module is None
    ]
    expect(not missing, f"python-stdnum modules missing: {', '.join(missing)}")
    return f"{len(ORGANISATION_NUMBERS)} countries' number checks loaded"


def _address_book() -> str:
    """Pinyin initials (pypinyin's phrase data) and a search by them in a new SQLite book."""
    from applywizard.adapters.address_book.initials import initials  # noqa: PLC0415
    from applywizard.adapters.address_book.store import open_address_book  # noqa: PLC0415

    read = {name: initials(name) for name in ("重庆大学", "长安大学", "中国农业银行")}
    expected = {"重庆大学": "cqdx", "长安大学": "cadx", "中国农业银行": "zgnyyh"}
    expect(read == expected, f"initials {read}, expected {expected}")
    with tempfile.TemporaryDirectory(prefix="applywizard-book-") as name:
        with open_address_book(Path(name) / "book.sqlite3") as book:
            with book.transaction():
                book.put("unit", {"name": "重庆大学"})
            found = [entry.fields["name"] for entry in book.search("unit", "cqd")]
        expect(found == ["重庆大学"], f"“cqd” found {found}")
    return "重庆大学 cqdx, 长安大学 cadx, 中国农业银行 zgnyyh; “cqd” finds 重庆大学 in SQLite"


def _preflight() -> str:
    """A PDF made here is inspected in the pre-flight's child process, and a locked one too."""
    with tempfile.TemporaryDirectory(prefix="applywizard-preflight-") as name:
        return _preflight_in(Path(name))


def _preflight_in(folder: Path) -> str:
    import io  # noqa: PLC0415 - only here

    from pypdf import PdfWriter  # noqa: PLC0415 - only here

    from applywizard.adapters.attachment_preflight.preflight import inspect_file  # noqa: PLC0415

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    plain = io.BytesIO()
    writer.write(plain)
    writer.encrypt("self-test", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    (folder / "plain.pdf").write_bytes(plain.getvalue())
    (folder / "locked.pdf").write_bytes(locked.getvalue())
    limit = 20 * 1024 * 1024
    facts = inspect_file(folder / "plain.pdf", size_limit_bytes=limit)
    expect(facts.failure is None and facts.pages == 1, f"plain.pdf: {facts}")
    facts = inspect_file(folder / "locked.pdf", size_limit_bytes=limit)
    expect(facts.encrypted and facts.failure is not None, f"locked.pdf: {facts}")
    return "a PDF read in a child process (1 page); a locked one found encrypted"


def _check_form(path: Path, book: RuleBook, draft: Draft, ctx: dict[str, Any]) -> str:
    document, text = docx_text(path)
    title = draft.project.title_zh
    expect(title in text, f"{path.name}: the project title {title!r} is missing")
    units = [unit.name for unit in draft.chinese_units]
    absent = [name for name in units if name not in text]
    expect(not absent, f"{path.name}: units missing: {', '.join(absent)}")
    total = ctx["budget"]["income_total"]
    expect(total in text, f"{path.name}: the budget total {total} is missing")
    props = document.core_properties
    expect(props.title.startswith(title), f"{path.name}: title property is {props.title!r}")
    expect(book.guide.id in props.keywords, f"{path.name}: keywords lack the guide id")
    return f"title, {len(units)} units, budget total {total} 万元"


def _check_checklist(path: Path, draft: Draft, ctx: dict[str, Any]) -> str:
    _document, text = docx_text(path)
    lead = ctx["lead_unit"]["name"]
    expect(draft.project.title_zh in text, f"{path.name}: the project title is missing")
    expect(bool(lead) and lead in text, f"{path.name}: the lead unit {lead!r} is missing")
    return f"title, lead unit {lead}"


def _check_tables(path: Path, draft: Draft, ctx: dict[str, Any]) -> str:
    book = openpyxl.load_workbook(path)
    expect(tuple(book.sheetnames) == SHEETS, f"{path.name}: sheets are {book.sheetnames}")
    partners = {str(cell) for row in book[SHEETS[0]].iter_rows(values_only=True) for cell in row}
    names = [unit.name for unit in draft.chinese_units]
    names += [partner.name for partner in draft.foreign_partners]
    absent = [name for name in names if name not in partners]
    expect(not absent, f"{path.name}: partners sheet lacks {', '.join(absent)}")
    budget = book[SHEETS[1]]
    summed = Decimal(0)
    for row in budget.iter_rows(min_row=2):
        if not row[0].value:  # the total rows have no year
            continue
        for column in BUDGET_PARTS:
            value = row[column - 1].value
            summed += Decimal(str(value)) if isinstance(value, int | float) else Decimal(0)
    expected = Decimal(ctx["budget"]["total"]["total"].replace(",", "") or "0")
    expect(
        abs(summed - expected) < Decimal("0.0001"),
        f"{path.name}: budget amounts add up to {summed}, the draft says {expected}",
    )
    return f"{len(SHEETS)} sheets, {len(names)} parties, budget {expected} 万元"
