"""How numbers, dates and empty values read in the generated documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

NOTHING = "无"
"""What the form says for an item with nothing to say (the MOST template's rule)."""


def wan(amount: Decimal | None) -> str:
    """An amount in 万元 with thousands separators, at least two decimals, never rounded.

    1200 reads 1,200.00; 12.3456 reads 12.3456, so no figure disagrees with the draft.
    """
    if amount is None:
        return ""
    places = max(2, -amount.normalize().as_tuple().exponent)  # type: ignore[operator]
    return f"{amount:,.{places}f}"


def day(value: date | None) -> str:
    """A date as the form writes it: 2024年1月1日."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def iso(value: date | None) -> str:
    """A date as ISO 8601, for the English side of the bilateral tables."""
    return value.isoformat() if value else ""


def yes_no(value: bool | None) -> str:  # noqa: FBT001 - a formatter of yes/no facts
    """是 / 否, or blank when not answered."""
    return "" if value is None else ("是" if value else "否")


def paragraphs(text: str) -> list[str]:
    """A long text as its paragraphs, blank lines dropped; ["无"] when there is none."""
    found = [line.strip() for line in text.split("\n") if line.strip()]
    return found or [NOTHING]
