"""Budget: the widgets of income, expenditure by year and category, totals and the cap.

What the page decides (the grid's rows, what an amount typed means, every
total and its mark, the indirect-cost cap and its rule, which findings are
listed) is ``presenters.budget``; this module lays the widgets out and binds
them to it. Every amount cell is a line edit named by its path
(``budget.years.0.central.labour``) that commits as the applicant types; a
value the draft refuses stays in the cell while the draft keeps the old one
and the reason shows beside the grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.draft.model import BudgetYear
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.budget import BudgetPresenter, GridRow, Note
from applywizard.presenters.budget_amounts import amount_or_none, amount_path, budget_label
from applywizard.presenters.budget_words import cap_lines, summary_lines
from applywizard.presenters.stage import page_note
from applywizard.ui.binding import field_label
from applywizard.ui.page_frame import bold
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

NO_YEAR = 1899
"""The spin box's value below every year: shown "(year)", stored as no year."""
TEXT_STYLES = {"error": "color: #b00020;", "warning": "color: #8a5300;"}
CELL_STYLES = {
    "error": "QLineEdit, QSpinBox { background: #fde7ea; }",
    "warning": "QLineEdit, QSpinBox { background: #fff4e0; }",
}


class BudgetPage(WizardPage):
    """Income, expenditure by year, totals and the indirect-cost cap."""

    page_id = PageId.BUDGET

    def build(self) -> None:
        self.presenter = BudgetPresenter(lambda: self.hub.session)
        self._cells: dict[str, QLineEdit] = {}
        self._year_boxes: dict[str, QSpinBox] = {}
        self._totals: dict[str, QLabel] = {}
        self._built_years = -1
        self.grid_widget: QWidget | None = None
        self.body = self.scrolling_body()
        self.stage_note = QLabel()  # what the pre-application asks instead: an outline
        self.stage_note.setWordWrap(True)
        self.body.addWidget(self.stage_note)
        for box in (
            self._income_box(),
            self._expenditure_box(),
            self._summary_box(),
            self._notes_box(),
        ):
            self.body.addWidget(box)
        self.body.addStretch()
        self._rebuild_grid()

    # -- building ---------------------------------------------------------------------
    def _income_box(self) -> QGroupBox:
        box = QGroupBox(_("Income budget (10k CNY)"))
        form = QFormLayout(box)
        for path in ("budget.income_central_wan", "budget.income_self_raised_wan"):
            widget, finding = self.binder.money(path)
            widget.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.binder.row(form, path, widget, finding)
        path = "budget.theoretical_basic_research"
        text = _("Theoretical basic research (indirect costs up to a flat rate)")
        check, finding = self.binder.check(path, text)
        check.setAccessibleName(budget_label(path))
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(check)
        inner.addWidget(finding)
        form.addRow(column)
        return box

    def _expenditure_box(self) -> QGroupBox:
        box = QGroupBox(_("Expenditure by year (10k CNY)"))
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.add_year_button = QPushButton(_("&Add year"))
        self.add_year_button.setObjectName("budget.add_year")
        self.add_year_button.setAccessibleName(_("Add a budget year"))
        self.add_year_button.clicked.connect(self.add_year)
        buttons.addWidget(self.add_year_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.grid_holder = QVBoxLayout()
        layout.addLayout(self.grid_holder)
        self.refusal = QLabel()
        self.refusal.setObjectName("budget.refused")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(TEXT_STYLES["error"])
        self.refusal.setVisible(False)
        layout.addWidget(self.refusal)
        caption = QLabel(_("Findings on the budget (activate one to go to its field)"))
        self.findings_caption = caption
        layout.addWidget(caption)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("budget.findings")
        self.findings_list.setAccessibleName(_("Findings on the budget"))
        self.findings_list.setMaximumHeight(120)
        self.findings_list.itemActivated.connect(self._finding_activated)
        caption.setBuddy(self.findings_list)
        layout.addWidget(self.findings_list)
        return box

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(_("Totals (10k CNY)"))
        grid = QGridLayout(box)
        headings = [_("Income"), _("Expenditure"), _("Chinese units' funds")]
        for column, heading in enumerate(headings, start=1):
            grid.addWidget(bold(heading), 0, column, Qt.AlignmentFlag.AlignRight)
        for row, (key, title) in enumerate(summary_lines(), start=1):
            grid.addWidget(QLabel(title), row, 0)
            for column, what in enumerate(("income", "expenditure", "units"), start=1):
                grid.addWidget(self._total_label(f"budget.summary.{key}.{what}"), row, column)
        self.units_note = self._note("budget.summary#note")
        grid.addWidget(self.units_note, 4, 0, 1, 4)
        cap_row = 5
        grid.addWidget(bold(_("Indirect costs (central funds)")), cap_row, 0, 1, 4)
        cap_rows = cap_lines()
        for offset, (key, text) in enumerate(cap_rows, start=1):
            grid.addWidget(QLabel(text), cap_row + offset, 0, 1, 3)
            grid.addWidget(self._total_label(key), cap_row + offset, 3)
        self.cap_note = self._note("budget.indirect#note")
        grid.addWidget(self.cap_note, cap_row + len(cap_rows) + 1, 0, 1, 4)
        return box

    @staticmethod
    def _note(name: str) -> QLabel:
        note = QLabel()
        note.setObjectName(name)
        note.setWordWrap(True)
        return note

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox(field_label("form.budget_notes"))
        layout = QVBoxLayout(box)
        widget, finding = self.binder.text(
            "form.budget_notes",
            placeholder=_("How the budget was worked out, category by category"),
        )
        layout.addWidget(widget)
        layout.addWidget(finding)
        return box

    def _total_label(self, name: str) -> QLabel:
        shown = QLabel()
        shown.setObjectName(name)
        shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._totals[name] = shown
        return shown

    def _rebuild_grid(self) -> None:
        """(Re)create the grid for the draft's years, with the draft's values."""
        years = self.presenter.years
        for name in [key for key in self._totals if key.startswith("budget.total")]:
            del self._totals[name]
        self._cells.clear()
        self._year_boxes.clear()
        if self.grid_widget is not None:
            self.grid_holder.removeWidget(self.grid_widget)
            # hidden explicitly first, or a pending show from the layout would make it a window
            self.grid_widget.hide()
            self.grid_widget.setParent(None)
            self.grid_widget.deleteLater()
        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("budget.years")
        grid = QGridLayout(self.grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        last = len(years) + 1
        grid.addWidget(bold(_("Category")), 0, 0)
        for index, year in enumerate(years):
            grid.addWidget(self._year_header(index, year), 0, index + 1)
        grid.addWidget(bold(_("All years")), 0, last, Qt.AlignmentFlag.AlignRight)
        for row, line in enumerate(self.presenter.grid(), start=1):
            self._grid_row(grid, row, line, last)
        self.grid_holder.addWidget(self.grid_widget)
        self.grid_widget.show()  # now, not when the layout gets round to it: focus needs it
        self._built_years = len(years)
        self.add_year_button.setEnabled(self.presenter.can_add_year())

    def _grid_row(self, grid: QGridLayout, row: int, line: GridRow, last: int) -> None:
        if line.heading:
            grid.addWidget(bold(line.title), row, 0, 1, last + 1)
            return
        grid.addWidget(bold(line.title) if line.bold else QLabel(line.title), row, 0)
        for column, name in enumerate(line.cells, start=1):
            widget = self._cell(name) if line.editable else self._total_label(name)
            grid.addWidget(widget, row, column)
        if line.total is not None:
            grid.addWidget(self._total_label(line.total), row, last)

    def _year_header(self, index: int, year: BudgetYear) -> QWidget:
        header = QWidget()
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        path = f"budget.years.{index}.year"
        box = QSpinBox()
        box.setObjectName(path)
        box.setAccessibleName(budget_label(path))
        box.setRange(NO_YEAR, 2199)
        box.setSpecialValueText(_("(year)"))
        box.setValue(NO_YEAR if year.year is None else year.year)
        box.valueChanged.connect(partial(self._year_edited, path))
        self._year_boxes[path] = box
        remove = QPushButton(_("Remove"))
        remove.setObjectName(f"budget.years.{index}#remove")
        remove.setAccessibleName(self.presenter.year_label(index))
        remove.clicked.connect(partial(self.remove_year, index))
        layout.addWidget(box)
        layout.addWidget(remove)
        return header

    def _cell(self, path: str) -> QLineEdit:
        cell = QLineEdit()
        cell.setObjectName(path)
        cell.setAccessibleName(budget_label(path))
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        cell.setPlaceholderText("0")
        cell.setMinimumWidth(90)
        cell.setText(format(self.hub.session.value(path), "f"))
        cell.textEdited.connect(partial(self._amount_edited, path))
        self._cells[path] = cell
        return cell

    # -- editing ----------------------------------------------------------------------
    def _amount_edited(self, path: str, text: str) -> None:
        self.presenter.commit_amount(path, text)
        self.hub.edited.emit()

    def _year_edited(self, path: str, value: int) -> None:
        self.presenter.commit(path, None if value == NO_YEAR else value)
        self.hub.edited.emit()

    def add_year(self) -> None:
        """Add a year: the next calendar year within the project's dates, in year order."""
        position = self.presenter.add_year(QDate.currentDate().year())
        if position is not None:
            self._rebuild_grid()
        self.hub.edited.emit()
        if position is not None:
            self.focus_field(amount_path(position, "central", "equipment"))

    def remove_year(self, index: int) -> None:
        """Remove a year (asking first when it holds any amount)."""
        removed = self.presenter.remove_year(index, self.confirm_remove_year)
        if removed:
            self._rebuild_grid()
        if removed is not None:  # removed, or refused by the draft: say so
            self.hub.edited.emit()

    def confirm_remove_year(self, year: BudgetYear) -> bool:
        """Ask before removing a year with amounts (tests replace this)."""
        shown = str(year.year) if year.year is not None else _("this year")
        answer = QMessageBox.question(
            self,
            _("Remove budget year"),
            _("Remove {year} and all its amounts?").format(year=shown),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- showing ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Entering the page: every cell shows the draft as it is now."""
        super().showEvent(event)
        self.sync_cells()

    def sync_cells(self) -> None:
        """Put the draft's amounts and years into cells that differ (not an edit).

        The draft can change while the page is hidden (a recovered draft, a
        year added on another device's copy, a script): a cell whose text the
        draft refused keeps the user's text and its message instead.
        """
        if self._built_years != len(self.presenter.years):
            self._rebuild_grid()
        refused = self.presenter.refused
        for path, cell in self._cells.items():
            amount = self.hub.session.value(path)
            if path not in refused and amount_or_none(cell.text()) != amount:
                cell.setText(format(amount, "f"))
        for path, box in self._year_boxes.items():
            year = self.hub.session.value(path)
            shown = NO_YEAR if year is None else year
            if path not in refused and box.value() != shown:
                with QSignalBlocker(box):
                    box.setValue(shown)

    def reload(self) -> None:
        """Another draft: rebuild the grid for its years, then values and findings."""
        self.presenter.refused.clear()
        self._rebuild_grid()
        super().reload()

    def refresh(self) -> None:
        """Totals, the cap and the findings, from the draft as it is now."""
        if self._built_years != len(self.presenter.years):
            self._rebuild_grid()
        super().refresh()
        findings = self.hub.session.findings
        for name, total in self.presenter.totals().items():
            shown = self._totals.get(name)
            if shown is not None:
                shown.setText(total.text)
                shown.setProperty("severity", total.severity)
                style = TEXT_STYLES.get(total.severity, "")
                shown.setStyleSheet(style + (" font-weight: bold;" if total.severity else ""))
        self._show_note(self.units_note, self.presenter.units_note(), hide_empty=True)
        self.stage_note.setText(page_note("budget", self.hub.session.draft))
        self.stage_note.setVisible(bool(self.stage_note.text()))
        self._show_note(self.cap_note, self.presenter.cap_note())
        self._show_marks(findings)
        self._show_findings_list(findings)

    @staticmethod
    def _show_note(label: QLabel, note: Note, *, hide_empty: bool = False) -> None:
        label.setText(note.text)
        label.setStyleSheet(TEXT_STYLES.get(note.severity, ""))
        if hide_empty:
            label.setVisible(bool(note.text))

    def _show_marks(self, findings: Sequence[Finding]) -> None:
        widgets: dict[str, QWidget] = {**self._cells, **self._year_boxes}
        for path, mark in self.presenter.cell_marks(list(widgets), findings).items():
            widget = widgets[path]
            widget.setProperty("severity", mark.severity)
            widget.setStyleSheet(CELL_STYLES.get(mark.severity, ""))
            widget.setToolTip(mark.text)
        refused = self.presenter.refusal_lines()
        self.refusal.setText("\n".join(refused))
        self.refusal.setVisible(bool(refused))

    def _show_findings_list(self, findings: Sequence[Finding]) -> None:
        self.findings_list.clear()
        for listed in self.presenter.listed_findings(findings, set(self.binder.paths())):
            item = QListWidgetItem(listed.text)
            item.setData(Qt.ItemDataRole.UserRole, listed.path)
            item.setToolTip(listed.text)
            item.setForeground(
                Qt.GlobalColor.darkRed if listed.is_error else Qt.GlobalColor.darkYellow
            )
            self.findings_list.addItem(item)
        self.findings_list.setVisible(self.findings_list.count() > 0)
        self.findings_caption.setVisible(self.findings_list.count() > 0)

    def _finding_activated(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    # -- going to a field -------------------------------------------------------------
    def field_widget(self, path: str) -> QWidget | None:
        """The widget editing ``path`` (or the nearest one for a year or the whole list)."""
        widgets: dict[str, QWidget] = {**self._cells, **self._year_boxes}
        found = widgets.get(path) or self.binder.widget(path)
        if found is not None:
            return found
        nearest = self.presenter.nearest(path)
        if nearest == self.add_year_button.objectName():
            return self.add_year_button
        return widgets.get(nearest) if nearest is not None else None

    def focus_field(self, path: str) -> bool:
        """Show and focus the widget editing ``path``; False if it is not on this page."""
        widget = self.field_widget(path)
        if widget is None:
            return super().focus_field(path)
        return self.show_and_focus(widget)
