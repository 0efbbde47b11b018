"""Direction: the guide's directions, searchable and filtered by partner country, in full.

The rows, the filter, a direction's detail and what choosing does are
``presenters.direction``'s; this module lays out the table, the detail and
the choices inside the direction.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.draft.model import Draft
from applywizard.presenters.direction import DirectionPresenter, headers
from applywizard.presenters.stage import moved_on, stage_choices, stage_hint
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


class DirectionPage(WizardPage):
    """Choose the direction, and inside it the field, theme or sub-direction."""

    page_id = PageId.DIRECTION

    def build(self) -> None:
        self.presenter = DirectionPresenter(lambda: self.hub.session)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("direction.search")
        self.search.setAccessibleName(_("Search directions"))
        self.search.setPlaceholderText(_("Search: code, title, country, area…"))
        self.search.textChanged.connect(self._filter)
        self.country = QComboBox()
        self.country.setObjectName("direction.country")
        self.country.setAccessibleName(_("Partner country"))
        for code, text in self.presenter.countries():
            self.country.addItem(text, code)
        self.country.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.country, 1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = self._build_table()
        self.table.itemSelectionChanged.connect(self._chosen)
        self.details = QTextBrowser()
        self.details.setObjectName("direction.details")
        self.details.setAccessibleName(_("Direction in full"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([640, 340])  # the table gets the spare width: titles wrap less
        layout.addWidget(splitter, 1)

        self.direction_finding = QLabel()
        self.direction_finding.setObjectName("direction" + "#finding")
        layout.addWidget(self.direction_finding)
        form = QFormLayout()
        self.stage_box, stage_finding = self.binder.choice(
            "stage", [(choice.stage, choice.text) for choice in stage_choices(Draft())]
        )
        self.stage_box.removeItem(0)  # a draft is always at one stage: no “—”
        self.stage_hint = QLabel()
        self.stage_hint.setWordWrap(True)
        self.binder.row(form, "stage", self.stage_box, stage_finding, under=self.stage_hint)
        self.field_box, field_finding = self.binder.choice("selection.field", [])
        self.theme_box, theme_finding = self.binder.choice("selection.theme", [])
        self.sub_box, sub_finding = self.binder.choice("selection.sub_direction", [])
        self.binder.row(form, "selection.field", self.field_box, field_finding)
        self.binder.row(form, "selection.theme", self.theme_box, theme_finding)
        self.binder.row(form, "selection.sub_direction", self.sub_box, sub_finding)
        self.field_box.activated.connect(lambda _index: self._fill_options())
        layout.addLayout(form)
        self._fill_options()

    def _build_table(self) -> QTableWidget:
        """The directions, one per row."""
        rows = self.presenter.rows()
        table = QTableWidget(len(rows), 6)
        table.setObjectName("direction")
        table.setAccessibleName(_("Guide direction"))
        table.setHorizontalHeaderLabels(headers())
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for row, direction in enumerate(rows):
            for column, text in enumerate(direction.cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, direction.code)
                table.setItem(row, column, item)
        # Every column in view without scrolling: the title takes what is left and wraps,
        # partners wrap in a set width, codes, figures and durations fit their text.
        header = table.horizontalHeader()
        fitted = QHeaderView.ResizeMode.ResizeToContents
        for column, mode in enumerate(
            (fitted, QHeaderView.ResizeMode.Stretch, None, fitted, fitted, fitted)
        ):
            if mode is not None:
                header.setSectionResizeMode(column, mode)
        table.setColumnWidth(2, 120)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _filter(self) -> None:
        shown = self.presenter.shown(self.search.text(), self.country.currentData())
        for row, visible in enumerate(shown):
            self.table.setRowHidden(row, not visible)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        if self.presenter.choose(code):
            self._fill_options()
            self.hub.edited.emit()
        self._show_details(code)

    def _show_details(self, code: str) -> None:
        self.details.setHtml(self.presenter.details(code))

    def _fill_options(self) -> None:
        options = self.presenter.options()
        for box, choices in (
            (self.field_box, options.fields),
            (self.theme_box, options.themes),
            (self.sub_box, options.sub_directions),
        ):
            with QSignalBlocker(box):
                box.clear()
                box.addItem("—", None)
                for value, text in choices:
                    box.addItem(text, value)
                box.setEnabled(bool(choices))
        self.binder.load()

    def reload(self) -> None:
        """Select the draft's direction and refill the choices inside it."""
        code = self.hub.session.draft.direction
        row = self.presenter.chosen_row()
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            if row >= 0:
                self.table.selectRow(row)
        if code:
            self._show_details(code)
        self._fill_options()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.direction_finding.setText(self.presenter.finding())
        draft = self.hub.session.draft
        for index, choice in enumerate(stage_choices(draft)):
            model = self.stage_box.model()
            if isinstance(model, QStandardItemModel):
                model.item(index).setEnabled(choice.enabled)
        self.stage_box.setEnabled(not moved_on(draft))
        self.stage_hint.setText(stage_hint(draft))
        self.direction_finding.setStyleSheet("color: #b00020;")

    def focus_field(self, path: str) -> bool:
        if path == "direction":
            self.table.setFocus()
            return True
        return super().focus_field(path)


__all__ = ["DirectionPage", "QWidget"]
