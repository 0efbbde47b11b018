"""The Budget page's words: the sources' titles and the indirect-cost rule in a sentence."""

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
