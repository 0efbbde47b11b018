"""Project: titles, dates and duration, the form's texts, and what the direction adds.

Which groups and fields the page has, each field's kind and which groups a
direction shows are ``presenters.project``'s; this module makes the widgets.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from applywizard.presenters.project import (
    NUMBER_RANGES,
    Group,
    groups,
    shown_sections,
    yes_no,
)
from applywizard.ui.length_counter import LengthCounters
from applywizard.ui.pages.base import WizardPage
from applywizard.workflow.flow import PageId


class ProjectPage(WizardPage):
    """Everything about the project itself."""

    page_id = PageId.PROJECT

    def build(self) -> None:
        self.counters = LengthCounters(self.hub)
        self.body = self.scrolling_body()
        self.sections: dict[str, QGroupBox] = {}
        for group in groups():
            box = self._group(group)
            if group.section is not None:
                self.sections[group.section] = box
        self.body.addStretch()

    def _group(self, group: Group) -> QGroupBox:
        box = QGroupBox(group.title)
        form = QFormLayout(box)
        for path, kind in group.fields:
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
            elif kind in NUMBER_RANGES:
                minimum, maximum = NUMBER_RANGES[kind]
                widget, finding = self.binder.number(path, minimum=minimum, maximum=maximum)
            elif kind == "money":
                widget, finding = self.binder.money(path)
            elif kind == "lines":
                widget, finding = self.binder.lines(path)
            else:
                widget, finding = self.binder.choice(path, yes_no())
            self.binder.row(form, path, widget, finding, under=counter)
        self.body.addWidget(box)
        return box

    def _show_sections(self) -> None:
        """Show the groups the chosen direction needs."""
        for prefix, shown in shown_sections(self.hub.session).items():
            self.sections[prefix].setVisible(shown)

    def refresh(self) -> None:
        """Findings beside the fields, and the counters under the limited ones."""
        super().refresh()
        self.counters.refresh()

    def reload(self) -> None:
        """Show the sections the chosen direction needs, then the values."""
        self._show_sections()
        super().reload()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Coming here after choosing a direction: show its sections."""
        self._show_sections()
        self.refresh()
