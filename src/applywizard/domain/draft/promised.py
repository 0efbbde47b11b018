"""What a pre-application promised, frozen when the draft moves to the formal application.

``PreApplicationRecord`` is a copy of the parts a formal application must
keep (its sources: docs/pre-application-sources.md §2): the assessment
indicators with their keys, the research content's texts, the lead unit,
the participating units, the project leader, each unit's funds and their
totals, the direction, the day it was frozen, and the SHA-256 of its own
canonical JSON. The record is never edited: a record whose digest does not
match its contents was changed by hand, and the rules say so
(``checks/promises.py``). Taking the snapshot is ``promising.snapshot``.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from pydantic import ConfigDict, Field

from applywizard.domain.draft.base import BoundedDate, DraftModel, Sha256
from applywizard.domain.draft.project import IndicatorKey, Quantity, Unit
from applywizard.domain.text import LongText, ShortText, Wan

MAX_PROMISED_ITEMS = 500


class Frozen(DraftModel):
    """Base of the record's parts: validated like the draft, and never changed once made."""

    model_config = ConfigDict(frozen=True)


class PromisedIndicator(Frozen):
    """An assessment indicator as the pre-application stated it."""

    key: IndicatorKey
    text: LongText = ""
    quantity: Quantity | None = None
    unit: Unit = ""


class PromisedText(Frozen):
    """A research-content text of the pre-application, by its field path."""

    path: ShortText
    text: LongText = ""


class PromisedUnit(Frozen):
    """A Chinese unit of the pre-application: who it is and the money it was to have."""

    name: ShortText = ""
    credit_code: ShortText = ""
    central_funds_wan: Wan = Decimal(0)
    self_raised_wan: Wan = Decimal(0)


class PromisedLeader(Frozen):
    """The project leader of the pre-application, as the team lists them."""

    name: ShortText = ""
    unit: ShortText = ""


class PreApplicationRecord(Frozen):
    """The pre-application's promises, frozen, with the digest of their canonical JSON."""

    frozen_on: BoundedDate
    direction: ShortText = ""
    indicators: tuple[PromisedIndicator, ...] = Field(default=(), max_length=MAX_PROMISED_ITEMS)
    texts: tuple[PromisedText, ...] = Field(default=(), max_length=MAX_PROMISED_ITEMS)
    lead_unit: PromisedUnit | None = None
    participating_units: tuple[PromisedUnit, ...] = Field(default=(), max_length=MAX_PROMISED_ITEMS)
    leader: PromisedLeader | None = None
    central_funds_wan: Wan = Field(default=Decimal(0), description="All units' central funds")
    self_raised_wan: Wan = Field(default=Decimal(0), description="All units' self-raised funds")
    sha256: Sha256 = Field(description="SHA-256 of the record's canonical JSON, without this")

    def computed_sha256(self) -> str:
        """The digest the record's contents give now (equal to ``sha256`` unless edited)."""
        return digest_of(self.model_dump(mode="json", exclude={"sha256"}))

    @property
    def intact(self) -> bool:
        """True when the contents still give the digest stored with them."""
        return self.computed_sha256() == self.sha256

    def indicator(self, key: str) -> PromisedIndicator | None:
        """The promised indicator with this key, if any."""
        return next((item for item in self.indicators if item.key == key), None)

    def text(self, path: str) -> str | None:
        """The promised text of a field path, None when it was not recorded."""
        return next((item.text for item in self.texts if item.path == path), None)

    @property
    def total_wan(self) -> Decimal:
        """Central and self-raised funds together."""
        return self.central_funds_wan + self.self_raised_wan


def digest_of(contents: dict[str, object]) -> str:
    """SHA-256 of canonical JSON: sorted keys, no spaces, UTF-8, decimals as strings."""
    canonical = json.dumps(contents, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sealed(**contents: object) -> PreApplicationRecord:
    """A record of ``contents`` with the digest they give."""
    unsealed = PreApplicationRecord.model_validate({**contents, "sha256": "0" * 64})
    return unsealed.model_copy(update={"sha256": unsealed.computed_sha256()})
