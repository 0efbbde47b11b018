"""What an application is about: its pick within the direction, the project, the form's texts.

``Selection``: the research field, theme or sub-direction the application
picks inside its direction. ``Project``: the titles, summary, keywords,
recommending body and dates. ``FormParts``: what the applicant writes for the
parts of the application form (status and trends, objectives, …), the
assessment indicators (考核指标) among them as a list of ``Indicator`` s.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from applywizard.domain.draft.base import BoundedDate, DraftModel
from applywizard.domain.text import LongText, ShortText

MAX_INDICATORS = 200

QUANTITY_MAX = Decimal("1000000000000")
"""10^12: far above any count an indicator promises (papers, patents, samples)."""

Quantity = Annotated[
    Decimal,
    Field(ge=0, le=QUANTITY_MAX, max_digits=18, decimal_places=4, allow_inf_nan=False),
]
"""How many of something an indicator promises: not negative, not NaN."""

UNIT_MAX = 20

IndicatorKey = Annotated[str, Field(pattern=r"^[0-9a-z]{4,16}$")]
"""An indicator's own short id: lower-case letters and digits, 4 to 16 of them."""


def new_indicator_key() -> str:
    """A fresh random key for an indicator just created (8 hex digits, 32 bits)."""
    return secrets.token_hex(4)


Unit = Annotated[ShortText, StringConstraints(max_length=UNIT_MAX)]
"""What an indicator counts in: 篇, 项, 套, 人次 … (a word, not a sentence)."""


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


class Indicator(DraftModel):
    """One assessment indicator (考核指标): its words, and the count it promises if it gives one.

    ``text`` is the indicator as the applicant writes it (“发表SCI论文5篇”);
    ``quantity`` and ``unit`` repeat the count it states (5, 篇), so that two
    versions of an application can be compared item by item. An indicator
    with no count (a performance target, a mechanism to explain) has none.
    ``key`` names the item for good: made when the item is created and never
    edited, it matches a formal application's indicator to the one the
    pre-application promised even when its words or its place change.
    """

    key: IndicatorKey = Field(
        default_factory=new_indicator_key,
        description="The indicator's own id, made when it is created (never typed)",
    )
    text: LongText = ""
    quantity: Quantity | None = None
    unit: Unit = Field(default="", description="篇, 项, 件, 套, 名, 人次 …")


class FormParts(DraftModel):
    """What the applicant writes for the parts of the application form."""

    status_and_trends: LongText = ""
    objectives_and_content: LongText = ""
    indicators: list[Indicator] = Field(
        default_factory=list,
        max_length=MAX_INDICATORS,
        description="The assessment indicators (考核指标), one item each",
    )
    innovation_and_route: LongText = Field(
        default="", description="创新思路与技术路线: asked briefly by the pre-application"
    )

    @model_validator(mode="after")
    def _indicator_keys_unique(self) -> FormParts:
        keys = [item.key for item in self.indicators]
        if len(set(keys)) != len(keys):
            raise ValueError("two assessment indicators share one key")
        return self

    research_basis: LongText = ""
    schedule: LongText = ""
    organisation_and_risks: LongText = ""
    task_division: LongText = ""
    budget_notes: LongText = ""
