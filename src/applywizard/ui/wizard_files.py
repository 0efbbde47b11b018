"""The window's file commands: save, save as, open, recent drafts, recovery, unsaved work.

A mixin of ``ApplicationWizard`` (``ui.wizard``), kept apart so the window's
module stays about pages. Saving goes through the session, which refuses to
save over a file someone else changed since it was opened and over a draft
open read-only; ``ui.shared_files`` asks the user what to do then.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings

from applywizard.adapters.file_errors import DraftFileError
from applywizard.ui import shared_files
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _, bilingual
from applywizard.workflow.sharing import ChangedOnDiskError, ReadOnlyDraftError

RECENT_LIMIT = 8
DRAFT_FILTER = "ApplyWizard (*.json *.awpack)"


class DraftFileCommands(QtWidgets.QWizard):
    """Save, open and the recent drafts, for the wizard window."""

    hub: DraftHub
    settings: QSettings
    watch: shared_files.ChangeWatch

    def refresh(self) -> None:
        """Show the draft's state (the window does)."""

    def open_path(self, path: Path) -> bool:
        """Edit the draft in ``path`` (the window does, through its loaded parts)."""
        raise NotImplementedError

    def show_draft(self) -> None:
        """Every page shows the session's draft (the window does)."""

    def save_to_overwriting(self) -> bool:
        """Save over a newer file on disk: the user confirmed it twice."""
        return self._save_to(None, overwrite=True)

    def reload_from_disk(self) -> bool:
        """Read the draft's file again, as someone else saved it (unsaved changes go)."""
        try:
            self.hub.session.reload()
        except DraftFileError as error:
            self.report(error)
            return False
        self.show_draft()
        return True

    def _folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    def report(self, error: DraftFileError) -> None:
        """Say why a draft file could not be read or written."""
        QtWidgets.QMessageBox.warning(
            self,
            _("ApplyWizard"),
            bilingual(f"{error.path}：{error.zh}", f"{error.path}: {error.en}"),
        )

    def save(self) -> bool:
        """Save to the draft's file, asking for one the first time."""
        if not self.hub.ready:
            return False
        if self.hub.session.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        """Save to a file the user chooses."""
        suggested = str(
            Path(self._folder())
            / f"{self.hub.session.draft.project.title_zh or 'application'}.json"
        )
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, _("Save application as"), suggested, DRAFT_FILTER
        )
        return bool(chosen) and self._save_to(Path(chosen))

    def _save_to(self, path: Path | None, *, overwrite: bool = False) -> bool:
        """Save (to ``path``, or the current file), report a failure, remember the file.

        Someone else's newer version is never saved over without asking
        (``shared_files.settle_conflict``); a draft open read-only is saved as
        a new file.
        """
        try:
            saved = self.hub.session.save(path, overwrite=overwrite)
        except ReadOnlyDraftError:
            return self.save_as()
        except ChangedOnDiskError as error:
            return shared_files.settle_conflict(self, self, error)
        except DraftFileError as error:
            self.report(error)
            return False
        self.remember_recent(saved)
        self.refresh()
        self.watch.show_mode()  # a read-only draft saved under a new name is editable
        outcome = self.hub.session.last_save
        problem = outcome.history.problem if outcome is not None else None
        self.watch.note = (  # saved all the same; said until the next save
            _("Saved, but no version was kept: {why}").format(why=bilingual(*problem))
            if problem is not None
            else ""
        )
        self.watch.look()
        return True

    def open_dialog(self) -> None:
        """Choose a draft and open it (after asking about unsaved changes)."""
        if not self.settle_unsaved():
            return
        chosen, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, _("Open application"), self._folder(), DRAFT_FILTER
        )
        if chosen:
            self.open_path(Path(chosen))

    def remember_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent drafts."""
        recent = [entry for entry in self.recent() if entry != str(path)]
        self.settings.setValue("recent", [str(path), *recent][:RECENT_LIMIT])
        self.settings.setValue("last_folder", str(path.parent))

    def recent(self) -> list[str]:
        """Recently used drafts, newest first."""
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(entry) for entry in value]
        return []

    def write_recovery(self) -> None:
        """Copy unsaved work to the recovery folder (never over the user's file).

        The same tick keeps the draft's lock fresh and looks for changes on disk.
        """
        if not self.hub.ready:
            return
        try:
            self.hub.session.write_recovery()
        except DraftFileError as error:
            self.report(error)
        self.watch.tick()

    def settle_unsaved(self) -> bool:
        """With unsaved changes, ask: save, discard, or cancel. True to go on."""
        if not self.hub.ready or not self.hub.session.dirty:
            return True
        answer = QtWidgets.QMessageBox.question(
            self,
            _("ApplyWizard"),
            _("The application has unsaved changes. Save them?"),
            QtWidgets.QMessageBox.StandardButton.Save
            | QtWidgets.QMessageBox.StandardButton.Discard
            | QtWidgets.QMessageBox.StandardButton.Cancel,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QtWidgets.QMessageBox.StandardButton.Discard
