"""What an application is about: its pick within the direction, the project, the form's texts.

``Selection``: the research field, theme or sub-direction the application
picks inside its direction. ``Project``: the titles, summary, keywords,
recommending body and dates. ``FormParts``: what the applicant writes for the
parts of the application form (status and trends, objectives, indicators, …).
"""

from __future__ import annotations

from pydantic import Field

from applywizard.domain.draft.base import BoundedDate, DraftModel
from applywizard.domain.text import LongText, ShortText


class Selection(DraftModel):
    """What the application picks inside its direction."""

    field: ShortText | None = None
    theme: ShortText | None = None
    sub_direction: ShortText | None = None


class Project(DraftModel):
    """The project's identity and its dates."""

    title_zh: ShortText = ""
    title_en: ShortText = ""
    summary: LongText = Field(default="", description="项目摘要")
    area: ShortText = ""
    keywords: ShortText = ""
    recommending_body: ShortText = Field(default="", description="推荐单位")
    start_date: BoundedDate | None = None
    end_date: BoundedDate | None = None
    duration_months: int | None = Field(default=None, ge=1, le=240)
    application_date: BoundedDate | None = None


class FormParts(DraftModel):
    """What the applicant writes for the parts of the application form."""

    status_and_trends: LongText = ""
    objectives_and_content: LongText = ""
    indicators: LongText = ""
    research_basis: LongText = ""
    schedule: LongText = ""
    organisation_and_risks: LongText = ""
    task_division: LongText = ""
    budget_notes: LongText = ""
