"""Interface text: English in the code, Chinese from the zh_CN translation file.

``_("Save")`` looks the string up in the installed Qt translator (context
"ApplyWizard"); with Chinese chosen it reads 保存. Field labels and findings
are bilingual in the domain and picked by ``bilingual``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

CONTEXT = "ApplyWizard"
_language = {"code": "zh_CN"}


def _(text: str) -> str:
    """The interface text in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def set_language(code: str) -> None:
    """Remember the language chosen ("zh_CN" or "en")."""
    _language["code"] = code


def language() -> str:
    """The language in use: "zh_CN" or "en"."""
    return _language["code"]


def bilingual(zh: str, en: str) -> str:
    """Of a Chinese/English pair, the one for the current language."""
    return en if _language["code"] == "en" else zh


def joined(items: Iterable[str]) -> str:
    """Items as a list in running text: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return bilingual("、", ", ").join(items)
