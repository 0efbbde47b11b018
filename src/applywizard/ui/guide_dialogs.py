"""The window's dialogs about guide packs: choosing one, what changed, another pack's findings.

- Opening a draft: its pack, by id and content hash. Changed since (same id,
  other hash): the draft opens under the installed pack and a dialog lists the
  clauses that now apply differently. Not installed: the message names the pack
  and offers another installed pack, or cancelling (the file is untouched).
- “对照其他指南检查”: the draft's findings under another pack beside the current
  ones; the draft changes only when the user confirms the switch.

Every dialog is run through ``dialogs.run_dialog`` (the tests drive it there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from applywizard.adapters.draft_packs import Fit, changes_under, place_draft
from applywizard.adapters.guide_packs import InstalledPack, short_hash
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.comparison import Comparison, Presence, compare
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from applywizard.domain.rules.pinning import Change, ClauseChange
from applywizard.ui import dialogs
from applywizard.ui.guide_library import GuideLibrary, pack_summary
from applywizard.ui.text import _, bilingual

if TYPE_CHECKING:
    from applywizard.ui.wizard import ApplicationWizard

RED, AMBER, GREY = QColor("#b00020"), QColor("#8a5300"), QColor("#6b6b6b")
CHANGE_WORDS = {
    Change.ADDED: ("新增", "added"),
    Change.REMOVED: ("删除", "removed"),
    Change.CHANGED: ("修改", "changed"),
}


# -- lists of packs -------------------------------------------------------------------
def fill_pack_list(
    widget: QListWidget, packs: Sequence[InstalledPack], chosen: InstalledPack | None
) -> None:
    """One row per pack; broken ones greyed, with their problem, and not choosable."""
    widget.clear()
    for pack in packs:
        text, tip = pack_summary(pack)
        item = QListWidgetItem(text)
        item.setToolTip(tip)
        item.setData(Qt.ItemDataRole.UserRole, (pack.pack_id, pack.content_hash))
        if pack.book is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setForeground(QBrush(GREY))
        widget.addItem(item)
        if chosen is not None and pack is chosen:
            widget.setCurrentItem(item)
    if widget.currentRow() < 0:
        first = next((row for row, pack in enumerate(packs) if pack.book is not None), -1)
        widget.setCurrentRow(first)


class PackChooser(QDialog):
    """Choose one installed pack (broken ones are shown, not choosable)."""

    def __init__(self, parent: QWidget | None, packs: Sequence[InstalledPack], intro: str) -> None:
        super().__init__(parent)
        self.setObjectName("guides.chooser")
        self.setWindowTitle(_("Choose a guide"))
        self.packs = list(packs)
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        self.list = QListWidget()
        self.list.setObjectName("guides.chooser.list")
        self.list.setAccessibleName(_("Installed guides"))
        fill_pack_list(self.list, self.packs, None)
        self.list.itemActivated.connect(lambda _item: self.accept())
        words.setBuddy(self.list)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 380)

    def chosen(self) -> InstalledPack | None:
        """The pack chosen, if a usable one is."""
        row = self.list.currentRow()
        if row < 0 or self.packs[row].book is None:
            return None
        return self.packs[row]


def choose_pack(
    parent: QWidget | None, packs: Sequence[InstalledPack], intro: str
) -> InstalledPack | None:
    """Ask for one of ``packs``; None if cancelled or none is usable."""
    if not any(pack.book is not None for pack in packs):
        QMessageBox.information(parent, _("Choose a guide"), _("No other guide is installed."))
        return None
    chooser = PackChooser(parent, packs, intro)
    if dialogs.run_dialog(chooser) != QDialog.DialogCode.Accepted:
        return None
    return chooser.chosen()


# -- what changed -----------------------------------------------------------------------
class ClauseChangesDialog(QDialog):
    """The clauses that apply to the draft differently under the pack it is now judged by."""

    def __init__(
        self, parent: QWidget | None, intro: str, direction: str, changes: Sequence[ClauseChange]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guides.changes")
        self.setWindowTitle(_("The guide has changed"))
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setObjectName("guides.changes.intro")
        words.setWordWrap(True)
        layout.addWidget(words)
        self.table = QTableWidget(len(changes), 4)
        self.table.setObjectName("guides.changes.table")
        self.table.setAccessibleName(_("Clauses that changed"))
        self.table.setHorizontalHeaderLabels(
            [_("Change"), _("Clause"), _("Before (as the draft was saved)"), _("Now")]
        )
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, change in enumerate(changes):
            described = bilingual(*change.describe(direction))
            before, after = change.before or "—", change.after or "—"
            if change.change is Change.CHANGED and change.before == change.after:
                before = f"{before}\n{_('rules')}: {', '.join(change.rules_before) or '—'}"
                after = f"{after}\n{_('rules')}: {', '.join(change.rules_after) or '—'}"
            cells = [
                bilingual(*CHANGE_WORDS[change.change]),
                bilingual(*change.place(direction)),
                before,
                after,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(described)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(980, 460)


def show_changes(
    parent: QWidget | None, intro: str, draft: Draft, changes: Sequence[ClauseChange]
) -> None:
    """Say which clauses apply differently now (nothing to say: no dialog)."""
    if changes:
        dialogs.run_dialog(ClauseChangesDialog(parent, intro, draft.direction or "—", changes))


# -- opening a draft ----------------------------------------------------------------------
@dataclass(frozen=True)
class Opening:
    """The pack a draft is opened under, and what to tell the user once it is open."""

    book: RuleBook
    dirty: bool
    intro: str = ""
    changes: tuple[ClauseChange, ...] = ()


def guide_to_open(parent: QWidget, library: GuideLibrary, draft: Draft) -> Opening | None:
    """The pack to judge the draft by; None if the user cancelled (nothing is opened)."""
    own = own_pack_opening(library, draft)
    if own is not None:
        return own
    missing = QMessageBox(parent)
    missing.setObjectName("guides.missing")
    missing.setIcon(QMessageBox.Icon.Warning)
    missing.setWindowTitle(_("Guide not installed"))
    missing.setText(
        _(
            "This draft was made under the guide pack {id} ({hash}), which is not installed "
            "here. Choose another installed guide to open it under, or cancel: the file is "
            "not changed either way until you save."
        ).format(id=draft.guide_id, hash=short_hash(draft.guide_hash))
    )
    choose = missing.addButton(_("Choose another guide…"), QMessageBox.ButtonRole.AcceptRole)
    choose.setObjectName("guides.missing.choose")
    cancel = missing.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("guides.missing.cancel")
    missing.setDefaultButton(choose)
    dialogs.run_dialog(missing)
    if missing.clickedButton() is not choose:
        return None
    pack = choose_pack(
        parent,
        library.catalogue.packs,
        _("Open the draft under which guide? Its clauses are compared with the saved ones."),
    )
    if pack is None or pack.book is None:
        return None
    intro = _(
        "The draft's guide {old} ({old_hash}) is not installed; it is now judged by "
        "{new} ({new_hash}). These clauses of its direction apply differently:"
    ).format(
        old=draft.guide_id,
        old_hash=short_hash(draft.guide_hash),
        new=pack.pack_id,
        new_hash=pack.short_hash,
    )
    return Opening(pack.book, dirty=True, intro=intro, changes=changes_under(draft, pack))


def own_pack_opening(library: GuideLibrary, draft: Draft) -> Opening | None:
    """The pack for a draft whose own pack (or a changed one with its id) is installed."""
    placement = place_draft(draft, library.catalogue)
    if placement.fit is Fit.UNPINNED:
        return Opening(library.default_book(), dirty=False)
    if placement.pack is None or placement.pack.book is None:
        return None
    if placement.fit is Fit.SAME:
        return Opening(placement.pack.book, dirty=False)
    intro = _(
        "The guide pack {id} has changed since this draft was saved ({old_hash}, now "
        "{new_hash}). The draft is judged by the installed pack; these clauses of its "
        "direction apply differently:"
    ).format(
        id=placement.pack.pack_id,
        old_hash=short_hash(draft.guide_hash),
        new_hash=placement.pack.short_hash,
    )
    return Opening(placement.pack.book, dirty=False, intro=intro, changes=placement.changes)


# -- another guide's findings -----------------------------------------------------------------
def _cell(finding: Finding | None) -> QTableWidgetItem:
    if finding is None:
        item = QTableWidgetItem("—")
        item.setForeground(QBrush(GREY))
        return item
    severity = _("Error") if finding.is_error else _("Warning")
    symbol = "✖" if finding.is_error else "⚠"
    message = bilingual(finding.message, finding.message_en)
    citation = bilingual(finding.citation, finding.citation_en)
    item = QTableWidgetItem(f"{symbol} {severity}：{message}\n{_('Source')}: {citation}")
    item.setToolTip(f"{finding.rule} · {finding.field}")
    item.setForeground(QBrush(RED if finding.is_error else AMBER))
    return item


class ComparisonDialog(QDialog):
    """The draft's findings under the current pack beside another pack's."""

    def __init__(
        self,
        parent: QWidget | None,
        comparison: Comparison,
        current: InstalledPack | None,
        other: InstalledPack,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guides.comparison")
        self.setWindowTitle(_("Check against another guide"))
        self.comparison = comparison
        self.switch_requested = False
        layout = QVBoxLayout(self)
        mapping = QLabel(bilingual(*comparison.mapping.describe()))
        mapping.setObjectName("guides.comparison.mapping")
        mapping.setWordWrap(True)
        layout.addWidget(mapping)
        counts = QLabel(
            _("Errors under the current guide: {current}; under the other guide: {other}").format(
                current=comparison.current_errors, other=comparison.other_errors
            )
        )
        counts.setObjectName("guides.comparison.counts")
        layout.addWidget(counts)
        self.table = QTableWidget(len(comparison.rows), 2)
        self.table.setObjectName("guides.comparison.table")
        self.table.setAccessibleName(_("Findings under both guides"))
        current_name = current.pack_id if current else comparison.current_guide
        self.table.setHorizontalHeaderLabels(
            [
                _("Current guide: {id}").format(id=current_name),
                _("Other guide: {id}").format(id=other.pack_id),
            ]
        )
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        presence_words = {
            Presence.BOTH: _("both"),
            Presence.CURRENT_ONLY: _("current only"),
            Presence.OTHER_ONLY: _("other only"),
        }
        rows = comparison.rows
        self.table.setVerticalHeaderLabels([presence_words[item.presence] for item in rows])
        for row, compared in enumerate(comparison.rows):
            self.table.setItem(row, 0, _cell(compared.current))
            self.table.setItem(row, 1, _cell(compared.other))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.switch = QPushButton(_("&Switch to this guide"))
        self.switch.setObjectName("guides.switch")
        buttons.addButton(self.switch, QDialogButtonBox.ButtonRole.ActionRole)
        self.switch.clicked.connect(self._switch)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 560)

    def _switch(self) -> None:
        mapping = self.comparison.mapping
        answer = QMessageBox.question(
            self,
            _("Switch to this guide"),
            _(
                "Judge this draft by the other guide from now on? The direction becomes {code}. "
                "The file changes when you save."
            ).format(code=mapping.other_code or mapping.code or "—"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.switch_requested = True
            self.accept()


def check_against_another(wizard: ApplicationWizard) -> bool:
    """Choose another pack, show its findings beside the current ones; True if switched."""
    if not wizard.hub.ready:
        return False
    session = wizard.hub.session
    library = wizard.packs()
    current = library.pack_of(session.book)
    others = [pack for pack in library.catalogue.packs if pack is not current]
    other = choose_pack(wizard, others, _("Check the draft against which guide?"))
    if other is None or other.book is None:
        return False
    comparison = compare(session.draft, session.book, other.book)
    dialog = ComparisonDialog(wizard, comparison, current, other)
    dialogs.run_dialog(dialog)
    if not dialog.switch_requested:
        return False
    session.use_guide(other.book)
    code = comparison.mapping.other_code
    if code and code != session.draft.direction:
        session.set_value("direction", code)
    wizard.show_draft()
    return True
