"""Fields bound to draft paths, without Qt: what a field shows, what typed text means, its note.

``ui.binding`` makes the widgets; this module decides, for each kind of
field, the text (or number, or tick) a value is shown as, the value typed
text stands for, why typed text is refused, and the note beside the field:
its findings, or why its input was refused. A refused value stays in the
widget and is not applied; ``FieldsPresenter`` keeps the reason per path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from applywizard.domain.draft.paths import label
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.findings import Severity, finding_line
from applywizard.presenters.text import bilingual
from applywizard.workflow.session import DraftSession, EditRefusedError

WHOLE_DATE = len("2024-01-01")


def field_label(path: str) -> str:
    """A field's label in the current language."""
    zh, en = label(path)
    return bilingual(zh, en)


# -- what a value is shown as ---------------------------------------------------------
def text_shown(value: Any) -> str:
    """A text field's text (blank for none)."""
    return str(value or "")


def day_shown(value: date | None) -> str:
    """A date as YYYY-MM-DD (blank for none)."""
    return value.isoformat() if value else ""


def money_shown(value: Decimal | None) -> str:
    """An amount as plain digits (blank for none)."""
    return "" if value is None else format(value, "f")


def lines_shown(value: Sequence[str] | None) -> str:
    """A list of short texts, one per line."""
    return "\n".join(value or [])


def number_shown(value: int | None, minimum: int) -> int:
    """A whole number for a spin box whose ``minimum - 1`` reads "not given"."""
    return minimum - 1 if value is None else int(value)


# -- what typed text means ------------------------------------------------------------
def day_value(path: str, text: str) -> date | None:
    """The date typed (None for blank); EditRefusedError for an invalid or partial date."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        if len(text) == WHOLE_DATE:
            zh, en = f"“{text}”不是有效日期", f"“{text}” is not a valid date"
        else:
            zh, en = "请按 YYYY-MM-DD 输入完整日期", "type the whole date, YYYY-MM-DD"
        raise EditRefusedError(path, zh, en) from None


def money_value(path: str, text: str) -> Decimal | None:
    """The amount typed (thousands commas allowed; None for blank); refused if no number."""
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise EditRefusedError(path, f"“{text}”不是数字", f"“{text}” is not a number") from None


def lines_value(text: str) -> list[str]:
    """The non-blank lines of a text, each trimmed."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def number_value(value: int, minimum: int) -> int | None:
    """A spin box's number; below ``minimum`` means "not given"."""
    return None if value < minimum else value


# -- the note beside a field --------------------------------------------------------------
@dataclass(frozen=True)
class Note:
    """What the label beside a field says, and how it is marked (its tooltip too)."""

    text: str
    severity: Severity


def note_for(found: Sequence[Finding], refused: str | None) -> Note:
    """The refusal if the input was refused, else the field's findings, one a line."""
    if refused is not None:
        return Note(f"✖ {refused}", "error")
    if found:
        severity: Severity = "error" if any(f.is_error for f in found) else "warning"
        return Note("\n".join(finding_line(f) for f in found), severity)
    return Note("", "")


def by_field(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """The findings of each field path, in their order."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.field, []).append(finding)
    return grouped


class FieldsPresenter:
    """The bound fields of one page: edits through the session, refusals, notes."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.refused: dict[str, str] = {}
        """Why the input of each path was refused (it stays in the widget)."""
        self._shown: dict[str, Note] = {}

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    def value(self, path: str) -> Any:
        """The draft's value at ``path``."""
        return self.session.value(path)

    def commit(self, path: str, value: Any) -> bool:
        """Set a field; False (and why, kept for its note) if the draft model refuses it."""
        try:
            self.session.set_value(path, value)
        except EditRefusedError as error:
            self.refuse(error)
            return False
        self.refused.pop(path, None)
        return True

    def enter(self, path: str, read: Callable[[str, str], Any], text: str) -> bool:
        """Set a field from typed text read by ``read`` (``day_value``, ``money_value``)."""
        try:
            value = read(path, text)
        except EditRefusedError as error:
            self.refuse(error)
            return False
        return self.commit(path, value)

    def refuse(self, error: EditRefusedError) -> None:
        """Keep why the input of ``error.path`` was refused."""
        self.refused[error.path] = bilingual(error.zh, error.en)

    def forget_refusals(self) -> None:
        """Another draft was loaded into the fields: nothing typed is refused any more."""
        self.refused.clear()

    def changed_notes(self, paths: Iterable[str], findings: Sequence[Finding]) -> dict[str, Note]:
        """The notes of ``paths`` that differ from what was last shown (every keystroke asks)."""
        found = by_field(findings)
        changed: dict[str, Note] = {}
        for path in paths:
            note = note_for(found.get(path, []), self.refused.get(path))
            if self._shown.get(path) != note:
                self._shown[path] = note
                changed[path] = note
        return changed
