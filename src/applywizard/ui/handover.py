"""“打包发送 / Pack for handing on” and opening a pack, in the window.

``pack_for_handing_on(wizard)`` saves the draft first if it must (asked),
looks for its attached files, offers a folder to look in when some are not
found, asks where to write the pack and shows what was packed and, by name,
what was not. ``open_pack(wizard, path)`` asks for a folder, unpacks the pack
into it (or into a new folder inside it) and opens the draft; a refused pack
is named with why. Callers settle unsaved changes before ``open_pack``, as
before ``ApplicationWizard.open_path``. The words and steps are
``presenters.handover``'s; message boxes run through ``dialogs.run_dialog``
and the file dialogs through the small functions below, which the tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from applywizard.presenters.handover import PACK_FILTER, HandoverPresenter, Looked, Outcome
from applywizard.ui import dialogs
from applywizard.ui.text import _

if TYPE_CHECKING:
    from applywizard.ui.wizard_files import DraftFileCommands

SHOWN_LINES = 25
"""Lines shown in a message box's text; all of them are in its details too."""


def choose_pack_file(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to write the pack (replaced in the tests)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the pack for handing on"), str(suggested), PACK_FILTER
    )
    return Path(chosen) if chosen else None


def choose_folder_to_look_in(parent: QWidget, start: Path) -> Path | None:
    """Ask for a folder that holds attached files (replaced in the tests)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, _("Choose a folder holding the attached files"), str(start)
    )
    return Path(chosen) if chosen else None


def choose_unpack_folder(parent: QWidget, start: Path) -> Path | None:
    """Ask where to unpack a pack (replaced in the tests)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, _("Choose where to unpack the draft and its files"), str(start)
    )
    return Path(chosen) if chosen else None


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("handover.message")
    return box


def _with_lines(box: QMessageBox, lines: list[str]) -> None:
    if not lines:
        return
    shown = lines[:SHOWN_LINES]
    if len(lines) > SHOWN_LINES:
        shown.append(_("… and {count} more (see Details)").format(count=len(lines) - SHOWN_LINES))
    box.setInformativeText("\n".join(shown))
    box.setDetailedText("\n".join(lines))


def show_outcome(parent: QWidget, outcome: Outcome) -> None:
    """Say what packing or unpacking did, every file left out named; a warning if any was."""
    if outcome.problem:
        box = _box(parent, QMessageBox.Icon.Warning, outcome.title, outcome.problem)
    else:
        icon = QMessageBox.Icon.Information if outcome.complete else QMessageBox.Icon.Warning
        box = _box(parent, icon, outcome.title, outcome.summary)
        _with_lines(box, outcome.lines)
    box.addButton(QMessageBox.StandardButton.Ok)
    dialogs.run_dialog(box)


def _saved_first(wizard: DraftFileCommands, presenter: HandoverPresenter) -> bool:
    if not presenter.needs_saving():
        return True
    box = _box(
        wizard, QMessageBox.Icon.Question, _("Pack for handing on"), presenter.save_first_text()
    )
    save = box.addButton(QMessageBox.StandardButton.Save)
    box.addButton(QMessageBox.StandardButton.Cancel)
    dialogs.run_dialog(box)
    return box.clickedButton() is save and wizard.save()


def _looked_everywhere(wizard: DraftFileCommands, presenter: HandoverPresenter) -> Looked | None:
    """The files looked for, in a folder too if the user names one; None if cancelled."""
    looked = presenter.look()
    if looked.problem or not looked.missing:
        return looked
    box = _box(
        wizard,
        QMessageBox.Icon.Question,
        _("Pack for handing on"),
        presenter.ask_folder_text(looked),
    )
    _with_lines(box, looked.missing)
    folder = box.addButton(_("Choose a &folder…"), QMessageBox.ButtonRole.ActionRole)
    without = box.addButton(_("Pack &without them"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    dialogs.run_dialog(box)
    if box.clickedButton() is without:
        return looked
    if box.clickedButton() is not folder:
        return None
    session_path = presenter.session.path
    start = session_path.parent if session_path is not None else Path.home()
    chosen = choose_folder_to_look_in(wizard, start)
    return presenter.look(chosen) if chosen is not None else None


def pack_for_handing_on(wizard: DraftFileCommands) -> Outcome | None:
    """“打包发送”: write the draft and its attached files into one pack; None if cancelled."""
    if not wizard.hub.ready:
        return None
    presenter = HandoverPresenter(lambda: wizard.hub.session)
    if not _saved_first(wizard, presenter):
        return None
    looked = _looked_everywhere(wizard, presenter)
    if looked is None:
        return None
    if looked.problem:
        outcome = presenter.not_packed(looked.problem)
        show_outcome(wizard, outcome)
        return outcome
    target = choose_pack_file(wizard, presenter.suggested_pack())
    if target is None:
        return None
    outcome = presenter.pack(target, looked)
    show_outcome(wizard, outcome)
    return outcome


def open_pack(wizard: DraftFileCommands, path: Path) -> bool:
    """Unpack the pack at ``path`` into a folder the user chooses and open its draft.

    False, with nothing written, if the user cancels or the pack is refused
    (the message says why). Call it after ``wizard.settle_unsaved()``.
    """
    if not wizard.hub.ready:
        return False
    presenter = HandoverPresenter(lambda: wizard.hub.session)
    chosen = choose_unpack_folder(wizard, path.parent)
    if chosen is None:
        return False
    outcome = presenter.unpack(path, presenter.unpack_folder(chosen, path))
    if outcome.unpacked is None:
        show_outcome(wizard, outcome)
        return False
    opened = wizard.open_path(outcome.unpacked.draft_path)
    show_outcome(wizard, outcome)
    return opened
