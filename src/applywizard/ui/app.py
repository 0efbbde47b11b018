"""Starting the window: Qt application, font, language, exception hook, then the rest.

The window is on screen with its Start page first, before the guide, the draft
model and the other pages load (``assembly``, most of the start-up time): the
first paint triggers the loading (and the log file), so a PI sees the
program at once and the Start page's buttons come alive a moment later.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from applywizard import APP_NAME
from applywizard.resources import data_folder
from applywizard.ui.errors import install_exception_hook, setup_logging
from applywizard.ui.fonts import ensure_cjk_font
from applywizard.ui.hub import DraftHub
from applywizard.ui.pages.start import StartPage
from applywizard.ui.translations import LANGUAGES, install_translations
from applywizard.ui.wizard import ApplicationWizard


def start_window(settings: QSettings) -> ApplicationWizard:
    """The wizard with only its Start page: what can be shown before the guide loads."""
    hub = DraftHub()
    return ApplicationWizard(hub, settings, [StartPage(hub)])


def finish_loading(wizard: ApplicationWizard, folder: Path | None) -> None:
    """Load the guide and the other pages into the shown wizard; offer any recovery."""
    from applywizard.ui import assembly  # noqa: PLC0415 - the heavy half, after the first paint

    if assembly.complete_wizard(wizard, folder):
        assembly.offer_recovery(wizard)


def _complete_start(wizard: ApplicationWizard) -> None:
    """After the first paint: the log file, then the guide and the pages."""
    from applywizard.ui import assembly  # noqa: PLC0415 - as in finish_loading

    setup_logging(assembly.user_folder("log"))
    finish_loading(wizard, assembly.user_folder("recovery"))


class AfterFirstPaint(QObject):
    """Runs an action once, just after the watched window has first been painted."""

    def __init__(self, window: QObject, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action = action
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._action)  # after this paint has reached the screen
        return False


def show_start_window(
    app: QApplication,
    settings: QSettings,
    after_paint: Callable[[ApplicationWizard], None],
) -> ApplicationWizard:
    """The font, the chosen language, the Start page on screen; ``after_paint`` follows it."""
    app.setWindowIcon(QIcon(str(data_folder("resources") / "icons" / "applywizard.png")))
    ensure_cjk_font()
    language = str(settings.value("language", "zh_CN"))
    install_translations(app, language if language in LANGUAGES else "zh_CN")
    wizard = start_window(settings)
    AfterFirstPaint(wizard, lambda: after_paint(wizard))
    wizard.show()
    return wizard


def run_wizard() -> int:
    """Open the wizard and run until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    install_exception_hook()
    show_start_window(app, QSettings(), _complete_start)
    return app.exec()
