"""Team: the project leader and the core members, with their units and time."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.model import TeamRole
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import Column, TableEditor, enum_options
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


class TeamPage(WizardPage):
    """The team in a table; exactly one project leader."""

    page_id = PageId.TEAM

    def build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The project leader and the core members. The unit is offered from the "
                "Chinese units; time is in months per year (at most 12)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = (
            Column("name"),
            Column("role", "choice", enum_options(TeamRole), optional=False),
            Column("unit", "suggest", self.unit_names),
            Column("title"),
            Column("field_of_science"),
            Column("task"),
            Column("months_per_year", "decimal"),
        )
        self.table = TableEditor(self.hub, "team", columns, lead=("role", TeamRole.LEADER))
        layout.addWidget(self.table, 1)

    def unit_names(self) -> list[tuple[Any, str]]:
        """The Chinese units' names, offered for a member's unit."""
        names = [unit.name for unit in self.hub.session.draft.chinese_units if unit.name]
        return [(name, name) for name in dict.fromkeys(names)]

    def reload(self) -> None:
        """Another draft: read its team."""
        self.table.reload()
        super().reload()

    def refresh(self) -> None:
        """Findings in the table."""
        super().refresh()
        self.table.refresh(self.hub.session.findings)

    def focus_field(self, path: str) -> bool:
        return self.table.focus_field(path) or super().focus_field(path)
