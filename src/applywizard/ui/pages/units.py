"""Chinese units: the lead applicant and the participating units, with their funds.

The table's columns are ``domain.draft.tables.UNITS``; the funds line under
it is ``presenters.parties.units_totals``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.tables import UNITS
from applywizard.presenters.parties import units_totals
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import TableEditor
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


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
        self.table = TableEditor(self.hub, UNITS)
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
        self.totals.setText(units_totals(self.hub.session.draft))

    def focus_field(self, path: str) -> bool:
        return self.table.focus_field(path) or super().focus_field(path)
