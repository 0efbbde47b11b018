"""The parts of a direction that an application picks from or works in.

Research fields with their own themes, count and budget (``ResearchField``,
``Theme``: 1.4's FAB and CCB), sub-directions of which an application picks one
(``SubDirection``: 1.8), and the items of a direction's 领域方向 list
(``Area``).
"""

from __future__ import annotations

from pydantic import Field

from applywizard.domain.guide.base import IDENTIFIER, GuideModel
from applywizard.domain.guide.figures import Budget, ProjectCount


class Theme(GuideModel):
    """A theme inside a research field (1.4)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    title: str = Field(min_length=1)
    eu_topic: str | None = None
    items: tuple[str, ...] = ()


class ResearchField(GuideModel):
    """A research field with its own count and budget (1.4's FAB and CCB)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    themes: tuple[Theme, ...] = Field(min_length=1)
    projects: ProjectCount
    budget: Budget


class SubDirection(GuideModel):
    """One of several sub-directions of which an application picks one (1.8)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    title: str = Field(min_length=1)
    content: str = Field(min_length=1)


class Area(GuideModel):
    """One item of a direction's 领域方向 list."""

    title: str = Field(min_length=1)
    detail: str = ""
