"""Every problem of a guide pack's data that an author can fix, each at a path in the data.

``check_guide_data`` takes the pack's parsed YAML (plain dicts and lists) and
its source text, and returns problems located by their path in the data
(``("directions", 3, "clauses", 0, "text")``); ``adapters.guide_check`` turns
paths into file, line and column. It reports everything it finds, not the
first problem only: the Guide model's own validation, the rules' kinds and
parameters, numbering, references, clause texts against the source text, the
headline figures and ISO country codes.

The checks themselves are in ``pack_references`` (uniqueness, references,
numbering, ISO codes), ``pack_rules`` (kinds, parameters, stale messages),
``pack_figures`` (the headline figures) and ``pack_source_text`` (clause
texts); ``pack_data`` holds ``DataProblem`` and the readers they share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from applywizard.domain.guide.model import Guide
from applywizard.domain.guide.plain_errors import PlainError, plain
from applywizard.domain.pack_checks.data import ERROR, WARNING, DataProblem
from applywizard.domain.pack_checks.figures import check_figures
from applywizard.domain.pack_checks.references import (
    check_iso_countries,
    check_numbering,
    check_references,
    check_uniqueness,
)
from applywizard.domain.pack_checks.rules import check_rules, check_stale_messages
from applywizard.domain.pack_checks.source_text import check_against_source

CoveredByOwnChecks = (
    "clause numbers repeat",
    "clause 0",
    "clauses must be listed in order",
    "cites clause",
    "repeated:",
    "names unknown codes",
    "must be numbered 1, 2, 3",
)
"""The Guide model's consistency errors that the checks below report at the exact node."""


def check_guide_data(
    data: dict[str, Any],
    *,
    source_text: str | None,
    source_name: str,
    is_iso_country: Callable[[str], bool],
) -> list[DataProblem]:
    """Every problem of a pack's parsed guide data."""
    own = [
        *check_uniqueness(data),
        *check_references(data),
        *check_numbering(data),
        *check_rules(data),
        *check_stale_messages(data),
        *check_figures(data),
        *check_iso_countries(data, is_iso_country),
    ]
    if source_text is not None:
        own.extend(check_against_source(data, source_text, source_name))
    elif data.get("source_text") is None:
        own.append(
            DataProblem(
                ("id",),
                "no-source-text",
                "指南包未给出原文（source_text）：条款文字未与原文核对",
                "the pack names no source text (source_text): clause texts were not checked",
                WARNING,
            )
        )
    return [*_model_problems(data, own), *own]


def _model_problems(data: dict[str, Any], own: list[DataProblem]) -> list[DataProblem]:
    try:
        Guide.model_validate(data)
    except ValidationError as error:
        found = [plain(detail, Guide) for detail in error.errors()]
        return [_from_plain(item) for item in found if not _covered(item, own)]
    return []


def _covered(item: PlainError, own: list[DataProblem]) -> bool:
    """Whether a model consistency error is one the own checks report more exactly."""
    if item.code != "value-error" or not any(text in item.en for text in CoveredByOwnChecks):
        return False
    return any(problem.path[: len(item.path)] == item.path for problem in own)


def _from_plain(item: PlainError) -> DataProblem:
    return DataProblem(item.path, item.code, item.zh, item.en, ERROR, item.at_key)
