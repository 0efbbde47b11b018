"""Widgets bound to draft fields by path, each with its finding shown beside it.

Every bound widget's ``objectName`` is the field path it edits
(``project.title_zh``, ``foreign_partners.0.country``) and its accessible
name is the field's label, so tests, screen readers and the review page's
jump-to-field all find it the same way. User edits go through the session;
a value the draft model refuses stays in the widget and the label beside it
says why. Loading a draft into the widgets does not count as an edit. What a
field shows and what typed text means is ``presenters.fields``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.rules.finding import Finding
from applywizard.presenters.fields import (
    FieldsPresenter,
    day_shown,
    day_value,
    field_label,
    lines_shown,
    lines_value,
    money_shown,
    money_value,
    number_shown,
    number_value,
    text_shown,
)
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _

__all__ = ["FINDING_SUFFIX", "FieldBinder", "field_label"]

PARTIAL_DATE = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")
FINDING_SUFFIX = "#finding"
SEVERITY_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5300")}
BLACK = QColor("#000000")


class FieldBinder:
    """Binds a page's widgets to draft paths and shows their findings."""

    def __init__(self, hub: DraftHub) -> None:
        self.hub = hub
        self.presenter = FieldsPresenter(lambda: hub.session)
        self._loaders: dict[str, Callable[[], None]] = {}
        self._widgets: dict[str, QWidget] = {}
        self._findings: dict[str, QLabel] = {}
        self._loading = False

    # -- plumbing ----------------------------------------------------------------
    def widget(self, path: str) -> QWidget | None:
        """The widget bound to a path, if this page has it."""
        return self._widgets.get(path)

    def paths(self) -> list[str]:
        """Every path bound on this page."""
        return list(self._widgets)

    def _register(self, widget: QWidget, path: str, loader: Callable[[], None]) -> QLabel:
        widget.setObjectName(path)
        widget.setAccessibleName(field_label(path))
        self._widgets[path] = widget
        self._loaders[path] = loader
        finding = QLabel()
        finding.setObjectName(path + FINDING_SUFFIX)
        finding.setWordWrap(True)
        finding.setVisible(False)
        self._findings[path] = finding
        loader()
        return finding

    def _commit(self, path: str, value: Any) -> None:
        if self._loading:
            return
        self.presenter.commit(path, value)
        self.hub.edited.emit()

    def _enter(self, path: str, read: Callable[[str, str], Any], text: str) -> None:
        """Typed text read into a value (or refused, staying in the widget), then committed."""
        self.presenter.enter(path, read, text)
        self.hub.edited.emit()

    def load(self) -> None:
        """Put the draft's values into every bound widget (not an edit)."""
        self._loading = True
        try:
            self.presenter.forget_refusals()
            for loader in self._loaders.values():
                loader()
        finally:
            self._loading = False

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Show beside each field its findings, or why its input was refused."""
        for path, note in self.presenter.changed_notes(self._findings, findings).items():
            finding_label, widget = self._findings[path], self._widgets[path]
            finding_label.setText(note.text)
            finding_label.setVisible(bool(note.text))
            finding_label.setProperty("severity", note.severity)
            palette = finding_label.palette()
            palette.setColor(
                QPalette.ColorRole.WindowText, SEVERITY_COLOURS.get(note.severity, BLACK)
            )
            finding_label.setPalette(palette)
            widget.setProperty("severity", note.severity)
            widget.setToolTip(note.text)

    def row(
        self,
        layout: QFormLayout,
        path: str,
        widget: QWidget,
        finding: QLabel,
        *,
        under: QWidget | None = None,
    ) -> None:
        """Add a labelled row: the field, what goes ``under`` it (a counter), its finding."""
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        if under is not None:
            inner.addWidget(under)
        inner.addWidget(finding)
        caption = QLabel(field_label(path))
        caption.setBuddy(widget)
        layout.addRow(caption, box)

    def _value(self, path: str) -> Any:
        return self.presenter.value(path)

    # -- kinds of field ------------------------------------------------------------
    def line(self, path: str, *, placeholder: str = "") -> tuple[QLineEdit, QLabel]:
        """A one-line text field."""
        widget = QLineEdit()
        widget.setPlaceholderText(placeholder)

        def load() -> None:
            widget.setText(text_shown(self._value(path)))

        finding = self._register(widget, path, load)
        widget.textEdited.connect(lambda text: self._commit(path, text))
        return widget, finding

    def text(self, path: str, *, placeholder: str = "") -> tuple[QPlainTextEdit, QLabel]:
        """A multi-line text field."""
        widget = QPlainTextEdit()
        widget.setPlaceholderText(placeholder)
        widget.setTabChangesFocus(True)

        def load() -> None:
            widget.setPlainText(text_shown(self._value(path)))

        finding = self._register(widget, path, load)
        widget.textChanged.connect(lambda: self._commit(path, widget.toPlainText()))
        return widget, finding

    def day(self, path: str) -> tuple[QLineEdit, QLabel]:
        """A date typed as YYYY-MM-DD; blank means "not given"."""
        widget = QLineEdit()
        widget.setPlaceholderText("YYYY-MM-DD")
        widget.setValidator(QRegularExpressionValidator(PARTIAL_DATE, widget))

        def load() -> None:
            widget.setText(day_shown(self._value(path)))

        finding = self._register(widget, path, load)
        widget.textEdited.connect(lambda text: self._enter(path, day_value, text))
        return widget, finding

    def number(self, path: str, *, minimum: int = 0, maximum: int = 240) -> tuple[QSpinBox, QLabel]:
        """A whole number; the minimum shown blank means "not given"."""
        widget = QSpinBox()
        widget.setRange(minimum - 1, maximum)
        widget.setSpecialValueText(_("(not given)"))

        def load() -> None:
            widget.setValue(number_shown(self._value(path), minimum))

        finding = self._register(widget, path, load)
        widget.valueChanged.connect(lambda value: self._commit(path, number_value(value, minimum)))
        return widget, finding

    def money(self, path: str) -> tuple[QLineEdit, QLabel]:
        """An amount typed as text and kept as Decimal; blank means "not given"."""
        widget = QLineEdit()
        widget.setPlaceholderText("0.00")

        def load() -> None:
            widget.setText(money_shown(self._value(path)))

        finding = self._register(widget, path, load)
        widget.textEdited.connect(lambda text: self._enter(path, money_value, text))
        return widget, finding

    def choice(self, path: str, options: Sequence[tuple[Any, str]]) -> tuple[QComboBox, QLabel]:
        """One of a list of values, with "—" for not given."""
        widget = QComboBox()
        widget.addItem("—", None)
        for value, text in options:
            widget.addItem(text, value)

        def load() -> None:
            index = widget.findData(self._value(path))
            widget.setCurrentIndex(max(index, 0))

        finding = self._register(widget, path, load)
        widget.activated.connect(lambda index: self._commit(path, widget.itemData(index)))
        return widget, finding

    def lines(self, path: str) -> tuple[QPlainTextEdit, QLabel]:
        """A list of short texts, one per line."""
        widget = QPlainTextEdit()
        widget.setTabChangesFocus(True)

        def load() -> None:
            widget.setPlainText(lines_shown(self._value(path)))

        finding = self._register(widget, path, load)
        widget.textChanged.connect(lambda: self._commit(path, lines_value(widget.toPlainText())))
        return widget, finding

    def check(self, path: str, text: str) -> tuple[QCheckBox, QLabel]:
        """A yes/no the applicant ticks."""
        widget = QCheckBox(text)

        def load() -> None:
            widget.setChecked(bool(self._value(path)))

        finding = self._register(widget, path, load)
        widget.toggled.connect(lambda checked: self._commit(path, checked))
        return widget, finding
