"""The window's languages: Qt's own and ApplyWizard's translations, installed and removed.

Chinese is the default; English shows the interface strings as written.
``ui.app`` installs the language chosen at start, ``ui.assembly`` when the
user switches.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from applywizard.resources import data_folder
from applywizard.ui.text import set_language

LANGUAGES = ("zh_CN", "en")
"""The languages the window speaks."""

_installed: list[QTranslator] = []


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and ApplyWizard's translations for ``language`` (none for English).

    Translations installed before are removed first, so switching back and
    forth leaves only the chosen language's.
    """
    set_language(language)
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = data_folder("resources") / "translations"
    for name, folder in ((f"qtbase_{language}", qt_folder), (f"applywizard_{language}", str(ours))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return list(_installed)
