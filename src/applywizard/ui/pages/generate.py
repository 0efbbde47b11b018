"""Generate: the output folder, progress, the files written, and opening the folder."""

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

from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _, bilingual
from applywizard.workflow.flow import PageId
from applywizard.workflow.preflight import recheck_session

if TYPE_CHECKING:
    from applywizard.adapters.documents.render import Rendered


class GeneratePage(WizardPage):
    """Write the application form, the IP checklist and the bilateral tables."""

    page_id = PageId.GENERATE

    def build(self) -> None:
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
            session = self.hub.session
            base = session.path.parent if session.path else Path.home()
            self.folder.setText(str(base / "ApplyWizard-output"))
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        errors = sum(1 for finding in self.hub.session.findings if finding.is_error)
        self.status.setText(
            _(
                "{errors} errors remain (see Review): documents can only be generated "
                "as marked drafts."
            ).format(errors=errors)
            if errors
            else _("No errors: the documents can be generated.")
        )

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Output folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _progress(self, step: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(step)
        self.progress.setFormat(f"{step}/{total} {name}")
        QApplication.processEvents()

    def generate(self) -> Rendered | None:
        """Render every output into the chosen folder; None if refused or failed."""
        # python-docx, openpyxl and docxtpl load here, not when the window opens.
        from applywizard.adapters.documents.render import (  # noqa: PLC0415
            IncompleteDraftError,
            RenderFileError,
            render_all,
        )

        # python-docx, openpyxl and docxtpl load here, not when the window opens.

        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip():
            QMessageBox.warning(self, "ApplyWizard", _("Choose an output folder first."))
            return None
        self.progress.setFormat(_("Checking the attachments…"))
        QApplication.processEvents()
        unchecked = recheck_session(self.hub.session)
        self.hub.edited.emit()
        try:
            rendered = render_all(
                self.hub.session.book,
                self.hub.session.draft,
                folder,
                allow_incomplete=self.allow.isChecked(),
                progress=self._progress,
            )
        except IncompleteDraftError as error:
            QMessageBox.warning(
                self,
                "ApplyWizard",
                _(
                    "The application still has {count} errors. Fix them (see Review), or tick "
                    "the box to generate drafts marked 草稿 / DRAFT."
                ).format(count=len(error.errors)),
            )
            return None
        except RenderFileError as error:
            QMessageBox.warning(
                self,
                "ApplyWizard",
                bilingual(f"{error.path}：{error.zh}", f"{error.path}: {error.en}"),
            )
            return None
        self.files.clear()
        for problem in unchecked:
            self.files.addItem(_("Attachment not checked: {problem}").format(problem=problem))
        for path in rendered.files:
            self.files.addItem(str(path))
        for cell in rendered.cut_cells:
            self.files.addItem(
                _("Text cut to fit a cell (full text in the form): {cell}").format(cell=cell)
            )
        self.open_button.setEnabled(True)
        return rendered

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
