"""Calendar arithmetic the rules share.

A date N months on keeps its day of the month; where that day does not exist
(31 January + 1 month, 29 February + 1 year) it rolls to the 1st of the next
month. So a project from 31 January to 29 February is one month long, and a
partner registered on 29 February 2020 is three years old on 1 March 2023.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(start: date, months: int) -> date:
    """``start`` moved on by whole months, a missing day rolling to the next 1st."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, start.day)
    return date(year + month // 12, month % 12 + 1, 1)


def span_months(start: date, end: date) -> int:
    """Months from ``start`` to ``end`` inclusive, a started month counting as one.

    2024-01-01 to 2026-12-31 is 36 months; 2024-03-15 to 2027-03-14 is 36 too.
    """
    after = end + timedelta(days=1)
    months = max(0, (after.year - start.year) * 12 + (after.month - start.month) - 1)
    while add_months(start, months) < after:
        months += 1
    return months
