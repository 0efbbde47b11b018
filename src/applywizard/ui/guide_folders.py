"""“指南文件夹…”: the shared folders (e.g. a research office's drive) that hold guide packs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from applywizard.adapters.app_settings import SettingsError
from applywizard.ui import dialogs
from applywizard.ui.guide_library import GuideLibrary
from applywizard.ui.text import _


def choose_folder(parent: QWidget) -> Path | None:
    """Ask for a folder (replaced in the tests)."""
    chosen = QFileDialog.getExistingDirectory(parent, _("Choose a folder of guide packs"))
    return Path(chosen) if chosen else None


class GuideFoldersDialog(QDialog):
    """The shared guide folders, with Add and Remove."""

    def __init__(self, parent: QWidget | None, library: GuideLibrary) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("guides.folders")
        self.setWindowTitle(_("Guide folders"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Guide packs are read from the program, from your own guide folder and from the "
                "folders listed here (for example a research office's shared drive)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("guides.folders.list")
        self.list.setAccessibleName(_("Guide folders"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add = QPushButton(_("&Add a folder…"))
        self.add.setObjectName("guides.folders.add")
        self.add.clicked.connect(self._add)
        self.remove = QPushButton(_("&Remove"))
        self.remove.setObjectName("guides.folders.remove")
        self.remove.clicked.connect(self._remove)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self._fill()
        self.resize(640, 320)

    def _fill(self) -> None:
        self.list.clear()
        for folder in self.library.shared.folders:
            self.list.addItem(str(folder))
        self.remove.setEnabled(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _add(self) -> None:
        folder = choose_folder(self)
        if folder is None:
            return
        try:
            self.library.add_folder(folder)
        except SettingsError as error:
            QMessageBox.warning(self, _("Guide folders"), str(error))
        self._fill()

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self.library.remove_folder(Path(item.text()))
        except SettingsError as error:
            QMessageBox.warning(self, _("Guide folders"), str(error))
        self._fill()


def edit_guide_folders(parent: QWidget, library: GuideLibrary) -> None:
    """Show the folders dialog until closed; the library is read again on each change."""
    dialogs.run_dialog(GuideFoldersDialog(parent, library))
