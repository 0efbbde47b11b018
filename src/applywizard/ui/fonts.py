"""A font for Chinese, wherever the program runs.

The window is Chinese first, and Qt ships no fonts: on a machine with no CJK
font every Chinese character would be a box, and with only a Japanese or
Korean CJK face it would be drawn the Japanese or Korean way.
``ensure_cjk_font`` looks for an installed Simplified-Chinese face that has the
glyphs; when there is none it loads the one the program ships (WenQuanYi Micro
Hei, Apache-2.0, in ``resources/fonts``). The face chosen becomes the fallback
of the application font.
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


# Faces made for Simplified Chinese, best first: Windows, macOS, Linux. A face
# for Japanese, Korean or Traditional Chinese also has glyphs for most of these
# characters, but draws them the way those languages do (a PI notices at once),
# so it is never chosen: the shipped face (WenQuanYi, Simplified) is used instead.
SIMPLIFIED_FACES = (
    "Microsoft YaHei",
    "微软雅黑",
    "Microsoft YaHei UI",
    "DengXian",
    "等线",
    "SimSun",
    "宋体",
    "NSimSun",
    "SimHei",
    "黑体",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Songti SC",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
    "AR PL UKai CN",
)


def system_cjk_family() -> str | None:
    """An installed Simplified-Chinese face that covers the interface's characters, or None."""
    installed = {
        family
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not QFontDatabase.isPrivateFamily(family)
    }
    for family in SIMPLIFIED_FACES:
        if family in installed and covers(family):
            return family
    return None


def _prefer(family: str) -> None:
    """Make ``family`` the fallback of the application font for every character it has."""
    font = QGuiApplication.font()
    QFont.insertSubstitution(font.family(), family)
    font.setFamilies([font.family(), family])
    QGuiApplication.setFont(font)


def load_shipped_font() -> str:
    """Register the shipped font with Qt; returns its family name."""
    path = data_folder("resources") / "fonts" / SHIPPED_FILE
    # From bytes, not from the path: on Windows Qt's FreeType font database
    # opens a path in the ANSI code page, which cannot spell a folder such as
    # C:\Users\张三 on a Western Windows (the installed program then had no font).
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileNotFoundError(f"the shipped font {path} is missing or unreadable") from error
    font_id = QFontDatabase.addApplicationFontFromData(data)
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
        choice = FontChoice(load_shipped_font(), shipped=True)
    # Chinese in that face, not in whatever face the system would fall back to
    # (on Linux and under Wine often Noto Sans CJK JP, first in the alphabet).
    _prefer(choice.family)
    _chosen.append(choice)
    return choice


def chosen_font() -> FontChoice | None:
    """What ``ensure_cjk_font`` chose, if it has run."""
    return _chosen[0] if _chosen else None
