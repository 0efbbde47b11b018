"""Building the address book from earlier drafts, from the Start page.

``import_earlier_drafts`` asks for the drafts (any number, from any folder),
collects their units, partners and people as ``applywizard addressbook
import`` does, and shows what it did: how many entries were added and
merged, and every conflict (the address book's value kept, the other one
named), every finding on an entry and every file it could not read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from applywizard.presenters.address_book import import_lines, unavailable
from applywizard.ui import dialogs
from applywizard.ui.text import _
from applywizard.workflow.address_book import AddressBookAccess

DRAFTS_FILTER = "ApplyWizard (*.json)"


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
