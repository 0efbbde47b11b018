"""The wizard's heavy half: the guide, the session and the pages that edit the draft.

Imported once the window is on screen (``app.run_wizard``): this is where
pydantic, the draft model, the rules and the page modules load.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from applywizard import APP_NAME
from applywizard.adapters.draft_files import DraftFileError, read_draft
from applywizard.adapters.guide_files import GuideFileError
from applywizard.adapters.user_folders import user_folders
from applywizard.presenters.sharing import LockChoice
from applywizard.ui import shared_files
from applywizard.ui.guide_library import GuideLibrary
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.attachments import AttachmentsPage
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.pages.budget import BudgetPage
from applywizard.ui.pages.direction import DirectionPage
from applywizard.ui.pages.generate import GeneratePage
from applywizard.ui.pages.partners import PartnersPage
from applywizard.ui.pages.project import ProjectPage
from applywizard.ui.pages.review import ReviewPage
from applywizard.ui.pages.start import StartPage
from applywizard.ui.pages.team import TeamPage
from applywizard.ui.pages.units import UnitsPage
from applywizard.ui.text import _
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.session import DraftSession, find_recoveries, forget_recovery


def user_folder(kind: Literal["log", "recovery"]) -> Path:
    """The user's log folder, or where unsaved work is copied for recovery after a crash.

    Both are machine-local per-user folders (the local AppData on Windows);
    ``adapters.user_folders`` says where on each system.
    """
    folders = user_folders()
    return folders.log if kind == "log" else folders.recovery


def draft_pages(hub: DraftHub) -> list[WizardPage]:
    """Every page after Start, on the hub's draft."""
    return [
        DirectionPage(hub),
        ProjectPage(hub),
        UnitsPage(hub),
        PartnersPage(hub),
        TeamPage(hub),
        BudgetPage(hub),
        AttachmentsPage(hub),
        ReviewPage(hub),
        GeneratePage(hub),
    ]


def build_wizard(session: DraftSession, settings: QSettings) -> ApplicationWizard:
    """The wizard with all its pages on one shared draft, built at once (tests, scripts)."""
    hub = DraftHub(session)
    wizard = ApplicationWizard(hub, settings, [StartPage(hub), *draft_pages(hub)])
    wizard.parts = AssembledParts()
    wizard.language_chosen.connect(partial(switch_language, wizard))
    return wizard


def switch_language(wizard: ApplicationWizard, code: str) -> ApplicationWizard:
    """The same application in another language, now: a new window on the same draft.

    Every text of the window is set when its widget is made, so the window is
    made again (a fraction of a second) on the same session: the draft, its
    file, its unsaved state and its recovery copy are the same objects. The
    page shown, the window's place and any text typed but not accepted (a
    half-typed date, an amount that is no number) come along; the choice is
    remembered for the next start.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, code)
    wizard.settings.setValue("language", code)
    replacement = build_wizard(wizard.hub.session, wizard.settings)
    replacement.library = wizard.library  # the packs found already: not read from disk again
    replacement.hub.replaced.emit()
    replacement.setGeometry(wizard.geometry())
    replacement.show()
    replacement.go_to(wizard.current_page_id())
    _carry_unaccepted_text(wizard, replacement)
    wizard.retired = True
    wizard.close()
    wizard.deleteLater()
    return replacement


def _carry_unaccepted_text(old: ApplicationWizard, new: ApplicationWizard) -> None:
    """Retype into the new window what the old one shows but the draft refused."""
    for field in old.findChildren(QLineEdit):
        name = field.objectName()
        if "." not in name or name.startswith("qt_"):
            continue
        twin = new.findChild(QLineEdit, name)
        if twin is not None and twin.text() != field.text():
            twin.setText(field.text())
            twin.textEdited.emit(field.text())  # as typed: refused again, in the new language


def complete_wizard(wizard: ApplicationWizard, recovery_folder: Path | None) -> bool:
    """Load the guide, give the shown wizard its session and its other pages.

    False (after saying why, and closing the window) if the guide cannot be
    loaded: an incomplete or damaged installation.
    """
    try:
        wizard.library = GuideLibrary()
        book = wizard.library.default_book()  # the bundled pack when no other loads
    except (GuideFileError, FileNotFoundError) as error:
        QMessageBox.critical(
            wizard,
            APP_NAME,
            _("The guide data cannot be loaded; please reinstall ApplyWizard.") + f"\n\n{error}",
        )
        wizard.close()
        return False
    wizard.parts = AssembledParts()
    wizard.hub.attach(DraftSession(book, recovery_folder=recovery_folder))
    wizard.add_pages(draft_pages(wizard.hub))
    wizard.language_chosen.connect(partial(switch_language, wizard))
    wizard.hub.replaced.emit()
    return True


class AssembledParts:
    """The pages after Start and the guide dialogs, for the window (``LoadedParts``)."""

    def draft_pages(self, hub: DraftHub) -> list[WizardPage]:
        """Every page after Start, on the hub's draft."""
        return draft_pages(hub)

    def open_draft(self, wizard: ApplicationWizard, path: Path) -> bool:
        """Edit the draft in ``path`` under its guide pack; a clear message if it cannot be read.

        False, with nothing changed, if the draft's pack is not installed and
        the user chooses no other.
        """
        from applywizard.ui import guide_dialogs  # noqa: PLC0415 - 20 ms, only when used

        session = wizard.hub.session
        choice = shared_files.lock_choice(wizard, session, path)
        if choice is LockChoice.CANCEL:
            return False
        try:
            draft = read_draft(path)
        except DraftFileError as error:
            wizard.report(error)
            return False
        opening = guide_dialogs.guide_to_open(wizard, wizard.packs(), draft)
        if opening is None:
            return False
        copy = choice is LockChoice.COPY  # an untitled copy: saving asks for a name
        session.replace(
            draft,
            path=None if copy else path,
            dirty=copy or opening.dirty,
            book=opening.book,
            read_only=choice is LockChoice.READ_ONLY,
        )
        shared_files.lock_opened(session, path, choice)
        if not copy:
            wizard.remember_recent(path)
        wizard.show_draft()
        guide_dialogs.show_changes(wizard, opening.intro, draft, opening.changes)
        return True

    def check_against_another(self, wizard: ApplicationWizard) -> bool:
        """Another pack's findings beside these; True if the user switched to it."""
        from applywizard.ui import guide_dialogs  # noqa: PLC0415 - 20 ms, only when used

        return guide_dialogs.check_against_another(wizard)


def offer_recovery(wizard: ApplicationWizard) -> bool:
    """After a crash, offer the newest recovery copy; True if the user restored it."""
    folder = wizard.hub.session.recovery_folder
    found = find_recoveries(folder) if folder else []
    if not found:
        return False
    newest = found[0]
    origin = str(newest.origin) if newest.origin else _("an untitled application")
    answer = QMessageBox.question(
        wizard,
        _("Recover unsaved work?"),
        _("ApplyWizard was not closed properly. Recover the unsaved changes to {origin}?").format(
            origin=origin
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        forget_recovery(newest)
        return False
    try:
        draft = read_draft(newest.path)
    except DraftFileError as error:
        QMessageBox.warning(wizard, APP_NAME, f"{error.zh} / {error.en}")
        return False
    from applywizard.ui import guide_dialogs  # noqa: PLC0415 - 20 ms, only when used

    opening = guide_dialogs.guide_to_open(wizard, wizard.packs(), draft)
    if opening is None:
        return False  # no guide chosen: the recovery copy stays, offered again next time
    session = wizard.hub.session
    session.replace(draft, path=newest.origin, dirty=True, book=opening.book)
    if newest.origin is not None:
        shared_files.lock_opened(session, newest.origin, None)  # read-only if someone has it
    forget_recovery(newest)
    wizard.show_draft()
    guide_dialogs.show_changes(wizard, opening.intro, draft, opening.changes)
    return True
