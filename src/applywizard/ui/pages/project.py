"""Project: titles, dates and duration, the form's texts, and what the direction adds.

Which groups and fields the page has, each field's kind and which groups a
direction shows are ``presenters.project``'s; this module makes the widgets.
The assessment indicators are a table (``ui.tables.TableEditor`` over
``domain.draft.tables.INDICATORS``) among the form's texts.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from applywizard.presenters.project import (
    NUMBER_RANGES,
    TABLES,
    Group,
    groups,
    shown_sections,
    table_hint,
    yes_no,
)
from applywizard.presenters.stage import pre_application_total, shown_at
from applywizard.ui.binding import field_label
from applywizard.ui.length_counter import LengthCounters
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.tables import TableEditor
from applywizard.workflow.flow import PageId

TABLE_HEIGHT = 420
"""The least height of a table on this scrolling page: rows, the long text and findings."""


class ProjectPage(WizardPage):
    """Everything about the project itself."""

    page_id = PageId.PROJECT

    def build(self) -> None:
        self.counters = LengthCounters(self.hub)
        self.body = self.scrolling_body()
        self.sections: dict[str, QGroupBox] = {}
        self.tables: list[TableEditor] = []
        self.rows: dict[str, tuple[QFormLayout, int]] = {}
        self.total = QLabel()
        self.total.setObjectName("pre_application#total")
        self.total.setWordWrap(True)
        self.body.addWidget(self.total)
        for group in groups():
            box = self._group(group)
            if group.section is not None:
                self.sections[group.section] = box
        self.body.addStretch()

    def _group(self, group: Group) -> QGroupBox:
        box = QGroupBox(group.title)
        form = QFormLayout(box)
        for path, kind in group.fields:
            if kind == "table":
                self._table(form, path)
                continue
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
            self.rows[path] = (form, form.rowCount() - 1)
        self.body.addWidget(box)
        return box

    def _table(self, form: QFormLayout, path: str) -> None:
        """A list of the draft in its table, with a hint above it."""
        editor = TableEditor(self.hub, TABLES[path])
        editor.setMinimumHeight(TABLE_HEIGHT)
        self.tables.append(editor)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(table_hint(path))
        hint.setWordWrap(True)
        inner.addWidget(hint)
        inner.addWidget(editor)
        caption = QLabel(field_label(path))
        caption.setBuddy(editor.view)
        form.addRow(caption, box)
        self.rows[path] = (form, form.rowCount() - 1)

    def _show_sections(self) -> None:
        """Show the groups the chosen direction needs."""
        for prefix, shown in shown_sections(self.hub.session).items():
            self.sections[prefix].setVisible(shown)

    def refresh(self) -> None:
        """Findings beside the fields and in the tables, and the counters under the limited ones."""
        super().refresh()
        for table in self.tables:
            table.refresh(self.hub.session.findings)
        self.counters.refresh()
        self._show_stage()

    def _show_stage(self) -> None:
        """The parts the draft's stage asks for, and the pre-application's running count."""
        stage = self.hub.session.draft.stage
        for path, (form, row) in self.rows.items():
            form.setRowVisible(row, shown_at(path, stage))
        total = pre_application_total(self.hub.session)
        self.total.setVisible(total is not None)
        if total is not None:
            self.total.setText(total.text)
            self.total.setProperty("over", total.over)
            self.total.setStyleSheet("color: #b00020;" if total.over else "")

    def reload(self) -> None:
        """Show the sections the chosen direction needs, then the values and the tables' rows."""
        self._show_sections()
        for table in self.tables:
            table.reload()
        super().reload()

    def focus_field(self, path: str) -> bool:
        """A field, or a cell of a table (scrolled into view)."""
        for table in self.tables:
            if table.focus_field(path):
                target = table.presenter.target(path)
                long = target is not None and target.long
                self.scroller.ensureWidgetVisible(table.long_text if long else table.view)
                return True
        return super().focus_field(path)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Coming here after choosing a direction: show its sections."""
        self._show_sections()
        self.refresh()
