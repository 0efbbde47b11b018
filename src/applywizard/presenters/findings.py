"""Findings as a page shows them: one line each, their severity, those under a path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from applywizard.domain.rules.finding import Finding
from applywizard.presenters.text import bilingual

Severity = Literal["error", "warning", ""]
"""How a cell or total is marked: an error, a warning, or nothing."""


def finding_line(finding: Finding) -> str:
    """A finding in one line: its mark, its message and the clause it cites."""
    message = bilingual(finding.message, finding.message_en)
    citation = bilingual(finding.citation, finding.citation_en)
    return f"{'✖' if finding.is_error else '⚠'} {message}（{citation}）"


def severity_of(finding: Finding | None) -> Severity:
    """``error`` or ``warning`` for a finding, blank for none."""
    if finding is None:
        return ""
    return "error" if finding.is_error else "warning"


def under(findings: Iterable[Finding], path: str) -> list[Finding]:
    """The findings about ``path`` or anything inside it."""
    prefix = path + "."
    return [item for item in findings if item.field == path or item.field.startswith(prefix)]


def errors_first(findings: Iterable[Finding]) -> list[Finding]:
    """The findings, errors before warnings, otherwise in their order."""
    return sorted(findings, key=lambda item: not item.is_error)


def first_by_field(findings: Iterable[Finding]) -> dict[str, Finding]:
    """The most severe finding of each field (errors before warnings)."""
    chosen: dict[str, Finding] = {}
    for finding in errors_first(findings):
        chosen.setdefault(finding.field, finding)
    return chosen
