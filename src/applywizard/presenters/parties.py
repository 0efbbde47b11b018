"""The parties' pages without Qt: the units' funds line, the partner countries offered.

The tables themselves are ``presenters.table`` over ``domain.draft.tables``;
this module holds what the Chinese units and foreign partners pages show
beside them.
"""

from __future__ import annotations

from decimal import Decimal

from applywizard.domain.draft.model import Draft
from applywizard.presenters.table import TablePresenter
from applywizard.presenters.text import _, joined


def units_totals(draft: Draft) -> str:
    """The Chinese units' central and self-raised funds added up, in one line."""
    units = draft.chinese_units
    central = sum((unit.central_funds_wan for unit in units), Decimal(0))
    raised = sum((unit.self_raised_wan for unit in units), Decimal(0))
    return _("Units together: central funds {central}, self-raised {raised} (10k CNY)").format(
        central=format(central, "f"), raised=format(raised, "f")
    )


def countries_line(partners: TablePresenter) -> str:
    """Which countries the partners' table offers, and why (the direction's, or all)."""
    session = partners.session
    code = session.draft.direction
    direction = session.book.guide.direction(code) if code else None
    if direction is None:
        return _("No direction chosen yet: every country of the guide is offered.")
    names = joined(partners.country_name(country) for country in partners.country_codes())
    return _("Partner countries of direction {code}: {names}").format(code=code, names=names)
