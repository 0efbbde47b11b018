"""The Attachments page's box of what the direction requires: documents and declarations.

The rows are ``presenters.attachments_checklist``'s, read from the chosen
direction's rules; this module shows them: the checklist of documents
(choosing one makes it the kind of the next attachment) and a three-way
answer (未回答 / 是 / 否) for each declaration, bound by the page's binder.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.rules.finding import Finding
from applywizard.presenters.attachments_checklist import (
    FALLBACK_KIND,
    DeclarationRow,
    Requirements,
)
from applywizard.presenters.table import Choices
from applywizard.ui.binding import FieldBinder
from applywizard.ui.page_frame import bold
from applywizard.ui.text import _

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
COLOURS = {"error": Qt.GlobalColor.darkRed, "warning": Qt.GlobalColor.darkYellow}


def wrapped(name: str, text: str = "", *, hidden: bool = False) -> QLabel:
    """A label that wraps its lines, named ``name`` (tests and the review page find it)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    if hidden:  # never shown here: a label with no parent yet would open as a window
        label.setVisible(False)
    return label


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


class RequirementsBox(QGroupBox):
    """The documents the direction requires (a checklist) and its declarations."""

    kind_chosen = Signal(str)
    """A kind of document was chosen in the checklist (or the fallback when none is)."""

    def __init__(self, requirements: Requirements, binder: FieldBinder, answers: Choices) -> None:
        super().__init__(_("What the direction requires"))
        self.requirements = requirements
        self.binder = binder
        self._rows: dict[str, QWidget] = {}
        self._words: dict[str, QLabel] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        self.note = wrapped("attachments.requirements#note")
        layout.addWidget(self.note)
        self.documents_caption = bold(_("Documents to attach"))
        layout.addWidget(self.documents_caption)
        self.checklist = QListWidget()
        self.checklist.setObjectName("attachments.checklist")
        self.checklist.setAccessibleName(_("Documents the direction requires"))
        self.checklist.setMaximumHeight(150)
        self.checklist.setWordWrap(True)
        self.checklist.currentItemChanged.connect(self._chosen)
        self.documents_caption.setBuddy(self.checklist)
        layout.addWidget(self.checklist)
        self.finding = wrapped("attachments#finding", hidden=True)
        layout.addWidget(self.finding)
        self.declarations_caption = bold(_("Declarations to confirm"))
        layout.addWidget(self.declarations_caption)
        self.declarations = QVBoxLayout()
        layout.addLayout(self.declarations)
        unanswered, *yes_no = answers
        for declaration in requirements.declaration_rows():
            self._declaration(declaration, unanswered[1], yes_no)

    def _declaration(self, declaration: DeclarationRow, unanswered: str, yes_no: Choices) -> None:
        """A declaration's row: its answer (未回答 / 是 / 否), its words, its finding."""
        check, finding = self.binder.choice(declaration.path, yes_no)
        check.setItemText(0, unanswered)  # not answered: no key in the draft
        check.setAccessibleName(declaration.name)
        check.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        words = _DeclarationWords(declaration.text, check)
        words.setObjectName(f"{declaration.path}#text")
        words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row = QWidget()
        row.setObjectName(f"{declaration.path}#row")
        grid = QVBoxLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(words, 1)
        grid.addLayout(line)
        grid.addWidget(finding)
        self.declarations.addWidget(row)
        self._rows[declaration.id] = row
        self._words[declaration.id] = words

    def rebuild(self) -> None:
        """Read the direction's required documents and declarations from its rules."""
        requirements = self.requirements
        requirements.read()
        for declaration in requirements.declaration_rows():  # those asked for first
            row = self._rows[declaration.id]
            self.declarations.removeWidget(row)
            self.declarations.addWidget(row)
            row.setVisible(declaration.required)
            self._words[declaration.id].setText(declaration.text)
            check = self.binder.widget(declaration.path)
            if check is not None:
                check.setAccessibleDescription(declaration.citation)
        documents = requirements.documents
        with QSignalBlocker(self.checklist):
            self.checklist.clear()
            for document in documents:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, document.kind.id)
                self.checklist.addItem(item)
        self.checklist.setVisible(bool(documents))
        self.documents_caption.setVisible(bool(documents))
        self.declarations_caption.setVisible(bool(requirements.declarations))
        self.note.setText(requirements.note())
        first = requirements.first_row()
        if first >= 0:
            self.checklist.setCurrentRow(first)
        else:
            self.kind_chosen.emit(FALLBACK_KIND)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Mark each document attached, optional or missing, and list what is missing."""
        for number, row in enumerate(self.requirements.checklist(findings)):
            item = self.checklist.item(number)
            item.setText(row.text)
            item.setToolTip(row.tooltip)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, row.text)
            item.setForeground(COLOURS.get(row.severity, Qt.GlobalColor.black))
        note = self.requirements.checklist_findings(findings)
        self.finding.setText("\n".join(note.lines))
        self.finding.setVisible(bool(note.lines))
        self.finding.setStyleSheet(ERROR_STYLE if note.severity == "error" else WARNING_STYLE)

    def _chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.kind_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
