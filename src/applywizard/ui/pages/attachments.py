"""Attachments: what the direction requires, the files attached, their facts, declarations.

The checklist is read from the chosen direction's rules: every kind of
document a rule names and every declaration a rule asks for, each with the
clause it comes from. Files are attached with a button or by dropping them on
the page; ``workflow.attachments`` checks their type and size and records
their SHA-256, and only their bare names go into the draft. The facts the
rules read (signing date, validity, signatures, IP clauses) are edited beside
the selected attachment, bound by path, so findings show next to them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QSignalBlocker, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QMouseEvent
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.draft.model import Attachment
from applywizard.domain.draft.paths import LABELS, label, pattern_of
from applywizard.domain.guide.model import AttachmentKind, Severity
from applywizard.domain.rules.finding import Finding
from applywizard.ui.attachment_preflight import AttachmentPreflight
from applywizard.ui.binding import FieldBinder, field_label
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _, bilingual, joined
from applywizard.workflow.attachments import (
    AttachmentFileError,
    RequiredDeclaration,
    RequiredDocument,
    facts_needed,
    new_attachment,
    required_declarations,
    required_documents,
    with_new_file,
)
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import EditRefusedError

FACTS: tuple[str, ...] = (
    "signed_on",
    "valid_until",
    "signed_by_all_parties",
    "contains_ip_clauses",
    "note",
)
"""The facts of an attachment the applicant gives, in the order shown."""

EXTRA_LABELS = {
    "note": ("备注", "note"),
}
"""Words for attachment fields the label table does not have."""

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
FALLBACK_KIND = "other"


def fact_words(fact: str) -> tuple[str, str]:
    """The short Chinese and English name of an attachment field (签署日期 / signing date)."""
    return LABELS.get(f"attachments.*.{fact}", EXTRA_LABELS.get(fact, (fact, fact)))


def attachment_label(path: str) -> str:
    """An attachment path's label; fields the label table lacks are named from their parts."""
    if pattern_of(path) in LABELS:
        return field_label(path)
    parts = path.split(".")
    if len(parts) == 3 and parts[0] == "attachments" and parts[1].isdigit():
        item_zh, item_en = label(".".join(parts[:2]))
        zh, en = fact_words(parts[2])
        return bilingual(f"{item_zh}：{zh}", f"{item_en}: {en}")
    return field_label(path)


def file_size(size: int | None) -> str:
    """A file size for people: 512 B, 86.3 KB, 1.8 MB."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (web links and the like are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class _DeclarationWords(QLabel):
    """A declaration's wrapped words; clicking them opens its answer (未回答 / 是 / 否)."""

    def __init__(self, text: str, answer: QComboBox) -> None:
        super().__init__(text)
        self.answer = answer
        self.setWordWrap(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.answer.isEnabled():
            self.answer.setFocus(Qt.FocusReason.MouseFocusReason)
            self.answer.showPopup()
        super().mouseReleaseEvent(event)


class AttachmentsPage(WizardPage):
    """Required documents and declarations, attached files and their facts."""

    page_id = PageId.ATTACHMENTS

    def build(self) -> None:
        self._code: str | None = None
        self._documents: list[RequiredDocument] = []
        self._declarations: list[RequiredDeclaration] = []
        self._declaration_rows: dict[str, QWidget] = {}
        self._declaration_words: dict[str, QLabel] = {}
        self._fact_captions: dict[str, QLabel] = {}
        self.detail_binder = FieldBinder(self.hub)
        self._detail_index: int | None = None
        self._detail_widget: QWidget | None = None
        self.setAcceptDrops(True)

        self.body = self.scrolling_body()
        self.body.addWidget(self._requirements_box())
        self.body.addWidget(self._attachments_box())
        self.body.addStretch()
        self._show_detail(None)

    # -- building ---------------------------------------------------------------------
    def _bold(self, text: str) -> QLabel:
        caption = QLabel(text)
        font = QFont(caption.font())
        font.setBold(True)
        caption.setFont(font)
        return caption

    def _requirements_box(self) -> QGroupBox:
        self.requirements = QGroupBox(_("What the direction requires"))
        self.requirements.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self.requirements)
        self.requirements_note = QLabel()
        self.requirements_note.setObjectName("attachments.requirements#note")
        self.requirements_note.setWordWrap(True)
        layout.addWidget(self.requirements_note)

        self.documents_caption = self._bold(_("Documents to attach"))
        layout.addWidget(self.documents_caption)
        self.checklist = QListWidget()
        self.checklist.setObjectName("attachments.checklist")
        self.checklist.setAccessibleName(_("Documents the direction requires"))
        self.checklist.setMaximumHeight(150)
        self.checklist.setWordWrap(True)
        self.checklist.currentItemChanged.connect(self._requirement_chosen)
        self.documents_caption.setBuddy(self.checklist)
        layout.addWidget(self.checklist)
        self.checklist_finding = QLabel()
        self.checklist_finding.setObjectName("attachments#finding")
        self.checklist_finding.setWordWrap(True)
        self.checklist_finding.setVisible(False)
        layout.addWidget(self.checklist_finding)

        self.declarations_caption = self._bold(_("Declarations to confirm"))
        layout.addWidget(self.declarations_caption)
        self.declaration_layout = QVBoxLayout()
        layout.addLayout(self.declaration_layout)
        for declaration in self.hub.session.book.guide.declarations:
            path = f"declarations.{declaration.id}"
            text = bilingual(declaration.zh, declaration.en)
            # three answers: not answered (no key in the draft), yes, no
            check, finding = self.binder.choice(path, [(True, _("Yes")), (False, _("No"))])
            check.setItemText(0, _("Not answered"))
            check.setAccessibleName(text)
            check.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            words = _DeclarationWords(text, check)
            words.setObjectName(f"{path}#text")
            words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row = QWidget()
            row.setObjectName(f"{path}#row")
            grid = QVBoxLayout(row)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(words, 1)
            grid.addLayout(line)
            grid.addWidget(finding)
            self.declaration_layout.addWidget(row)
            self._declaration_rows[declaration.id] = row
            self._declaration_words[declaration.id] = words
        return self.requirements

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
        for kind in self.hub.session.book.guide.attachment_kinds:
            self.kind_box.addItem(bilingual(kind.zh, kind.en), kind.id)
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
        self.message = QLabel()
        self.message.setObjectName("attachments#refused")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
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

    # -- the checklist ----------------------------------------------------------------
    def _rebuild_requirements(self, code: str) -> None:
        """Read the direction's required documents and declarations from its rules."""
        book = self.hub.session.book
        self._code = code
        self._documents = required_documents(book, code)
        self._declarations = required_declarations(book, code)
        wanted = {item.declaration.id: item for item in self._declarations}
        guide = book.guide
        shown_first = [item.declaration.id for item in self._declarations]
        for declaration_id in [
            *shown_first,
            *(key for key in self._declaration_rows if key not in wanted),
        ]:
            row = self._declaration_rows[declaration_id]
            self.declaration_layout.removeWidget(row)
            self.declaration_layout.addWidget(row)
        for declaration_id, row in self._declaration_rows.items():
            required = wanted.get(declaration_id)
            row.setVisible(required is not None)
            declaration = guide.declaration(declaration_id)
            text = bilingual(declaration.zh, declaration.en) if declaration else declaration_id
            cited = f" — {required.citation}" if required is not None else ""
            self._declaration_words[declaration_id].setText(text + cited)
            check = self.binder.widget(f"declarations.{declaration_id}")
            if check is not None:
                check.setAccessibleDescription(required.citation if required else "")
        with QSignalBlocker(self.checklist):
            self.checklist.clear()
            for document in self._documents:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, document.kind.id)
                self.checklist.addItem(item)
        self.checklist.setVisible(bool(self._documents))
        self.documents_caption.setVisible(bool(self._documents))
        self.declarations_caption.setVisible(bool(self._declarations))
        direction = book.guide.direction(code)
        if direction is None:
            note = _("Choose a direction first: its rules say which documents to attach.")
        elif not self._documents and not self._declarations:
            note = _("Direction {code} asks for no particular document or declaration.").format(
                code=code
            )
        else:
            note = _("Direction {code} asks for the following (clause cited).").format(code=code)
        self.requirements_note.setText(note)
        missing = [
            i
            for i, doc in enumerate(self._documents)
            if not doc.optional and not self._attached(doc.kind.id)
        ]
        demanded = [i for i, doc in enumerate(self._documents) if not doc.optional]
        first = (missing or demanded or [-1])[0]
        if first >= 0:
            self.checklist.setCurrentRow(first)
        else:
            self._set_kind(FALLBACK_KIND)

    def _attached(self, kind_id: str) -> list[Attachment]:
        return [item for item in self.hub.session.draft.attachments if item.kind == kind_id]

    def _show_checklist(self, findings: Sequence[Finding]) -> None:
        missing_findings = [finding for finding in findings if finding.field == "attachments"]
        for row, document in enumerate(self._documents):
            item = self.checklist.item(row)
            attached = self._attached(document.kind.id)
            name = bilingual(document.kind.zh, document.kind.en)
            found = next((f for f in missing_findings if f.rule in document.rules), None)
            if attached:
                files = joined(a.file_name or _("(no file)") for a in attached)
                mark, status = "✔", _("attached: {files}").format(files=files)
            elif document.alternative_to is not None:
                other = document.alternative_to
                mark, status = (
                    "○",
                    _("optional: needed when the {kind} has no IP clauses").format(
                        kind=bilingual(other.zh, other.en)
                    ),
                )
            elif document.optional:
                mark, status = "○", _("optional")
            else:
                mark = "⚠" if document.severity is Severity.WARNING else "✖"
                status = _("not attached yet")
            item.setText(f"{mark} {name} — {document.citation} — {status}")
            tip = [item.text()]
            if found is not None:
                tip.append(self._finding_text(found))
            item.setToolTip("\n".join(tip))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
            color = Qt.GlobalColor.black
            if found is not None:
                color = Qt.GlobalColor.darkRed if found.is_error else Qt.GlobalColor.darkYellow
            item.setForeground(color)
        lines = [self._finding_text(finding) for finding in missing_findings]
        self.checklist_finding.setText("\n".join(lines))
        self.checklist_finding.setVisible(bool(lines))
        errors = any(finding.is_error for finding in missing_findings)
        self.checklist_finding.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)

    def _requirement_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._set_kind(str(item.data(Qt.ItemDataRole.UserRole)))

    def _set_kind(self, kind_id: str) -> None:
        index = self.kind_box.findData(kind_id)
        if index >= 0:
            self.kind_box.setCurrentIndex(index)

    def chosen_kind(self) -> AttachmentKind:
        """The kind the next attachment gets (as chosen above the buttons)."""
        guide = self.hub.session.book.guide
        kind = guide.attachment_kind(str(self.kind_box.currentData()))
        return kind or guide.attachment_kinds[-1]

    @staticmethod
    def _finding_text(finding: Finding) -> str:
        message = bilingual(finding.message, finding.message_en)
        citation = bilingual(finding.citation, finding.citation_en)
        return f"{'✖' if finding.is_error else '⚠'} {message}（{citation}）"

    # -- the list of attachments ------------------------------------------------------
    def _kind_name(self, kind_id: str) -> str:
        kind = self.hub.session.book.guide.attachment_kind(kind_id)
        return bilingual(kind.zh, kind.en) if kind else (kind_id or _("(no kind)"))

    def _sync_list(self, findings: Sequence[Finding], *, select: int | None = None) -> None:
        """List the draft's attachments; rebuild the items when their number changed."""
        items = self.hub.session.draft.attachments
        rebuilt = self.list.count() != len(items) or select is not None
        if rebuilt:
            current = self.list.currentRow() if select is None else select
            with QSignalBlocker(self.list):
                self.list.clear()
                for _item in items:
                    self.list.addItem(QListWidgetItem())
                self.list.setCurrentRow(min(max(current, 0), len(items) - 1))
        for index, attachment in enumerate(items):
            prefix = f"attachments.{index}."
            own = [f for f in findings if f.field.startswith(prefix)]
            mark = ("✖" if any(f.is_error for f in own) else "⚠") if own else "✔"
            size = f"（{file_size(attachment.size_bytes)}）" if attachment.size_bytes else ""
            text = (
                f"{mark} {index + 1}. {self._kind_name(attachment.kind)} — "
                f"{attachment.file_name or _('(no file)')}{size}"
            )
            item = self.list.item(index)
            item.setText(text)
            item.setToolTip("\n".join([text, *(self._finding_text(f) for f in own)]))
        row = self.list.currentRow()
        wanted = row if 0 <= row < len(items) else None
        if rebuilt or wanted != self._detail_index:
            self._show_detail(wanted)
        has_row = wanted is not None
        self.replace_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)

    def _row_chosen(self, row: int) -> None:
        count = len(self.hub.session.draft.attachments)
        self._show_detail(row if 0 <= row < count else None)
        self.detail_binder.show_findings(self.hub.session.findings)
        self.replace_button.setEnabled(0 <= row < count)
        self.remove_button.setEnabled(0 <= row < count)

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
            layout = QVBoxLayout(widget)
            layout.addWidget(QLabel(_("Select an attachment to give its facts.")))
        else:
            self._detail_form(widget, index)
        self._detail_widget = widget
        self.detail_holder.addWidget(widget)
        widget.show()
        self._show_needs()

    def _detail_form(self, widget: QWidget, index: int) -> None:
        form = QFormLayout(widget)
        base = f"attachments.{index}"
        guide = self.hub.session.book.guide
        kinds = [(kind.id, bilingual(kind.zh, kind.en)) for kind in guide.attachment_kinds]
        kind_box, kind_finding = self.detail_binder.choice(f"{base}.kind", kinds)
        self._detail_row(form, "kind", kind_box, kind_finding)
        name, name_finding = self.detail_binder.line(f"{base}.file_name")
        name.setReadOnly(True)
        self._detail_row(form, "file_name", name, name_finding)
        attachment = self.hub.session.draft.attachments[index]
        facts = QLabel(
            "SHA-256: "
            + (attachment.sha256 or "—")
            + (f"\n{file_size(attachment.size_bytes)}" if attachment.size_bytes else "")
        )
        facts.setObjectName(f"{base}#file")
        facts.setWordWrap(True)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", facts)
        self.needs = QLabel()
        self.needs.setObjectName("attachments.needs")
        self.needs.setWordWrap(True)
        form.addRow(self.needs)
        yes_no = [(True, _("Yes")), (False, _("No"))]
        for fact in FACTS:
            path = f"{base}.{fact}"
            if fact in {"signed_on", "valid_until"}:
                edit: QWidget
                edit, finding = self.detail_binder.day(path)
            elif fact == "note":
                edit, finding = self.detail_binder.line(path)
            else:
                edit, finding = self.detail_binder.choice(path, yes_no)
            edit.setAccessibleName(attachment_label(path))
            self._detail_row(form, fact, edit, finding)

    def _detail_row(self, form: QFormLayout, fact: str, edit: QWidget, finding: QLabel) -> None:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(edit)
        inner.addWidget(finding)
        caption = QLabel(bilingual(*fact_words(fact)))
        caption.setBuddy(edit)
        self._fact_captions[fact] = caption
        form.addRow(caption, box)

    def _show_needs(self) -> None:
        """Mark the facts the rules read for the selected attachment's kind, with the clause."""
        index = self._detail_index
        attachments = self.hub.session.draft.attachments
        if index is None or index >= len(attachments) or not self._fact_captions:
            return
        kind_id = attachments[index].kind
        needed = dict(facts_needed(self.hub.session.book, self._code or "", kind_id))
        for fact, caption in self._fact_captions.items():
            words = bilingual(*fact_words(fact))
            caption.setText(f"{words} *" if fact in needed else words)
        if needed:
            listed = "；".join(
                f"{bilingual(*fact_words(fact))}（{citation}）" for fact, citation in needed.items()
            )
            text = _("The rules read for this kind (marked *): {facts}").format(facts=listed)
        else:
            text = _("The rules read no further facts for this kind.")
        self.needs.setText(text)

    # -- attaching, replacing, removing ---------------------------------------------------
    def choose_files(self, kind: AttachmentKind, *, many: bool = True) -> list[Path]:
        """Ask for files of a kind (a modal dialog; tests replace this)."""
        pattern = " ".join(f"*.{extension}" for extension in kind.extensions)
        filters = f"{bilingual(kind.zh, kind.en)} ({pattern});;{_('All files')} (*)"
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
        kind = kind or self.chosen_kind()
        added: list[Attachment] = []
        problems: list[str] = []
        for path in paths:
            try:
                added.append(new_attachment(path, kind))
            except AttachmentFileError as error:
                problems.append(bilingual(error.zh, error.en))
        session = self.hub.session
        if added:
            try:
                session.set_value("attachments", [*session.draft.attachments, *added])
            except EditRefusedError as error:
                problems.append(bilingual(error.zh, error.en))
                added = []
        if added:
            names = joined(item.file_name for item in added)
            done = _("Attached as {kind}: {names}").format(
                kind=bilingual(kind.zh, kind.en), names=names
            )
            self._say([done, *(f"✖ {problem}" for problem in problems)], error=bool(problems))
            self._sync_list(session.findings, select=len(session.draft.attachments) - 1)
        else:
            self._say([f"✖ {problem}" for problem in problems], error=True)
        self.hub.edited.emit()
        return len(added)

    def replace_file(self) -> None:
        """Put another file in place of the selected attachment's, keeping its facts."""
        index = self.list.currentRow()
        attachments = list(self.hub.session.draft.attachments)
        if not 0 <= index < len(attachments):
            return
        guide = self.hub.session.book.guide
        kind = guide.attachment_kind(attachments[index].kind) or self.chosen_kind()
        paths = self.choose_files(kind, many=False)
        if paths:
            self.replace_with(index, paths[0])

    def replace_with(self, index: int, path: Path) -> bool:
        """Replace attachment ``index``'s file by ``path``; False (and why) if refused."""
        session = self.hub.session
        attachments = list(session.draft.attachments)
        guide = session.book.guide
        kind = guide.attachment_kind(attachments[index].kind) or self.chosen_kind()
        try:
            attachments[index] = with_new_file(attachments[index], path, kind)
            session.set_value("attachments", attachments)
        except AttachmentFileError as error:
            self._say([f"✖ {bilingual(error.zh, error.en)}"], error=True)
            self.hub.edited.emit()
            return False
        except EditRefusedError as error:
            self._say([f"✖ {bilingual(error.zh, error.en)}"], error=True)
            self.hub.edited.emit()
            return False
        self._say([_("Replaced the file of attachment {n}.").format(n=index + 1)], error=False)
        self._sync_list(session.findings, select=index)
        self.hub.edited.emit()
        return True

    def remove(self) -> None:
        """Remove the selected attachment (the file on disk is not touched)."""
        index = self.list.currentRow()
        session = self.hub.session
        attachments = list(session.draft.attachments)
        if not 0 <= index < len(attachments):
            return
        removed = attachments.pop(index)
        session.set_value("attachments", attachments)
        self._say([_("Removed {name}.").format(name=removed.file_name or index + 1)], error=False)
        self._sync_list(session.findings, select=min(index, len(attachments) - 1))
        self.hub.edited.emit()

    def _say(self, lines: list[str], *, error: bool) -> None:
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
        self.message.setProperty("severity", "error" if error else "")
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept a drag that carries local files."""
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

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
        self._code = None
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
        code = self.hub.session.draft.direction
        if code != self._code:
            self._rebuild_requirements(code)
        super().refresh()
        findings = self.hub.session.findings
        self._sync_list(findings)
        self._show_checklist(findings)
        self._show_needs()
        self.detail_binder.show_findings(findings)

    # -- going to a field -------------------------------------------------------------
    def focus_field(self, path: str) -> bool:
        """Select the attachment a path is about and focus its field; show a declaration."""
        parts = path.split(".")
        widget: QWidget | None = None
        if parts[0] == "attachments" and len(parts) >= 2 and parts[1].isdigit():
            index = int(parts[1])
            if index >= len(self.hub.session.draft.attachments):
                return False
            self.list.setCurrentRow(index)
            if self._detail_index != index:
                self._show_detail(index)
            widget = self.detail_binder.widget(path) or self.list
        elif path == "attachments":
            widget = self.checklist if self._documents else self.list
        elif parts[0] == "declarations":
            widget = self.binder.widget(path)
        if widget is None:
            return super().focus_field(path)
        return self.show_and_focus(widget)
