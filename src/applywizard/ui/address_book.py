"""The address book in the tables: suggestions while a name is typed, and saving a row.

``BookCompleter`` sits on the name cell's editor of the units, partners and
team tables: each keystroke asks ``workflow.address_book`` for the matching
entries (SQLite answers; the completer does not filter) and shows them in
its popup; choosing one fills the row (``fill_row``). ``save_row`` is the
table's "Save to address book". Fields that differ between the row and the
book are shown in ``DifferencesDialog``, ticked one by one, never taken
silently. The words are ``presenters.address_book``'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.address_book import Kind
from applywizard.presenters.address_book import (
    DifferenceLine,
    difference_lines,
    fill_summary,
    findings_question,
    nameless,
    save_summary,
    taken_summary,
    unavailable,
)
from applywizard.ui import dialogs
from applywizard.ui.shared_files import confirm
from applywizard.ui.text import _
from applywizard.workflow.address_book import AddressBookAccess

if TYPE_CHECKING:
    from applywizard.presenters.table import TablePresenter
    from applywizard.ui.hub import DraftHub
    from applywizard.ui.table_model import DraftDelegate, DraftTableModel

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class TableEditor(Protocol):
    """What filling and saving rows need of a table (``ui.tables.TableEditor``)."""

    hub: DraftHub
    collection: str
    model: DraftTableModel
    presenter: TablePresenter
    delegate: DraftDelegate

    def current_row(self) -> int:
        """The row with the cursor, -1 if none."""
        ...

    def show_book_status(self, text: str) -> None:
        """Say what the address book did."""
        ...

    def window_widget(self) -> QWidget:
        """The widget dialogs are put over."""
        ...


class BookCompleter(QCompleter):
    """Offers the address book's entries for the name typed into ``line``."""

    chosen = Signal(int, str)
    """An entry was chosen: its id and its name."""

    def __init__(self, access: AddressBookAccess, kind: Kind, line: QLineEdit) -> None:
        super().__init__(line)
        self.access, self.kind = access, kind
        self.entries = QStandardItemModel(self)
        self.setModel(self.entries)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(NAME_ROLE)
        self.setMaxVisibleItems(12)
        self.list = QListView()
        self.list.setObjectName(f"{line.objectName()}#suggestions")
        self.list.setAccessibleName(_("Address book suggestions"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setPopup(self.list)
        line.setCompleter(self)
        line.textEdited.connect(self.offer)
        # the index overload (the text one cannot tell two entries of one name apart);
        # PySide6's stubs do not type overloaded signals
        self.activated[QModelIndex].connect(self._activated)  # type: ignore[index]

    def offer(self, text: str) -> None:
        """Show the entries matching ``text`` (none: no popup)."""
        found = self.access.suggestions(self.kind, text)
        self.entries.clear()
        for suggestion in found:
            item = QStandardItem(suggestion.label)
            item.setData(suggestion.name, NAME_ROLE)
            item.setData(suggestion.entry_id, ID_ROLE)
            item.setToolTip(suggestion.label)
            self.entries.appendRow(item)
        if found:
            self._fit_popup([suggestion.label for suggestion in found])
            self.complete()
        else:
            self.list.hide()

    def _fit_popup(self, labels: list[str]) -> None:
        """As wide as the longest suggestion (the cell is narrower), at most half the screen.

        A minimum width, as the line edit asks the completer to show itself again
        after each keystroke, at its own width."""
        line = self.widget()
        if line is None:
            return
        metrics = self.list.fontMetrics()
        margin = self.list.verticalScrollBar().sizeHint().width() + 2 * self.list.frameWidth()
        wanted = max(metrics.horizontalAdvance(label) for label in labels) + margin + 12
        screen = line.screen().availableGeometry().width()
        self.list.setMinimumWidth(min(max(line.width(), wanted), screen // 2))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        entry_id = index.data(ID_ROLE)
        if entry_id is not None:
            self.chosen.emit(int(entry_id), str(index.data(NAME_ROLE)))


class DifferencesDialog(QDialog):
    """The fields the row and the book give differently, each with a box to tick."""

    def __init__(
        self,
        title: str,
        intro: str,
        lines: list[DifferenceLine],
        answers: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("differences")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        grid = QGridLayout()
        for column, heading in enumerate((_("Field"), _("In this row"), _("In the address book"))):
            label = QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        self.boxes: dict[str, QCheckBox] = {}
        for number, line in enumerate(lines, start=1):
            box = QCheckBox(line.label)
            box.setObjectName(f"differences.{line.field}")
            self.boxes[line.field] = box
            grid.addWidget(box, number, 0)
            for column, value in ((1, line.row), (2, line.book)):
                shown = QLabel(value)
                shown.setTextFormat(Qt.TextFormat.PlainText)  # what was typed, never markup
                grid.addWidget(shown, number, column)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("differences.buttons")
        for which, text in zip(
            (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel),
            answers,
            strict=True,
        ):
            button = buttons.button(which)
            if button is not None:
                button.setText(text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ticked(self) -> set[str]:
        """The fields whose boxes are ticked."""
        return {field for field, box in self.boxes.items() if box.isChecked()}


def _ask_differences(
    editor: TableEditor,
    words: tuple[str, str, tuple[str, str]],
    lines: list[DifferenceLine],
    *,
    ticked: bool,
) -> set[str] | None:
    """The fields ticked; None if the dialog was cancelled."""
    title, intro, answers = words
    dialog = DifferencesDialog(title, intro, lines, answers, editor.window_widget())
    for box in dialog.boxes.values():
        box.setChecked(ticked)
    if dialogs.run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.ticked()


def fill_row(editor: TableEditor, row: int, entry_id: int, name: str) -> None:
    """An entry was chosen for ``row``: fill its empty fields, offer the differing ones."""
    editor.delegate.finish()  # the name typed (now the entry's) goes in first
    session, access = editor.hub.session, editor.hub.address_book
    if not 0 <= row < editor.model.count:
        return
    outcome = access.fill(session, editor.collection, row, entry_id)
    editor.model.row_changed(row)
    summary = fill_summary(editor.presenter, row, name, outcome)
    if outcome.differences:
        lines = difference_lines(editor.presenter, outcome.differences)
        words = (
            _("Differences from the address book"),
            _(
                "The address book gives these fields otherwise than the row. Tick the values "
                "to take from the address book; the others stay as they are in the row."
            ),
            (_("Take the ticked values"), _("Keep the row as it is")),
        )
        taken = _ask_differences(
            editor,
            words,
            lines,
            ticked=False,
        )
        chosen = [item for item in outcome.differences if item.field in (taken or set())]
        if chosen:
            refused = access.take(session, editor.collection, row, chosen)
            editor.model.row_changed(row)
            summary += "; " + taken_summary(len(chosen), refused, editor.presenter, row)
    editor.show_book_status(unavailable(access) or summary)


def save_row(editor: TableEditor) -> None:
    """ "Save to address book" on the current row: add it, or update the entry (asked)."""
    editor.delegate.finish()
    row = editor.current_row()
    access = editor.hub.address_book
    if row < 0:
        return
    comparison = access.compare_row(editor.hub.session, editor.collection, row)
    if comparison is None:
        editor.show_book_status(unavailable(access))
        return
    name = comparison.entry.get("name", "")
    if not name:
        editor.show_book_status(nameless())
        return
    if comparison.findings and not confirm(
        editor.window_widget(), findings_question(name, comparison.findings), "book.findings"
    ):
        editor.show_book_status(save_summary(comparison, 0, saved=False))
        return
    replace: set[str] | None = set()
    if comparison.differences:
        words = (
            _("Update the address book"),
            _(
                "The address book's entry for “{name}” gives these fields otherwise. Tick the "
                "values of this row to write into the address book; the others keep the "
                "address book's."
            ).format(name=name),
            (_("Update the address book"), _("Cancel")),
        )
        replace = _ask_differences(
            editor,
            words,
            difference_lines(editor.presenter, comparison.differences),
            ticked=True,
        )
        if replace is None or (not replace and not comparison.fills_book):
            editor.show_book_status(save_summary(comparison, 0, saved=False))
            return
    replace = replace or set()
    saved = access.save_row(editor.hub.session, comparison, replace) is not None
    editor.show_book_status(
        unavailable(access) or save_summary(comparison, len(replace), saved=saved)
    )
