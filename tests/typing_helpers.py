"""Typing as a person does: ASCII through key presses, Chinese through the input method.

QTest's keyClicks only knows ASCII (anything else aborts in qasciikey.cpp);
Chinese reaches a widget as an input-method commit, so that is what is sent.
"""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` at its cursor."""
    widget.setFocus()
    for is_ascii, run in groupby(text, key=lambda char: char.isascii() and char != "\n"):
        chunk = "".join(run)
        if is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QCoreApplication.sendEvent(widget, event)
