"""Attachments: what the direction requires, the files attached, their facts, declarations.

What the page shows and decides (the checklist read from the direction's
rules, the list's lines, the selected attachment's fields and the facts the
rules read, what attaching, replacing and removing did, where a path is) is
``presenters.attachments``; this module lays out the widgets, binds them to
the draft by path, and takes files from a dialog or a drop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QSignalBlocker, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.guide.model import AttachmentKind
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.attachments import AttachmentsPresenter, Outcome
from applywizard.ui.attachment_preflight import AttachmentPreflight
from applywizard.ui.binding import FieldBinder, field_label
from applywizard.ui.pages.attachments_checklist import ERROR_STYLE, RequirementsBox, wrapped
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (web links and the like are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class AttachmentsPage(WizardPage):
    """Required documents and declarations, attached files and their facts."""

    page_id = PageId.ATTACHMENTS

    def build(self) -> None:
        self.presenter = AttachmentsPresenter(lambda: self.hub.session)
        self._fact_captions: dict[str, QLabel] = {}
        self.detail_binder = FieldBinder(self.hub)
        self._detail_index: int | None = None
        self._detail_widget: QWidget | None = None
        self.setAcceptDrops(True)
        self.body = self.scrolling_body()
        self.requirements = RequirementsBox(
            self.presenter.requirements, self.binder, self.presenter.answers()
        )
        self.body.addWidget(self.requirements)
        self.body.addWidget(self._attachments_box())
        self.requirements.kind_chosen.connect(self._set_kind)
        self.body.addStretch()
        self._show_detail(None)

    # -- building ---------------------------------------------------------------------
    def _attachments_box(self) -> QGroupBox:
        box = QGroupBox(_("Attached documents"))
        columns = QHBoxLayout(box)
        left = QVBoxLayout()
        hint = QLabel(
            _(
                "Attach each document with the button, or drop files on this page. The draft "
                "records the file's name, size, SHA-256 and what its check found, not the file: "
                "keep the file itself for submission."
            )
        )
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.list = QListWidget()
        self.list.setObjectName("attachments")
        self.list.setAccessibleName(field_label("attachments"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._row_chosen)
        left.addWidget(self.list, 1)
        kind_row = QHBoxLayout()
        kind_caption = QLabel(_("Kind of document to attach"))
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("attachments.new_kind")
        self.kind_box.setAccessibleName(_("Kind of document to attach"))
        for kind_id, name in self.presenter.kind_choices():
            self.kind_box.addItem(name, kind_id)
        kind_caption.setBuddy(self.kind_box)
        kind_row.addWidget(kind_caption)
        kind_row.addWidget(self.kind_box, 1)
        left.addLayout(kind_row)
        buttons = QHBoxLayout()
        self.attach_button = self._button("attachments.attach", _("&Attach…"), self.attach)
        self.replace_button = self._button(
            "attachments.replace", _("Re&place file…"), self.replace_file
        )
        self.remove_button = self._button("attachments.remove", _("&Remove"), self.remove)
        for button in (self.attach_button, self.replace_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        left.addLayout(buttons)
        self.message = wrapped("attachments#refused", hidden=True)
        left.addWidget(self.message)
        self.preflight = AttachmentPreflight(self.hub, self, self.list)
        left.addWidget(self.preflight.widget)
        columns.addLayout(left, 3)
        self.detail_box = QGroupBox(_("Selected attachment"))
        self.detail_box.setObjectName("attachments.detail")
        self.detail_holder = QVBoxLayout(self.detail_box)
        columns.addWidget(self.detail_box, 2)
        return box

    def _button(self, name: str, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(action)
        return button

    # -- the kind of the next attachment ----------------------------------------------
    def _set_kind(self, kind_id: str) -> None:
        index = self.kind_box.findData(kind_id)
        if index >= 0:
            self.kind_box.setCurrentIndex(index)

    def chosen_kind(self) -> AttachmentKind:
        """The kind the next attachment gets (as chosen above the buttons)."""
        return self.presenter.kind(str(self.kind_box.currentData()))

    # -- the list of attachments ------------------------------------------------------
    def _sync_list(self, findings: Sequence[Finding], *, select: int | None = None) -> None:
        """List the draft's attachments; rebuild the items when their number changed."""
        rows = self.presenter.list_rows(findings)
        rebuilt = self.list.count() != len(rows) or select is not None
        if rebuilt:
            current = self.list.currentRow() if select is None else select
            with QSignalBlocker(self.list):
                self.list.clear()
                for _row in rows:
                    self.list.addItem(QListWidgetItem())
                self.list.setCurrentRow(self.presenter.row_to_select(current))
        for number, row in enumerate(rows):
            self.list.item(number).setText(row.text)
            self.list.item(number).setToolTip(row.tooltip)
        wanted = self.presenter.row_or_none(self.list.currentRow())
        if rebuilt or wanted != self._detail_index:
            self._show_detail(wanted)
        self.replace_button.setEnabled(wanted is not None)
        self.remove_button.setEnabled(wanted is not None)

    def _row_chosen(self, row: int) -> None:
        self._show_detail(self.presenter.row_or_none(row))
        self.detail_binder.show_findings(self.hub.session.findings)
        self.replace_button.setEnabled(self.presenter.has_row(row))
        self.remove_button.setEnabled(self.presenter.has_row(row))

    # -- the selected attachment --------------------------------------------------------
    def _show_detail(self, index: int | None) -> None:
        """(Re)build the fields of the selected attachment, bound to its paths."""
        if self._detail_widget is not None:
            self.detail_holder.removeWidget(self._detail_widget)
            # hidden explicitly first, or a pending show from the layout would make it a window
            self._detail_widget.hide()
            self._detail_widget.setParent(None)
            self._detail_widget.deleteLater()
        self.detail_binder = FieldBinder(self.hub)
        self._fact_captions = {}
        self._detail_index = index
        widget = QWidget()
        if index is None:
            QVBoxLayout(widget).addWidget(QLabel(_("Select an attachment to give its facts.")))
        else:
            self._detail_form(widget, index)
        self._detail_widget = widget
        self.detail_holder.addWidget(widget)
        widget.show()
        self._show_needs()

    def _detail_form(self, widget: QWidget, index: int) -> None:
        form = QFormLayout(widget)
        binder = self.detail_binder
        for field in self.presenter.detail_fields(index):
            edit: QWidget
            if field.kind == "date":
                edit, finding = binder.day(field.path)
            elif field.choices:
                edit, finding = binder.choice(field.path, field.choices)
            else:
                edit, finding = binder.line(field.path)
                edit.setReadOnly(field.kind == "file")  # changed by replacing the file
            edit.setAccessibleName(field.accessible)
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(edit)
            inner.addWidget(finding)
            caption = QLabel(field.caption)
            caption.setBuddy(edit)
            self._fact_captions[field.field] = caption
            form.addRow(caption, box)
            if field.kind == "file":
                facts = wrapped(f"attachments.{index}#file", self.presenter.file_facts(index))
                facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow("", facts)
                self.needs = wrapped("attachments.needs")
                form.addRow(self.needs)

    def _show_needs(self) -> None:
        """Mark the facts the rules read for the selected attachment's kind, with the clause."""
        index = self._detail_index
        needs = self.presenter.needs(index) if index is not None else None
        if needs is None or not self._fact_captions:
            return
        for fact, caption in self._fact_captions.items():
            caption.setText(needs.captions[fact])
        self.needs.setText(needs.line)

    # -- attaching, replacing, removing ---------------------------------------------------
    def choose_files(self, kind: AttachmentKind, *, many: bool = True) -> list[Path]:
        """Ask for files of a kind (a modal dialog; tests replace this)."""
        filters = self.presenter.file_filter(kind)
        if many:
            names, _chosen = QFileDialog.getOpenFileNames(self, _("Attach files"), "", filters)
            return [Path(name) for name in names]
        name, _chosen = QFileDialog.getOpenFileName(self, _("Replace the file"), "", filters)
        return [Path(name)] if name else []

    def attach(self) -> None:
        """Attach files of the chosen kind, picked in a file dialog."""
        kind = self.chosen_kind()
        paths = self.choose_files(kind)
        if paths:
            self.attach_files(paths, kind)

    def attach_files(self, paths: Sequence[Path], kind: AttachmentKind | None = None) -> int:
        """Attach files (from the dialog or a drop); returns how many were attached."""
        outcome = self.presenter.attach(paths, kind or self.chosen_kind())
        self._done(outcome)
        return outcome.count

    def replace_file(self) -> None:
        """Put another file in place of the selected attachment's, keeping its facts."""
        index = self.list.currentRow()
        if not self.presenter.has_row(index):
            return
        kind = self.presenter.replacement_kind(index, str(self.kind_box.currentData()))
        paths = self.choose_files(kind, many=False)
        if paths:
            self.replace_with(index, paths[0])

    def replace_with(self, index: int, path: Path) -> bool:
        """Replace attachment ``index``'s file by ``path``; False (and why) if refused."""
        outcome = self.presenter.replace(index, path, str(self.kind_box.currentData()))
        self._done(outcome)
        return not outcome.error

    def remove(self) -> None:
        """Remove the selected attachment (the file on disk is not touched)."""
        outcome = self.presenter.remove(self.list.currentRow())
        if outcome is not None:
            self._done(outcome)

    def _done(self, outcome: Outcome) -> None:
        """Say what attaching, replacing or removing did; list the attachments anew."""
        self.message.setText("\n".join(outcome.lines))
        self.message.setVisible(bool(outcome.lines))
        self.message.setProperty("severity", "error" if outcome.error else "")
        self.message.setStyleSheet(ERROR_STYLE if outcome.error else "")
        if outcome.select is not None:
            self._sync_list(self.hub.session.findings, select=outcome.select)
        self.hub.edited.emit()

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept a drag that carries local files."""
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        """Keep accepting a drag of local files anywhere on the page."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Attach the dropped files as the chosen kind."""
        paths = local_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_files(paths)

    # -- reloading and refreshing -----------------------------------------------------
    def reload(self) -> None:
        """Another draft: rebuild the checklist, the list and the selected attachment."""
        self.presenter.requirements.forget()
        self.message.setVisible(False)
        with QSignalBlocker(self.list):
            self.list.clear()
        self._show_detail(None)
        super().reload()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Coming here (perhaps after choosing another direction): show its requirements."""
        self.refresh()

    def refresh(self) -> None:
        """Requirements, list and facts from the draft and its findings as they are now."""
        if self.presenter.requirements.stale():
            self.requirements.rebuild()
        super().refresh()
        findings = self.hub.session.findings
        self._sync_list(findings)
        self.requirements.show_findings(findings)
        self._show_needs()
        self.detail_binder.show_findings(findings)

    # -- going to a field -------------------------------------------------------------
    def focus_field(self, path: str) -> bool:
        """Select the attachment a path is about and focus its field; show a declaration."""
        target = self.presenter.focus(path)
        if target.place == "nowhere":
            return False
        places = {"checklist": self.requirements.checklist, "list": self.list}
        widget: QWidget | None = places.get(target.place)
        if target.place == "attachment":
            self.list.setCurrentRow(target.row)
            if self._detail_index != target.row:
                self._show_detail(target.row)
            widget = self.detail_binder.widget(path) or self.list
        elif target.place == "declaration":
            widget = self.binder.widget(path)
        if widget is None:
            return super().focus_field(path)
        return self.show_and_focus(widget)
