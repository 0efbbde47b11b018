"""Team: the project leader and the core members, with their units and time.

Under the team, the leader's other national key R&D projects (led or joined,
running or applied for), which the call's notice limits (限项). Both tables'
columns are ``domain.draft.tables.TEAM`` and ``LEADER_PROJECTS``; what their
cells show and accept is ``presenters.table``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from applywizard.domain.draft.tables import LEADER_PROJECTS, TEAM
from applywizard.presenters.stage import page_note
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import TableEditor
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


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
        self.stage_note = QLabel()
        self.stage_note.setObjectName("team#stage")
        self.stage_note.setWordWrap(True)
        layout.addWidget(self.stage_note)
        self.table = TableEditor(self.hub, TEAM)
        layout.addWidget(self.table, 3)
        projects = QLabel(
            _(
                "The project leader's other national key R&D projects, led or joined, "
                "running or applied for (not this one):"
            )
        )
        projects.setWordWrap(True)
        layout.addWidget(projects)
        self.projects = TableEditor(self.hub, LEADER_PROJECTS)
        layout.addWidget(self.projects, 2)

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
        note = page_note("team", self.hub.session.draft)
        self.stage_note.setText(note)
        self.stage_note.setVisible(bool(note))

    def focus_field(self, path: str) -> bool:
        return (
            self.table.focus_field(path)
            or self.projects.focus_field(path)
            or super().focus_field(path)
        )
