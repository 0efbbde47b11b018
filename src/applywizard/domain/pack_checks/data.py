"""A guide pack's parsed data as the pack checks read it, and the problem found at a path.

``DataProblem`` is one problem at a path of the data (``("directions", 3,
"clauses", 0, "text")``), with its code, its words in Chinese and English and
its severity (``ERROR``, ``WARNING``). The readers take the parsed YAML
without trusting its shape: ``items_at`` (the mappings of a list),
``strings_at``, ``value_at``, ``as_number`` and ``all_rules`` (every rule
with its path) skip what is not what they expect, which the model reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from applywizard.domain.guide.plain_errors import Path

WARNING = "warning"
ERROR = "error"


@dataclass(frozen=True)
class DataProblem:
    """A problem at a path of the pack's data."""

    path: Path
    code: str
    zh: str
    en: str
    severity: str = ERROR
    at_key: bool = False


def items_at(data: Any, *keys: str | int) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of the list at ``keys`` (anything else is the model's to report)."""
    value = data
    for key in keys:
        if isinstance(key, int):
            value = value[key] if isinstance(value, list) and key < len(value) else None
        else:
            value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def strings_at(data: Any, *keys: str | int) -> Iterator[tuple[int, str]]:
    value = value_at(data, keys)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def value_at(data: Any, path: Path) -> Any:
    value = data
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value


def as_number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def all_rules(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, rule in items_at(data, "general_rules"):
        yield ("general_rules", index), rule
    for n, _ in items_at(data, "notices"):
        for c, _ in items_at(data, "notices", n, "clauses"):
            for r, rule in items_at(data, "notices", n, "clauses", c, "rules"):
                yield ("notices", n, "clauses", c, "rules", r), rule
    for d, _ in items_at(data, "directions"):
        for c, _ in items_at(data, "directions", d, "clauses"):
            for r, rule in items_at(data, "directions", d, "clauses", c, "rules"):
                yield ("directions", d, "clauses", c, "rules", r), rule
