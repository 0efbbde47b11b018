"""What the page presenters' tests share: sessions over the shipped examples, plain words.

No Qt here or in the tests that use it: a presenter is driven with a real
``DraftSession`` over the shipped guide and ``examples/*.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters import text
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def example_session(book: RuleBook, code: str | None = None) -> DraftSession:
    """A session over ``examples/CODE.json`` (an empty draft for None)."""
    draft = read_draft(EXAMPLES / f"{code}.json") if code else None
    return DraftSession(book, draft)


def getter(session: DraftSession) -> Callable[[], DraftSession]:
    """How a presenter is handed its session (the window may replace it)."""
    return lambda: session


@contextmanager
def english_words(language: str = "zh_CN") -> Iterator[None]:
    """Interface words in English as written, the guide's pairs in ``language``; then as before.

    The window installs Qt's lookup for ``_``; these tests run with none, so
    ``_`` gives the English of the code. What was installed is put back.
    """
    installed, spoken = text.translator(), text.language()
    text.install_translator(None)
    text.set_language(language)
    try:
        yield
    finally:
        text.install_translator(installed)
        text.set_language(spoken)
