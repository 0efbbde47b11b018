"""Which face, and which regional form, drew the text of a PDF LibreOffice wrote.

``pdffonts`` cannot tell: the Noto CJK collections (``NotoSerifCJK-Regular.ttc``)
share one CFF table between their JP, KR, SC, TC and HK faces, so a PDF names
"NotoSerifCJKjp-Regular" whichever face LibreOffice chose. What differs is
each face's character map: 骨, 门, 说 and hundreds more point at other glyphs.
LibreOffice's subsets keep the collection's glyph ids as names (``cid12345``)
and a ToUnicode map, so the face is found by asking which faces' maps send
every drawn character to the glyph the PDF drew.

``drawn_text`` gives each piece of text with the font it was drawn in (pypdf's
text visitor), for telling body text set in a sans face.
"""

from __future__ import annotations

import functools
import io
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools.t1Lib import T1Font
from fontTools.ttLib import TTCollection, TTFont
from pypdf import PdfReader

CJK_REGIONS = ("SC", "TC", "HK", "JP", "KR")


@dataclass(frozen=True)
class EmbeddedFont:
    """A font a PDF embeds: its name without the subset tag, what it drew, and its regions."""

    name: str
    characters: str
    regions: frozenset[str]
    """The regional faces whose character maps agree with the glyph drawn for
    every Chinese character (punctuation may take another form by design);
    empty for a font that is not a CJK collection's."""

    @property
    def is_cjk(self) -> bool:
        return "CJK" in self.name

    @property
    def is_sans(self) -> bool:
        return "Sans" in self.name or "Hei" in self.name


@dataclass(frozen=True)
class DrawnText:
    """A piece of text as drawn: its characters and its font's name (no subset tag)."""

    text: str
    font: str


def is_han(char: str) -> bool:
    """A Chinese character (CJK unified ideographs, extension A, compatibility)."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def _base_name(name: str) -> str:
    return re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/"))


def _to_unicode(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap's code → text (bfchar and bfrange, as LibreOffice writes them)."""
    text = data.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = ord(bytes.fromhex(start).decode("utf-16-be"))
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _glyph_names(font_file: bytes) -> dict[int, str]:
    """A Type 1 font program's code → glyph name."""
    with tempfile.NamedTemporaryFile(suffix=".pfa") as stream:
        stream.write(font_file)
        stream.flush()
        font = T1Font(stream.name)
        font.parse()
    encoding = font.font["Encoding"]
    return {code: _glyph_id(name) for code, name in enumerate(encoding) if name != ".notdef"}


def _glyph_id(name: str) -> str:
    """``cid09519`` (fontTools) and ``cid9519`` (LibreOffice) alike as ``9519``."""
    match = re.fullmatch(r"cid0*(\d+)", name)
    return match.group(1) if match else name


@functools.cache
def _cjk_collections() -> dict[str, tuple[dict[str, dict[int, str]], ...]]:
    """For each CJK collection installed: its CFF name → each face's (region, cmap)."""
    listing = subprocess.run(
        ["fc-list", ":", "file"], capture_output=True, text=True, check=True
    ).stdout
    files = sorted({line.split(":")[0] for line in listing.splitlines() if "CJK" in line})
    collections: dict[str, tuple[dict[str, dict[int, str]], ...]] = {}
    for file in files:
        if not file.endswith(".ttc"):
            continue
        faces = TTCollection(io.BytesIO(Path(file).read_bytes()), lazy=True).fonts
        cff_name = _cff_name(faces[0])
        regional = []
        for face in faces:
            family = face["name"].getDebugName(1) or ""
            region = family.rsplit(" ", 1)[-1]
            regional.append(
                {region: {code: _glyph_id(name) for code, name in face.getBestCmap().items()}}
            )
        collections[cff_name] = tuple(regional)
    return collections


def _cff_name(face: TTFont) -> str:
    if "CFF " in face:
        return str(face["CFF "].cff.fontNames[0])
    return str(face["name"].getDebugName(6))


def _regions(name: str, drawn: dict[str, str]) -> frozenset[str]:
    for cff_name, faces in _cjk_collections().items():
        if name.startswith(cff_name):
            agreeing = set()
            for face in faces:
                for region, cmap in face.items():
                    if all(cmap.get(ord(char)) == glyph for char, glyph in drawn.items()):
                        agreeing.add(region)
            return frozenset(agreeing)
    return frozenset()


def _fonts_of(reader: PdfReader) -> Iterator[Any]:
    seen: set[int] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for reference in fonts.get_object().values():
            identity = reference.idnum if hasattr(reference, "idnum") else id(reference)
            if identity not in seen:
                seen.add(identity)
                yield reference.get_object()


def embedded_fonts(pdf: Path) -> list[EmbeddedFont]:
    """Every font the PDF embeds, each with the regional faces its CJK glyphs fit."""
    result = []
    for font in _fonts_of(PdfReader(pdf)):
        name = _base_name(str(font["/BaseFont"]))
        descriptor = font.get("/FontDescriptor")
        program = descriptor.get_object().get("/FontFile") if descriptor is not None else None
        to_unicode = font.get("/ToUnicode")
        if program is None or to_unicode is None:
            result.append(EmbeddedFont(name, "", frozenset()))
            continue
        names = _glyph_names(program.get_object().get_data())
        text = _to_unicode(to_unicode.get_object().get_data())
        drawn = {
            char: names[code]
            for code, char in text.items()
            if code in names and len(char) == 1 and is_han(char)
        }
        result.append(EmbeddedFont(name, "".join(sorted(drawn)), _regions(name, drawn)))
    return result


def drawn_text(pdf: Path) -> list[DrawnText]:
    """The PDF's text, piece by piece, each with the font it is drawn in."""
    pieces: list[DrawnText] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            pieces.append(DrawnText(text, _base_name(str(font.get("/BaseFont", "")))))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return pieces
