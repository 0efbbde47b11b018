"""What changed between two drafts, field by field, in words (for “历史版本 / Versions”).

``compare(before, after)`` walks both drafts and lists each field that
differs by its path (``foreign_partners.1.country``), its label in Chinese
and English (``paths.label``: 外方合作单位 2：国别), and its value before and
after in words: enumerations by their names, yes/no, dates, amounts,
“（空）” / “(empty)” for nothing, and the names the caller gives for the
values of a field (the guide's countries, attachment kinds, research fields).

Lists (units, partners, team, budget years, attachments, indicators…) are
lined up by content (``difflib``): an item added or removed is one line naming
it (by its name, title, file, year or the start of its words), not a change
in every item after it; items
that changed in place are compared field by field. A path names the item
where it is: in ``after`` for a change or an addition, in ``before`` for a
removal. Long text (over 60 characters, or several lines) is summarised:
where it first differs, a few characters around it, and its length (a short
text on the other side is shown whole). The
guide clauses a draft pins and the pre-flight facts of an attachment are
each one line, not a line per inner field.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from pydantic import BaseModel

from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.paths import LABELS, enum_label, pattern_of
from applywizard.domain.draft.tables import CATEGORIES, SOURCES

Words = tuple[str, str]
"""Chinese and English."""

LONG_TEXT = 60
"""Text longer than this (or of several lines) is summarised, not shown whole."""
CONTEXT = 12
SHOWN = 24
EMPTY: Words = ("（空）", "(empty)")

_INDEX = re.compile(r"\.(\d+)(?=\.|$)")

EXTRA_LABELS: dict[str, Words] = {
    "schema_version": ("草稿格式版本", "Draft format version"),
    "guide_hash": ("指南包内容哈希", "Guide pack content hash"),
    "guide_clauses": ("草稿保存的指南条款", "Guide clauses kept with the draft"),
    "budget.theoretical_basic_research": ("理论型基础研究项目", "Theoretical basic research"),
    "attachments.*.sha256": ("文件 SHA-256", "file SHA-256"),
    "attachments.*.size_bytes": ("文件大小（字节）", "file size (bytes)"),
    "attachments.*.preflight": ("预检结果", "pre-flight facts"),
    "horizon.participants.*": ("地平线欧洲项目参与方", "Horizon Europe participant"),
    **{
        f"budget.years.*.{source}.{category}": (f"{source_zh}：{category_zh}", f"{s_en}: {c_en}")
        for source, source_zh, s_en in SOURCES
        for category, category_zh, c_en in CATEGORIES
    },
}
"""Labels for what the findings never name (``paths.LABELS`` has the rest, and wins)."""

WHOLE = frozenset({"guide_clauses", "attachments.*.preflight"})
"""Paths shown as one line however much inside them changed."""

_ITEM_NAMES = (
    "name",
    "name_zh",
    "title",
    "file_name",
    "kind",
    "programme",
    "year",
    "number",
    "text",
)


class Change(StrEnum):
    """Whether a field changed, or an item was added or removed."""

    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Difference:
    """One field that changed, or one item added or removed."""

    path: str
    change: Change
    label: Words
    before: Words = EMPTY
    after: Words = EMPTY

    @property
    def zh(self) -> str:
        """The difference in a Chinese sentence."""
        if self.change is Change.ADDED:
            return f"{self.label[0]}：新增（{self.after[0]}）"
        if self.change is Change.REMOVED:
            return f"{self.label[0]}：删除（{self.before[0]}）"
        return f"{self.label[0]}：{self.before[0]} → {self.after[0]}"

    @property
    def en(self) -> str:
        """The difference in an English sentence."""
        if self.change is Change.ADDED:
            return f"{self.label[1]}: added ({self.after[1]})"
        if self.change is Change.REMOVED:
            return f"{self.label[1]}: removed ({self.before[1]})"
        return f"{self.label[1]}: {self.before[1]} → {self.after[1]}"


def field_label(path: str) -> Words:
    """A path's label, items numbered from 1; a field no table names goes by its own name."""
    zh_parts: list[str] = []
    en_parts: list[str] = []
    for match in _INDEX.finditer(path):
        zh, en = _lookup(pattern_of(path[: match.end()])) or ("", "")
        number = int(match.group(1)) + 1
        zh_parts.append(f"{zh} {number}".strip())
        en_parts.append(f"{en} {number}".strip())
    if not path.rsplit(".", 1)[-1].isdigit():
        parent, _dot, last = path.rpartition(".")
        zh, en = _lookup(pattern_of(path)) or _keyed(parent, last)
        zh_parts.append(zh)
        en_parts.append(en)
    return "：".join(zh_parts), ": ".join(en_parts)


def _lookup(pattern: str) -> Words | None:
    return LABELS.get(pattern) or EXTRA_LABELS.get(pattern)


def _keyed(parent: str, key: str) -> Words:
    """A key of a mapping (a declaration's id) under its mapping's label, else the key itself."""
    if parent and not _INDEX.search(parent) and (found := _lookup(parent)) is not None:
        return f"{found[0]}“{key}”", f"{found[1]} “{key}”"
    return key, key


class _Walk:
    def __init__(
        self, values: Mapping[str, Mapping[str, Words]], names: Mapping[str, Words]
    ) -> None:
        self.values = values
        self.names = names
        self.found: list[Difference] = []

    def label(self, path: str) -> Words:
        if path in self.names:
            return self.names[path]
        return field_label(path)

    def words(self, path: str, value: Any) -> Words:
        if value is None or value in ("", [], {}):
            return EMPTY
        named = self.values.get(pattern_of(path), {})
        if isinstance(value, str) and value in named:
            return named[value]
        if path.endswith(".sha256") and isinstance(value, str):
            return f"{value[:12]}…", f"{value[:12]}…"
        return _plain(value)

    def changed(self, path: str, old: Any, new: Any) -> None:
        long = isinstance(old, str) and isinstance(new, str) and (_long(old) or _long(new))
        if long and pattern_of(path) not in self.values and not path.endswith(".sha256"):
            before, after = _long_change(old, new)
        else:
            before, after = self.words(path, old), self.words(path, new)
        self.found.append(Difference(path, Change.CHANGED, self.label(path), before, after))

    def walk(self, path: str, old: Any, new: Any) -> None:
        if old == new:
            return
        if pattern_of(path) in WHOLE:
            self.whole(path, old, new)
        elif isinstance(old, BaseModel) and type(old) is type(new):
            for name in type(new).model_fields:
                self.walk(_join(path, name), getattr(old, name), getattr(new, name))
        elif isinstance(old, list) and isinstance(new, list):
            self.lists(path, old, new)
        elif isinstance(old, dict) and isinstance(new, dict):
            for key in sorted(set(old) | set(new)):
                self.walk(_join(path, key), old.get(key), new.get(key))
        else:
            self.changed(path, old, new)

    def whole(self, path: str, old: Any, new: Any) -> None:
        if isinstance(old, list) and isinstance(new, list):
            before = (f"{len(old)} 条", f"{len(old)} clauses")
            after = (f"{len(new)} 条（有修改）", f"{len(new)} clauses (changed)")
        else:
            before, after = _facts(old), _facts(new)
        self.found.append(Difference(path, Change.CHANGED, self.label(path), before, after))

    def lists(self, path: str, old: Sequence[Any], new: Sequence[Any]) -> None:
        keys_old, keys_new = [_key(item) for item in old], [_key(item) for item in new]
        matcher = difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False)
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if operation == "replace" else 0
            for offset in range(paired):
                self.walk(_join(path, j1 + offset), old[i1 + offset], new[j1 + offset])
            for index in range(i1 + paired, i2):
                item_path = _join(path, index)
                before = self.words(item_path, old[index])
                self.found.append(
                    Difference(item_path, Change.REMOVED, self.label(item_path), before=before)
                )
            for index in range(j1 + paired, j2):
                item_path = _join(path, index)
                after = self.words(item_path, new[index])
                self.found.append(
                    Difference(item_path, Change.ADDED, self.label(item_path), after=after)
                )


def _join(path: str, part: object) -> str:
    return f"{path}.{part}" if path else str(part)


def _key(item: Any) -> str:
    data = item.model_dump(mode="json") if isinstance(item, BaseModel) else item
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def _plain(value: Any) -> Words:
    """A value in words, by its type."""
    if isinstance(value, bool):
        return ("是", "yes") if value else ("否", "no")
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, BaseModel):
        return _summary(value)
    if isinstance(value, list):
        return f"{len(value)} 项", f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = value.isoformat() if isinstance(value, date) else str(value)
    return text, text


def _summary(item: BaseModel) -> Words:
    """An item by its name, title, file, year or words (the first it has), else as empty."""
    for name in _ITEM_NAMES:
        value = getattr(item, name, None)
        if value not in (None, ""):
            text = str(value)
            if _long(text):  # an indicator's words: their start
                first = text.strip().split("\n", 1)[0]
                text = first[:SHOWN] + "…"
            return text, text
    return EMPTY


def _facts(value: Any) -> Words:
    if value is None:
        return "未检查", "not checked"
    digest = str(getattr(value, "sha256", ""))[:12]
    return f"已检查（SHA-256 {digest}…）", f"checked (SHA-256 {digest}…)"


def _long(text: str) -> bool:
    return len(text) > LONG_TEXT or "\n" in text


def _long_change(old: str, new: str) -> tuple[Words, Words]:
    """Both texts around where they first differ, with their lengths."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1

    def excerpt(text: str) -> Words:
        if not text:
            return EMPTY
        if not _long(text):
            return text, text
        lead = max(0, start - CONTEXT)
        stop = max(start, len(text) - end)
        middle = text[start:stop]
        shown = text[lead:start] + middle[:SHOWN]
        shown = (
            ("…" if lead else "")
            + shown
            + ("…" if start + min(len(middle), SHOWN) < len(text) else "")
        )
        shown = shown.replace("\n", "⏎")
        return f"“{shown}”（共 {len(text)} 字）", f"“{shown}” ({len(text)} characters)"

    return excerpt(old), excerpt(new)


def compare(
    before: Draft,
    after: Draft,
    *,
    values: Mapping[str, Mapping[str, Words]] | None = None,
    names: Mapping[str, Words] | None = None,
) -> list[Difference]:
    """What changed from ``before`` to ``after``, in the draft's field order.

    ``values``: by field pattern, the words for its values
    (``{"foreign_partners.*.country": {"DE": ("德国", "Germany")}}``).
    ``names``: labels for particular paths (``declarations.ID`` -> the
    declaration's words), over the label table's.
    """
    walk = _Walk(values or {}, names or {})
    walk.walk("", before, after)
    return walk.found
