"""LibreOffice as the real client of the generated files: convert, then read back.

Each conversion runs with a fresh profile (overlapping runs would clash) and
the machine's own fontconfig: the documents must find their faces there
themselves, as on a user's Linux machine without 宋体 or 黑体.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
"""Every sheet as CSV, formulas recalculated, cells as shown (1,350.00)."""


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    source: Path | list[Path], target_format: str, out: Path, *, timeout: float = 600
) -> list[Path]:
    """Convert files with one LibreOffice run (headless); returns the files it wrote."""
    sources = source if isinstance(source, list) else [source]
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice is not installed (scripts/test installs it)")
    out.mkdir(parents=True, exist_ok=True)
    before = set(out.iterdir())
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        env = dict(os.environ, HOME=profile)
        result = subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target_format,
                "--outdir",
                str(out),
                *map(str, sources),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    written = sorted(set(out.iterdir()) - before)
    if result.returncode != 0 or not written:
        names = ", ".join(path.name for path in sources)
        raise RuntimeError(f"LibreOffice failed on {names}: {result.stdout}{result.stderr}")
    return written


def pdf_text(pdf: Path) -> str:
    """The text of a PDF (poppler's pdftotext)."""
    result = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def pdf_pages(pdf: Path) -> int:
    """How many pages a PDF has."""
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def pdf_fonts(pdf: Path) -> str:
    """The fonts a PDF embeds (poppler's pdffonts)."""
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def to_png(
    pdf: Path, out_prefix: Path, *, first: int = 1, last: int = 3, dpi: int = 70
) -> list[Path]:
    """Pages of a PDF as PNG images."""
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(first),
            "-l",
            str(last),
            str(pdf),
            str(out_prefix),
        ],
        check=True,
    )
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))


FIGURE = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|[+\-]?[\d,.:/%\-]*\d[\d,.:/%\-]*"
    r"|(?=[A-Z\-]*\d)[0-9A-Z][0-9A-Z\-]{5,}"
)
"""A number, a date in digits or in Chinese, or a code (a credit or registration
number), as a cell holds it."""


def is_figure(text: str) -> bool:
    return FIGURE.fullmatch(text.strip()) is not None


def pdf_words(pdf: Path, *, join_closer_than: float = 0.3) -> Counter[str]:
    """The PDF's words, each on one line by construction, from poppler's word boxes.

    poppler splits "2023年4月12日" where LibreOffice spaces Latin from Chinese
    (a fifth of an em); words on one line closer than ``join_closer_than`` of
    their height are joined again, so a word here is what a reader sees as
    one: a cell's figure or date. Word tables keep cells at least half an em
    apart; spreadsheet cells may be closer, and their dates have no Chinese,
    so workbooks are read with 0.
    """
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words: Counter[str] = Counter()
    for page in ElementTree.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}page"):
        lines: dict[int, list[tuple[float, float, float, str]]] = {}
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            top, bottom = float(word.get("yMin", 0)), float(word.get("yMax", 0))
            left, right = float(word.get("xMin", 0)), float(word.get("xMax", 0))
            lines.setdefault(round(top), []).append((left, right, bottom - top, word.text or ""))
        for line in lines.values():
            line.sort()
            joined, last_right = "", None
            for left, right, height, text in line:
                if last_right is not None and left - last_right >= height * join_closer_than:
                    joined += " "
                joined, last_right = joined + text, right
            words.update(joined.split())
    return words


def broken_figures(
    pdf: Path, figures: Counter[str], *, join_closer_than: float = 0.3
) -> Counter[str]:
    """The figures (each as often as cells hold it) not found whole on one line of the PDF.

    A number or date that a line break cuts reads as two words ("1,000." and
    "50"), so its whole form is missing from the PDF's words.
    """
    return figures - pdf_words(pdf, join_closer_than=join_closer_than)
