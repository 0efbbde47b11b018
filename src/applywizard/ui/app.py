"""Starting the window: Qt application, language, log, exception hook, recovery offer."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from applywizard.adapters.draft_files import DraftFileError, read_draft
from applywizard.adapters.guide_files import shipped_guide
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import data_folder
from applywizard.ui.binding import DraftHub
from applywizard.ui.errors import install_exception_hook, setup_logging
from applywizard.ui.fonts import ensure_cjk_font
from applywizard.ui.pages.attachments import AttachmentsPage
from applywizard.ui.pages.budget import BudgetPage
from applywizard.ui.pages.direction import DirectionPage
from applywizard.ui.pages.generate import GeneratePage
from applywizard.ui.pages.partners import PartnersPage
from applywizard.ui.pages.project import ProjectPage
from applywizard.ui.pages.review import ReviewPage
from applywizard.ui.pages.start import StartPage
from applywizard.ui.pages.team import TeamPage
from applywizard.ui.pages.units import UnitsPage
from applywizard.ui.text import _, set_language
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.session import DraftSession, find_recoveries, forget_recovery

APP_NAME = "ApplyWizard"
LANGUAGES = ("zh_CN", "en")


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and ApplyWizard's translations for ``language`` (none for English)."""
    set_language(language)
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = data_folder("resources") / "translations"
    for name, folder in ((f"qtbase_{language}", qt_folder), (f"applywizard_{language}", str(ours))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(language))
    return translators


def build_wizard(book: RuleBook, session: DraftSession, settings: QSettings) -> ApplicationWizard:
    """The wizard with all its pages on one shared draft."""
    hub = DraftHub(session)
    pages = [
        StartPage(hub),
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
    return ApplicationWizard(hub, settings, pages)


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


def run_wizard() -> int:
    """Open the wizard and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    ensure_cjk_font()
    settings = QSettings()
    language = str(settings.value("language", "zh_CN"))
    install_translations(app, language if language in LANGUAGES else "zh_CN")
    log_path = setup_logging(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
    install_exception_hook(log_path)
    recovery = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "recovery"
    book = shipped_guide()
    wizard = build_wizard(book, DraftSession(book, recovery_folder=recovery), settings)
    wizard.show()
    offer_recovery(wizard)
    return app.exec()
