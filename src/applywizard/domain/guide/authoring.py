"""Pure checks a pack author needs: clause texts against the source, numbering, headline sums.

Nothing here reads files or YAML: ``adapters.guide_check`` walks a pack and
asks these functions about the values it finds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WAN_PER_YI = Decimal(10000)
"""1 亿元 = 10 000 万元."""

PROJECTS_TOLERANCE = 2
PROJECTS_TOLERANCE_SHARE = Decimal("0.02")

_PAGE_NUMBER = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$", re.MULTILINE)
"""A page number the PDF's text keeps on a line of its own: “— 3 —”."""

_SAME_PUNCTUATION = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "「": '"',
        "」": '"',
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "—": "-",
        "–": "-",
        "－": "-",
        "～": "~",
        "〜": "~",
    }
)
_END_PUNCTUATION = ";,.:"


@dataclass(frozen=True)
class Normalised:
    """A text made comparable, with where each kept character was in the original."""

    text: str
    positions: tuple[int, ...]


def normalise(text: str, *, drop_page_numbers: bool = False) -> Normalised:
    """Whitespace and line breaks dropped, full- and half-width forms made one.

    NFKC turns full-width letters, digits and most punctuation (，；：（）) into
    their ASCII forms; the table above does the rest (。、“” —). With
    ``drop_page_numbers``, lines that hold only a page number (“— 3 —”) go too.
    """
    if drop_page_numbers:
        text = _PAGE_NUMBER.sub(lambda match: " " * len(match.group()), text)
    kept: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(text):
        for part in unicodedata.normalize("NFKC", character).translate(_SAME_PUNCTUATION):
            if not part.isspace():
                kept.append(part)
                positions.append(index)
    return Normalised("".join(kept), tuple(positions))


@dataclass(frozen=True)
class TextMismatch:
    """Where a clause stops matching the source: the closest place and the first difference."""

    matched: int
    """How many (normalised) characters of the clause match before the difference."""
    clause_rest: str
    """The clause's text from its first differing character (a few characters)."""
    source_rest: str
    """The source's text at that place (a few characters)."""
    source_line: int
    """The line of the source text (1-based) where the best partial match ends."""


def find_in_source(clause: str, source: Normalised, source_text: str) -> TextMismatch | None:
    """None when the clause's words are in the source; else where they first differ.

    Both sides are normalised; the clause's own final punctuation (；。) may
    differ from the source's, since a list item's ending is the author's choice.
    """
    own = normalise(clause)
    wanted = own.text.rstrip(_END_PUNCTUATION)
    if not wanted or wanted in source.text:
        return None
    matched, at = _longest_prefix(wanted, source.text)
    end = at + matched
    original = source.positions[min(end, len(source.positions) - 1)] if source.positions else 0
    return TextMismatch(
        matched=matched,
        clause_rest=_original(clause, own, matched),
        source_rest=_original(source_text, source, end) if matched else "",
        source_line=source_text.count("\n", 0, original) + 1,
    )


def _original(text: str, normalised: Normalised, start: int, length: int = 12) -> str:
    """The original characters (whitespace dropped) behind ``length`` normalised ones."""
    positions = normalised.positions[start : start + length]
    if not positions:
        return ""
    return "".join(text[positions[0] : positions[-1] + 1].split())


def _longest_prefix(wanted: str, text: str) -> tuple[int, int]:
    """The longest prefix of ``wanted`` found in ``text``: its length and where (binary search)."""
    low, high, at = 0, len(wanted), 0
    while low < high:
        middle = (low + high + 1) // 2
        found = text.find(wanted[:middle])
        if found >= 0:
            low, at = middle, found
        else:
            high = middle - 1
    return low, at


def numbering_gap(numbers: list[int]) -> tuple[int, int] | None:
    """The first place a list of clause numbers is not 1, 2, 3, …: (index, expected number).

    A single clause 0 (an unnumbered paragraph) is allowed.
    """
    if numbers == [0]:
        return None
    for index, number in enumerate(numbers):
        if number != index + 1:
            return index, index + 1
    return None


def yi_precision(stated: Decimal) -> int:
    """How many decimals a figure in 亿元 is stated with (5.9 -> 1, 5 -> 0)."""
    exponent = stated.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def budget_range_wan(stated_yi: Decimal) -> tuple[Decimal, Decimal]:
    """The sums in 万元 that round to ``stated_yi`` at its precision: 5.9 -> 58 500 .. 59 499."""
    half = Decimal(5).scaleb(-yi_precision(stated_yi) - 1)
    low = (stated_yi - half) * WAN_PER_YI
    high = (stated_yi + half) * WAN_PER_YI - 1
    return low, high


def budget_matches(total_wan: Decimal, stated_yi: Decimal) -> bool:
    """Whether a sum in 万元 rounds (half up) to the stated 亿元 figure at its precision."""
    unit = Decimal(1).scaleb(-yi_precision(stated_yi))
    return (total_wan / WAN_PER_YI).quantize(unit, rounding=ROUND_HALF_UP) == stated_yi


def projects_tolerance(stated: int) -> int:
    """How far the added-up project count may be from a stated “about” figure.

    The larger of 2 projects and 2 % of the figure (docs/guide-packs.md says why).
    """
    share = (Decimal(stated) * PROJECTS_TOLERANCE_SHARE).to_integral_value(rounding=ROUND_HALF_UP)
    return max(PROJECTS_TOLERANCE, int(share))
