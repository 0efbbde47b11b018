"""A table editor for one list of the draft: Chinese units, foreign partners, the team.

The columns are declared once in ``domain.draft.tables``; what the cells show
and what typed text means is decided by ``presenters.table``, mapped to Qt by
``ui.table_model``. This module lays out the view, its buttons, the long text
of the current row and the findings list; activating a finding puts the
cursor on its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.draft.tables import Table
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.address_book import unavailable
from applywizard.ui.address_book import BookCompleter, fill_row, save_row
from applywizard.ui.binding import field_label
from applywizard.ui.hub import DraftHub
from applywizard.ui.table_model import DraftDelegate, DraftTableModel, text_brush
from applywizard.ui.text import _
from applywizard.workflow.address_book import COLLECTION_KINDS, AddressBookAccess


def _message_line(name: str, style: str) -> QLabel:
    """A line under the table that shows only while it has something to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setVisible(False)
    return label


class TableEditor(QWidget):
    """A table over one list of the draft, with its buttons, long text and findings."""

    def __init__(
        self,
        hub: DraftHub,
        table: Table,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        collection = table.collection
        self.hub, self.collection, self.long_field = hub, collection, table.long_field
        self.model = DraftTableModel(hub, table, parent=self)
        self.presenter = self.model.presenter
        self.delegate = DraftDelegate(self.model, self)
        self.confirm_removal: Callable[[int], bool] = self._ask_removal
        self.book_kind = COLLECTION_KINDS.get(collection)
        if self.book_kind is not None:
            self.delegate.name_editor_opened = self._offer_book
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTableView()
        self.view.setObjectName(collection)
        self.view.setAccessibleName(field_label(collection))
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(lambda *_args: self._load_long())
        layout.addWidget(self.view, 3)
        layout.addLayout(self._buttons())
        self.refusal = _message_line(f"{collection}#refusal", "color: #b00020;")
        layout.addWidget(self.refusal)
        self.book_status = _message_line(f"{collection}#book", "")
        layout.addWidget(self.book_status)
        self.long_label = QLabel()
        self.long_text = QPlainTextEdit()
        self.long_text.setTabChangesFocus(True)
        self.long_text.setMaximumHeight(110)
        self.long_text.textChanged.connect(self._long_edited)
        self.long_label.setBuddy(self.long_text)
        if self.long_field is not None:
            layout.addWidget(self.long_label)
            layout.addWidget(self.long_text, 1)
        self.findings_label = QLabel()
        self.findings = QListWidget()
        self.findings.setObjectName(f"{collection}.findings")
        self.findings.setAccessibleName(_("Findings"))
        self.findings.setMaximumHeight(120)
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.findings_label.setBuddy(self.findings)
        layout.addWidget(self.findings_label)
        layout.addWidget(self.findings, 1)
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions: list[tuple[str, str, tuple[str, ...], Callable[[], None]]] = [
            ("add", _("&Add"), ("Ctrl+N", "Insert"), self.add_row),
            ("remove", _("Re&move"), ("Delete",), self.remove_row),
            ("up", _("Move &up"), ("Alt+Up",), lambda: self.move_row(-1)),
            ("down", _("Move d&own"), ("Alt+Down",), lambda: self.move_row(+1)),
        ]
        if self.book_kind is not None:
            save = ("save_to_book", _("Save to address &book"), ("Ctrl+B",), self.save_to_book)
            actions.append(save)
        for name, text, keys, action in actions:
            button = QPushButton(text)
            button.setObjectName(f"{self.collection}.{name}")
            button.setAccessibleName(text.replace("&", ""))
            button.setToolTip(f"{text.replace('&', '')} ({', '.join(keys)})")
            button.clicked.connect(action)
            row.addWidget(button)
            for key in keys:  # on the table, so Delete in a text field deletes text
                shortcut = QShortcut(QKeySequence(key), self.view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(action)
        row.addStretch()
        return row

    # -- rows ----------------------------------------------------------------------
    def current_row(self) -> int:
        """The row with the cursor, -1 if none."""
        return self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1

    def _go(self, row: int, column: int = 0, *, focus: bool = False, edit: bool = False) -> None:
        """Put the cursor on a cell; ``focus`` only for what the user asked (not on reload)."""
        index = self.model.index(row, column)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self._load_long()
        if focus:
            self.view.setFocus()
        if edit and index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    def add_row(self) -> None:
        """Append an empty item and start editing its first cell."""
        self.delegate.finish()
        row = self.model.add_item()
        self._changed()
        self._go(row, focus=True, edit=True)

    def remove_row(self) -> None:
        """Remove the item with the cursor (asking first when it holds anything)."""
        self.delegate.finish()
        row = self.current_row()
        if row < 0 or not self.confirm_removal(row):
            return
        self.model.remove_item(row)
        self._changed()
        self._go(min(row, self.model.count - 1), max(self.view.currentIndex().column(), 0))

    def move_row(self, offset: int) -> None:
        """Move the item with the cursor up (-1) or down (+1)."""
        self.delegate.finish()
        row, column = self.current_row(), max(self.view.currentIndex().column(), 0)
        if row < 0:
            return
        target = self.model.move_item(row, offset)
        if target != row:
            self._changed()
        self._go(target, column)

    def _ask_removal(self, row: int) -> bool:
        if self.presenter.is_empty(row):
            return True
        answer = QMessageBox.question(self, _("Remove"), self.presenter.removal_question(row))
        return answer == QMessageBox.StandardButton.Yes

    def _changed(self) -> None:
        self.hub.edited.emit()

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double click on a cell: edit it (long text: in the field below)."""
        if self.model.columns[index.column()].kind == "long":  # edited in the field below
            self.long_text.setFocus()
        else:
            self.view.edit(index)

    # -- the address book ----------------------------------------------------------------
    def _offer_book(self, line: QLineEdit, row: int) -> None:
        if self.book_kind is None:
            return
        access = self.hub.address_book
        completer = BookCompleter(access, self.book_kind, line)
        line.textEdited.connect(lambda _text: self._book_problem(access))
        completer.chosen.connect(
            lambda entry_id, name: QTimer.singleShot(0, lambda: fill_row(self, row, entry_id, name))
        )

    def _book_problem(self, access: AddressBookAccess) -> None:
        if access.problem is not None:  # say why nothing is offered
            self.show_book_status(unavailable(access))

    def save_to_book(self) -> None:
        """Save the current row to the address book (differences and findings are asked)."""
        save_row(self)

    def window_widget(self) -> QWidget:
        """The widget the address book's dialogs are put over."""
        return self

    def show_book_status(self, text: str) -> None:
        """Say what the address book did (or why it could not)."""
        self.book_status.setText(text)
        self.book_status.setVisible(bool(text))

    # -- the long text of the current row -----------------------------------------------
    def _load_long(self) -> None:
        if self.long_field is None:
            return
        row = self.current_row()
        path = self.model.path(row) + f".{self.long_field}" if row >= 0 else ""
        self._loading = True
        try:
            self.long_text.setObjectName(path or f"{self.collection}#{self.long_field}")
            self.long_text.setAccessibleName(field_label(path) if path else "")
            self.long_text.setPlainText(str(self.hub.session.value(path) or "") if path else "")
            self.long_text.setEnabled(bool(path))
            self.long_label.setText(self.presenter.long_caption(row))
        finally:
            self._loading = False

    def _long_edited(self) -> None:
        row = self.current_row()
        if not self._loading and row >= 0:  # the long field is a column (of kind "long")
            column = self.model.column_of(self.long_field or "")
            self.model.commit(row, column, self.long_text.toPlainText())

    # -- findings and focus -------------------------------------------------------------
    def reload(self) -> None:
        """Another draft: read the list again."""
        self.delegate.finish()
        self.model.reload()
        self.view.resizeColumnsToContents()
        if not self.model.count:  # nothing to size by yet: the declared widths, at least
            em = self.view.fontMetrics().horizontalAdvance("M")
            header = self.view.horizontalHeader()
            for number, column in enumerate(self.model.columns):
                wanted = int(column.width * em)
                header.resizeSection(number, max(header.sectionSize(number), wanted))
        if self.model.count:
            self._go(0)
        else:
            self._load_long()

    def refresh(self, findings: Sequence[Finding]) -> None:
        """Show the findings about this list and the refusals."""
        self.model.show_findings(list(findings))
        self.findings.clear()
        for line in self.presenter.finding_lines():
            item = QListWidgetItem(line.text)
            item.setData(Qt.ItemDataRole.UserRole, line.field)
            item.setForeground(text_brush(line.severity) or QBrush())
            item.setToolTip(line.tooltip)
            self.findings.addItem(item)
        self.findings_label.setText(self.presenter.findings_caption())
        refusals = self.presenter.refusal_lines()
        self.refusal.setText("\n".join(refusals))
        self.refusal.setVisible(bool(refusals))

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, path: str) -> bool:
        """Select the cell of ``path`` and edit it; the table itself for the list's path."""
        target = self.presenter.target(path)
        if target is None:
            return False
        if target.row < 0:
            self.view.setFocus()
            return True
        self.delegate.finish()
        self._go(target.row, max(target.column, 0), focus=True, edit=target.column >= 0)
        if target.long:
            self.long_text.setFocus()
        return True
