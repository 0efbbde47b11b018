"""The guide clauses a draft keeps, as its pack worded them when it was last saved.

``PinnedClause``: a clause's number, text and rule ids, from the direction or
from the batch's notice (``ClauseSource``). ``domain/rules/pinning.py`` pins
them on saving and says which clauses changed when the pack did.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from applywizard.domain.draft.base import DraftModel
from applywizard.domain.text import LongText, ShortText


class ClauseSource(StrEnum):
    """Whether a pinned clause is one of the direction's or one of the call notice's."""

    GUIDE = "guide"
    NOTICE = "notice"


class PinnedClause(DraftModel):
    """A clause as the draft's guide pack worded it when the draft was last saved.

    A draft keeps these for its direction (and for the batch's notice), so
    that opening it under a changed pack can say which clauses were added,
    removed or changed, on any machine, without the old pack at hand.
    """

    source: ClauseSource = ClauseSource.GUIDE
    notice: ShortText = ""
    number: int = Field(ge=0, le=999)
    text: LongText = ""
    rules: list[ShortText] = Field(default_factory=list, max_length=200)
