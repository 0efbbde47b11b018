"""A draft on a shared folder, as the window says it: locks, changes on disk, read-only.

Plain words for the window's questions and notices: who has a draft open and
since when (from the lock file), what changed on disk, what read-only means
and which pages it stops editing. ``ui.shared_files`` shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from applywizard.adapters.draft_lock import LockState
from applywizard.adapters.file_stamps import FileStamp
from applywizard.presenters.text import _
from applywizard.workflow.flow import PageId

NO_BREAK = "\u00a0"
"""Between a program and its version, a date and its time: never broken across lines."""

EDITABLE_WHEN_READ_ONLY = frozenset({PageId.START, PageId.REVIEW, PageId.GENERATE})
"""Pages that edit nothing: they stay usable when a draft is open read-only."""


class LockChoice(Enum):
    """What to do with a draft someone else has open."""

    READ_ONLY = "read_only"
    COPY = "copy"
    ANYWAY = "anyway"
    CANCEL = "cancel"


class ConflictChoice(Enum):
    """What to do when the file changed on disk since it was opened."""

    SAVE_AS = "save_as"
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Question:
    """A question with its title, text and the choices offered, in order."""

    title: str
    text: str
    choices: tuple[tuple[Enum, str], ...]


def age_words(seconds: float) -> str:
    """How long ago, roughly: 3 minutes, 2 hours, 5 days."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return _("less than a minute")
    if minutes < 120:
        return _("{count} min").format(count=minutes)
    hours = minutes // 60
    if hours < 48:
        return _("{count} h").format(count=hours)
    return _("{count} days").format(count=hours // 24)


def locked_question(state: LockState, file_name: str) -> Question:
    """Someone has the draft open: who, since when, and the three ways on."""
    owner = state.owner
    who = owner.who if owner is not None else _("someone (the lock file cannot be read)")
    since = owner.since.replace(" ", NO_BREAK) if owner is not None and owner.since else "?"
    program = owner.program.replace(" ", NO_BREAK) if owner is not None else ""
    program = f" — {program}" if program else ""
    age = age_words(state.age_seconds)
    text = _(
        "“{name}” is open by {who}{program} since {since} (lock refreshed {age} ago).\n\n"
        "Open it read-only to look, open a copy to work on separately, or open it "
        "anyway if you are sure nobody is editing it (their later save will then be "
        "stopped, not lost)."
    ).format(name=file_name, who=who, program=program, since=since, age=age)
    return Question(
        _("Draft in use"),
        text,
        (
            (LockChoice.READ_ONLY, _("Open &read-only")),
            (LockChoice.COPY, _("Open a &copy")),
            (LockChoice.ANYWAY, _("Open &anyway")),
            (LockChoice.CANCEL, _("Cancel")),
        ),
    )


def changed_question(file_name: str, now: FileStamp | None) -> Question:
    """The file changed on disk since it was opened: never overwritten without asking."""
    when = now.modified.strftime("%Y-%m-%d %H:%M:%S") if now is not None else "?"
    text = _(
        "“{name}” was changed on disk by someone else (saved {when}) after you opened it. "
        "Your changes have not been saved over it.\n\n"
        "Save yours as a new file, reload theirs (your unsaved changes are lost), "
        "or overwrite theirs with yours."
    ).format(name=file_name, when=when)
    return Question(
        _("Changed on disk"),
        text,
        (
            (ConflictChoice.SAVE_AS, _("Save as a &new file…")),
            (ConflictChoice.RELOAD, _("&Reload theirs")),
            (ConflictChoice.OVERWRITE, _("&Overwrite theirs")),
            (ConflictChoice.CANCEL, _("Cancel")),
        ),
    )


def reload_confirmation(file_name: str) -> str:
    """Asked before reloading over unsaved changes."""
    return _("Reload “{name}” from disk and lose your unsaved changes?").format(name=file_name)


def overwrite_confirmations(file_name: str) -> tuple[str, str]:
    """Asked twice before saving over someone else's newer version."""
    return (
        _("Overwrite the newer “{name}” on disk with your version?").format(name=file_name),
        _(
            "Really overwrite? The other person's changes to “{name}” will be replaced "
            "(the previous file is kept as {name}.bak)."
        ).format(name=file_name),
    )


def changed_notice(file_name: str, now: FileStamp) -> str:
    """The bar shown when the window notices, while idle, that the file changed."""
    when = now.modified.strftime("%H:%M:%S")
    return _("“{name}” was changed on disk by someone else at {when}.").format(
        name=file_name, when=when
    )


def read_only_notice(file_name: str) -> str:
    """The bar shown while a draft is open read-only."""
    return _("“{name}” is open read-only: editing is off; Save asks for a new name.").format(
        name=file_name
    )


def taken_over_notice(file_name: str) -> str:
    """The bar shown when someone else took over the lock on the draft being edited."""
    return _(
        "Someone else opened “{name}” anyway: saving will check for their changes first."
    ).format(name=file_name)
