"""What every draft model shares: the base model and the constrained field types.

``DraftModel`` is the base of every model of the draft: unknown keys are
refused, assignments and defaults validated, NaN and runaway strings refused.
The field types: ``BoundedDate`` (a date from ``EARLIEST_DATE`` to
``LATEST_DATE``), ``FileName`` (a bare file name: no folders, drive letters or
characters Windows refuses), ``Sha256`` (a hex digest), ``CountryCode`` and
``CurrencyCode`` (two and three capital letters), ``Year`` (1900–2199) and
``SourcePath`` (an absolute path as the attaching machine wrote it, or "").
The text and money types are in ``domain/text.py``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from applywizard.domain.text import ShortText

EARLIEST_DATE = date(1000, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def _date_in_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"date {value.isoformat()} is outside {EARLIEST_DATE}..{LATEST_DATE}")
    return value


BoundedDate = Annotated[date, AfterValidator(_date_in_range)]

_FILE_NAME_FORBIDDEN = re.compile(r'[/\\:*?"<>|]')


def _plain_file_name(value: str) -> str:
    """A bare file name: no folders, drive letters, UNC hosts or parent links."""
    if value in {".", ".."} or _FILE_NAME_FORBIDDEN.search(value):
        raise ValueError(
            "an attachment is named by its file name alone, without folders, drive letters "
            'or any of / \\ : * ? " < > |'
        )
    return value


FileName = Annotated[ShortText, AfterValidator(_plain_file_name)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Year = Annotated[int, Field(ge=1900, le=2199)]

SOURCE_PATH_MAX = 32_767
"""The longest path Windows has (extended form); POSIX systems allow 4,096 bytes."""

_ABSOLUTE_PATH = re.compile(r"^(/|[A-Za-z]:[\\/]|\\\\)")


def _absolute_path(value: str) -> str:
    """An absolute POSIX or Windows path in one line, or "" (not known).

    Only the text is judged (the domain touches no file): it starts with
    ``/``, a drive (``C:\\``) or a UNC host (``\\\\server``), and holds no control
    character or lone surrogate.
    """
    if not value:
        return value
    if not _ABSOLUTE_PATH.match(value):
        raise ValueError("where a file was attached from is an absolute path, or empty")
    if any(unicodedata.category(char) in {"Cc", "Cs"} for char in value):
        raise ValueError("a path holds a control character or a lone surrogate")
    return value


SourcePath = Annotated[str, Field(max_length=SOURCE_PATH_MAX), AfterValidator(_absolute_path)]


class DraftModel(BaseModel):
    """Base of every draft model: unknown keys are refused, assignments validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        allow_inf_nan=False,
        str_max_length=60_000,
    )
