"""A rule's own message that states a figure its parameters no longer hold.

A pack author who copies a pack and changes a rule's limit (a laboratory
founded before 2019 instead of 2022) easily leaves the rule's message saying
the old date, and applicants would be told the wrong limit. The check
compares the dates and numbers written in a rule's ``message`` with those in
its ``params``; a figure of the message that the parameters do not hold is a
warning (a message may name a figure on purpose, so it is not an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from applywizard.domain.guide.plain_errors import Path

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ISO_OR_CHINESE_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
_ENGLISH_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Figures:
    """The dates and numbers written in a text or held by parameters."""

    dates: frozenset[date]
    numbers: frozenset[Decimal]


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def figures_in_text(text: str) -> Figures:
    """The dates (2022-01-01, 2022年1月1日, 1 January 2022) and other numbers of a text."""
    text = _PLACEHOLDER.sub(" ", text)
    dates: set[date | None] = set()
    for match in _ISO_OR_CHINESE_DATE.finditer(text):
        dates.add(_date(*match.groups()))
    for match in _ENGLISH_DATE.finditer(text):
        day, month, year = match.groups()
        dates.add(_date(year, str(MONTHS.index(month.lower()) + 1), day))
    rest = _ENGLISH_DATE.sub(" ", _ISO_OR_CHINESE_DATE.sub(" ", text))
    numbers = {Decimal(number) for number in _NUMBER.findall(rest)}
    return Figures(frozenset(d for d in dates if d is not None), frozenset(numbers))


def figures_in_params(params: Any) -> Figures:
    """The dates and numbers anywhere in a rule's parameters (numbers may be quoted)."""
    dates: set[date] = set()
    numbers: set[Decimal] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, date):
            dates.add(value)
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            numbers.add(Decimal(str(value)))
        elif isinstance(value, str):
            with suppress(InvalidOperation):
                numbers.add(Decimal(value.strip()))

    walk(params)
    return Figures(frozenset(dates), frozenset(numbers))


@dataclass(frozen=True)
class StaleFigure:
    """A figure in a rule's message (at ``path``) that its parameters do not hold."""

    path: Path
    rule_id: str
    written: str
    held: str


def _shown(values: frozenset[date] | frozenset[Decimal]) -> str:
    return ", ".join(sorted(str(value) for value in values))


def stale_figures(path: Path, rule: dict[str, Any]) -> Iterator[StaleFigure]:
    """The figures of the rule's message (zh and en) missing from its parameters.

    Dates are compared only when the parameters hold a date, numbers only
    when they hold a number: a message may well say “3 years” for a check
    whose figures come from the direction's data.
    """
    message = rule.get("message")
    if not isinstance(message, dict):
        return
    held = figures_in_params(rule.get("params", {}))
    for language in ("zh", "en"):
        text = message.get(language)
        if not isinstance(text, str):
            continue
        written = figures_in_text(text)
        wrong_dates = written.dates - held.dates if held.dates else frozenset()
        wrong_numbers = written.numbers - held.numbers if held.numbers else frozenset()
        wrong, right = (wrong_dates, held.dates) if wrong_dates else (wrong_numbers, held.numbers)
        if wrong:
            where = (*path, "message", language)
            yield StaleFigure(where, str(rule.get("id")), _shown(wrong), _shown(right))
