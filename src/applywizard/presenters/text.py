"""Interface text without Qt: English in the code, the translation installed by the window.

``_("Save")`` passes the English through the translator the window installs
(Qt's, reading ``resources/translations``); until one is installed, and in the
tests of page logic that run without Qt, it returns the English. Field labels
and findings are bilingual pairs in the domain, picked by ``bilingual``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Translator = Callable[[str], str]

_state: dict[str, str] = {"language": "zh_CN"}
_translator: list[Translator] = []


def _(text: str) -> str:
    """The interface text in the current language."""
    return _translator[0](text) if _translator else text


def install_translator(translator: Translator | None) -> None:
    """Use ``translator`` for ``_`` from now on (None: English as written)."""
    _translator.clear()
    if translator is not None:
        _translator.append(translator)


def translator() -> Translator | None:
    """The translator ``_`` uses now (None: English as written)."""
    return _translator[0] if _translator else None


def set_language(code: str) -> None:
    """Remember the language chosen ("zh_CN" or "en")."""
    _state["language"] = code


def language() -> str:
    """The language in use: "zh_CN" or "en"."""
    return _state["language"]


def bilingual(zh: str, en: str) -> str:
    """Of a Chinese/English pair, the one for the current language."""
    return en if _state["language"] == "en" else zh


def joined(items: Iterable[str]) -> str:
    """Items as a list in running text: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return bilingual("、", ", ").join(items)
