"""``applywizard --self-test``, the window's part, and ``--screenshot PATH``.

Offscreen (no display needed): Qt starts, a font covers Chinese (the shipped
one if the system has none), the Chinese translation loads, the wizard is
built, opens an example draft and visits every page with no exception in a
slot, and the About dialog names the version and the guide. ``--screenshot``
is a developer option: the real window in Chinese, grabbed into a PNG.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from applywizard import __version__
from applywizard.resources import data_folder
from applywizard.ui.about import AboutDialog
from applywizard.ui.app import finish_loading, start_window
from applywizard.ui.fonts import SAMPLE, covers, ensure_cjk_font
from applywizard.ui.text import _, language, set_language
from applywizard.ui.translations import install_translations
from applywizard.ui.wizard import ApplicationWizard
from applywizard.workflow.flow import ORDER, PageId

Step = Callable[[str, Callable[[], str]], bool]


_OFFSCREEN_NOTES = ("propagateSizeHints", "Cannot find font directory")


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages, less the offscreen platform's notes on window hints and fonts.

    On Windows the offscreen platform looks for fonts in Qt's own lib/fonts
    folder, which Qt no longer ships, and says so; the self-test's font step
    reports what draws Chinese.
    """
    if not any(note in message for note in _OFFSCREEN_NOTES):
        sys.stderr.write(f"qt: {message}\n")


def _application(*, offscreen: bool) -> QApplication:
    if offscreen and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


@contextmanager
def _slot_errors() -> Iterator[list[str]]:
    """Collect exceptions raised in Qt slots (they do not stop the event loop)."""
    caught: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, _tb: TracebackType | None) -> None:
        caught.append(f"{kind.__name__}: {error}")

    sys.excepthook = hook
    try:
        yield caught
    finally:
        sys.excepthook = previous


def _wizard(settings_folder: Path) -> ApplicationWizard:
    """The wizard as the program starts it: the Start page first, then the guide and the rest."""
    settings = QSettings(str(settings_folder / "settings.ini"), QSettings.Format.IniFormat)
    wizard = start_window(settings)
    finish_loading(wizard, None)
    if not wizard.hub.ready:
        raise RuntimeError("the guide did not load into the window")
    return wizard


def run_window_checks(step: Step) -> None:
    """Run the window's checks, offscreen, reporting each through ``step``."""
    app = _application(offscreen=True)
    step(
        "Qt",
        lambda: f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {app.platformName()}",
    )

    def font() -> str:
        choice = ensure_cjk_font()
        if not covers(choice.family):
            raise RuntimeError(f"{choice.family} lacks glyphs of {SAMPLE}")
        where = "shipped with ApplyWizard" if choice.shipped else "from the system"
        return f"{choice.family} ({where}) draws {SAMPLE}"

    step("font for Chinese", font)
    earlier = language()
    translators = install_translations(app, "zh_CN")
    try:

        def translations() -> str:
            saved = _("Save")
            if saved != "保存":
                raise RuntimeError(f"'Save' reads {saved!r}, not 保存: the .qm file is missing")
            return f"{len(translators)} translation files, 'Save' reads {saved}"

        step("translations", translations)
        with tempfile.TemporaryDirectory(prefix="applywizard-self-test-") as folder:
            step("wizard", lambda: _check_wizard(Path(folder)))
    finally:
        install_translations(app, "en")  # removes them again
        set_language(earlier)


def _check_wizard(folder: Path) -> str:
    with _slot_errors() as caught:
        wizard = _wizard(folder)
        try:
            wizard.show()
            QCoreApplication.processEvents()
            example = sorted(data_folder("examples").glob("*.json"))[0]
            if not wizard.open_path(example):
                raise RuntimeError(f"the wizard could not open {example}")
            for page_id in ORDER:
                wizard.go_to(page_id)
                QCoreApplication.processEvents()
                if wizard.current_page_id() is not page_id:
                    raise RuntimeError(f"could not reach the {page_id.value} page")
            errors = [finding for finding in wizard.hub.session.findings if finding.is_error]
            if errors:
                raise RuntimeError(f"{example.name} shows {len(errors)} errors in the wizard")
            wizard.show_about()
            QCoreApplication.processEvents()
            about = wizard.findChild(AboutDialog, "about")
            if about is None or not about.isVisible():
                raise RuntimeError("the About dialog did not open")
            text = about.text.text()
            guide_id = wizard.hub.session.book.guide.id
            if __version__ not in text or guide_id not in text:
                raise RuntimeError(f"the About dialog lacks the version or guide id: {text}")
            about.close()
        finally:
            wizard.hub.session.dirty = False
            wizard.close()
            wizard.deleteLater()
            QCoreApplication.processEvents()
    if caught:
        raise RuntimeError(f"{len(caught)} errors inside the window, first: {caught[0]}")
    return f"{len(wizard.pages)} pages visited with {example.name}, About shows {guide_id}"


def screenshot(path: Path, page: str = PageId.DIRECTION.value) -> int:
    """Show the wizard in Chinese on ``page``, save it and the About dialog as PNGs."""
    app = _application(offscreen=False)
    ensure_cjk_font()
    install_translations(app, "zh_CN")
    with tempfile.TemporaryDirectory(prefix="applywizard-screenshot-") as folder:
        wizard = _wizard(Path(folder))
        wizard.show()
        wizard.go_to(PageId(page))
        saved: list[bool] = []

        def grab() -> None:
            saved.append(wizard.grab().save(str(path)))
            wizard.show_about()
            QTimer.singleShot(300, grab_about)

        def grab_about() -> None:
            about = wizard.about
            saved.append(about is not None and about.grab().save(str(_about_path(path))))
            app.quit()

        QTimer.singleShot(800, grab)
        app.exec()
    if len(saved) != 2 or not all(saved):
        sys.stderr.write(f"applywizard: could not write {path}\n")
        return 1
    print(path)
    print(_about_path(path))
    return 0


def _about_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-about{path.suffix}")
