"""How long writing every output takes, against a bare script doing the same tables.

Measures, in one process and one run:
1. all outputs (form, IP checklist, bilateral workbook) of a realistic draft
   (target: within 0.5 s);
2. the same for a 200-partner draft;
3. the same draft at the pre-application stage, whose one output is the 预申报书;
and the baseline: a bare script that writes the same tables (units, partners,
team, budget) with python-docx and openpyxl and nothing else. Figures are
medians, and each is quoted as a ratio to the baseline.

Where the time over the baseline goes (cProfile, examples/1.1.json, one
render of ~125 ms): docxtpl's own work, parsing the rendered XML back and
fixing its tables (~35 ms); opening the two templates and saving the three
packages (~30 ms); writing each package again with fixed times and stamps,
so a draft always gives the same bytes (~17 ms); fitting the Word tables'
columns to their content (~15 ms); the workbook's five sheets with their
print set-up, validation and fitted columns (~25 ms). What was cut: Jinja
compiled the template's whole XML on every render and docxtpl cleaned it up
again (now once per process, ~75 ms); each workbook cell got its own font,
border and alignment, which openpyxl hashes one by one (now named cell
styles, ~30 ms); text widths are measured once per distinct text.

Run: .venv/bin/python bench/bench_documents.py [--repeat N] [DRAFT]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from functools import partial
from pathlib import Path

import docx
from openpyxl import Workbook

from applywizard.adapters.documents.render import render_all
from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.domain.draft.model import Draft, Stage
from timing import median_seconds

ROOT = Path(__file__).resolve().parents[1]


def bare_tables(draft: Draft) -> None:
    """The baseline: the same tables, written plainly, in memory."""
    document = docx.Document()
    document.add_heading(draft.project.title_zh, level=1)
    for rows in (
        [(u.name, u.credit_code, str(u.central_funds_wan)) for u in draft.chinese_units],
        [(p.name, p.name_zh, p.country or "") for p in draft.foreign_partners],
        [(m.name, m.unit, m.title) for m in draft.team],
        [(str(y.year), str(y.central.total), str(y.self_raised.total)) for y in draft.budget.years],
    ):
        table = document.add_table(rows=0, cols=3)
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
    document.save(io.BytesIO())
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for partner in draft.foreign_partners:
        sheet.append([partner.name, partner.name_zh, partner.country])
    for year in draft.budget.years:
        sheet.append([year.year, float(year.central.total), float(year.self_raised.total)])
    book.save(io.BytesIO())


def with_partners(draft: Draft, count: int) -> Draft:
    wide = draft.model_copy(deep=True)
    template = wide.foreign_partners[0]
    wide.foreign_partners = [
        template.model_copy(
            update={"name": f"{template.name} {i}", "name_zh": f"{template.name_zh}{i}"}
        )
        for i in range(count)
    ]
    return wide


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path, default=ROOT / "examples" / "1.1.json")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    book = shipped_guide()
    draft = read_draft(args.draft)
    with tempfile.TemporaryDirectory() as folder:
        pre = draft.model_copy(update={"stage": Stage.PRE}, deep=True)
        for label, subject in (
            ("realistic draft", draft),
            ("200-partner draft", with_partners(draft, 200)),
            ("the same draft at the pre-application (the 预申报书 alone)", pre),
        ):
            ours = median_seconds(
                partial(render_all, book, subject, Path(folder), allow_incomplete=True),
                args.repeat,
            )
            bare = median_seconds(partial(bare_tables, subject), args.repeat)
            print(
                f"{label} ({args.draft.name}): all outputs {ours * 1000:.0f} ms "
                f"(target <= 500 ms for the realistic draft); bare python-docx + openpyxl "
                f"tables {bare * 1000:.0f} ms; ratio {ours / bare:.1f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
