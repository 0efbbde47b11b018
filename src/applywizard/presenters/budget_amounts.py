"""A budget's amounts without Qt: their paths and labels, what typed text means, the cap.

Read by the Budget page's presenter (``presenters.budget``) and its tests:
an amount's path (``budget.years.0.central.labour``) and its label, the
amount typed into a cell (blank is 0; not a number, not finite, negative or
past the fen is refused with why), the year a new budget year gets, and the
indirect-cost base and cap as the rule computes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from applywizard.domain.draft.model import Budget, CategoryAmounts
from applywizard.domain.draft.paths import LABELS, label, pattern_of
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.guide.model import BudgetPolicy
from applywizard.domain.rules.checks.money import indirect_cost_cap
from applywizard.presenters.text import bilingual
from applywizard.workflow.session import EditRefusedError

CAP_PLACES = Decimal("0.000001")


def amount_path(index: int, source: str, category: str) -> str:
    """The path of one amount: ``budget.years.0.central.labour``."""
    return f"budget.years.{index}.{source}.{category}"


def budget_label(path: str) -> str:
    """A budget path's label; amounts the label table lacks are named from their parts."""
    if pattern_of(path) in LABELS:
        return bilingual(*label(path))
    parts = path.split(".")
    if len(parts) == 5 and parts[:2] == ["budget", "years"] and parts[2].isdigit():
        source = next((s for s in SOURCES if s[0] == parts[3]), None)
        category = next((c for c in CATEGORIES if c[0] == parts[4]), None)
        if source is not None and category is not None:
            year_zh, year_en = label(".".join(parts[:3]))
            return bilingual(
                f"{year_zh}：{source[1]}：{category[1]}", f"{year_en}: {source[2]}: {category[2]}"
            )
    if path == "budget.theoretical_basic_research":
        return bilingual("理论型基础研究项目", "theoretical basic research")
    return bilingual(*label(path))


def next_budget_year(
    years: Sequence[int | None], start: date | None, end: date | None, this_year: int
) -> int:
    """The year a new budget year gets: the next calendar year within the project's dates.

    After the last year given if that is still within the dates, else the first
    year of the dates not yet given; with no dates, the year after the last
    (or the current year for the first one).
    """
    used = {year for year in years if year is not None}
    latest = max(used) if used else None
    if start is not None and end is not None and start.year <= end.year:
        span = range(start.year, end.year + 1)
        after = latest + 1 if latest is not None else start.year
        for year in span:
            if year >= after and year not in used:
                return year
        for year in span:
            if year not in used:
                return year
    if latest is not None:
        return min(latest + 1, 2199)
    if start is not None:
        return start.year
    return max(1900, min(this_year, 2199))


def amount_or_none(text: str) -> Decimal | None:
    """A cell's text as an amount (blank is 0), or None if it is no number."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    try:
        return Decimal(cleaned) if cleaned else Decimal(0)
    except InvalidOperation:
        return None


def parse_amount(path: str, text: str) -> Decimal:
    """The amount typed in a cell; EditRefusedError (with why) for what the draft cannot hold."""
    value = amount_or_none(text)
    if value is None:
        raise EditRefusedError(path, f"“{text}”不是数字", f"“{text}” is not a number")
    if not value.is_finite():
        raise EditRefusedError(path, f"“{text}”不是有限的数字", f"“{text}” is not a finite number")
    if value < 0:
        raise EditRefusedError(path, "金额不能为负数", "an amount cannot be negative")
    if value.as_tuple().exponent < -6:  # type: ignore[operator]
        raise EditRefusedError(
            path,
            "金额以万元计，最多保留 6 位小数（精确到分）",
            "amounts are in 10k CNY with at most 6 decimals (to the fen)",
        )
    return value


def sum_of(amounts: Sequence[CategoryAmounts], category: str) -> Decimal:
    """One category added up over some years' amounts."""
    return sum((getattr(item, category) for item in amounts), Decimal(0))


def cap_figures(budget: Budget, policy: BudgetPolicy) -> tuple[Decimal, Decimal, Decimal]:
    """Base, cap and central indirect total, as the indirect-cost check computes them."""
    central = [year.central for year in budget.years]
    direct = sum((item.direct for item in central), Decimal(0))
    base = max(direct - sum_of(central, "equipment_purchase"), Decimal(0))
    cap = indirect_cost_cap(policy, base, theoretical=budget.theoretical_basic_research)
    return base, cap.quantize(CAP_PLACES), sum_of(central, "indirect")
