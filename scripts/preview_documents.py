"""Render drafts, convert the outputs with LibreOffice, and write page images to look at.

    .venv/bin/python scripts/preview_documents.py examples/1.1.json examples/2.8.json \\
        --out docs/previews

For each draft: every page of the application form (its tables of units,
partners, team and budget among them), of the IP checklist and of the
bilateral workbook, as PNG. With ``--stage pre_application`` each draft is
set to the pre-application in memory and its one output, the pre-application
(预申报书), is shown instead (``pre-application``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.office import convert, pdf_pages, to_png  # noqa: E402

from applywizard.adapters.documents.render import render_all  # noqa: E402
from applywizard.adapters.draft_files import read_draft  # noqa: E402
from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.domain.draft.model import Stage  # noqa: E402


def preview(draft_path: Path, out: Path, *, dpi: int, stage: Stage | None = None) -> list[Path]:
    """Page images of every output of one draft (at ``stage`` when given)."""
    book = shipped_guide()
    draft = read_draft(draft_path)
    if stage is not None:
        draft = draft.model_copy(update={"stage": stage})
    names = ("pre-application",) if draft.stage is Stage.PRE else ("form", "checklist", "tables")
    target = out / (draft_path.stem + ("-pre" if draft.stage is Stage.PRE else ""))
    target.mkdir(parents=True, exist_ok=True)
    images: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        rendered = render_all(book, draft, Path(folder), allow_incomplete=True)
        for path, name in zip(rendered.files, names, strict=True):
            [pdf] = convert(path, "pdf", Path(folder) / "pdf" / name)
            images += to_png(pdf, target / name, first=1, last=pdf_pages(pdf), dpi=dpi)
    return images


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "previews")
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--stage", type=Stage, choices=list(Stage), default=None)
    args = parser.parse_args()
    for draft in args.drafts:
        for image in preview(draft, args.out, dpi=args.dpi, stage=args.stage):
            print(image)
    return 0


if __name__ == "__main__":
    sys.exit(main())
