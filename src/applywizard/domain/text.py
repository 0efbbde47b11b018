"""Text and money types that refuse what a document cannot hold.

Every string a user types ends up in a Word or Excel file, so text is refused
when it holds characters XML cannot carry (C0 controls, lone surrogates,
U+FFFE/U+FFFF) or invisible direction overrides that can disguise a name.
Money is ``Decimal`` in 万元 with bounded precision, never NaN or infinite.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

SHORT_TEXT_MAX = 500
"""Names, titles, identifiers: one line."""

LONG_TEXT_MAX = 60_000
"""A part of the application form (about 30 pages of Chinese)."""

_ALLOWED_CONTROLS_MULTILINE = frozenset("\n\t")
_BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_XML_NONCHARACTERS = frozenset("\ufffe\uffff")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _reject_bad_characters(value: str, *, multiline: bool) -> str:
    allowed = _ALLOWED_CONTROLS_MULTILINE if multiline else frozenset()
    for position, char in enumerate(value):
        category = unicodedata.category(char)
        if category == "Cc" and char not in allowed:
            raise ValueError(
                f"contains the control character {_describe(char)} at position {position}; "
                "remove it (documents cannot hold it)"
            )
        if category == "Cs":
            raise ValueError(f"contains a lone surrogate {_describe(char)} at position {position}")
        if char in _XML_NONCHARACTERS:
            raise ValueError(f"contains the non-character {_describe(char)} at position {position}")
        if char in _BIDI_CONTROLS:
            raise ValueError(
                f"contains the invisible direction control {_describe(char)} at position "
                f"{position}; it can disguise text, remove it"
            )
    return value


def _single_line(value: str) -> str:
    return _reject_bad_characters(value, multiline=False)


def _multi_line(value: str) -> str:
    return _reject_bad_characters(value.replace("\r\n", "\n").replace("\r", "\n"), multiline=True)


ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=SHORT_TEXT_MAX),
    AfterValidator(_single_line),
]
"""A single line of user text: a name, a title, an identifier."""

LongText = Annotated[
    str,
    StringConstraints(max_length=LONG_TEXT_MAX),
    AfterValidator(_multi_line),
]
"""Several paragraphs of user text; line breaks and tabs are kept."""

MONEY_MAX_WAN = Decimal("10000000")
"""10^7 万元 = 1,000 亿元: far above any project, low enough to catch a slip."""

Wan = Annotated[
    Decimal,
    Field(ge=0, le=MONEY_MAX_WAN, max_digits=16, decimal_places=6, allow_inf_nan=False),
]
"""An amount in 万元 (10,000 yuan), to the yuan fen (six decimal places)."""


FOREIGN_MONEY_MAX = Decimal("1000000000000000")
"""10^15 in a partner's own currency: room for budgets in KRW, INR or RUB."""

ForeignAmount = Annotated[
    Decimal,
    Field(ge=0, le=FOREIGN_MONEY_MAX, max_digits=19, decimal_places=2, allow_inf_nan=False),
]
"""An amount in a foreign partner's own currency (whole units, to the cent)."""


def is_blank(value: object) -> bool:
    """True for None, empty or whitespace-only text and empty collections."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set | frozenset):
        return len(value) == 0
    return False
