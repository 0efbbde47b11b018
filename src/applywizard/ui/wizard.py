"""The wizard window: pages, the page list with each page's state, files and autosave.

State lives in the draft (the session), not in QWizard fields, so Back never
loses anything and pages can be filled in any order: Next is always enabled,
and errors block only generating. Ctrl+S saves, Ctrl+Shift+S saves as,
Ctrl+O opens; the title shows the file and an unsaved mark; every 30 s and on
every page change unsaved work goes to a recovery file, never over the user's.

The window can be shown with the Start page alone while the guide loads
(``add_pages`` brings the rest); until the hub has its session the side
panel says so and the file commands wait. What the first paint does not
need waits too: the shortcuts come with the guide, and the dialog classes
are reached through ``QtWidgets`` when used (naming a Qt class builds all
its enums, a few milliseconds each).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6 import QtGui
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from applywizard.ui import shared_files
from applywizard.ui.hub import DraftHub
from applywizard.ui.page_frame import PageFrame
from applywizard.ui.text import _, bilingual
from applywizard.ui.wizard_files import DraftFileCommands
from applywizard.workflow.flow import ORDER, PageId, page_of, page_states, spec

if TYPE_CHECKING:
    from applywizard.domain.rules.engine import RuleBook
    from applywizard.ui.guide_library import GuideLibrary

AUTOSAVE_MS = 30_000


class LoadedParts(Protocol):
    """What the window asks of the parts loaded after its first paint (``ui.assembly``)."""

    def draft_pages(self, hub: DraftHub) -> Sequence[PageFrame]:
        """Every page after Start, on the hub's draft."""
        ...

    def open_draft(self, wizard: ApplicationWizard, path: Path) -> bool:
        """Edit the draft in ``path`` under its guide pack (asking when it is not installed)."""
        ...

    def check_against_another(self, wizard: ApplicationWizard) -> bool:
        """Show another pack's findings beside these; True if the user switched packs."""
        ...


class ApplicationWizard(DraftFileCommands):
    """The whole application window."""

    language_chosen = Signal(str)
    """The user chose another interface language ("zh_CN" or "en")."""

    def __init__(self, hub: DraftHub, settings: QSettings, pages: Sequence[PageFrame]) -> None:
        super().__init__()
        self.hub = hub
        self.about: QDialog | None = None
        self.library: GuideLibrary | None = None
        """The installed guide packs (read with the guide, or when first asked for)."""
        self.pages_book: RuleBook | None = None
        """The guide pack the draft's pages were made for (their lists come from it)."""
        self.parts: LoadedParts | None = None
        """The pages after Start and the guide dialogs, once the guide has loaded."""
        self.settings = settings
        self.retired = False
        """Replaced by a window in another language: closing asks nothing, keeps recovery."""
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.IndependentPages, on=True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, on=True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, on=True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("Save"))
        self.customButtonClicked.connect(lambda _which: self.save())
        self.setOption(QWizard.WizardOption.NoCancelButton, on=True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, on=True)
        self.setButtonText(QWizard.WizardButton.HelpButton, _("About"))
        self.helpRequested.connect(self.show_about)
        self.pages: dict[PageId, PageFrame] = {}
        self.listed: list[PageId] = []
        """The pages in the side panel, row by row."""
        self._build_side()
        self.watch = shared_files.ChangeWatch(self, hub, self.file_bar)
        self.add_pages(pages)
        self.resize(1100, 760)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()
        self.currentIdChanged.connect(self._page_changed)
        hub.edited.connect(self.refresh)
        hub.replaced.connect(self.refresh)
        hub.replaced.connect(self.watch.show_mode)
        hub.loaded.connect(lambda: self.page_list.setEnabled(True))
        hub.loaded.connect(self._shortcuts)
        if hub.ready:
            self._shortcuts()
        hub.loaded.connect(self.refresh)
        self.refresh()

    def add_pages(self, pages: Sequence[PageFrame]) -> None:
        """Add pages (in any order) and list them in the side panel in page order."""
        for page in pages:
            self.setPage(ORDER.index(page.page_id), page)
            self.pages[page.page_id] = page
        if self.hub.ready:
            self.pages_book = self.hub.session.book
        self.page_list.clear()
        # While the guide loads, every page is named (greyed), so the window looks as it will.
        shown = ORDER if not self.hub.ready else [p for p in ORDER if p in self.pages]
        self.listed = list(shown)
        self.page_list.setEnabled(self.hub.ready)
        for _page_id in self.listed:
            self.page_list.addItem(QListWidgetItem())
        if self.currentId() == ORDER.index(PageId.START):
            self.restart()  # QWizard decides Next or Finish on entering a page: enter it again
        self.refresh()

    # -- the side panel ---------------------------------------------------------
    def _build_side(self) -> None:
        side = QWidget()
        layout = QVBoxLayout(side)
        self.page_list = QListWidget()
        self.page_list.setObjectName("page-list")
        self.page_list.setAccessibleName(_("Pages"))
        self.page_list.itemActivated.connect(self._page_chosen)
        self.page_list.itemClicked.connect(self._page_chosen)
        self.file_bar = QLabel()
        self.file_bar.setObjectName("file-bar")
        self.file_bar.setWordWrap(True)
        self.file_bar.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.file_bar.setVisible(False)
        self.counts = QLabel()
        self.counts.setObjectName("finding-counts")
        self.counts.setWordWrap(True)
        self.guide_in_use = QLabel()
        self.guide_in_use.setObjectName("guide-in-use")
        self.guide_in_use.setWordWrap(True)
        layout.addWidget(self.page_list)
        layout.addWidget(self.file_bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.guide_in_use)
        side.setMinimumWidth(190)
        self.side = side  # QWizard does not keep the Python wrapper alive
        self.setSideWidget(side)

    def _page_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(self.listed[self.page_list.row(item)])

    def refresh(self) -> None:
        """Page states, the error/warning count and the title, from the current findings."""
        if not self.hub.ready:
            for row, page_id in enumerate(self.listed):
                page = spec(page_id)
                self.page_list.item(row).setText(bilingual(page.zh, page.en))
            self.counts.setText(_("Loading the guide…"))
            self.setWindowTitle("ApplyWizard")
            return
        findings = self.hub.session.findings
        states = page_states(findings)
        for row, page_id in enumerate(self.listed):
            page = spec(page_id)
            state = states[page_id]
            counted = f"  {state.errors + state.warnings}" if state.errors + state.warnings else ""
            self.page_list.item(row).setText(
                f"{state.symbol} {bilingual(page.zh, page.en)}{counted}"
            )
        errors = sum(1 for finding in findings if finding.is_error)
        warnings = len(findings) - errors
        self.counts.setText(
            _("Errors: {errors}  Warnings: {warnings}").format(errors=errors, warnings=warnings)
        )
        from applywizard.ui.guide_library import book_label  # noqa: PLC0415 - after the guide

        self.guide_in_use.setText(book_label(self.hub.session.book))
        name = self.hub.session.path.name if self.hub.session.path else _("Untitled application")
        mode = _(" (read-only)") if self.hub.session.files.read_only else ""
        self.setWindowTitle(f"{name}[*]{mode} — ApplyWizard")
        self.setWindowModified(self.hub.session.dirty)

    # -- moving around -------------------------------------------------------------
    def current_page_id(self) -> PageId:
        """The page shown now."""
        return ORDER[max(self.currentId(), 0)]

    def go_to(self, target: PageId) -> None:
        """Show a page, whichever page is shown now."""
        guard = len(ORDER)
        while self.current_page_id() is not target and guard > 0:
            guard -= 1
            if ORDER.index(target) > ORDER.index(self.current_page_id()):
                self.next()
            else:
                self.back()

    def jump_to_field(self, path: str) -> bool:
        """Show the page that edits ``path`` and put the focus on its widget."""
        page_id = page_of(path)
        self.go_to(page_id)
        page = self.pages.get(page_id)
        return page.focus_field(path) if page else False

    def _page_changed(self, _index: int) -> None:
        self.write_recovery()
        current = self.current_page_id()
        if current in self.listed:
            self.page_list.setCurrentRow(self.listed.index(current))

    # -- files -----------------------------------------------------------------------
    def _shortcuts(self) -> None:
        for keys, action in (
            (QtGui.QKeySequence.StandardKey.Save, self.save),
            (QtGui.QKeySequence.StandardKey.SaveAs, self.save_as),
            (QtGui.QKeySequence.StandardKey.Open, self.open_dialog),
            (QtGui.QKeySequence.StandardKey.HelpContents, self.show_about),  # F1
            (QtGui.QKeySequence("Ctrl+Shift+G"), self.check_against_another),
            (QtGui.QKeySequence("Ctrl+Shift+P"), self.pack_for_handing_on),
            (QtGui.QKeySequence("Ctrl+Shift+H"), self.show_versions),
        ):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), self)
            shortcut.activated.connect(action)

    def show_about(self) -> None:
        """The About dialog: version, guide, Qt and the font for Chinese (F1)."""
        if not self.hub.ready:
            return  # it names the guide: a moment, while the guide loads
        from applywizard.ui import about  # noqa: PLC0415 - not needed for the first paint

        self.about = about.show_about(self, self.hub.session.book.guide)

    def packs(self) -> GuideLibrary:
        """The installed guide packs."""
        if self.library is None:
            from applywizard.ui.guide_library import GuideLibrary  # noqa: PLC0415 - heavy

            self.library = GuideLibrary()
        return self.library

    def check_against_another(self) -> bool:
        """“对照其他指南检查”: another pack's findings beside these (Ctrl+Shift+G)."""
        return self.parts is not None and self.parts.check_against_another(self)

    def show_draft(self) -> None:
        """Every page shows the session's draft, made anew if they were made for another pack."""
        if self.hub.session.book is self.pages_book:
            self.hub.replaced.emit()
        else:
            self.rebuild_draft_pages()

    def rebuild_draft_pages(self) -> None:
        """Make the pages after Start again: the draft is now judged by another guide pack.

        Pages list what their guide holds (directions, declarations, kinds of
        document) when they are made; the page shown before is shown again.
        """
        if self.parts is None:
            return
        shown = self.current_page_id()
        self.restart()
        for page_id, page in list(self.pages.items()):
            if page_id is PageId.START:
                continue
            page.detach()
            self.removePage(ORDER.index(page_id))
            del self.pages[page_id]
            page.deleteLater()
        self.add_pages(self.parts.draft_pages(self.hub))
        self.hub.replaced.emit()
        self.go_to(shown)

    def open_path(self, path: Path) -> bool:
        """Edit the draft in ``path`` under its guide pack; a clear message if it cannot be read.

        False, with nothing changed, if the draft's pack is not installed and
        the user chooses no other (or the guide has not loaded yet).
        """
        if self.parts is None:
            return False
        from applywizard.workflow.handover import is_pack  # noqa: PLC0415 - after first paint

        if is_pack(path):  # a draft handed on with its files: unpacked first, then opened
            from applywizard.ui.handover import open_pack  # noqa: PLC0415 - when first used

            return open_pack(self, path)
        return self.parts.open_draft(self, path)

    def show_versions(self) -> bool:
        """“历史版本”: earlier saves of the draft, compared and restored (Ctrl+Shift+H)."""
        from applywizard.ui.versions import show_versions  # noqa: PLC0415 - when used

        return show_versions(self)

    def pack_for_handing_on(self) -> bool:
        """“打包发送”: the draft and its attached files in one .awpack (Ctrl+Shift+P)."""
        if not self.hub.ready:
            return False
        from applywizard.ui.handover import pack_for_handing_on  # noqa: PLC0415 - when used

        return pack_for_handing_on(self) is not None

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Ask about unsaved changes; a clean exit leaves no recovery file."""
        if self.retired:
            self.autosave.stop()
            event.accept()
            return
        if not self.settle_unsaved():
            event.ignore()
            return
        self.autosave.stop()
        if self.hub.ready:
            self.hub.session.discard_recovery()
            self.hub.session.close()  # the lock file goes
        event.accept()
