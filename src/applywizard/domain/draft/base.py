"""What every draft model shares: the base model and the constrained field types.

``DraftModel`` is the base of every model of the draft: unknown keys are
refused, assignments and defaults validated, NaN and runaway strings refused.
The field types: ``BoundedDate`` (a date from ``EARLIEST_DATE`` to
``LATEST_DATE``), ``FileName`` (a bare file name: no folders, drive letters or
characters Windows refuses), ``Sha256`` (a hex digest), ``CountryCode`` and
``CurrencyCode`` (two and three capital letters) and ``Year`` (1900–2199).
The text and money types are in ``domain/text.py``.
"""

from __future__ import annotations

import re
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


class DraftModel(BaseModel):
    """Base of every draft model: unknown keys are refused, assignments validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        allow_inf_nan=False,
        str_max_length=60_000,
    )
