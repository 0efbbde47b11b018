"""Interface text in the window: the Qt-free words of ``presenters.text``, read through Qt.

``_("Save")`` looks the string up in the installed Qt translator (context
"ApplyWizard"); with Chinese chosen it reads 保存. Importing this module
installs that lookup for the presenters too, so a page and its presenter
speak the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from applywizard.presenters.text import (
    _,
    bilingual,
    install_translator,
    joined,
    language,
    set_language,
)

CONTEXT = "ApplyWizard"

__all__ = ["CONTEXT", "_", "bilingual", "joined", "language", "set_language"]


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


install_translator(_translate)
