"""How long a text is, counted the way the national system counts it.

The rule, stated once and used by the rules and by the window's counter:
the text is put in Unicode NFC (so é typed as e + accent counts one) and the
whitespace around it is dropped; then every character counts one: each
Chinese character, Latin letter, digit, punctuation mark (full-width or not)
and space inside the text. Line breaks inside a multi-line text are not
counted by default (they are layout, not text); a limit may say they count.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

_LINE_BREAKS = str.maketrans("", "", "\n\r")


class Counting(StrEnum):
    """Which characters a length limit counts."""

    CHARACTERS = "characters"
    """Every character but line breaks, after NFC and without surrounding whitespace."""
    CHARACTERS_AND_LINE_BREAKS = "characters_and_line_breaks"
    """The same, and each line break inside the text counts one as well."""


def count_characters(text: str, counting: Counting = Counting.CHARACTERS) -> int:
    """The length of ``text`` as a length limit counts it."""
    normal = unicodedata.normalize("NFC", text).strip()
    if counting is Counting.CHARACTERS:
        normal = normal.translate(_LINE_BREAKS)
    else:
        normal = normal.replace("\r\n", "\n")
    return len(normal)


@dataclass(frozen=True, slots=True)
class Measure:
    """A text's length against its limit."""

    count: int
    limit: int

    @property
    def over(self) -> bool:
        """True when the text is longer than the limit allows."""
        return self.count > self.limit


def measure(text: str, limit: int, counting: Counting = Counting.CHARACTERS) -> Measure:
    """The length of ``text`` against ``limit``."""
    return Measure(count_characters(text, counting), limit)
