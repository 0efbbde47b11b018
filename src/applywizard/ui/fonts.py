"""A font for Chinese, wherever the program runs.

The window is Chinese first, and Qt ships no fonts: on a machine with no CJK
font every Chinese character would be a box. ``ensure_cjk_font`` looks for a
system font that has the glyphs; when there is none it loads the one the
program ships (WenQuanYi Micro Hei, Apache-2.0, in ``resources/fonts``) and
makes it the fallback of the application font.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from applywizard.resources import data_folder

SHIPPED_FILE = "wqy-microhei.ttc"
SHIPPED_NAME = "WenQuanYi Micro Hei"
SHIPPED_LICENCE = "Apache-2.0"
# Characters of the interface's commonest words: a font that lacks one is no good.
SAMPLE = "申报书指南方向合作单位经费预算国际科技创新"


@dataclass(frozen=True)
class FontChoice:
    """The family that renders Chinese, and whether it is the one the program ships."""

    family: str
    shipped: bool


_chosen: list[FontChoice] = []


def covers(family: str, text: str = SAMPLE) -> bool:
    """True if ``family`` has a glyph for every character of ``text``."""
    raw = QRawFont.fromFont(QFont(family), QFontDatabase.WritingSystem.SimplifiedChinese)
    return raw.isValid() and all(raw.supportsCharacter(ord(character)) for character in text)


def system_cjk_family() -> str | None:
    """A system font family that covers Chinese, or None."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if not QFontDatabase.isPrivateFamily(family) and covers(family):
            return family
    return None


def load_shipped_font() -> str:
    """Register the shipped font with Qt; returns its family name."""
    path = data_folder("resources") / "fonts" / SHIPPED_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise FileNotFoundError(f"the shipped font {path} is missing or unreadable")
    return families[0]


def ensure_cjk_font() -> FontChoice:
    """Make sure Qt can draw Chinese; call once after the QApplication exists."""
    if _chosen:
        return _chosen[0]
    family = system_cjk_family()
    if family is not None:
        choice = FontChoice(family, shipped=False)
    else:
        shipped = load_shipped_font()
        font = QGuiApplication.font()
        QFont.insertSubstitution(font.family(), shipped)
        font.setFamilies([font.family(), shipped])
        QGuiApplication.setFont(font)
        choice = FontChoice(shipped, shipped=True)
    _chosen.append(choice)
    return choice


def chosen_font() -> FontChoice | None:
    """What ``ensure_cjk_font`` chose, if it has run."""
    return _chosen[0] if _chosen else None
