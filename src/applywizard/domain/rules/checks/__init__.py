"""The kinds of check; importing this package registers them all."""

from applywizard.domain.rules.checks import (
    documents,
    eligibility,
    identifiers,
    lengths,
    money,
    parties,
    preflight,
    project,
    promises,
    values,
)
from applywizard.domain.rules.checks.registry import CHECK_KINDS, CheckKind

__all__ = [
    "CHECK_KINDS",
    "CheckKind",
    "documents",
    "eligibility",
    "identifiers",
    "lengths",
    "money",
    "parties",
    "preflight",
    "project",
    "promises",
    "values",
]
