"""The Attachments page's pre-flight: files are looked into off the UI thread.

When a file is attached (or replaced), its pre-flight (a child process, up to
about 2 s for a hostile file) runs in Qt's thread pool while the page says
“checking…”; its facts then go into the draft as an edit, so its findings
appear beside the attachment like any other. The logic is in
``workflow.preflight``; this module only schedules it and shows the state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QSpinBox, QVBoxLayout, QWidget

from applywizard.adapters.app_settings import (
    DEFAULT_ATTACHMENT_LIMIT_MB,
    MAX_ATTACHMENT_LIMIT_MB,
    SettingsError,
    attachment_limit_mb,
    set_attachment_limit,
)
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _, bilingual
from applywizard.workflow.preflight import (
    ATTACHED_SOURCES,
    Checked,
    apply_size_limit,
    check_one,
    store_facts,
    summary,
)


class _Signals(QObject):
    """A job's way back to the UI thread; owned by the job, so it outlives a closed page."""

    done = Signal(str, object)  # the SHA-256 asked for, and the Checked answer


class _Job(QRunnable):
    """One file's pre-flight, in a worker thread."""

    def __init__(self, sha256: str, path: Path, signals: _Signals) -> None:
        super().__init__()
        self.sha256, self.path, self.signals = sha256, path, signals

    def run(self) -> None:
        self.signals.done.emit(self.sha256, check_one(0, self.path))


class AttachmentPreflight(QObject):
    """Starts the pre-flight of each newly attached file and shows how it went."""

    def __init__(self, hub: DraftHub, parent: QWidget, listed: QListWidget) -> None:
        super().__init__(parent)
        self.hub = hub
        self.listed = listed
        self.status = QLabel()
        self.status.setObjectName("attachments#preflight")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.widget = QWidget()
        """What the page shows: the pre-flight's state and the size limit."""
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        column.addLayout(self._limit_row())
        self.running: dict[str, str] = {}
        """The files being checked: SHA-256 to file name."""
        self._asked: set[str] = set()
        self._signals: dict[str, _Signals] = {}
        hub.edited.connect(self.check_new)
        listed.currentRowChanged.connect(self._show_selected)

    def _limit_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(_("National system's attachment size limit"))
        self.limit = QSpinBox()
        self.limit.setObjectName("attachments.size_limit_mb")
        self.limit.setAccessibleName(caption.text())
        self.limit.setRange(1, MAX_ATTACHMENT_LIMIT_MB)
        self.limit.setSuffix(" MB")
        self.limit.setValue(attachment_limit_mb())
        self.limit.setToolTip(
            _(
                "No source states the national system's limit; {default} MB unless you set "
                "what your system says. Kept for every draft on this computer."
            ).format(default=DEFAULT_ATTACHMENT_LIMIT_MB)
        )
        self.limit.editingFinished.connect(self._limit_changed)
        caption.setBuddy(self.limit)
        row.addWidget(caption)
        row.addWidget(self.limit)
        row.addStretch()
        return row

    def _limit_changed(self) -> None:
        megabytes = self.limit.value()
        try:
            set_attachment_limit(megabytes)
        except SettingsError as error:
            self.status.setText(str(error))
            self.status.setVisible(True)
            return
        if apply_size_limit(self.hub.session, megabytes * 1024 * 1024):
            self.hub.edited.emit()

    def check_new(self) -> None:
        """Start the pre-flight of every file attached in this session and not yet checked."""
        for attachment in self.hub.session.draft.attachments:
            sha256 = attachment.sha256
            if sha256 is None or sha256 in self._asked:
                continue
            facts = attachment.preflight
            path = ATTACHED_SOURCES.path_of(sha256)
            if path is None or (facts is not None and facts.sha256 == sha256):
                continue
            self._asked.add(sha256)
            self.running[sha256] = attachment.file_name
            signals = self._signals[sha256] = _Signals()
            signals.done.connect(self._done)
            QThreadPool.globalInstance().start(_Job(sha256, path, signals))
        self._show_running()

    def _show_running(self) -> None:
        if self.running:
            names = "、".join(f"“{name}”" for name in self.running.values())
            self.status.setText(_("Checking {names}…").format(names=names))
            self.status.setVisible(True)

    def _show_selected(self, row: int) -> None:
        """What the pre-flight found in the selected attachment (pages, text layer, fonts)."""
        attachments = self.hub.session.draft.attachments
        if self.running or not 0 <= row < len(attachments):
            return
        attachment = attachments[row]
        facts = attachment.preflight
        if facts is None:
            self.status.setVisible(False)
            return
        found = bilingual(*summary(facts))
        self.status.setText(
            _("Checked “{name}”: {found}").format(name=attachment.file_name, found=found)
        )
        self.status.setVisible(True)

    def _done(self, sha256: str, checked: Checked) -> None:
        name = self.running.pop(sha256, "")
        self._signals.pop(sha256, None)
        if checked.facts is None:
            self.status.setText(
                _("Could not check “{name}”: {problem}").format(name=name, problem=checked.problem)
            )
        else:
            found = bilingual(*summary(checked.facts))
            self.status.setText(_("Checked “{name}”: {found}").format(name=name, found=found))
            if store_facts(self.hub.session, checked.facts):
                self.hub.edited.emit()
        self.status.setVisible(True)
        self._show_running()
