"""Which edition of a batch's guide a pack holds, and the dates the call sets.

``Edition``: the draft for comments, the published guide, or the published
guide as a later notice amended it, with its names in Chinese and English
(``EDITION_NAMES``). ``Deadline``: a date the call sets, such as when
submission closes, with the time of day and where the guide says so.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from applywizard.domain.guide.base import Bilingual, GuideModel


class Edition(StrEnum):
    """Which version of a batch's guide a pack holds."""

    DRAFT = "draft"  # 征求意见稿: the draft for comments
    PUBLISHED = "published"  # 正式发布的申报指南
    AMENDED = "amended"  # the published guide as a later notice amended it


EDITION_NAMES: dict[Edition, tuple[str, str]] = {
    Edition.DRAFT: ("征求意见稿", "draft for comments"),
    Edition.PUBLISHED: ("正式发布", "published"),
    Edition.AMENDED: ("修订版", "amended"),
}


class Deadline(GuideModel):
    """A date the call sets (submission closes, the unit's confirmation closes, …)."""

    what: Bilingual
    on: date
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    source: str = Field(min_length=1)
