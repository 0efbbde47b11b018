"""Review: every finding by page, errors first, each citing its clause; and the coverage map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from applywizard.domain.rules.coverage import coverage
from applywizard.ui.binding import field_label
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _, bilingual
from applywizard.workflow.flow import PageId, grouped, spec

KIND_WORDS = {
    "checked": ("由数据校验", "checked from the draft"),
    "attachment": ("须附文件", "needs a document"),
    "declaration": ("由申报人承诺", "rests on the applicant's word"),
    "advice": ("仅为建议", "advice only"),
}
RED, AMBER, GREEN = QColor("#b00020"), QColor("#8a5300"), QColor("#1b5e20")


class ReviewPage(WizardPage):
    """All findings in one place."""

    page_id = PageId.REVIEW

    def build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("review.summary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        compare = QPushButton(_("Check against &another guide…"))
        compare.setObjectName("review.compare")
        compare.setAccessibleName(_("Check against another guide"))
        compare.setToolTip("Ctrl+Shift+G")
        compare.clicked.connect(self._check_against_another)
        top.addWidget(compare, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        tabs = QTabWidget()
        self.tree = QTreeWidget()
        self.tree.setObjectName("review.findings")
        self.tree.setAccessibleName(_("Findings"))
        self.tree.setHeaderLabels([_("Finding"), _("Guide clause"), _("Field")])
        self.tree.setColumnWidth(0, 560)
        self.tree.setColumnWidth(1, 190)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.coverage = QTreeWidget()
        self.coverage.setObjectName("review.coverage")
        self.coverage.setAccessibleName(_("Coverage of the guide's clauses"))
        self.coverage.setHeaderLabels(
            [_("Clause"), _("How it is handled"), _("Status"), _("Rules")]
        )
        self.coverage.setColumnWidth(0, 420)
        self.tree.currentItemChanged.connect(self._show_detail)
        tabs.addTab(self.tree, _("Findings"))
        tabs.addTab(self.coverage, _("Clauses of the direction"))
        layout.addWidget(tabs)
        self.detail = QLabel()
        self.detail.setObjectName("review.detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Rebuild the lists each time the page is shown (initializePage runs only once)."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Findings and coverage, from the draft as it is now (only while shown)."""
        if not self.isVisible():
            return  # rebuilt by showEvent when shown; not on every keystroke elsewhere
        findings = self.hub.session.findings
        errors = sum(1 for finding in findings if finding.is_error)
        self.summary.setText(
            _(
                "Errors: {errors}, warnings: {warnings}. Errors block generating documents; "
                "warnings do not."
            ).format(errors=errors, warnings=len(findings) - errors)
            if findings
            else _("No findings: the application meets every rule ApplyWizard checks.")
        )
        self.tree.clear()
        for page_id, items in grouped(findings):
            page = spec(page_id)
            top = QTreeWidgetItem([f"{bilingual(page.zh, page.en)} ({len(items)})"])
            self.tree.addTopLevelItem(top)
            for finding in items:
                symbol = "✖" if finding.is_error else "⚠"
                child = QTreeWidgetItem(
                    [
                        f"{symbol} {bilingual(finding.message, finding.message_en)}",
                        bilingual(finding.citation, finding.citation_en),
                        self._label(finding.field),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, finding.field)
                child.setForeground(0, QBrush(RED if finding.is_error else AMBER))
                child.setToolTip(0, bilingual(finding.message, finding.message_en))
                child.setToolTip(2, f"{finding.rule} · {finding.field}")
                top.addChild(child)
            top.setExpanded(True)
        self._fill_coverage()

    def _label(self, path: str) -> str:
        """A field's label; a declaration reads as the declaration itself."""
        if path.startswith("declarations."):
            found = self.hub.session.book.guide.declaration(path.removeprefix("declarations."))
            if found is not None:
                return bilingual(f"申报承诺：{found.zh}", f"Declaration: {found.en}")
        return field_label(path)

    def _fill_coverage(self) -> None:
        self.coverage.clear()
        session = self.hub.session
        code = session.draft.direction
        if session.book.guide.direction(code) is None:
            return
        cited = {(f.clause, f.is_error) for f in session.findings if f.direction == code}
        for entry in coverage(session.book, code):
            number = f"（{entry.clause}）" if entry.clause else _("(paragraph)")
            if entry.kind.value == "advice":
                status, color = "—", None
            elif (entry.clause, True) in cited:
                status, color = "✖", RED
            elif (entry.clause, False) in cited:
                status, color = "⚠", AMBER
            else:
                status, color = "✔", GREEN
            item = QTreeWidgetItem(
                [
                    f"{number} {entry.text}",
                    bilingual(*KIND_WORDS[entry.kind.value]),
                    status,
                    ", ".join(entry.rules) or "—",
                ]
            )
            item.setToolTip(0, entry.text)
            if color is not None:
                item.setForeground(2, QBrush(color))
            self.coverage.addTopLevelItem(item)

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        """The chosen finding in full, under the list (long messages do not fit a row)."""
        if item is None or not item.data(0, Qt.ItemDataRole.UserRole):
            self.detail.setText("")
            return
        self.detail.setText(f"{item.toolTip(0)}\n{item.text(1)} · {item.text(2)}")

    def _check_against_another(self) -> None:
        from applywizard.ui.wizard import ApplicationWizard  # noqa: PLC0415 - a cycle otherwise

        wizard = self.wizard()
        if isinstance(wizard, ApplicationWizard):
            wizard.check_against_another()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, Qt.ItemDataRole.UserRole)
        if not path:
            return
        from applywizard.ui.wizard import ApplicationWizard  # noqa: PLC0415 - a cycle otherwise

        wizard = self.wizard()
        if isinstance(wizard, ApplicationWizard):
            wizard.jump_to_field(str(path))
