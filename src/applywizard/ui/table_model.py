"""The Qt side of a draft table: the item model over a ``TablePresenter``, and its editors.

What a cell shows, what typed text means and which findings a cell has are
decided by ``presenters.table``; this module maps them to Qt's roles and
opens the editor of a cell's kind, named by the cell's path like every other
bound widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from applywizard.domain.draft.tables import Column, Table
from applywizard.presenters.findings import Severity
from applywizard.presenters.table import PLACEHOLDERS, TablePresenter
from applywizard.ui.binding import field_label
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _

Index = QModelIndex | QPersistentModelIndex

ERROR_COLOUR, WARNING_COLOUR = QColor("#f6d5d9"), QColor("#fdecc0")
ERROR_TEXT, WARNING_TEXT = QColor("#b00020"), QColor("#8a5300")
BACKGROUNDS = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR}
FOREGROUNDS = {"error": ERROR_TEXT, "warning": WARNING_TEXT}


def text_brush(severity: Severity) -> QBrush | None:
    """The text colour of a finding's severity (None for none)."""
    colour = FOREGROUNDS.get(severity)
    return QBrush(colour) if colour is not None else None


def bold_font() -> QFont:
    """The bold font of the row that leads."""
    font = QFont()
    font.setBold(True)
    return font


class DraftTableModel(QAbstractTableModel):
    """The items of one list of the draft, a row each, a column per declared field."""

    def __init__(self, hub: DraftHub, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.presenter = TablePresenter(lambda: hub.session, table)
        self.collection = table.collection
        self.columns = table.columns

    # -- what the presenter knows, by the names the editor and tests use ----------------
    @property
    def count(self) -> int:
        """The number of rows shown."""
        return self.presenter.count

    @property
    def refused(self) -> dict[str, str]:
        """The refused edits by path, with why."""
        return self.presenter.refused

    def items(self) -> list[Any]:
        """The draft's list this table edits."""
        return self.presenter.items()

    def path(self, row: int, column: int | None = None) -> str:
        """The field path of a cell (of a row when ``column`` is None)."""
        return self.presenter.path(row, column)

    def column_of(self, field: str) -> int:
        """The column showing ``field``, -1 if none does."""
        return self.presenter.column_of(field)

    def value(self, index: Index) -> Any:
        """The draft's value in a cell."""
        return self.presenter.value(index.row(), index.column())

    def display(self, column: Column, value: Any) -> str:
        """The text a cell shows for a value."""
        return self.presenter.display(column, value)

    # -- Qt's model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.presenter.editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, /, role: int = 0
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.columns):
                return None
            return self.presenter.header(section)
        return self._row_header(section, role)

    def _row_header(self, section: int, role: int) -> Any:
        if not 0 <= section < self.count:
            return None
        header = self.presenter.row_header(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return header.text
        if role == Qt.ItemDataRole.FontRole and header.bold:
            return bold_font()
        if role == Qt.ItemDataRole.ToolTipRole:
            return header.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_brush(header.severity)
        return None

    def data(self, index: Index, /, role: int = 0) -> Any:  # noqa: PLR0911 - one per role
        if not index.isValid() or index.row() >= self.count:
            return None
        cell = self.presenter.cell(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.accessible
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return cell.tooltip
        if role == Qt.ItemDataRole.BackgroundRole and cell.severity:
            return QBrush(BACKGROUNDS[cell.severity])
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.right_aligned:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: Index, value: Any, /, role: int = 2) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self.commit(index.row(), index.column(), value)

    # -- changing ------------------------------------------------------------------
    def commit(self, row: int, column: int, raw: Any) -> bool:
        """Set a cell from what was typed or chosen; False (and why) when refused."""
        accepted = self.presenter.commit(row, column, raw)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(self.count - 1, 0))
        self.hub.edited.emit()
        return accepted

    def row_changed(self, row: int) -> None:
        """Fields of ``row`` were set elsewhere (from the address book): show them."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(self.count - 1, 0))
        self.hub.edited.emit()

    def add_item(self) -> int:
        """Append an empty item; returns its row."""
        self.beginInsertRows(QModelIndex(), self.count, self.count)
        row = self.presenter.add_item()
        self.endInsertRows()
        return row

    def remove_item(self, row: int) -> None:
        """Remove the item in ``row``."""
        self.beginRemoveRows(QModelIndex(), row, row)
        self.presenter.remove_item(row)
        self.endRemoveRows()

    def move_item(self, row: int, offset: int) -> int:
        """Move the item in ``row`` up (-1) or down (+1); returns its new row."""
        target = self.presenter.move_target(row, offset)
        if target == row:
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (target > row))
        self.presenter.move_item(row, offset)
        self.endMoveRows()
        return target

    def reload(self) -> None:
        """Another draft (or another list): read everything again."""
        self.beginResetModel()
        self.presenter.reload()
        self.endResetModel()

    def show_findings(self, findings: list[Any]) -> None:
        """Colour the cells (and row numbers) that have findings, errors first."""
        if not self.presenter.in_step():
            self.reload()
        self.presenter.show_findings(findings)
        if self.count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.count - 1, len(self.columns) - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.count - 1)


class DraftDelegate(QStyledItemDelegate):
    """Opens the editor of a cell's kind, named by the cell's path."""

    def __init__(self, model: DraftTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.editor: QWidget | None = None
        self.name_editor_opened: Callable[[QLineEdit, int], None] | None = None
        """Called with the editor of a name cell and its row (the address book's hook)."""
        self.closeEditor.connect(self._closed)

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index, /
    ) -> QWidget:
        column = self.model.columns[index.column()]
        path = self.model.path(index.row(), index.column())
        editor: QWidget
        if column.kind in ("choice", "yes_no", "suggest"):
            box = QComboBox(parent)
            box.setEditable(column.kind == "suggest")
            if column.optional and column.kind != "suggest":
                box.addItem("—", None)
            for value, text in self.model.presenter.choices(column):
                box.addItem(text, value)
            editor = box
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText(PLACEHOLDERS.get(column.kind, ""))
            editor = line
        editor.setObjectName(path)
        if isinstance(editor, QLineEdit) and column.field == "name" and self.name_editor_opened:
            self.name_editor_opened(editor, index.row())
        editor.setAccessibleName(field_label(path))
        editor.setAutoFillBackground(True)
        self.editor = editor
        editor.destroyed.connect(lambda: self._forget(editor))
        return editor

    def _closed(self, editor: QWidget, _hint: QAbstractItemDelegate.EndEditHint) -> None:
        editor.setObjectName("")  # deleted later; only the open editor carries the path
        self._forget(editor)

    def _forget(self, editor: QWidget | None) -> None:
        if self.editor is editor:
            self.editor = None

    def setEditorData(self, editor: QWidget, index: Index, /) -> None:  # noqa: N802
        column = self.model.columns[index.column()]
        value = self.model.value(index)
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setEditText(str(value or ""))
        elif isinstance(editor, QComboBox):
            found = next((n for n in range(editor.count()) if editor.itemData(n) == value), -1)
            if found < 0 and value is not None:  # kept, though no longer offered
                text = self.model.display(column, value)
                editor.addItem(f"{text} {_('(not offered)')}", value)
                found = editor.count() - 1
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(self.model.display(column, value))

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: QAbstractItemModel, index: Index, /
    ) -> None:
        if isinstance(editor, QComboBox):
            raw = editor.currentText() if editor.isEditable() else editor.currentData()
        elif isinstance(editor, QLineEdit):
            raw = editor.text()
        else:
            return
        model.setData(index, raw, Qt.ItemDataRole.EditRole)

    def finish(self) -> None:
        """Commit and close the editor that is open, if any."""
        if self.editor is not None:
            editor = self.editor
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
