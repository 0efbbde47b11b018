"""A table editor for one list of the draft: Chinese units, foreign partners, the team.

Columns are data (field, kind, options). Every change goes through the
session by field path (``foreign_partners.1.country``), so a value the draft
model refuses is not applied: the cell keeps its value and the refusal shows
beside the table and as the cell's tooltip. Cells with findings are coloured;
the list under the table shows this collection's findings, and activating
one puts the cursor on its cell. The editor a cell opens is named by the
cell's path, like every other bound widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.draft.paths import enum_label
from applywizard.domain.rules.finding import Finding
from applywizard.ui.binding import field_label
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _, bilingual
from applywizard.workflow.session import EditRefusedError

Kind = Literal["text", "suggest", "choice", "date", "money", "decimal", "yes_no", "long"]
"""How a column is shown and edited: ``suggest`` is free text offered choices,
``long`` is shown shortened and edited in the multi-line field under the table."""
Options = Callable[[], Sequence[tuple[Any, str]]]
Index = QModelIndex | QPersistentModelIndex

ERROR_COLOUR, WARNING_COLOUR = QColor("#f6d5d9"), QColor("#fdecc0")
ERROR_TEXT, WARNING_TEXT = QColor("#b00020"), QColor("#8a5300")
LONG_PREVIEW = 40


@dataclass(frozen=True)
class Column:
    """A column: the field of each item it shows, how, and the values offered."""

    field: str
    kind: Kind = "text"
    options: Options | None = None
    optional: bool = True
    """Blank means None; otherwise a blank number is 0 and choices have no "—"."""
    describe: Callable[[Any], str] | None = None
    """The text shown for a value, where the options do not say it."""
    clean: Callable[[str], Any] | None = None
    """Tidies typed text before it is stored (upper-case codes, say)."""

    def choices(self) -> Sequence[tuple[Any, str]]:
        """The values offered (Yes and No for a yes/no column)."""
        if self.options is not None:
            return self.options()
        return yes_no_options() if self.kind == "yes_no" else []


def enum_options(members: Iterable[Enum]) -> Options:
    """Options of an enumeration, each named by ``enum_label`` in the current language."""
    values = tuple(members)
    return lambda: [(value, bilingual(*enum_label(value))) for value in values]


def yes_no_options() -> list[tuple[Any, str]]:
    """Yes and No (None, shown "—", is unanswered)."""
    return [(True, _("Yes")), (False, _("No"))]


def finding_line(finding: Finding) -> str:
    """A finding in one line: its mark, its message and the clause it cites."""
    message = bilingual(finding.message, finding.message_en)
    citation = bilingual(finding.citation, finding.citation_en)
    return f"{'✖' if finding.is_error else '⚠'} {message}（{citation}）"


def parse(path: str, column: Column, raw: Any) -> Any:
    """The draft value for what was typed or chosen; EditRefusedError if it is no value."""
    if column.clean is not None and isinstance(raw, str):
        raw = column.clean(raw)
    if column.kind not in ("money", "decimal", "date"):
        return raw
    text = str(raw or "").replace(",", "").strip()
    if not text:
        return None if column.optional or column.kind == "date" else Decimal(0)
    if column.kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            zh, en = f"“{text}”不是日期（yyyy-MM-dd）", f"“{text}” is not a date (yyyy-MM-dd)"
            raise EditRefusedError(path, zh, en) from None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise EditRefusedError(path, f"“{text}”不是数字", f"“{text}” is not a number") from None


class DraftTableModel(QAbstractTableModel):
    """The items of one list of the draft, a row each, a column per field."""

    def __init__(
        self,
        hub: DraftHub,
        collection: str,
        columns: Sequence[Column],
        *,
        lead: tuple[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.collection, self.columns, self.lead = hub, collection, columns, lead
        self.count = len(self.items())
        self.findings: dict[str, Finding] = {}
        self.refused: dict[str, str] = {}

    # -- reading -----------------------------------------------------------------
    def items(self) -> list[Any]:
        """The draft's list this table edits."""
        items: list[Any] = getattr(self.hub.session.draft, self.collection)
        return items

    def path(self, row: int, column: int | None = None) -> str:
        """The field path of a cell (of a row when ``column`` is None)."""
        base = f"{self.collection}.{row}"
        return base if column is None else f"{base}.{self.columns[column].field}"

    def column_of(self, field: str) -> int:
        """The column showing ``field``, -1 if none does."""
        return next((n for n, column in enumerate(self.columns) if column.field == field), -1)

    def value(self, index: Index) -> Any:
        """The draft's value in a cell."""
        return getattr(self.items()[index.row()], self.columns[index.column()].field)

    def is_lead(self, row: int) -> bool:
        """Whether the item in ``row`` leads (the lead unit, the project leader)."""
        if self.lead is None or not 0 <= row < self.count:
            return False
        field, value = self.lead
        return bool(getattr(self.items()[row], field) == value)

    def display(self, column: Column, value: Any) -> str:
        """The text a cell shows for a value."""
        if value is None or value == "":
            return ""
        text: str | None = None
        if column.kind != "suggest":
            text = next((text for option, text in column.choices() if option == value), None)
        if text is None and column.describe is not None:
            text = column.describe(value)
        if text is None:
            text = value.isoformat() if isinstance(value, date) else None
        if text is None:
            text = format(value, "f") if isinstance(value, Decimal) else str(value)
        if column.kind == "long":
            first = text.strip().split("\n", 1)[0]
            text = first if len(first) <= LONG_PREVIEW else first[:LONG_PREVIEW] + "…"
        return text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.columns[index.column()].kind != "long":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, /, role: int = 0
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.columns):
                return None
            text = field_label(f"{self.collection}.*.{self.columns[section].field}")
            return text[:1].upper() + text[1:]
        return self._row_header(section, role)

    def _row_header(self, section: int, role: int) -> Any:
        found = self.findings.get(self.path(section))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section + 1}{' ★' if self.is_lead(section) else ''}"
        if role == Qt.ItemDataRole.FontRole and self.is_lead(section):
            return self._bold()
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return finding_line(found)
        if role == Qt.ItemDataRole.ForegroundRole and found is not None:
            return QBrush(ERROR_TEXT if found.is_error else WARNING_TEXT)
        return None

    def data(self, index: Index, /, role: int = 0) -> Any:  # noqa: PLR0911 - one per role
        if not index.isValid() or index.row() >= self.count:
            return None
        column = self.columns[index.column()]
        path = self.path(index.row(), index.column())
        text = self.display(column, self.value(index))
        if self.lead is not None and column.field == self.lead[0] and self.is_lead(index.row()):
            text = f"★ {text}"
        refused, found = self.refused.get(path), self.findings.get(path)
        problem, error = None, False
        if refused is not None:
            problem, error = f"✖ {refused}", True
        elif found is not None:
            problem, error = finding_line(found), found.is_error
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{field_label(path)}: {text or '—'}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            full = self.display(Column(column.field), self.value(index))
            return problem or (full if column.kind == "long" else None)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(ERROR_COLOUR if error else WARNING_COLOUR)
        if role == Qt.ItemDataRole.FontRole and self.is_lead(index.row()):
            return self._bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "decimal"):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _bold() -> QFont:
        font = QFont()
        font.setBold(True)
        return font

    # -- changing ------------------------------------------------------------------
    def setData(self, index: Index, value: Any, /, role: int = 2) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self.commit(index.row(), index.column(), value)

    def commit(self, row: int, column: int, raw: Any) -> bool:
        """Set a cell from what was typed or chosen; False (and why) when refused."""
        path = self.path(row, column)
        try:
            self.hub.session.set_value(path, parse(path, self.columns[column], raw))
            self.refused.pop(path, None)
            accepted = True
        except EditRefusedError as error:
            self.refused[path] = f"{field_label(path)}：{bilingual(error.zh, error.en)}"
            accepted = False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(self.count - 1, 0))
        self.hub.edited.emit()
        return accepted

    def add_item(self) -> int:
        """Append an empty item; returns its row."""
        self.beginInsertRows(QModelIndex(), self.count, self.count)
        row = self.hub.session.add_item(self.collection)
        self.count = len(self.items())
        self.endInsertRows()
        return row

    def remove_item(self, row: int) -> None:
        """Remove the item in ``row``."""
        self.refused.clear()  # the paths after it shift
        self.beginRemoveRows(QModelIndex(), row, row)
        self.hub.session.remove_item(self.collection, row)
        self.count = len(self.items())
        self.endRemoveRows()

    def move_item(self, row: int, offset: int) -> int:
        """Move the item in ``row`` up (-1) or down (+1); returns its new row."""
        target = max(0, min(self.count - 1, row + offset))
        if target == row:
            return row
        self.refused.clear()
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (target > row))
        self.hub.session.move_item(self.collection, row, offset)
        self.endMoveRows()
        return target

    def reload(self) -> None:
        """Another draft (or another list): read everything again."""
        self.beginResetModel()
        self.refused.clear()
        self.count = len(self.items())
        self.endResetModel()

    def show_findings(self, findings: Iterable[Finding]) -> None:
        """Colour the cells (and row numbers) that have findings, errors first."""
        if self.count != len(self.items()):
            self.reload()
        self.findings = {}
        for finding in sorted(findings, key=lambda item: not item.is_error):
            self.findings.setdefault(finding.field, finding)
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
            for value, text in column.choices():
                box.addItem(text, value)
            editor = box
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText({"date": "yyyy-MM-dd", "money": "0.00"}.get(column.kind, ""))
            editor = line
        editor.setObjectName(path)
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


class TableEditor(QWidget):
    """A table over one list of the draft, with its buttons, long text and findings."""

    def __init__(
        self,
        hub: DraftHub,
        collection: str,
        columns: Sequence[Column],
        *,
        lead: tuple[str, Any] | None = None,
        long_field: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.collection, self.long_field = hub, collection, long_field
        assert long_field is None or any(column.field == long_field for column in columns)
        self.model = DraftTableModel(hub, collection, columns, lead=lead, parent=self)
        self.delegate = DraftDelegate(self.model, self)
        self.confirm_removal: Callable[[int], bool] = self._ask_removal
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
        self.refusal = QLabel()
        self.refusal.setObjectName(f"{collection}#refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self.refusal.setVisible(False)
        layout.addWidget(self.refusal)
        self.long_label = QLabel()
        self.long_text = QPlainTextEdit()
        self.long_text.setTabChangesFocus(True)
        self.long_text.setMaximumHeight(110)
        self.long_text.textChanged.connect(self._long_edited)
        self.long_label.setBuddy(self.long_text)
        if long_field is not None:
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
        for name, text, keys, action in (
            ("add", _("&Add"), ("Ctrl+N", "Insert"), self.add_row),
            ("remove", _("Re&move"), ("Delete",), self.remove_row),
            ("up", _("Move &up"), ("Alt+Up",), lambda: self.move_row(-1)),
            ("down", _("Move d&own"), ("Alt+Down",), lambda: self.move_row(+1)),
        ):
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
        item = self.model.items()[row]
        if item == type(item)():  # nothing typed in yet
            return True
        answer = QMessageBox.question(
            self,
            _("Remove"),
            _("Remove {item}?").format(item=field_label(self.model.path(row))),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _changed(self) -> None:
        self.hub.edited.emit()

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double click on a cell: edit it (long text: in the field below)."""
        if self.model.columns[index.column()].kind == "long":
            self.long_text.setFocus()
        else:
            self.view.edit(index)

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
            caption = field_label(path or f"{self.collection}.*.{self.long_field}")
            caption = caption[:1].upper() + caption[1:]
            self.long_label.setText(caption if path else caption + _(" (choose a row)"))
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
        if self.model.count:
            self._go(0)
        else:
            self._load_long()

    def refresh(self, findings: Sequence[Finding]) -> None:
        """Show the findings about this list and the refusals."""
        prefix = self.collection + "."
        mine = [f for f in findings if f.field == self.collection or f.field.startswith(prefix)]
        self.model.show_findings(mine)
        self.findings.clear()
        for finding in sorted(mine, key=lambda item: not item.is_error):
            item = QListWidgetItem(finding_line(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setForeground(QBrush(ERROR_TEXT if finding.is_error else WARNING_TEXT))
            item.setToolTip(field_label(finding.field))
            self.findings.addItem(item)
        self.findings_label.setText(_("&Findings: {count}").format(count=len(mine)))
        refusals = list(self.model.refused.values())
        self.refusal.setText("\n".join(f"✖ {text}" for text in refusals))
        self.refusal.setVisible(bool(refusals))

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, path: str) -> bool:
        """Select the cell of ``path`` and edit it; the table itself for the list's path."""
        if path != self.collection and not path.startswith(self.collection + "."):
            return False
        parts = path.split(".")[1:]
        if not parts or not parts[0].isdigit() or not self.model.count:
            self.view.setFocus()
            return True
        row = min(int(parts[0]), self.model.count - 1)
        field = parts[1] if len(parts) > 1 else ""
        column = self.model.column_of(field)
        self.delegate.finish()
        self._go(row, max(column, 0), focus=True, edit=column >= 0)
        if field and field == self.long_field:
            self.long_text.setFocus()
        return True
