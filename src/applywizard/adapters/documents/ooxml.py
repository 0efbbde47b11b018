"""Small edits of WordprocessingML that python-docx has no API for."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

LATIN = "Times New Roman"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    """``parent``'s child ``tag`` (``"w:rPr"``), added (first, or last) when it has none."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(run_properties: BaseOxmlElement, east_asian: str) -> None:
    """Times New Roman for Latin text and ``east_asian`` for Chinese; no theme fonts."""
    fonts = child(run_properties, "w:rFonts", first=True)
    for theme in _THEME_FONTS:
        fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN)
    fonts.set(qn("w:eastAsia"), east_asian)
