"""“历史版本 / Versions”: the draft's kept versions; comparing one with the draft, restoring one.

``show_versions(wizard)`` is what the window's button and shortcut call. The
dialog lists the versions, newest first, with their local time and size
(``presenters.versions``); Return on a row, or “Compare”, lists what changed
from that version to the draft as the window shows it; “Restore…” asks
first, keeps the file as saved now as a version, puts the chosen one back,
and the window then reopens the draft from its file (``open_path``), so it
shows the restored version. Every dialog runs through ``dialogs.run_dialog``
(the tests answer them there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from applywizard.presenters.versions import VersionsPresenter
from applywizard.ui import dialogs
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _


class VersionsWindow(Protocol):
    """What the dialog asks of the window (``ApplicationWizard`` has it all)."""

    hub: DraftHub

    def open_path(self, path: Path) -> bool:
        """Edit the draft in ``path`` (read again from the file)."""
        ...

    def window(self) -> QWidget:
        """The top-level widget, the dialogs' parent."""
        ...


class VersionsDialog(QDialog):
    """The versions of the draft: a list, Compare, Restore…, and the differences."""

    def __init__(self, parent: QWidget | None, presenter: VersionsPresenter) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.restored: Path | None = None
        """The draft file a version was restored into (the window reopens it)."""
        self.setObjectName("versions")
        self.setWindowTitle(presenter.title())
        layout = QVBoxLayout(self)
        intro = QLabel(presenter.intro())
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("versions.list")
        self.table.setAccessibleName(_("Versions"))
        self.table.setHorizontalHeaderLabels(presenter.headings())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.compare())
        intro.setBuddy(self.table)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.compare_button = QPushButton(_("&Compare with the application now"))
        self.compare_button.setObjectName("versions.compare")
        self.compare_button.setAutoDefault(False)
        self.compare_button.clicked.connect(self.compare)
        self.restore_button = QPushButton(_("&Restore this version…"))
        self.restore_button.setObjectName("versions.restore")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore)
        row.addWidget(self.compare_button)
        row.addWidget(self.restore_button)
        row.addStretch()
        layout.addLayout(row)
        self.heading = QLabel()
        self.heading.setObjectName("versions.heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.changes = QListWidget()
        self.changes.setObjectName("versions.changes")
        self.changes.setAccessibleName(_("Changes"))
        self.heading.setBuddy(self.changes)
        layout.addWidget(self.changes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fill()
        self.resize(760, 560)

    def fill(self) -> None:
        """The rows, newest first, the newest chosen."""
        rows = self.presenter.rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, text in enumerate((row.when, row.size)):
                item = QTableWidgetItem(text)
                item.setToolTip(row.tip)
                self.table.setItem(number, column, item)
        has_rows = bool(rows)
        self.compare_button.setEnabled(has_rows)
        self.restore_button.setEnabled(has_rows)
        if has_rows:
            self.table.setCurrentCell(0, 0)
        else:
            self.heading.setText(self.presenter.empty_text())

    def chosen(self) -> int | None:
        """The row chosen, if any."""
        row = self.table.currentRow()
        return row if 0 <= row < len(self.presenter.rows) else None

    def compare(self) -> None:
        """List what changed from the chosen version to the application now."""
        row = self.chosen()
        if row is None:
            return
        lines = self.presenter.compare(row)
        self.heading.setText(self.presenter.compare_heading(row, len(lines)))
        self.changes.clear()
        for line in lines:
            item = QListWidgetItem(line.text)
            item.setToolTip(line.path)
            self.changes.addItem(item)

    def restore(self) -> None:
        """Ask, then put the chosen version back; the window reopens the draft."""
        row = self.chosen()
        if row is None:
            return
        confirm = QMessageBox(self)
        confirm.setObjectName("versions.confirm")
        confirm.setIcon(QMessageBox.Icon.Question)
        confirm.setWindowTitle(_("Restore a version"))
        confirm.setText(self.presenter.confirm_text(row))
        restore = confirm.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("versions.confirm.restore")
        cancel = confirm.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("versions.confirm.cancel")
        confirm.setDefaultButton(cancel)
        dialogs.run_dialog(confirm)
        if confirm.clickedButton() is not restore:
            return
        outcome = self.presenter.restore(row)
        if outcome.path is None:
            problem = QMessageBox(self)
            problem.setObjectName("versions.problem")
            problem.setIcon(QMessageBox.Icon.Warning)
            problem.setWindowTitle(_("Restore a version"))
            problem.setText(outcome.problem)
            dialogs.run_dialog(problem)
            return
        self.restored = outcome.path
        self.accept()


def show_versions(wizard: VersionsWindow) -> bool:
    """“历史版本 / Versions” for the draft being edited; True if a version was restored and shown.

    After a restore the window reads the draft again from its file
    (``open_path``), so it shows exactly the version put back.
    """
    if not wizard.hub.ready:
        return False
    presenter = VersionsPresenter(lambda: wizard.hub.session)
    dialog = VersionsDialog(wizard.window(), presenter)
    dialogs.run_dialog(dialog)
    return dialog.restored is not None and wizard.open_path(dialog.restored)
