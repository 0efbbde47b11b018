"""Project: titles, dates and duration, the form's texts, and what the direction adds."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from applywizard.ui.length_counter import LengthCounters
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

IDENTITY = (
    ("project.title_zh", "line"),
    ("project.title_en", "line"),
    ("project.summary", "text"),
    ("project.area", "line"),
    ("project.keywords", "line"),
    ("project.recommending_body", "line"),
    ("project.start_date", "day"),
    ("project.end_date", "day"),
    ("project.duration_months", "number"),
    ("project.application_date", "day"),
)
TEXTS = (
    "form.status_and_trends",
    "form.objectives_and_content",
    "form.indicators",
    "form.research_basis",
    "form.schedule",
    "form.organisation_and_risks",
    "form.task_division",
)
JOINT_LAB = (
    ("joint_lab.name_zh", "line"),
    ("joint_lab.name_en", "line"),
    ("joint_lab.founded_on", "day"),
    ("joint_lab.belt_and_road_lab", "yes_no"),
    ("joint_lab.research_tasks", "text"),
    ("joint_lab.building_tasks", "text"),
)
HORIZON = (
    ("horizon.call_identifier", "line"),
    ("horizon.acronym", "line"),
    ("horizon.proposal_number", "line"),
    ("horizon.work_programme_year", "year"),
    ("horizon.participants", "lines"),
    ("horizon.chinese_budget_wan", "money"),
    ("horizon.includes_chinese_budget", "yes_no"),
    ("horizon.trl", "trl"),
    ("horizon.eu_deadline", "day"),
)
BRICS = (("brics.confirmation_number", "line"),)


class ProjectPage(WizardPage):
    """Everything about the project itself."""

    page_id = PageId.PROJECT

    def build(self) -> None:
        self.counters = LengthCounters(self.hub)
        self.body = self.scrolling_body()
        self._group(_("Project"), IDENTITY)
        self._group(_("Parts of the application form"), tuple((path, "text") for path in TEXTS))
        self.sections = {
            "joint_lab.": self._group(_("Joint laboratory (1.1)"), JOINT_LAB),
            "horizon.": self._group(_("Horizon Europe proposal"), HORIZON),
            "brics.": self._group(_("BRICS joint application"), BRICS),
        }
        self.body.addStretch()

    def _group(self, title: str, fields: tuple[tuple[str, str], ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        yes_no = [(True, _("Yes")), (False, _("No"))]
        for path, kind in fields:
            widget: QWidget
            counter: QWidget | None = None
            if kind == "line":
                widget, finding = self.binder.line(path)
                counter = self.counters.add(path, widget)
            elif kind == "text":
                widget, finding = self.binder.text(path)
                counter = self.counters.add(path, widget)
            elif kind == "day":
                widget, finding = self.binder.day(path)
            elif kind == "number":
                widget, finding = self.binder.number(path, minimum=1, maximum=240)
            elif kind == "year":
                widget, finding = self.binder.number(path, minimum=1900, maximum=2199)
            elif kind == "trl":
                widget, finding = self.binder.number(path, minimum=1, maximum=9)
            elif kind == "money":
                widget, finding = self.binder.money(path)
            elif kind == "lines":
                widget, finding = self.binder.lines(path)
            else:
                widget, finding = self.binder.choice(path, yes_no)
            self.binder.row(form, path, widget, finding, under=counter)
        self.body.addWidget(box)
        return box

    def refresh(self) -> None:
        """Findings beside the fields, and the counters under the limited ones."""
        super().refresh()
        self.counters.refresh()

    def reload(self) -> None:
        """Show the sections the chosen direction needs, then the values."""
        code = self.hub.session.draft.direction
        for prefix, box in self.sections.items():
            box.setVisible(self.hub.session.book.reads(code, prefix))
        super().reload()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Coming here after choosing a direction: show its sections."""
        code = self.hub.session.draft.direction
        for prefix, box in self.sections.items():
            box.setVisible(self.hub.session.book.reads(code, prefix))
        self.refresh()
