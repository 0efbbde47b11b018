"""Review: every finding by page, errors first, each citing its clause; and the coverage map.

The groups, rows, counts and the clauses' status are ``presenters.review``'s;
this module fills the two trees and goes to a finding's field. At the
pre-application stage it offers "Move to the formal application…"; after
that, its third tab sets the pre-application beside the formal application
(``ui/pages/review_compare.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from applywizard.presenters.review import ReviewPresenter
from applywizard.ui import dialogs
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.pages.review_compare import ComparePanel
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

RED, AMBER, GREEN = QColor("#b00020"), QColor("#8a5300"), QColor("#1b5e20")
COLOURS = {"error": RED, "warning": AMBER, "": GREEN}
DETAIL = Qt.ItemDataRole.UserRole + 1
"""The role of a finding's item that holds the finding in full."""


class ReviewPage(WizardPage):
    """All findings in one place."""

    page_id = PageId.REVIEW

    def build(self) -> None:
        self.presenter = ReviewPresenter(lambda: self.hub.session)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("review.summary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.move_button = QPushButton(_("Move to the &formal application…"))
        self.move_button.setObjectName("review.move_to_formal")
        self.move_button.setAccessibleName(_("Move to the formal application"))
        self.move_button.clicked.connect(self._move_to_formal)
        top.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignTop)
        compare = QPushButton(_("Check against &another guide…"))
        compare.setObjectName("review.compare")
        compare.setAccessibleName(_("Check against another guide"))
        compare.setToolTip("Ctrl+Shift+G")
        compare.clicked.connect(self._check_against_another)
        top.addWidget(compare, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.stage = QLabel()
        self.stage.setObjectName("review.stage")
        layout.addWidget(self.stage)
        self.tabs = tabs = QTabWidget()
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
        self.compare = ComparePanel()
        self.compare_tab = tabs.addTab(self.compare, _("Pre-application vs formal"))
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
        self.summary.setText(self.presenter.summary())
        self.stage.setText(self.presenter.stage_line())
        self.move_button.setVisible(self.presenter.can_move())
        rows, texts = self.presenter.comparison(), self.presenter.text_diffs()
        self.tabs.setTabVisible(self.compare_tab, bool(rows or texts))
        self.compare.show_comparison(rows, texts)
        self.tree.clear()
        for group in self.presenter.groups():
            top = QTreeWidgetItem([group.title])
            self.tree.addTopLevelItem(top)
            for row in group.rows:
                child = QTreeWidgetItem([row.text, row.citation, row.field])
                child.setData(0, Qt.ItemDataRole.UserRole, row.path)
                child.setData(0, DETAIL, row.detail)
                child.setForeground(0, QBrush(RED if row.severity == "error" else AMBER))
                child.setToolTip(0, row.message)
                child.setToolTip(2, row.source)
                top.addChild(child)
            top.setExpanded(True)
        self._fill_coverage()

    def _fill_coverage(self) -> None:
        self.coverage.clear()
        for row in self.presenter.clauses():
            item = QTreeWidgetItem([row.text, row.handled, row.status, row.rules])
            item.setToolTip(0, row.tooltip)
            if row.severity is not None:
                item.setForeground(2, QBrush(COLOURS[row.severity]))
            self.coverage.addTopLevelItem(item)

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        """The chosen finding in full, under the list (long messages do not fit a row)."""
        if item is None or not item.data(0, Qt.ItemDataRole.UserRole):
            self.detail.setText("")
            return
        self.detail.setText(str(item.data(0, DETAIL)))

    def _move_to_formal(self) -> None:
        """Ask, then freeze the pre-application's promises and show the formal stage."""
        confirm = QMessageBox(self)
        confirm.setObjectName("review.move.confirm")
        confirm.setIcon(QMessageBox.Icon.Question)
        confirm.setWindowTitle(_("Move to the formal application"))
        confirm.setText(self.presenter.move_question())
        move = confirm.addButton(
            _("Move to the formal application"), QMessageBox.ButtonRole.AcceptRole
        )
        move.setObjectName("review.move.confirm.move")
        cancel = confirm.addButton(QMessageBox.StandardButton.Cancel)
        confirm.setDefaultButton(cancel)
        dialogs.run_dialog(confirm)
        if confirm.clickedButton() is not move:
            return
        refused = self.presenter.move()
        if refused is not None:
            problem = QMessageBox(self)
            problem.setObjectName("review.move.refused")
            problem.setIcon(QMessageBox.Icon.Warning)
            problem.setWindowTitle(_("Move to the formal application"))
            problem.setText(refused)
            dialogs.run_dialog(problem)
            return
        self.hub.edited.emit()
        self.refresh()
        self.tabs.setCurrentIndex(self.compare_tab)

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
