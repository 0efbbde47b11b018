"""Foreign partners: institutions from the countries the chosen direction is open to.

The table's columns are ``domain.draft.tables.PARTNERS``; the countries it
offers and the line above it come from ``presenters.table`` and
``presenters.parties.countries_line``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.tables import PARTNERS
from applywizard.presenters.parties import countries_line
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import TableEditor
from applywizard.workflow.flow import PageId


class PartnersPage(WizardPage):
    """The foreign partners in a table; countries limited to the direction's."""

    page_id = PageId.PARTNERS

    def build(self) -> None:
        layout = QVBoxLayout(self)
        self.countries = QLabel()
        self.countries.setObjectName("foreign_partners.countries")
        self.countries.setWordWrap(True)
        layout.addWidget(self.countries)
        self.table = TableEditor(self.hub, PARTNERS)
        layout.addWidget(self.table, 1)
        self.update_countries()

    @property
    def country_choices(self) -> list[tuple[str, str]]:
        """The countries the country column offers now: code and name."""
        presenter = self.table.presenter
        return presenter.choices(PARTNERS.column("country"))

    def update_countries(self) -> None:
        """Say which countries are offered (the chosen direction's, all without one)."""
        self.countries.setText(countries_line(self.table.presenter))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Coming here after choosing a direction: offer its countries."""
        self.update_countries()
        self.refresh()

    def reload(self) -> None:
        """Another draft: its direction's countries, then its partners."""
        self.update_countries()
        self.table.reload()
        super().reload()

    def refresh(self) -> None:
        """Findings in the table (and the countries, should the direction have changed)."""
        self.update_countries()
        super().refresh()
        self.table.refresh(self.hub.session.findings)

    def focus_field(self, path: str) -> bool:
        return self.table.focus_field(path) or super().focus_field(path)
