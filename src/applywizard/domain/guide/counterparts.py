"""Who a guide cooperates with, and where a foreign partner may come from.

``Counterpart``: a country, region, organisation or mechanism of the guide's
catalogue, with the ISO codes of the countries it stands for. ``Country``: a
country a foreign partner may come from, with its Chinese and English name.
"""

from __future__ import annotations

from pydantic import Field

from applywizard.domain.guide.base import GuideModel


class Counterpart(GuideModel):
    """A country, region, organisation or mechanism the guide cooperates with."""

    code: str = Field(pattern=r"^[A-Z]{2,5}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    countries: tuple[str, ...] = Field(min_length=1, description="ISO 3166-1 alpha-2 codes")


class Country(GuideModel):
    """A country a foreign partner may come from."""

    code: str = Field(pattern=r"^[A-Z]{2}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
