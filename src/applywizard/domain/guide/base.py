"""What every guide model shares: the base model and the patterns of codes and ids.

``GuideModel`` is the base of every model of the guide: frozen, and a key the
model does not know is an error; ``Bilingual`` is a text in Chinese with its
English rendering. ``DIRECTION_CODE``, ``IDENTIFIER`` and
``RULE_ID`` are the patterns a direction code (``1.1``), a name in the data
(``joint_lab_plan``) and a rule id (``1.1/2/lab-name``) follow; the guide
check words their errors by them (``plain_errors``). ``require_unique`` and
``require_known`` are the Guide's consistency checks of its codes and ids.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

DIRECTION_CODE = re.compile(r"^\d+\.\d+$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
RULE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")


class GuideModel(BaseModel):
    """Base of every guide model: immutable, and unknown keys are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Bilingual(GuideModel):
    """A text in Chinese with its English rendering."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


def require_unique(what: str, values: list[str]) -> None:
    """Raise a ValueError naming the values that occur more than once."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for value in values:
        (repeated if value in seen else seen).add(value)
    if repeated:
        raise ValueError(f"{what} repeated: {', '.join(sorted(repeated))}")


def require_known(what: str, values: tuple[str, ...], known: set[str]) -> None:
    """Raise a ValueError naming the values that are not among the known ones."""
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{what} names unknown codes: {', '.join(unknown)}")
