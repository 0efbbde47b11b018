"""The Budget page's words: the sources' titles, the totals' rows, the indirect-cost rule."""

from __future__ import annotations

from decimal import Decimal

from applywizard.adapters.documents.formatting import wan
from applywizard.domain.guide.model import BudgetPolicy
from applywizard.presenters.text import _, bilingual

SOURCE_TITLES = {
    "central": ("中央财政资金", "Central funds"),
    "self_raised": ("自筹资金", "Self-raised funds"),
}
"""The sources of funds as headings, Chinese and English."""


def source_title(source: str) -> str:
    """A source of funds as a heading in the current language."""
    return bilingual(*SOURCE_TITLES[source])


def summary_lines() -> list[tuple[str, str]]:
    """The rows of the totals table: each source of funds, then both, with their titles."""
    return [
        ("central", source_title("central")),
        ("self_raised", source_title("self_raised")),
        ("total", _("Total")),
    ]


def cap_lines() -> list[tuple[str, str]]:
    """The figures of the indirect-cost cap, by name, with what each is."""
    return [
        ("budget.indirect.base", _("Base: direct costs less equipment purchase")),
        ("budget.indirect.cap", _("Cap on indirect costs")),
        ("budget.indirect.total", _("Indirect costs budgeted")),
    ]


def percent(rate: Decimal) -> str:
    """A rate as a percentage without trailing zeros: 0.25 reads 25."""
    return format((rate * 100).normalize(), "f")


def cap_rule(policy: BudgetPolicy, *, theoretical: bool) -> str:
    """The indirect-cost rule that applies: the flat rate, or the tiers one by one."""
    if theoretical:
        return _("flat rate {rate}% for theoretical basic research").format(
            rate=percent(policy.theoretical_research_rate)
        )
    tiers = "; ".join(
        _("up to {limit}: {rate}%").format(limit=wan(tier.up_to_wan), rate=percent(tier.rate))
        if tier.up_to_wan is not None
        else _("above: {rate}%").format(rate=percent(tier.rate))
        for tier in policy.indirect_cost_tiers
    )
    return _("tiered rates") + ": " + tiers
