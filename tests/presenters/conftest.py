"""Tests of page logic: the presenters, driven with a real session and no Qt.

``test_without_qt.py`` runs this folder in a fresh interpreter with pytest-qt
disabled and fails if anything imported PySide6 or made a QApplication.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.text import install_translator, language, set_language, translator
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CATALOGUE = ROOT / "resources" / "translations" / "zh_CN.yaml"


def example_session(book: RuleBook, code: str) -> DraftSession:
    """A session over one of the shipped examples (examples/1.1.json …)."""
    return DraftSession(book, read_draft(EXAMPLES / f"{code}.json"))


@pytest.fixture(scope="session")
def catalogue() -> dict[str, str]:
    """The reviewed English -> Chinese catalogue the window's translation is built from."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()}


@pytest.fixture(autouse=True)
def chinese(catalogue: dict[str, str]) -> Iterator[None]:
    """Chinese words, as the window shows them, without Qt's translator.

    ``_`` reads the same catalogue Qt's .qm file is compiled from; switching
    to English (``set_language("en")``) shows the English as written. The
    translator and language before the test are put back after it.
    """
    before, spoken = translator(), language()
    install_translator(lambda text: catalogue.get(text, text) if language() != "en" else text)
    set_language("zh_CN")
    yield
    install_translator(before)
    set_language(spoken)
