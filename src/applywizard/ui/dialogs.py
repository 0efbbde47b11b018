"""Running a modal dialog: one function, so the tests can answer every dialog there."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog modally and return its result (replaced in the tests)."""
    return dialog.exec()
