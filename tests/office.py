"""LibreOffice as the real client of the generated files: convert, then read back.

Each conversion runs with a fresh profile (overlapping runs would clash) and
with tests/fonts/fonts.conf, which maps 宋体 and 黑体 to the Noto CJK faces.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FONTS_CONF = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


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
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=profile)
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
