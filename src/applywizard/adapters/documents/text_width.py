"""How wide a piece of text is when set, and where a line may not break inside it.

Widths are in ems of the font size. Chinese characters and full-width forms
are one em; Latin characters take Times New Roman's advance widths, which
Liberation Serif and Nimbus Roman (LibreOffice's substitutes on Linux) share
by design. A line may break between Chinese characters and at spaces, never
inside a number, a date, a code or a Latin word: those are the *unbreakable*
pieces a column must be wide enough for.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Advance widths (thousandths of an em) of ASCII 32..126 in Times New Roman,
# regular and bold (read from Nimbus Roman, metric-compatible).
_REGULAR = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 "
    "722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 "
    "444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 "
    "200 480 541"
)
_BOLD = (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 "
    "722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 "
    "444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 "
    "220 394 520"
)
_ADVANCES = {
    bold: {chr(32 + index): int(value) / 1000 for index, value in enumerate(table.split())}
    for bold, table in ((False, _REGULAR), (True, _BOLD))
}

UNBREAKABLE = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    r"|[^\s\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+"
)
"""A date written in Chinese, or a run of letters (Latin, Cyrillic, Greek…), digits
and signs with no space: a word, number, date or code."""

AUTOSPACE_EMS = 0.25
"""The gap Word and LibreOffice put between Chinese and Latin letters or digits."""

SHORT_EMS = 4.0
"""Text up to four Chinese characters wide (a name, a country, a role) stays on one line."""

FIGURE = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|[+\-−]?[\d,.:/%\-]*\d[\d,.:/%\-]*"
    r"|(?=[A-Z\-]*\d)[0-9A-Z][0-9A-Z\-]{5,}"
)
"""A number, a date or a code (1,000.50 · 2023-01-01 · 30% · 2023年4月12日 ·
91320594MA1WQ8EL2E · DE294718364): never broken across lines."""

_AFTER_HYPHEN = re.compile(r"(?<=[-\u2010])(?=[^\W\d_])")
"""Where a word may break: after a hyphen before a letter (Северо-|Западный), never in a date."""

_NO_LINE_START = "，。、；：？！）》」』】〕…%"
"""Chinese punctuation that may not begin a line: it stays with the character before."""


@functools.lru_cache(maxsize=8192)
def _char(char: str, bold: bool) -> tuple[float, bool]:  # noqa: FBT001 - a cache key
    """A character's width in ems, and whether it is wide (Chinese, full-width)."""
    return char_width(char, bold=bold), unicodedata.east_asian_width(char) in "WF"


def char_width(char: str, *, bold: bool = False) -> float:
    """One character's width in ems."""
    advance = _ADVANCES[bold].get(char)
    if advance is not None:
        return advance
    kind = unicodedata.east_asian_width(char)
    if kind in "WF" or (kind == "A" and not char.isalpha()):
        return 1.0  # Chinese, and signs (—, …, □) set in the Chinese face
    return 0.65  # other letters: Cyrillic, Greek, accented Latin


@functools.lru_cache(maxsize=4096)
def text_width(text: str, *, bold: bool = False) -> float:
    """A line's width in ems, with the gaps between Chinese and Latin text."""
    width, changes, previous = 0.0, 0, None
    for char in text:
        advance, wide = _char(char, bold)
        width += advance
        if char.isspace():
            continue
        if previous is not None and wide != previous:
            changes += 1
        previous = wide
    return width + changes * AUTOSPACE_EMS


@functools.lru_cache(maxsize=4096)
def widest_unbreakable(text: str, *, bold: bool = False, short: float = SHORT_EMS) -> float:
    """The widest piece of ``text`` a line cannot or should not break inside, in ems.

    Text no wider than ``short`` ems is kept whole.
    """
    widest = min(text_width(text, bold=bold), short)
    for match in UNBREAKABLE.finditer(text):
        word = match.group()
        pieces = [word] if FIGURE.fullmatch(word) else _AFTER_HYPHEN.split(word)
        widest = max(widest, *(text_width(piece, bold=bold) for piece in pieces))
    for index, char in enumerate(text):
        if unicodedata.east_asian_width(char) in "WF":
            following = text[index + 1 : index + 2]
            pair = char + following if following and following in _NO_LINE_START else char
            widest = max(widest, text_width(pair, bold=bold))
    return widest


def is_figure(text: str) -> bool:
    """Whether a cell holds just a number or a date."""
    return FIGURE.fullmatch(text.strip()) is not None
