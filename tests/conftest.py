"""Shared fixtures: the shipped guide, compiled once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
_HOME = tempfile.mkdtemp(prefix="applywizard-tests-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = str(Path(_HOME) / _variable.lower())  # never the user's settings

import pytest  # noqa: E402 - after the environment is set

from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.domain.guide.model import Guide  # noqa: E402
from applywizard.domain.rules.engine import RuleBook  # noqa: E402


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return shipped_guide()


@pytest.fixture(scope="session")
def guide(book: RuleBook) -> Guide:
    return book.guide
