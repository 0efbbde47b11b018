"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a
void method (QLabel.setText, setVisible, …); the window makes such calls on
every keystroke, so a long session ended in "Fatal Python error:
none_dealloc". This guards the pinned version against that coming back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QSpinBox


def test_void_calls_do_not_lose_references(qapp: QApplication) -> None:
    label, box = QLabel(), QSpinBox()
    box.setRange(0, 100_000)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for index in range(5_000):
        label.setText(str(index))
        label.setVisible(index % 2 == 0)
        label.setProperty("severity", "error" if index % 2 else "")
        box.setValue(index)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(now >= then for now, then in zip(after, before, strict=True)), (before, after)
