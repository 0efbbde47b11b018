"""Chinese units: the lead applicant and the participating units, with their funds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.model import Region, Role, UnitType
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import Column, TableEditor, enum_options
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


def answer_options() -> list[tuple[Any, str]]:
    """A yes/no fact that may not be answered yet: Not answered, Yes, No."""
    return [(None, _("Not answered")), (True, _("Yes")), (False, _("No"))]


COLUMNS = (
    Column("name"),
    Column("credit_code", clean=lambda text: text.strip().upper()),
    Column("type", "choice", enum_options(UnitType)),
    Column("role", "choice", enum_options(Role), optional=False),
    # what the call's notice admits units by, where it shows without scrolling
    Column("region", "choice", enum_options(Region)),
    Column("registered_on", "date"),
    Column("independent_legal_entity", "choice", answer_options, optional=False),
    Column("state_organ", "choice", answer_options, optional=False),
    Column("central_funds_wan", "money", optional=False),
    Column("self_raised_wan", "money", optional=False),
    Column("name_en"),
    Column("parent"),
    Column("tasks", "long"),
)


class UnitsPage(WizardPage):
    """The Chinese units in a table; exactly one of them leads."""

    page_id = PageId.UNITS

    def build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The lead unit (申报单位) and every participating Chinese unit, names in full "
                "as on their seals. Mark exactly one as lead. Funds in 10k CNY (万元). "
                "The call's notice admits units by where and when they were registered, "
                "as independent legal persons, and never state organs: say so for each."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = TableEditor(
            self.hub, "chinese_units", COLUMNS, lead=("role", Role.LEAD), long_field="tasks"
        )
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("chinese_units.totals")
        layout.addWidget(self.totals)

    def reload(self) -> None:
        """Another draft: read its units."""
        self.table.reload()
        super().reload()

    def refresh(self) -> None:
        """Findings in the table, and the units' funds added up."""
        super().refresh()
        self.table.refresh(self.hub.session.findings)
        units = self.hub.session.draft.chinese_units
        central = sum((unit.central_funds_wan for unit in units), Decimal(0))
        raised = sum((unit.self_raised_wan for unit in units), Decimal(0))
        self.totals.setText(
            _("Units together: central funds {central}, self-raised {raised} (10k CNY)").format(
                central=format(central, "f"), raised=format(raised, "f")
            )
        )

    def focus_field(self, path: str) -> bool:
        return self.table.focus_field(path) or super().focus_field(path)
