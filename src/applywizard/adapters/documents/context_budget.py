"""The budget as the documents show it: by year, source and category, with totals.

The sources of funds and the expenditure categories are the draft's
declarations (``domain.draft.tables.SOURCES`` and ``CATEGORIES``); the
documents keep their own English names for the categories
(``CATEGORY_NAMES_EN``), which templates may show.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from applywizard.adapters.documents.formatting import paragraphs, wan
from applywizard.domain.draft.model import CategoryAmounts, Draft
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.checks.money import indirect_cost_cap

CATEGORY_NAMES_EN = {
    "equipment": "Equipment",
    "equipment_purchase": "of which purchase",
    "business": "Operating costs",
    "labour": "Labour",
    "indirect": "Indirect costs",
}
"""The categories' English names in the documents (``budget.categories``), by field."""


def _amounts(amounts: CategoryAmounts) -> dict[str, str]:
    row = {key: wan(getattr(amounts, key)) for key, _, _ in CATEGORIES}
    row["direct"] = wan(amounts.direct)
    row["total"] = wan(amounts.total)
    return row


def _sum_amounts(items: list[CategoryAmounts]) -> CategoryAmounts:
    return CategoryAmounts(
        **{key: sum((getattr(item, key) for item in items), Decimal(0)) for key, _, _ in CATEGORIES}
    )


def budget(guide: Guide, draft: Draft) -> dict[str, Any]:
    """The budget's rows (a year and source each), totals, income and indirect-cost cap."""
    plan = draft.budget
    years = sorted(plan.years, key=lambda y: y.year or 0)
    central = _sum_amounts([y.central for y in years])
    self_raised = _sum_amounts([y.self_raised for y in years])
    base = max(central.direct - central.equipment_purchase, Decimal(0))
    cap = indirect_cost_cap(guide.budget_policy, base, theoretical=plan.theoretical_basic_research)
    rows = [
        {"year": str(year.year or ""), "source": zh, "source_key": source}
        | _amounts(getattr(year, source))
        for year in years
        for source, zh, _ in SOURCES
    ]
    return {
        "categories": [
            {"key": key, "zh": zh, "en": CATEGORY_NAMES_EN[key]} for key, zh, _ in CATEGORIES
        ],
        "rows": rows,
        "years": [str(year.year or "") for year in years],
        "central": _amounts(central),
        "self_raised": _amounts(self_raised),
        "total": _amounts(_sum_amounts([central, self_raised])),
        "income_central": wan(plan.income_central_wan),
        "income_self_raised": wan(plan.income_self_raised_wan),
        "income_total": wan(
            (plan.income_central_wan or Decimal(0)) + (plan.income_self_raised_wan or Decimal(0))
        ),
        "indirect_base": wan(base),
        "indirect_cap": wan(cap.quantize(Decimal("0.000001")).normalize()),
        "indirect_central": wan(central.indirect),
        "notes": paragraphs(draft.form.budget_notes),
    }
