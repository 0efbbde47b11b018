"""The figures a guide states, in its own words and as numbers.

A direction's project count (``ProjectCount``) and central funds
(``Budget``), each with how the guide states it (``Qualifier``: exact, at
most, about, a range); the duration it allows (``DurationRule``, with how
firmly: ``Strength``); a cap on one project's funds per year
(``ProjectBudgetCap``); and what the guide's summary (section 二) says of the
whole call (``HeadlineFigures``).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator

from applywizard.domain.guide.base import GuideModel


class Qualifier(StrEnum):
    """How the guide states a figure."""

    EXACT = "exact"  # 10个
    AT_MOST = "at_most"  # 不超过20个
    ABOUT = "about"  # 4个左右 / 约6000万元
    RANGE = "range"  # 2-3 个


class ProjectCount(GuideModel):
    """A number of projects as the guide states it.

    ``value`` is the figure the catalogue adds up: the count, the upper bound
    for 不超过 or a range, the stated figure for 左右.
    """

    value: int = Field(ge=1)
    qualifier: Qualifier
    minimum: int | None = Field(default=None, ge=1)
    text: str = Field(min_length=1, description="The guide's own words")

    @model_validator(mode="after")
    def _range_has_minimum(self) -> ProjectCount:
        if (self.qualifier is Qualifier.RANGE) != (self.minimum is not None):
            raise ValueError("a range needs a minimum, and only a range has one")
        if self.minimum is not None and self.minimum > self.value:
            raise ValueError("the minimum of a range exceeds its maximum")
        return self


class Budget(GuideModel):
    """Central funds in 万元 as the guide states them."""

    wan: Decimal = Field(gt=0, allow_inf_nan=False)
    qualifier: Qualifier
    text: str = Field(min_length=1, description="The guide's own words")

    @model_validator(mode="after")
    def _no_range(self) -> Budget:
        if self.qualifier is Qualifier.RANGE:
            raise ValueError("a budget is never stated as a range")
        return self


class Strength(StrEnum):
    """How firmly the guide states a limit; it decides a breach's severity."""

    MUST = "must"  # 为 / 不超过 / 须: a breach is an error
    IN_PRINCIPLE = "in_principle"  # 原则上: a breach is a warning
    GENERALLY = "generally"  # 一般为: a breach is a warning


class DurationRule(GuideModel):
    """The project duration a direction allows, in months."""

    min_months: int | None = Field(default=None, ge=1)
    max_months: int | None = Field(default=None, ge=1)
    strength: Strength
    clause: int | None = Field(default=None, ge=0, description="None: from the guide's body")
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _bounds(self) -> DurationRule:
        if self.min_months is None and self.max_months is None:
            raise ValueError("a duration rule needs a minimum or a maximum")
        if (
            self.min_months is not None
            and self.max_months is not None
            and self.min_months > self.max_months
        ):
            raise ValueError("the minimum duration exceeds the maximum")
        return self

    def summary(self) -> tuple[str, str]:
        """The limit in a few characters, Chinese and English: “≤ 4 年（原则上）”, “2–3 years”."""

        def whole_years(months: int) -> bool:
            return months % 12 == 0

        def amount(months: int, *, zh: bool) -> str:
            if not whole_years(months):
                return f"{months} 个月" if zh else f"{months} months"
            years = months // 12
            return f"{years} 年" if zh else f"{years} year{'' if years == 1 else 's'}"

        low, high = self.min_months, self.max_months
        texts = []
        for zh in (True, False):
            if low is not None and high is not None and low != high:
                both_years = whole_years(low) and whole_years(high)
                shown = f"{low // 12}" if both_years else amount(low, zh=zh)
                texts.append(f"{shown}–{amount(high, zh=zh)}")
            elif low is not None:
                texts.append(amount(low, zh=zh) if low == high else f"≥ {amount(low, zh=zh)}")
            else:
                assert high is not None  # the validator requires one bound
                texts.append(f"≤ {amount(high, zh=zh)}")
        zh_word, en_word = {
            Strength.IN_PRINCIPLE: ("（原则上）", " (in principle)"),
            Strength.GENERALLY: ("（一般）", " (generally)"),
        }.get(self.strength, ("", ""))
        return texts[0] + zh_word, texts[1] + en_word


class ProjectBudgetCap(GuideModel):
    """A cap on one project's central funds per year of its duration."""

    max_central_wan_per_year: Decimal = Field(gt=0, allow_inf_nan=False)
    section: str = Field(min_length=1, description="Where the guide says it, e.g. 拟支持项目数")
    text: str = Field(min_length=1)


class HeadlineFigures(GuideModel):
    """What the guide's own summary (section 二) says."""

    directions: int = Field(ge=1)
    counterparts: int = Field(ge=1)
    projects_about: int = Field(ge=1)
    budget_yi_about: Decimal = Field(gt=0)
    default_duration: DurationRule
