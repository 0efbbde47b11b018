"""The About dialog: the program's version, the guide it holds, Qt, the font for Chinese."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from applywizard import __version__
from applywizard.domain.guide.model import Guide
from applywizard.ui.fonts import SHIPPED_LICENCE, SHIPPED_NAME, chosen_font
from applywizard.ui.text import _


def about_lines(guide: Guide) -> list[str]:
    """The dialog's text, one fact a line (plain text)."""
    choice = chosen_font()
    if choice is None or not choice.shipped:
        font = _("Chinese text: {family} (installed on this computer)").format(
            family=choice.family if choice else "—"
        )
    else:
        font = _("Chinese text: {family}, shipped with ApplyWizard ({licence})").format(
            family=SHIPPED_NAME, licence=SHIPPED_LICENCE
        )
    return [
        _("ApplyWizard {version}").format(version=__version__),
        _("Guide: {id}").format(id=guide.id),
        guide.title,
        font,
        _("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
        ),
    ]


class AboutDialog(QDialog):
    """A small window with ``about_lines`` and a Close button."""

    def __init__(self, parent: QWidget | None, guide: Guide) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(_("About ApplyWizard"))
        lines = about_lines(guide)
        self.text = QLabel("<br>".join(escape(line) for line in lines))
        self.text.setObjectName("about-text")
        self.text.setAccessibleName(_("About ApplyWizard"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def show_about(parent: QWidget, guide: Guide) -> AboutDialog:
    """Open the About dialog over ``parent`` (not blocking); returns it."""
    dialog = AboutDialog(parent, guide)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
