"""The address book's entries, as plain data: units, partners and people taken from drafts.

An entry is a mapping of field name to text (``""`` for not given), the
fields a draft row holds that stay the same from one application to the next
(not the budget, the role or the tasks). Here too: how two entries are known
to be the same (``identity``), how an entry is merged into another one
(``merge``, which reports conflicting fields instead of choosing), the
checks a draft row gets (``entry_findings``), whether a value could stand in a
draft row at all (``as_row_writes_it``) and each field's label
(``field_label``, the draft form's own). Pure: no files, no SQLite.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from applywizard.domain.draft.model import ChineseUnit, Draft, ForeignPartner, TeamMember
from applywizard.domain.draft.paths import LABELS
from applywizard.domain.identifiers import credit_code_is_valid, registration_number_is_valid

Kind = Literal["unit", "partner", "person"]
Entry = dict[str, str]

KINDS: tuple[Kind, ...] = ("unit", "partner", "person")
FIELDS: dict[Kind, tuple[str, ...]] = {
    "unit": (
        "name",
        "name_en",
        "credit_code",
        "type",
        "parent",
        "region",
        "registered_on",
        "independent_legal_entity",
        "state_organ",
    ),
    "partner": (
        "name",
        "name_zh",
        "country",
        "type",
        "registration_number",
        "registered_on",
        "independent_legal_entity",
        "leader_name",
    ),
    "person": (
        "name",
        "title",
        "title_level",
        "degree",
        "unit",
        "field_of_science",
        "birth_date",
    ),
}
KIND_NAMES: dict[Kind, tuple[str, str]] = {
    "unit": ("中方单位", "Chinese unit"),
    "partner": ("外方合作单位", "foreign partner"),
    "person": ("人员", "person"),
}
DATE_FIELDS = frozenset({"registered_on", "birth_date"})
ROWS: dict[Kind, type[ChineseUnit | ForeignPartner | TeamMember]] = {
    "unit": ChineseUnit,
    "partner": ForeignPartner,
    "person": TeamMember,
}
_ROW_PATHS: dict[Kind, str] = {
    "unit": "chinese_units.*",
    "partner": "foreign_partners.*",
    "person": "team.*",
}


def field_label(kind: Kind, field: str) -> tuple[str, str]:
    """A field's label in Chinese and English, as the draft form labels it (``注册日期``,
    ``registration date``); the field's own name for a field the form does not have."""
    return LABELS.get(f"{_ROW_PATHS[kind]}.{field}", (field, field))


def normalise(text: str) -> str:
    """NFKC, spaces collapsed, case folded: the form names are compared in."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def entry_of(kind: Kind, row: ChineseUnit | ForeignPartner | TeamMember) -> Entry:
    """The address-book fields of a draft row."""
    data = row.model_dump(mode="json")
    entry = {field: _text(data.get(field)).strip() for field in FIELDS[kind]}
    if kind == "unit":
        entry["credit_code"] = entry["credit_code"].upper()
    return entry


def entries_of(draft: Draft) -> Iterator[tuple[Kind, Entry]]:
    """Every named unit, partner and team member of a draft."""
    rows: list[tuple[Kind, ChineseUnit | ForeignPartner | TeamMember]] = [
        *(("unit", unit) for unit in draft.chinese_units),
        *(("partner", partner) for partner in draft.foreign_partners),
        *(("person", member) for member in draft.team),
    ]
    for kind, row in rows:
        entry = entry_of(kind, row)
        if entry["name"].strip():
            yield kind, entry


def name_key(kind: Kind, entry: Mapping[str, str]) -> str:
    """The key by name: the normalised name (for a person, with the normalised unit)."""
    if kind == "person":
        return f"{normalise(entry.get('name', ''))}|{normalise(entry.get('unit', ''))}"
    return normalise(entry.get("name", ""))


def identity(kind: Kind, entry: Mapping[str, str]) -> str:
    """What makes two entries the same: the credit code, the country and registration
    number, else the normalised name (and, for people, unit)."""
    if kind == "unit" and entry.get("credit_code"):
        return "code:" + normalise(entry["credit_code"]).upper()
    if kind == "partner" and entry.get("registration_number") and entry.get("country"):
        number = re.sub(r"[\s.\-/]", "", normalise(entry["registration_number"])).upper()
        return f"reg:{entry['country'].upper()}:{number}"
    return "name:" + name_key(kind, entry)


@dataclass(frozen=True)
class Conflict:
    """Two sources give one entry different values for a field; the first one is kept."""

    kind: Kind
    identity: str
    field: str
    kept: str
    other: str
    source: str
    name: str = ""
    """The entry's name in the address book (what a reader knows it by)."""

    def _who(self, *, english: bool) -> str:
        """The entry: its name, and the identifier it was matched by."""
        kind, _, value = self.identity.partition(":")
        if kind == "name" or not self.name:
            return f"“{self.name or value}”"
        label = {"code": ("统一社会信用代码", "credit code"), "reg": ("注册号", "registration")}
        zh, en = label.get(kind, ("", ""))
        return f"“{self.name}” ({en} {value})" if english else f"“{self.name}”（{zh} {value}）"

    def message(self, *, english: bool) -> str:
        """One line, in one language."""
        zh_kind, en_kind = KIND_NAMES[self.kind]
        zh_field, en_field = field_label(self.kind, self.field)
        who = self._who(english=english)
        if english:
            return (
                f"{en_kind} {who}: {en_field} is “{self.kept}” in the address book "
                f"but “{self.other}” in {self.source} (kept “{self.kept}”)"
            )
        return (
            f"{zh_kind}{who}：{zh_field}在通讯录中为“{self.kept}”，"
            f"在 {self.source} 中为“{self.other}”（保留“{self.kept}”）"
        )


def merge(
    kind: Kind, kept: Mapping[str, str], other: Mapping[str, str], source: str
) -> tuple[Entry, list[Conflict]]:
    """``kept`` with the fields it lacks taken from ``other``; differing fields as conflicts."""
    merged = dict(kept)
    conflicts = []
    key = identity(kind, kept)
    for field in FIELDS[kind]:
        mine, theirs = kept.get(field, ""), other.get(field, "")
        if not theirs:
            continue
        if not mine:
            merged[field] = theirs
        elif normalise(mine) != normalise(theirs):
            name = kept.get("name", "")
            conflicts.append(Conflict(kind, key, field, mine, theirs, source, name))
    return merged, conflicts


@dataclass(frozen=True)
class EntryFinding:
    """What is wrong with one field of an entry, in both languages."""

    field: str
    zh: str
    en: str


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def entry_findings(kind: Kind, entry: Mapping[str, str], today: dt.date) -> list[EntryFinding]:
    """The checks a draft row gets: credit code, registration number, dates."""
    name = entry.get("name", "")
    found = []
    code = entry.get("credit_code", "")
    if kind == "unit" and code and not credit_code_is_valid(code):
        found.append(
            EntryFinding(
                "credit_code",
                f"“{name}”的统一社会信用代码 {code} 未通过校验",
                f"The unified social credit code {code} of “{name}” fails its check",
            )
        )
    number, country = entry.get("registration_number", ""), entry.get("country", "")
    if (
        kind == "partner"
        and number
        and country
        and registration_number_is_valid(country.upper(), number) is False
    ):
        found.append(
            EntryFinding(
                "registration_number",
                f"“{name}”的注册号 {number} 不是有效的 {country} 注册号",
                f"The registration number {number} of “{name}” is not a valid {country} number",
            )
        )
    for field in sorted(DATE_FIELDS & set(FIELDS[kind])):
        text = entry.get(field, "")
        if not text:
            continue
        day = _date(text)
        zh_field, en_field = field_label(kind, field)
        if day is None:
            found.append(
                EntryFinding(
                    field,
                    f"“{name}”的{zh_field}不是日期（应为 YYYY-MM-DD）：{text}",
                    f"The {en_field} of “{name}” is not a date (YYYY-MM-DD): {text}",
                )
            )
        elif day > today or day.year < 1800:
            found.append(
                EntryFinding(
                    field,
                    f"“{name}”的{zh_field}不可能：{text}",
                    f"The {en_field} of “{name}” is impossible: {text}",
                )
            )
    return found


CHECKED_FIELDS = frozenset({"credit_code", "registration_number", *DATE_FIELDS})
"""The fields ``entry_findings`` judges; ``as_row_writes_it`` leaves them to it."""


def as_row_writes_it(kind: Kind, entry: Mapping[str, str]) -> tuple[Entry, list[EntryFinding]]:
    """``entry`` with its values written as a draft row writes them (``yes`` for a tick
    box becomes ``true``), and the fields whose value a draft row could not hold (a unit
    type that is not one of the form's), as the draft model itself judges them.

    The identifiers and dates are left as given, to ``entry_findings``: a
    secretary may knowingly keep one its checks refuse.
    """
    result = {field: entry.get(field, "").strip() for field in FIELDS[kind]}
    if kind == "partner":
        result["country"] = result["country"].upper()
    given = {f: v for f, v in result.items() if v and f not in CHECKED_FIELDS}
    try:
        row = ROWS[kind].model_validate(given)
    except ValidationError as error:
        found = []
        for problem in error.errors():
            field = str(problem["loc"][0]) if problem["loc"] else ""
            zh_field, en_field = field_label(kind, field)
            value = "".join(
                c if c.isprintable() else f"U+{ord(c):04X}" for c in given.get(field, "")
            )
            found.append(
                EntryFinding(
                    field,
                    f"{zh_field}不能为“{value}”：{problem['msg']}",
                    f"the {en_field} cannot be “{value}”: {problem['msg']}",
                )
            )
        return result, found
    written = entry_of(kind, row)
    result.update({field: written[field] for field in given})
    if kind == "unit":
        result["credit_code"] = result["credit_code"].upper()
    return result, []
