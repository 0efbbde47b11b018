"""Generate: the output folder, progress, the files written, and opening the folder.

What the status says, the folder suggested, generating and the lines listed
are ``presenters.generate``'s; this module holds the widgets and dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from applywizard.presenters.generate import GeneratePresenter, progress_text
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

if TYPE_CHECKING:
    from applywizard.adapters.documents.render import Rendered


class GeneratePage(WizardPage):
    """Write the application form, the IP checklist and the bilateral tables."""

    page_id = PageId.GENERATE

    def build(self) -> None:
        self.presenter = GeneratePresenter(lambda: self.hub.session)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Output folder")))
        self.folder = QLineEdit()
        self.folder.setObjectName("generate.folder")
        self.folder.setAccessibleName(_("Output folder"))
        row.addWidget(self.folder, 1)
        browse = QPushButton(_("&Browse…"))
        browse.setObjectName("generate.browse")
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        self.allow = QCheckBox(_("Generate even with errors, marking every output 草稿 / DRAFT"))
        self.allow.setObjectName("generate.allow_incomplete")
        self.allow.setAccessibleName(self.allow.text())
        layout.addWidget(self.allow)
        self.status = QLabel()
        self.status.setObjectName("generate.status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.run_button = QPushButton(_("&Generate documents"))
        self.run_button.setObjectName("generate.run")
        self.run_button.clicked.connect(self.generate)
        layout.addWidget(self.run_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("generate.progress")
        layout.addWidget(self.progress)
        self.files = QListWidget()
        self.files.setObjectName("generate.files")
        self.files.setAccessibleName(_("Files written"))
        layout.addWidget(self.files, 1)
        self.open_button = QPushButton(_("&Open folder"))
        self.open_button.setObjectName("generate.open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        layout.addWidget(self.open_button)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Suggest a folder beside the draft, and say whether errors remain."""
        if not self.folder.text():
            self.folder.setText(str(self.presenter.suggested_folder()))
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.status.setText(self.presenter.status())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Output folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _progress(self, step: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(step)
        self.progress.setFormat(progress_text(step, total, name))
        QApplication.processEvents()

    def generate(self) -> Rendered | None:
        """Render every output into the chosen folder; None if refused or failed."""
        problem = self.presenter.folder_problem(self.folder.text())
        if problem:
            QMessageBox.warning(self, "ApplyWizard", problem)
            return None
        folder = Path(self.folder.text().strip())
        self.progress.setFormat(_("Checking the attachments…"))
        QApplication.processEvents()
        unchecked = self.presenter.recheck()
        self.hub.edited.emit()
        outcome = self.presenter.generate(
            folder, unchecked, allow_incomplete=self.allow.isChecked(), progress=self._progress
        )
        if outcome.rendered is None:
            QMessageBox.warning(self, "ApplyWizard", outcome.problem)
            return None
        self.files.clear()
        self.files.addItems(outcome.lines)
        self.open_button.setEnabled(self.presenter.written)
        return outcome.rendered

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
