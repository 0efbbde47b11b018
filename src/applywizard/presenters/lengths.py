"""Character counters under the fields a guide pack limits in length, without Qt: “12 / 25”.

The counting is the domain's (``domain/text_length.py``, the limits from the
pack's ``max_length`` rules). ``LengthCounts`` reads the limits of the
draft's pack and direction (again only when either changed) and says, for
what a field shows, the counter's text and whether it is over; a field with
no limit has no counter. ``ui.length_counter`` shows the labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.length_limits import LengthLimit, length_limits
from applywizard.presenters.text import _


@dataclass(frozen=True)
class Counter:
    """What a counter shows: “count / limit”, and whether the text is over the limit."""

    text: str
    over: bool


class LengthCounts:
    """The limits of the draft's pack and direction, and the counters they give."""

    def __init__(self) -> None:
        self.limits: dict[str, LengthLimit] = {}
        self._book: RuleBook | None = None
        self._direction = ""

    def follow(self, book: RuleBook, direction: str) -> None:
        """Use the limits of ``book`` for ``direction`` (read again only when either changed)."""
        if book is not self._book or direction != self._direction:
            self.limits = length_limits(book, direction or None)
            self._book, self._direction = book, direction

    def counter(self, path: str, shown: str) -> Counter | None:
        """The counter of the field editing ``path`` showing ``shown``; None without a limit."""
        limit = self.limits.get(path)
        if limit is None:
            return None
        found = limit.measure(shown)
        text = _("{count} / {limit}").format(count=found.count, limit=found.limit)
        return Counter(text, found.over)
