"""Shared fixtures: the shipped guide, compiled once."""

from __future__ import annotations

import pytest

from applywizard.adapters.guide_files import shipped_guide
from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.engine import RuleBook


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return shipped_guide()


@pytest.fixture(scope="session")
def guide(book: RuleBook) -> Guide:
    return book.guide
