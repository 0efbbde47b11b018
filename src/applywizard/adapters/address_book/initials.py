"""Pinyin initials of Chinese names, so that typing ``cqd`` finds 重庆大学 (``cqdx``).

Each Chinese character gives the first letter of its reading, read with
pypinyin's phrase data so that a polyphone is read as in its word: 重庆
chóngqìng, 长安 cháng'ān, 银行 yínháng (重庆大学 ``cqdx``, 长安大学 ``cadx``,
中国农业银行 ``zgnyyh``). What else a name holds:

- the text is NFKC-normalised first (full-width ``ＡＢＣ１`` is ``ABC1``);
- ASCII letters and digits are kept, lower-cased: ABB（中国）有限公司 is ``abbzgyxgs``;
  a Latin letter loses its accent (École is ``ecole``);
- everything else is dropped: spaces, punctuation, other scripts, and a
  character pypinyin has no reading for.

Two corrections to pypinyin's word splitting, which takes the longest word
it knows from the left: the words that end a unit's part (科学院, 大学,
研究所, 银行...) are read on their own, so that 中国科学院长春... is read
科学院|长春 (``kxycc``), not 科学|院长|春; and a person's name that starts
with a surname read otherwise as a surname (曾 zēng, 单 shàn, 解 xiè, 仇
qiú...) takes the surname's letter.

pypinyin reads its dictionaries (3.3 MB of JSON) when it is imported: it is
imported on the first name read, not with this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from applywizard.domain.address_book import Kind

INITIALS_FROM: dict[Kind, str] = {"unit": "name", "partner": "name_zh", "person": "name"}
"""The field whose initials an entry is found by: the Chinese name."""

_PART_ENDS = re.compile("(科学院|工程院|研究院|研究所|研究中心|大学|学院|医院|银行|公司|集团|中心)")
_KEPT = re.compile(r"[^a-z0-9]")

SURNAMES: dict[str, str] = {
    "单于": "cy",
    "曾": "z",
    "单": "s",
    "解": "x",
    "仇": "q",
    "区": "o",
    "朴": "p",
    "查": "z",
    "翟": "z",
    "乐": "y",
    "覃": "q",
    "种": "c",
    "繁": "p",
    "召": "s",
    "秘": "b",
    "重": "c",
    "折": "s",
    "藏": "z",
}
"""Surnames whose first letter as a surname differs from pypinyin's reading of the
character alone (its most frequent one), compound surnames first."""


def _letters(text: str) -> str:
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - 3.3 MB read at import

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"))


def initials(text: str) -> str:
    """The initials of a name: ``重庆大学`` -> ``cqdx`` (see the module's rules)."""
    normal = unicodedata.normalize("NFKC", text)
    parts = (part for part in _PART_ENDS.split(normal) if part)
    letters = unicodedata.normalize("NFKD", "".join(_letters(part) for part in parts))
    return _KEPT.sub("", letters.lower())


def person_initials(name: str) -> str:
    """A person's initials, the surname read as a surname: ``曾伟`` -> ``zw``."""
    normal = unicodedata.normalize("NFKC", name).strip()
    for surname, letters in SURNAMES.items():
        if normal.startswith(surname):
            return letters + initials(normal[len(surname) :])
    return initials(normal)


def entry_initials(kind: Kind, entry: Mapping[str, str]) -> str:
    """The initials an entry is found by: of a unit's name, a partner's Chinese name, a
    person's name."""
    text = entry.get(INITIALS_FROM[kind], "")
    return person_initials(text) if kind == "person" else initials(text)
