"""Character counters under the fields a guide pack limits in length: “12 / 25 字”.

The counting is the domain's (domain/text_length.py, the limits from the
pack's ``max_length`` rules), the counter's text ``presenters.lengths``'s;
this module only shows it. A counter measures
what the field shows, on every keystroke, and turns red past the limit; the
finding itself comes from the rules, beside the field like any other. A
field without a limit for the draft's pack and direction shows no counter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from applywizard.presenters.lengths import LengthCounts
from applywizard.ui.hub import DraftHub

COUNTER_SUFFIX = "#counter"
OVER_COLOUR = QColor("#b00020")


class LengthCounters:
    """The counters of one page, kept in step with its fields and the draft's limits."""

    def __init__(self, hub: DraftHub) -> None:
        self.hub = hub
        self.presenter = LengthCounts()
        self._counters: dict[str, tuple[QLabel, Callable[[], str]]] = {}

    def add(self, path: str, widget: QLineEdit | QPlainTextEdit) -> QLabel:
        """A counter for the field editing ``path`` (hidden while the path has no limit)."""
        label = QLabel()
        label.setObjectName(path + COUNTER_SUFFIX)
        label.setAlignment(Qt.AlignmentFlag.AlignRight)
        label.setVisible(False)
        shown = widget.text if isinstance(widget, QLineEdit) else widget.toPlainText
        self._counters[path] = (label, shown)
        widget.textChanged.connect(lambda *_: self._show(path))
        return label

    def refresh(self) -> None:
        """Read the limits of the draft's pack and direction, then update every counter."""
        if not self.hub.ready:
            return
        self.presenter.follow(self.hub.session.book, self.hub.session.draft.direction)
        for path in self._counters:
            self._show(path)

    def _show(self, path: str) -> None:
        label, shown = self._counters[path]
        counter = self.presenter.counter(path, shown())
        if counter is None:
            label.setVisible(False)
            return
        label.setText(counter.text)
        label.setProperty("over", counter.over)
        palette = QPalette()  # empty: the label inherits, as every other label does
        if counter.over:
            palette.setColor(QPalette.ColorRole.WindowText, OVER_COLOUR)
        label.setPalette(palette)
        label.setVisible(True)
