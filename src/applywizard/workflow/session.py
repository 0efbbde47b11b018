"""The draft being edited: changes by field path, findings, saving and recovery.

No Qt here: the window calls ``set_value("foreign_partners.0.country", "IT")``
and reads back ``findings``; tests do the same without a window. A change
the draft model refuses is not applied and comes back as a message, so the
field keeps the user's text and says why. Recovery copies go to a separate
folder, never over the user's file, and are removed when the session ends
cleanly; any left behind at the next start are offers to recover.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from applywizard.adapters.draft_files import (
    DraftFileError,
    SaveOutcome,
    read_draft,
    save_draft,
    write_bytes_atomically,
)
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import (
    ChineseUnit,
    Draft,
    ForeignPartner,
    OtherProject,
    TeamMember,
    first_stage,
)
from applywizard.domain.draft.project import Indicator
from applywizard.domain.draft.reuse import reuse_for_next_call
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.finding import Finding
from applywizard.domain.rules.pinning import pin
from applywizard.workflow.sharing import FileGuard

RECOVERY_SUFFIX = ".recovery.json"
ORIGIN_SUFFIX = ".origin.json"

ITEM_FACTORIES: dict[str, Callable[[], BaseModel]] = {
    "chinese_units": ChineseUnit,
    "foreign_partners": ForeignPartner,
    "team": TeamMember,
    "leader_projects": OtherProject,
    "form.indicators": Indicator,
}
"""The draft's lists that are edited a row at a time, by path, with what a new row holds."""


class EditRefusedError(ValueError):
    """The draft model refused a value; the message says why, in Chinese and English."""

    def __init__(self, path: str, zh: str, en: str) -> None:
        super().__init__(f"{path}: {en}")
        self.path, self.zh, self.en = path, zh, en


def _parent_and_key(draft: Draft, path: str) -> tuple[Any, str]:
    parts = path.split(".")
    parent: Any = draft
    for part in parts[:-1]:
        parent = parent[int(part)] if isinstance(parent, list) else getattr(parent, part)
    return parent, parts[-1]


def _refusal(path: str, error: ValidationError) -> EditRefusedError:
    message = error.errors()[0]["msg"] if error.errors() else str(error)
    return EditRefusedError(path, f"输入无效：{message}", f"not accepted: {message}")


@dataclass(frozen=True)
class Recovery:
    """A recovery copy left by a session that did not end cleanly."""

    path: Path
    origin: Path | None


class DraftSession:
    """One draft being edited, with its file and its recovery copy."""

    def __init__(
        self,
        book: RuleBook,
        draft: Draft | None = None,
        *,
        path: Path | None = None,
        recovery_folder: Path | None = None,
    ) -> None:
        self.book = book
        self.draft = draft or self._empty_draft()
        self.path = path
        self.dirty = False
        self.recovery_folder = recovery_folder
        self._recovery_id = uuid.uuid4().hex
        self._findings: list[Finding] | None = None
        self.files = FileGuard()
        """The draft file's lock, its stamp on disk, and read-only mode."""
        self.last_save: SaveOutcome | None = None
        """What the last save did besides writing: the version kept, leftovers removed."""
        self.files.remember(path)

    def _empty_draft(self) -> Draft:
        guide = self.book.guide
        return Draft(
            guide_id=guide.id,
            guide_hash=self.book.content_hash,
            stage=first_stage(pre_application=guide.pre_application),
        )

    def use_guide(self, book: RuleBook) -> None:
        """Judge the draft by another guide pack from now on (the user confirmed the switch).

        The draft names the new pack at once; its pinned clauses follow when it
        is saved. The caller maps the direction if its code changed.
        """
        self.book = book
        self.draft.guide_id = book.guide.id
        self.draft.guide_hash = book.content_hash
        self._changed()

    # -- reading ---------------------------------------------------------------
    @property
    def findings(self) -> list[Finding]:
        """The rules' findings on the draft as it is now (computed once per change)."""
        if self._findings is None:
            self._findings = self.book.evaluate(self.draft)
        return self._findings

    def value(self, path: str) -> Any:
        """The value at a field path."""
        parent, key = _parent_and_key(self.draft, path)
        if isinstance(parent, dict):
            return parent.get(key)
        if isinstance(parent, list):
            return parent[int(key)]
        return getattr(parent, key)

    # -- changing --------------------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True
        self._findings = None

    def set_value(self, path: str, value: Any) -> None:
        """Change one field; EditRefusedError (nothing changed) if the model refuses it."""
        parent, key = _parent_and_key(self.draft, path)
        if parent is self.draft.declarations:  # True, False, or None: not answered (no key)
            answers = dict(self.draft.declarations)
            answers.pop(key, None)
            if value is not None:
                answers[key] = bool(value)
            self.set_value("declarations", answers)
            return
        if self.value(path) == value:
            return
        try:
            setattr(parent, key, value)
        except ValidationError as error:
            raise _refusal(path, error) from error
        self._changed()

    def items(self, collection: str) -> list[Any]:
        """The draft's list at ``collection`` (``team``, ``form.indicators``)."""
        items: list[Any] = self.value(collection)
        return items

    def add_item(self, collection: str) -> int:
        """Append an empty unit, partner, team member, indicator…; returns its index."""
        items = self.items(collection)
        items.append(ITEM_FACTORIES[collection]())
        self._changed()
        return len(items) - 1

    def remove_item(self, collection: str, index: int) -> None:
        """Remove the item at ``index``."""
        del self.items(collection)[index]
        self._changed()

    def move_item(self, collection: str, index: int, offset: int) -> int:
        """Move an item up (-1) or down (+1); returns its new index."""
        items = self.items(collection)
        target = max(0, min(len(items) - 1, index + offset))
        if target != index:
            items.insert(target, items.pop(index))
            self._changed()
        return target

    def replace(
        self,
        draft: Draft,
        *,
        path: Path | None,
        dirty: bool,
        book: RuleBook | None = None,
        read_only: bool = False,
    ) -> None:
        """Edit another draft from now on (after Open, or New from an earlier one).

        ``book``: the guide pack to judge it by from now on (the draft's own
        pack, as the window found it); the session's pack otherwise. The lock
        on the old file is given up unless it is the same file; the caller
        locks a new one (``files.lock_file``), asking the user when it is taken.
        """
        self.discard_recovery()
        if self.files.lock is not None and self.files.lock.draft != path:
            self.files.release()
        self.book = book or self.book
        self.draft, self.path, self.dirty = draft, path, dirty
        self.files.read_only = read_only
        self.files.remember(path)
        self._findings = None
        self._recovery_id = uuid.uuid4().hex

    def start_new(self, book: RuleBook | None = None) -> None:
        """An empty application for the session's guide (or ``book``), not yet saved anywhere."""
        self.book = book or self.book
        self.replace(self._empty_draft(), path=None, dirty=False)

    def start_from_file(self, path: Path, book: RuleBook | None = None) -> None:
        """A new application from the earlier draft in ``path``; DraftFileError if unreadable."""
        self.start_from_earlier(read_draft(path), book)

    def start_from_earlier(self, earlier: Draft, book: RuleBook | None = None) -> None:
        """A new application keeping an earlier draft's units, people and partners."""
        self.book = book or self.book
        self.replace(
            reuse_for_next_call(
                earlier,
                guide_id=self.book.guide.id,
                guide_hash=self.book.content_hash,
                stage=first_stage(pre_application=self.book.guide.pre_application),
            ),
            path=None,
            dirty=True,
        )

    # -- files -------------------------------------------------------------------
    def open(self, path: Path) -> None:
        """Edit the draft in ``path`` and lock it; DraftFileError says why when it cannot.

        A draft someone else has locked opens read-only (the window asks first).
        """
        draft = read_draft(path)
        self.replace(draft, path=path, dirty=False)
        self.files.read_only = self.files.lock_file(path) is not None

    def reload(self) -> None:
        """Read the draft's file again, dropping unsaved changes (someone else saved it)."""
        if self.path is None:
            return
        read_only = self.files.read_only
        self.replace(read_draft(self.path), path=self.path, dirty=False, read_only=read_only)

    def close(self) -> None:
        """The window closes: give up the lock (the recovery copy is the caller's)."""
        self.files.release()

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save atomically (to ``path``, or the current file); returns where.

        Never over a file that changed on disk since it was opened or saved
        (``ChangedOnDiskError``; ``overwrite`` when the user chose to), over a
        draft open read-only, or as a file someone else has open.
        """
        target = path or self.path
        if target is None:
            raise DraftFileError(Path(), "尚未指定保存位置", "no file to save to yet")
        self.files.check_before_save(target, self.path, overwrite=overwrite)
        pinned = pin(self.draft, self.book.guide, self.book.content_hash)
        try:
            self.last_save = save_draft(pinned, target)
        except DraftFileError:
            if target != self.path and self.path is not None:
                self.files.lock_file(self.path)  # back on the file still being edited
            raise
        if target != self.path:
            self.files.read_only = False
        self.files.remember(target)
        for name in ("guide_id", "guide_hash", "guide_clauses"):  # the same draft object
            setattr(self.draft, name, getattr(pinned, name))
        self._findings = None
        self.path, self.dirty = target, False
        self.discard_recovery()
        return target

    @property
    def recovery_path(self) -> Path | None:
        """Where this session's recovery copy goes."""
        if self.recovery_folder is None:
            return None
        return self.recovery_folder / f"{self._recovery_id}{RECOVERY_SUFFIX}"

    def write_recovery(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes; never the user's file."""
        target = self.recovery_path
        if target is None or not self.dirty:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(target, encode_draft(self.draft), keep_backup=False)
        origin = {"path": str(self.path) if self.path else None}
        write_bytes_atomically(
            target.with_name(target.name.removesuffix(RECOVERY_SUFFIX) + ORIGIN_SUFFIX),
            json.dumps(origin).encode("utf-8"),
            keep_backup=False,
        )
        return target

    def discard_recovery(self) -> None:
        """Remove this session's recovery copy (after a save or a clean exit)."""
        target = self.recovery_path
        if target is None:
            return
        for leftover in (
            target,
            target.with_name(target.name.removesuffix(RECOVERY_SUFFIX) + ORIGIN_SUFFIX),
        ):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def find_recoveries(folder: Path) -> list[Recovery]:
    """Recovery copies left in ``folder`` by sessions that ended abruptly, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for copy in folder.glob(f"*{RECOVERY_SUFFIX}"):
        origin_file = copy.with_name(copy.name.removesuffix(RECOVERY_SUFFIX) + ORIGIN_SUFFIX)
        origin: Path | None = None
        with contextlib.suppress(OSError, ValueError, TypeError):
            recorded = json.loads(origin_file.read_text(encoding="utf-8")).get("path")
            origin = Path(recorded) if recorded else None
        found.append(Recovery(copy, origin))
    return sorted(found, key=lambda item: item.path.stat().st_mtime, reverse=True)


def forget_recovery(recovery: Recovery) -> None:
    """Delete a recovery copy the user declined or has restored."""
    for leftover in (
        recovery.path,
        recovery.path.with_name(recovery.path.name.removesuffix(RECOVERY_SUFFIX) + ORIGIN_SUFFIX),
    ):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
