"""Team: the project leader and the core members, with their units and time.

Under the team, the leader's other national key R&D projects (led or joined,
running or applied for), which the call's notice limits (限项).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.model import (
    Degree,
    ProjectRole,
    ProjectStatus,
    TeamRole,
    TitleLevel,
)
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import Column, TableEditor, enum_options
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

PROJECT_COLUMNS = (
    Column("programme"),
    Column("title"),
    Column("role", "choice", enum_options(ProjectRole)),
    Column("status", "choice", enum_options(ProjectStatus)),
    Column("ends_on", "date"),
)


class TeamPage(WizardPage):
    """The team in a table; exactly one project leader; then the leader's other projects."""

    page_id = PageId.TEAM

    def build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The project leader and the core members. The unit is offered from the "
                "Chinese units; time is in months per year (at most 12). The call's notice "
                "sets the leader's birth date, title or degree and time."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = (
            Column("name"),
            Column("role", "choice", enum_options(TeamRole), optional=False),
            Column("unit", "suggest", self.unit_names),
            Column("title"),
            Column("title_level", "choice", enum_options(TitleLevel)),
            Column("degree", "choice", enum_options(Degree)),
            Column("birth_date", "date"),
            Column("field_of_science"),
            Column("task"),
            Column("months_per_year", "decimal"),
        )
        self.table = TableEditor(self.hub, "team", columns, lead=("role", TeamRole.LEADER))
        layout.addWidget(self.table, 3)
        projects = QLabel(
            _(
                "The project leader's other national key R&D projects, led or joined, "
                "running or applied for (not this one):"
            )
        )
        projects.setWordWrap(True)
        layout.addWidget(projects)
        self.projects = TableEditor(self.hub, "leader_projects", PROJECT_COLUMNS)
        layout.addWidget(self.projects, 2)

    def unit_names(self) -> list[tuple[Any, str]]:
        """The Chinese units' names, offered for a member's unit."""
        names = [unit.name for unit in self.hub.session.draft.chinese_units if unit.name]
        return [(name, name) for name in dict.fromkeys(names)]

    def reload(self) -> None:
        """Another draft: read its team and the leader's projects."""
        self.table.reload()
        self.projects.reload()
        super().reload()

    def refresh(self) -> None:
        """Findings in the tables."""
        super().refresh()
        self.table.refresh(self.hub.session.findings)
        self.projects.refresh(self.hub.session.findings)

    def focus_field(self, path: str) -> bool:
        return (
            self.table.focus_field(path)
            or self.projects.focus_field(path)
            or super().focus_field(path)
        )
