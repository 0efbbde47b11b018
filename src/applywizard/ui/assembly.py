"""The wizard's heavy half: the guide, the session and the pages that edit the draft.

Imported once the window is on screen (``app.run_wizard``): this is where
pydantic, the draft model, the rules and the page modules load.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from applywizard.adapters.draft_files import DraftFileError, read_draft
from applywizard.adapters.guide_files import GuideFileError, shipped_guide
from applywizard.domain.rules.engine import RuleBook
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
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.session import DraftSession, find_recoveries, forget_recovery

APP_NAME = "ApplyWizard"


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


def build_wizard(book: RuleBook, session: DraftSession, settings: QSettings) -> ApplicationWizard:
    """The wizard with all its pages on one shared draft, built at once (tests, scripts)."""
    del book  # the session carries it; kept for the callers' symmetry with the guide
    hub = DraftHub(session)
    return ApplicationWizard(hub, settings, [StartPage(hub), *draft_pages(hub)])


def complete_wizard(wizard: ApplicationWizard, recovery_folder: Path | None) -> bool:
    """Load the guide, give the shown wizard its session and its other pages.

    False (after saying why, and closing the window) if the guide cannot be
    loaded: an incomplete or damaged installation.
    """
    try:
        book = shipped_guide()
    except (GuideFileError, FileNotFoundError) as error:
        QMessageBox.critical(
            wizard,
            APP_NAME,
            _("The guide data cannot be loaded; please reinstall ApplyWizard.") + f"\n\n{error}",
        )
        wizard.close()
        return False
    wizard.hub.attach(DraftSession(book, recovery_folder=recovery_folder))
    wizard.add_pages(draft_pages(wizard.hub))
    wizard.hub.replaced.emit()
    return True


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
    wizard.hub.session.replace(draft, path=newest.origin, dirty=True)
    forget_recovery(newest)
    wizard.hub.replaced.emit()
    return True
