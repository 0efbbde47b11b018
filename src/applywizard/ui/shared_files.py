"""The window's side of a shared draft: lock questions, changes on disk, read-only mode.

Every question is a message box run through ``dialogs.run_dialog`` (the tests
answer it there), its buttons named ``lock.read_only``, ``conflict.reload``
and so on; the words are ``presenters.sharing``'s. ``ChangeWatch`` looks at
the draft's file every few seconds and whenever the window is activated (no
file-system watcher: network folders send no events) and shows a bar when
someone else saved it; the same bar says when the draft is open read-only.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer

from applywizard.adapters.draft_lock import LockState, inspect_lock
from applywizard.presenters.sharing import (
    EDITABLE_WHEN_READ_ONLY,
    ConflictChoice,
    LockChoice,
    Question,
    changed_notice,
    changed_question,
    locked_question,
    overwrite_confirmations,
    read_only_notice,
    reload_confirmation,
    taken_over_notice,
)
from applywizard.ui import dialogs
from applywizard.ui.text import _
from applywizard.workflow.sharing import ChangedOnDiskError

if TYPE_CHECKING:
    from pathlib import Path

    from applywizard.ui.hub import DraftHub
    from applywizard.workflow.session import DraftSession

CHECK_MS = 5_000
"""How often the window looks at the draft's file for someone else's save."""


class SavingWindow(Protocol):
    """What these questions need of the window (``ui.wizard_files.DraftFileCommands``)."""

    hub: DraftHub

    def save_as(self) -> bool:
        """Save to a file the user chooses."""
        ...

    def reload_from_disk(self) -> bool:
        """Read the draft's file again."""
        ...

    def save_to_overwriting(self) -> bool:
        """Save over the newer file on disk."""
        ...


def ask(parent: QtWidgets.QWidget, question: Question, name: str) -> Enum:
    """Put a question with its choices; the choice made (the last one if closed)."""
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(question.title)
    box.setText(question.text)
    buttons: dict[QtWidgets.QAbstractButton, Enum] = {}
    for choice, text in question.choices:
        role = (
            QtWidgets.QMessageBox.ButtonRole.RejectRole
            if choice is question.choices[-1][0]
            else QtWidgets.QMessageBox.ButtonRole.AcceptRole
        )
        button = box.addButton(text, role)
        button.setObjectName(f"{name}.{choice.value}")
        buttons[button] = choice
    dialogs.run_dialog(box)
    clicked = box.clickedButton()
    last = question.choices[-1][0]
    return buttons.get(clicked, last) if clicked is not None else last


def confirm(parent: QtWidgets.QWidget, text: str, name: str) -> bool:
    """A yes/no question, No by default."""
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(_("ApplyWizard"))
    box.setText(text)
    yes = box.addButton(QtWidgets.QMessageBox.StandardButton.Yes)
    yes.setObjectName(f"{name}.yes")
    no = box.addButton(QtWidgets.QMessageBox.StandardButton.No)
    no.setObjectName(f"{name}.no")
    box.setDefaultButton(no)
    dialogs.run_dialog(box)
    return box.clickedButton() is yes


def ask_about_lock(parent: QtWidgets.QWidget, state: LockState, path: Path) -> LockChoice:
    """Someone else has ``path`` open: read-only, a copy, anyway, or cancel."""
    choice = ask(parent, locked_question(state, path.name), "lock")
    return choice if isinstance(choice, LockChoice) else LockChoice.CANCEL


def lock_choice(parent: QtWidgets.QWidget, session: DraftSession, path: Path) -> LockChoice | None:
    """Before opening ``path``: None if nobody else has it open, else what the user chose."""
    state = inspect_lock(path, holder=session.files.holder)
    if state is None or state.stale or state.mine:
        return None  # free, left by a crash, or this window's own
    return ask_about_lock(parent, state, path)


def lock_opened(session: DraftSession, path: Path, choice: LockChoice | None) -> None:
    """After opening ``path`` for editing: lock it (read-only if someone got there first)."""
    if choice in (LockChoice.READ_ONLY, LockChoice.COPY):
        return
    if session.files.lock_file(path, take_over=choice is LockChoice.ANYWAY) is not None:
        session.files.read_only = True


def settle_conflict(
    parent: QtWidgets.QWidget, window: SavingWindow, error: ChangedOnDiskError
) -> bool:
    """The file changed on disk: save as, reload (asked), overwrite (asked twice)."""
    name = error.path.name
    choice = ask(parent, changed_question(name, error.now), "conflict")
    if choice is ConflictChoice.SAVE_AS:
        return window.save_as()
    if choice is ConflictChoice.RELOAD:
        if confirm(parent, reload_confirmation(name), "conflict.reload.confirm"):
            window.reload_from_disk()
        return False
    if choice is ConflictChoice.OVERWRITE:
        first, second = overwrite_confirmations(name)
        if confirm(parent, first, "conflict.overwrite.confirm") and confirm(
            parent, second, "conflict.overwrite.again"
        ):
            return window.save_to_overwriting()
    return False


class ChangeWatch(QObject):
    """Looks for someone else's save of the draft, shows a bar, keeps the lock fresh."""

    def __init__(self, window: QtWidgets.QWidget, hub: DraftHub, bar: QtWidgets.QLabel) -> None:
        super().__init__(window)
        self.window, self.hub, self.bar = window, hub, bar
        self.note = ""
        """A lasting note when nothing else is to be said (a version that could not be kept)."""
        self.noticed: str | None = None
        """The SHA-256 of the change already shown (the bar is not shown twice for it)."""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowActivate:
            self.look()
        return False

    def tick(self) -> None:
        """The autosave's tick: refresh the lock, then look."""
        session = self.hub.session
        if not session.files.keep_alive() and session.path is not None:
            self.say(taken_over_notice(session.path.name))
        self.look()

    def look(self) -> None:
        """Compare the file with what the session last read or wrote; say so if it changed."""
        if not self.hub.ready:
            return
        session = self.hub.session
        changed = session.files.changed_on_disk(session.path)
        if changed is not None and session.path is not None:
            if changed.sha256 != self.noticed:
                self.noticed = changed.sha256
                self.say(changed_notice(session.path.name, changed))
        elif session.files.read_only and session.path is not None:
            self.say(read_only_notice(session.path.name))
        else:
            self.noticed = None
            self.say(self.note)

    def say(self, text: str) -> None:
        """Show ``text`` in the bar (hidden when empty)."""
        self.bar.setText(text)
        self.bar.setVisible(bool(text))

    def show_mode(self) -> None:
        """Editing on or off for the draft's pages, as the session's read-only mode says."""
        read_only = self.hub.ready and self.hub.session.files.read_only
        pages = getattr(self.window, "pages", {})
        for page_id, page in pages.items():
            page.setEnabled(page_id in EDITABLE_WHEN_READ_ONLY or not read_only)
        self.look()
