"""Start: the guide for a new application, an existing draft, a recent one, or an earlier one.

The first thing the window shows, before the guide has loaded: it imports
nothing heavy, and its buttons act on the session only once it exists. The
installed guide packs are listed once they have loaded (newest published
first; a broken pack greyed, with its problem); a new application uses the
pack chosen there. The words, the rows and starting are
``presenters.start``'s; this module holds the widgets and the dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from applywizard.presenters.start import (
    LANGUAGES,
    StartPresenter,
    actions,
    draft_actions,
    intro,
    language_row,
    pack_problems,
    switches_language,
)
from applywizard.ui.page_frame import PageFrame
from applywizard.ui.text import _
from applywizard.workflow.flow import PageId

if TYPE_CHECKING:
    from applywizard.adapters.guide_packs import InstalledPack
    from applywizard.domain.rules.engine import RuleBook
    from applywizard.ui.wizard import ApplicationWizard


class StartPage(PageFrame):
    """The first page."""

    page_id = PageId.START

    def build(self) -> None:
        self.presenter = StartPresenter(lambda: self.hub.session)
        self.needs_guide: list[QWidget] = []
        layout = QVBoxLayout(self)
        words = QLabel(intro())
        words.setWordWrap(True)
        layout.addWidget(words)
        self._guides(layout)
        buttons = QHBoxLayout()
        handlers = (self.new_application, self.open_draft, self.new_from_earlier)
        for (name, text), action in zip(actions(), handlers, strict=True):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(action)
            buttons.addWidget(button)
            self.needs_guide.append(button)
        layout.addLayout(buttons)
        layout.addLayout(self._draft_buttons())
        layout.addWidget(QLabel(_("Recent drafts")))
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("start.recent")
        self.recent_list.setAccessibleName(_("Recent drafts"))
        self.recent_list.itemActivated.connect(self._open_recent)
        layout.addWidget(self.recent_list)
        self.needs_guide.append(self.recent_list)
        layout.addLayout(self._book_row())
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language")))
        self.language = QComboBox()
        self.language.setObjectName("start.language")
        self.language.setAccessibleName(_("Language"))
        for name, code in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(language_row())
        self.language.activated.connect(self._language_chosen)
        self.needs_guide.append(self.language)
        row.addWidget(self.language)
        row.addStretch()
        layout.addLayout(row)
        self._guide_loaded()
        self.hub.loaded.connect(self._guide_loaded)

    def _draft_buttons(self) -> QHBoxLayout:
        """For the draft being edited: pack it with its files; its earlier versions."""
        row = QHBoxLayout()
        handlers = (self.pack, self.versions)
        for (name, text), action in zip(draft_actions(), handlers, strict=True):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(action)
            row.addWidget(button)
            self.needs_guide.append(button)
        row.addStretch()
        return row

    def _book_row(self) -> QHBoxLayout:
        """Where the address book is, what it holds, and filling it from earlier drafts."""
        row = QHBoxLayout()
        self.book_caption = QLabel()
        self.book_caption.setObjectName("start.book")
        self.book_caption.setWordWrap(True)
        row.addWidget(self.book_caption, 1)
        button = QPushButton(_("Address book from earlier &drafts…"))
        button.setObjectName("start.book_import")
        button.setAccessibleName(_("Address book from earlier drafts"))
        button.setToolTip(
            _(
                "Collect the Chinese units, partners and people of earlier drafts, so that "
                "typing a name in the tables offers them"
            )
        )
        button.clicked.connect(self.import_into_book)
        row.addWidget(button)
        self.needs_guide.append(button)
        choose = QPushButton(_("Address book fi&le…"))
        choose.setObjectName("start.book_file")
        choose.setAccessibleName(_("Address book file"))
        choose.setToolTip(_("Use a research office's shared address book, or your own"))
        choose.clicked.connect(self.choose_book)
        row.addWidget(choose)
        self.needs_guide.append(choose)
        return row

    def choose_book(self) -> None:
        """Name a shared address book file, or go back to the user's own."""
        from applywizard.ui.address_book_import import choose_book_file  # noqa: PLC0415

        if choose_book_file(self, self.book_caption.text()):
            self.hub.forget_address_book()
        self.show_book()

    def show_book(self) -> None:
        """Say where the address book is and what it holds (or why it cannot be used)."""
        from applywizard.presenters.address_book import book_caption  # noqa: PLC0415 - SQLite

        self.book_caption.setText(book_caption(self.hub.address_book))

    def import_into_book(self) -> None:
        """Collect earlier drafts into the address book."""
        from applywizard.ui.address_book_import import import_earlier_drafts  # noqa: PLC0415

        folder = str(self.hub.session.path.parent if self.hub.session.path else Path.home())
        import_earlier_drafts(self, self.hub.address_book, folder)
        self.show_book()

    def pack(self) -> None:
        """Write the draft and its attached files into one .awpack to hand on."""
        self._wizard().pack_for_handing_on()

    def versions(self) -> None:
        """Earlier saves of the draft: see, compare, restore."""
        self._wizard().show_versions()

    def _guides(self, layout: QVBoxLayout) -> None:
        """The list of installed guide packs, and the button for the shared folders."""
        self.guides_caption = QLabel(_("&Guide for a new application"))
        layout.addWidget(self.guides_caption)
        self.guide_list = QListWidget()
        self.guide_list.setObjectName("start.guides")
        self.guide_list.setAccessibleName(_("Guide for a new application"))
        self.guide_list.setMaximumHeight(170)
        self.guides_caption.setBuddy(self.guide_list)
        layout.addWidget(self.guide_list)
        self.needs_guide.append(self.guide_list)
        folders_row = QHBoxLayout()
        self.guide_problems = QLabel()
        self.guide_problems.setObjectName("start.guides#problems")
        self.guide_problems.setWordWrap(True)
        folders_row.addWidget(self.guide_problems, 1)
        self.folders_button = QPushButton(_("Guide &folders…"))
        self.folders_button.setObjectName("start.guide_folders")
        self.folders_button.setAccessibleName(_("Guide folders"))
        self.folders_button.clicked.connect(self.edit_guide_folders)
        folders_row.addWidget(self.folders_button)
        self.needs_guide.append(self.folders_button)
        layout.addLayout(folders_row)

    @property
    def guide_packs(self) -> list[InstalledPack]:
        """The packs listed, row by row."""
        return self.presenter.packs

    @property
    def recent_paths(self) -> list[str]:
        """The recent drafts listed, row by row."""
        return self.presenter.recent

    def _guide_loaded(self) -> None:
        """What needs the guide works only once it has loaded (a fraction of a second)."""
        for widget in self.needs_guide:
            widget.setEnabled(self.hub.ready)
        if self.hub.ready and self.wizard() is not None:
            self.show_guides()

    def show_guides(self) -> None:
        """List the installed packs; the one the session uses is chosen."""
        from applywizard.ui.guide_dialogs import fill_pack_list  # noqa: PLC0415 - heavy

        library = self._wizard().packs()
        packs = self.presenter.list_packs(library.catalogue)
        fill_pack_list(self.guide_list, packs, library.pack_of(self.hub.session.book))
        self.guide_problems.setText(pack_problems(library.catalogue, library.shared))

    def chosen_book(self) -> RuleBook:
        """The rule book of the pack chosen in the list (the session's if none is)."""
        return self.presenter.chosen_book(self.guide_list.currentRow())

    def edit_guide_folders(self) -> None:
        """Add or remove shared folders of guide packs; the list follows."""
        from applywizard.ui.guide_folders import edit_guide_folders  # noqa: PLC0415 - heavy

        edit_guide_folders(self, self._wizard().packs())
        self.show_guides()

    def _wizard(self) -> ApplicationWizard:
        from applywizard.ui.wizard import ApplicationWizard  # noqa: PLC0415 - a cycle otherwise

        wizard = self.wizard()
        assert isinstance(wizard, ApplicationWizard)
        return wizard

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Fill the recent drafts, the guides and the address book's line."""
        if self.hub.ready:
            self.show_guides()
            QTimer.singleShot(0, self.show_book)  # after the page is painted
        self.recent_list.clear()
        for row in self.presenter.list_recent(self._wizard().recent()):
            item = QListWidgetItem(row.text)
            item.setToolTip(row.tooltip)
            self.recent_list.addItem(item)

    def new_application(self) -> None:
        """Start an empty application."""
        wizard = self._wizard()
        if not wizard.settle_unsaved():
            return
        self.presenter.start_new(self.guide_list.currentRow())
        self._show_draft()
        wizard.next()

    def open_draft(self) -> None:
        """Choose and open a draft."""
        self._wizard().open_dialog()

    def _open_recent(self, item: QListWidgetItem) -> None:
        wizard = self._wizard()
        chosen = self.presenter.recent_path(self.recent_list.row(item))
        if wizard.settle_unsaved() and wizard.open_path(chosen):
            wizard.next()

    def new_from_earlier(self) -> None:
        """Start a new application keeping an earlier draft's units, people and partners."""
        wizard = self._wizard()
        if not wizard.settle_unsaved():
            return
        chosen, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, _("Choose an earlier draft"), str(Path.home()), "ApplyWizard (*.json)"
        )
        if not chosen:
            return
        self.start_from(Path(chosen))

    def start_from(self, path: Path) -> bool:
        """Start from the draft in ``path`` (the dialog's second half)."""
        problem = self.presenter.start_from(path, self.guide_list.currentRow())
        if problem:
            QtWidgets.QMessageBox.warning(self, "ApplyWizard", problem)
            return False
        self._show_draft()
        self._wizard().next()
        return True

    def _show_draft(self) -> None:
        """Every page shows the new draft (made anew if its guide differs)."""
        self._wizard().show_draft()

    def _language_chosen(self, index: int) -> None:
        """Switch the interface language now; the choice is remembered for the next start."""
        code = str(self.language.itemData(index))
        if switches_language(code):
            self._wizard().language_chosen.emit(code)
