"""Foreign partners: institutions from the countries the chosen direction is open to."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.model import Role, UnitType
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import Column, TableEditor, enum_options
from applywizard.ui.text import _, bilingual
from applywizard.workflow.flow import PageId

CURRENCIES = ("EUR", "GBP", "USD", "CHF", "ILS", "KRW", "ZAR", "SGD", "ARS", "RUB", "BRL", "INR")


class PartnersPage(WizardPage):
    """The foreign partners in a table; countries limited to the direction's."""

    page_id = PageId.PARTNERS

    def build(self) -> None:
        self.country_choices: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        self.countries = QLabel()
        self.countries.setObjectName("foreign_partners.countries")
        self.countries.setWordWrap(True)
        layout.addWidget(self.countries)
        columns = (
            Column("name"),
            Column("name_zh"),
            Column("country", "choice", lambda: self.country_choices, describe=self.country_name),
            Column("type", "choice", enum_options(UnitType)),
            Column("registered_on", "date"),
            Column("independent_legal_entity", "yes_no"),
            Column("registration_number"),
            Column("role", "choice", enum_options(Role), optional=False),
            Column("leader_name"),
            Column("budget_amount", "money"),
            Column(
                "budget_currency",
                "suggest",
                lambda: [(code, code) for code in CURRENCIES],
                clean=lambda text: text.strip().upper() or None,
            ),
            Column("tasks", "long"),
        )
        self.table = TableEditor(
            self.hub, "foreign_partners", columns, lead=("role", Role.LEAD), long_field="tasks"
        )
        layout.addWidget(self.table, 1)
        self.update_countries()

    def country_name(self, code: str) -> str:
        """A country's name in the current language, with its code."""
        country = self.hub.session.book.guide.country(code)
        return f"{bilingual(country.zh, country.en)} ({code})" if country else code

    def update_countries(self) -> None:
        """Offer the chosen direction's partner countries (all the guide's without one)."""
        guide = self.hub.session.book.guide
        code = self.hub.session.draft.direction
        direction = guide.direction(code) if code else None
        codes = (
            direction.partner_countries
            if direction
            else tuple(country.code for country in guide.countries)
        )
        self.country_choices = [(country, self.country_name(country)) for country in codes]
        names = bilingual("、", ", ").join(text for _code, text in self.country_choices)
        self.countries.setText(
            _("Partner countries of direction {code}: {names}").format(code=code, names=names)
            if direction
            else _("No direction chosen yet: every country of the guide is offered.")
        )

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
