"""The faces the Chinese documents name, and how they declare them so every suite finds them.

The MOST form asks for 宋体 (body) and 黑体 (headings). Documents name them
by their English family names, SimSun and SimHei: Word and WPS on Windows
find the fonts under either name, and fontconfig (LibreOffice and WPS on
Linux, UOS and Kylin) knows SimSun as a serif and SimHei as a sans, so where
neither is installed the body falls to a Chinese serif (Noto Serif CJK SC)
and the headings to a Chinese sans. Named “宋体”, LibreOffice picks a sans.

Every document also says its East Asian text is Simplified Chinese (zh-CN):
with en-US or ja-JP there, LibreOffice draws Chinese with Japanese or Hong
Kong glyph forms (骨, 门, 说…). The font table lists each face with its
Chinese name, GB2312 charset and PANOSE class, so a suite that lacks a face
picks a substitute of the same kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from applywizard.adapters.documents.ooxml import LATIN, child, set_fonts

SONG = "SimSun"
"""宋体: body text and table cells."""
HEI = "SimHei"
"""黑体: headings, table headers and labels."""
EAST_ASIAN_LANGUAGE = "zh-CN"
LATIN_LANGUAGE = "en-US"

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass(frozen=True, slots=True)
class Face:
    """A font-table entry: what Word writes for the face on a Chinese system."""

    name: str
    alt_name: str
    panose: str
    charset: str
    family: str
    pitch: str


FACES = (
    Face(LATIN, "", "02020603050405020304", "00", "roman", "variable"),
    Face(SONG, "宋体", "02010600030101010101", "86", "roman", "variable"),
    Face(HEI, "黑体", "02010609060101010101", "86", "modern", "fixed"),
)


def declare_chinese(document: Document) -> None:
    """Languages, font table and theme of a document set for Simplified Chinese.

    The shipped templates are made this way; a template a research office
    saved from Word or WPS may not be, and is then set right while rendering.
    """
    if _declared(document):
        return
    _set_default_languages(document)
    settings = document.settings.element
    theme_language = child(settings, "w:themeFontLang")
    theme_language.set(qn("w:val"), LATIN_LANGUAGE)
    theme_language.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name == "/word/fontTable.xml":
            _rewrite(part, _font_table)
        elif name.startswith("/word/theme/"):
            _rewrite(part, _theme_fonts)
        elif name == "/word/stylesWithEffects.xml":
            _rewrite(part, _languages_in)


def _declared(document: Document) -> bool:
    """Whether the document already says zh-CN everywhere and lists just the faces it uses."""
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    defaults = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    if theme_language is None or defaults is None:
        return False
    languages = {theme_language.get(qn("w:eastAsia")), defaults.get(qn("w:eastAsia"))}
    if languages != {EAST_ASIAN_LANGUAGE}:
        return False
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            names = re.findall(rb'<w:font w:name="([^"]*)"', part.blob)
            return [name.decode() for name in names] == [face.name for face in FACES]
    return False


def _set_default_languages(document: Document) -> None:
    _languages_in(document.styles.element)


def _languages_in(styles: BaseOxmlElement) -> None:
    defaults = child(styles, "w:docDefaults", first=True)
    properties = child(child(defaults, "w:rPrDefault", first=True), "w:rPr")
    language = child(properties, "w:lang")
    language.set(qn("w:val"), LATIN_LANGUAGE)
    language.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)
    set_fonts(properties, SONG)


def _rewrite(part: Part, edit: Callable[[BaseOxmlElement], None]) -> None:
    """Parse a package part kept as bytes, edit it, and store it back."""
    root = parse_xml(part.blob)
    edit(root)
    part._blob = serialize_part_xml(root)  # python-docx keeps unknown parts as bytes


def _font_table(fonts: BaseOxmlElement) -> None:
    """The faces the document uses, each described as Word describes it; nothing else."""
    for font in list(fonts):
        fonts.remove(font)
    for face in FACES:
        font = OxmlElement("w:font")
        font.set(qn("w:name"), face.name)
        if face.alt_name:
            alt_name = OxmlElement("w:altName")
            alt_name.set(qn("w:val"), face.alt_name)
            font.append(alt_name)
        for tag, value in (
            ("w:panose1", face.panose),
            ("w:charset", face.charset),
            ("w:family", face.family),
            ("w:pitch", face.pitch),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        fonts.append(font)


def _theme_fonts(theme: BaseOxmlElement) -> None:
    """The theme's East Asian faces: SimHei for headings (major), SimSun for text (minor)."""
    for scheme, face in (("majorFont", HEI), ("minorFont", SONG)):
        for fonts in theme.iter(f"{{{_A}}}{scheme}"):
            east_asian = fonts.find(f"{{{_A}}}ea")
            if east_asian is not None:
                east_asian.set("typeface", face)
            for script in fonts.findall(f"{{{_A}}}font"):
                if script.get("script") == "Hans":
                    script.set("typeface", face)
