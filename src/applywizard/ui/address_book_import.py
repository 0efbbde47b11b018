"""Building the address book from earlier drafts, and choosing its file, from the Start page.

``import_earlier_drafts`` asks for the drafts (any number, from any folder),
collects their units, partners and people as ``applywizard addressbook
import`` does, and shows what it did: how many entries were added and
merged, and every conflict (the address book's value kept, the other one
named), every finding on an entry and every file it could not read.
``choose_book_file`` names a shared address book in the settings (as
``applywizard settings --address-book`` does), or goes back to the user's own.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from applywizard.adapters.app_settings import SettingsError, set_address_book
from applywizard.presenters.address_book import import_lines, unavailable
from applywizard.ui import dialogs
from applywizard.ui.text import _
from applywizard.workflow.address_book import AddressBookAccess

DRAFTS_FILTER = "ApplyWizard (*.json)"
BOOK_FILTER = "SQLite (*.sqlite3 *.sqlite *.db)"


def import_earlier_drafts(parent: QWidget, access: AddressBookAccess, folder: str) -> bool:
    """Ask for drafts and collect them into the address book; whether anything was read."""
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, _("Earlier drafts for the address book"), folder, DRAFTS_FILTER
    )
    if not chosen:
        return False
    box = QMessageBox(parent)
    box.setObjectName("book.imported")
    box.setWindowTitle(_("Address book"))
    report = access.import_drafts([Path(name) for name in chosen])
    if report is None:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(unavailable(access))
        dialogs.run_dialog(box)
        return False
    summary, details = import_lines(report)
    box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
    box.setText(summary)
    if details:
        box.setInformativeText(
            _("{count} conflict(s), finding(s) or unread file(s): see the details.").format(
                count=len(details)
            )
        )
        box.setDetailedText("\n".join(details))
    dialogs.run_dialog(box)
    return True


class BookChoice(Enum):
    """Which address book to use from now on."""

    SHARED = "shared"
    OWN = "own"
    CANCEL = "cancel"


def ask_book_choice(parent: QWidget, caption: str) -> BookChoice:
    """A shared file (a research office's), the user's own, or nothing changed."""
    box = QMessageBox(parent)
    box.setObjectName("book.file")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Address book"))
    box.setText(caption)
    box.setInformativeText(
        _(
            "A research office may keep one address book for everyone on a shared drive; "
            "choose its file (a new name makes a new book). Your own address book stays "
            "where it is."
        )
    )
    buttons: dict[QAbstractButton, BookChoice] = {}
    for choice, text, role in (
        (BookChoice.SHARED, _("Use a shared file…"), QMessageBox.ButtonRole.AcceptRole),
        (BookChoice.OWN, _("Use my own address book"), QMessageBox.ButtonRole.AcceptRole),
        (BookChoice.CANCEL, _("Cancel"), QMessageBox.ButtonRole.RejectRole),
    ):
        button = box.addButton(text, role)
        button.setObjectName(f"book.file.{choice.value}")
        buttons[button] = choice
    dialogs.run_dialog(box)
    clicked = box.clickedButton()
    return buttons.get(clicked, BookChoice.CANCEL) if clicked is not None else BookChoice.CANCEL


def choose_book_file(parent: QWidget, caption: str) -> bool:
    """Name the address book in the settings (or go back to the user's own); whether changed."""
    choice = ask_book_choice(parent, caption)
    if choice is BookChoice.CANCEL:
        return False
    path: Path | None = None
    if choice is BookChoice.SHARED:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Shared address book file"),
            str(Path.home() / "address-book.sqlite3"),
            BOOK_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return False
        path = Path(chosen)
    try:
        set_address_book(path)
    except SettingsError as error:
        QMessageBox.warning(parent, _("Address book"), str(error))
        return False
    return True
