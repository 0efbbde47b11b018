"""Widgets bound to draft fields by path, each with its finding shown beside it.

Every bound widget's ``objectName`` is the field path it edits
(``project.title_zh``, ``foreign_partners.0.country``) and its accessible
name is the field's label, so tests, screen readers and the review page's
jump-to-field all find it the same way. User edits go through the session;
a value the draft model refuses stays in the widget and the label beside it
says why. Loading a draft into the widgets does not count as an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
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

from applywizard.domain.draft.paths import label
from applywizard.domain.rules.finding import Finding
from applywizard.ui.hub import DraftHub
from applywizard.ui.text import _, bilingual
from applywizard.workflow.session import EditRefusedError

PARTIAL_DATE = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")
FINDING_SUFFIX = "#finding"
SEVERITY_COLOURS = {"error": QColor("#b00020"), "warning": QColor("#8a5300")}
BLACK = QColor("#000000")


def field_label(path: str) -> str:
    """A field's label in the current language."""
    zh, en = label(path)
    return bilingual(zh, en)


class FieldBinder:
    """Binds a page's widgets to draft paths and shows their findings."""

    def __init__(self, hub: DraftHub) -> None:
        self.hub = hub
        self._loaders: dict[str, Callable[[], None]] = {}
        self._widgets: dict[str, QWidget] = {}
        self._findings: dict[str, QLabel] = {}
        self._refused: dict[str, str] = {}
        self._shown: dict[str, tuple[str, str]] = {}
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
        try:
            self.hub.session.set_value(path, value)
            self._refused.pop(path, None)
        except EditRefusedError as error:
            self._refused[path] = bilingual(error.zh, error.en)
        self.hub.edited.emit()

    def load(self) -> None:
        """Put the draft's values into every bound widget (not an edit)."""
        self._loading = True
        try:
            self._refused.clear()
            for loader in self._loaders.values():
                loader()
        finally:
            self._loading = False

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Show beside each field its findings (errors first), or why its input was refused."""
        by_field: dict[str, list[Finding]] = {}
        for finding in findings:
            by_field.setdefault(finding.field, []).append(finding)
        for path, finding_label in self._findings.items():
            widget = self._widgets[path]
            refused = self._refused.get(path)
            found = by_field.get(path, [])
            if refused is not None:
                text, severity = f"✖ {refused}", "error"
            elif found:
                text = "\n".join(
                    f"{'✖' if f.is_error else '⚠'} {bilingual(f.message, f.message_en)}"
                    f"（{bilingual(f.citation, f.citation_en)}）"
                    for f in found
                )
                severity = "error" if any(f.is_error for f in found) else "warning"
            else:
                text, severity = "", ""
            if self._shown.get(path) == (text, severity):
                continue  # unchanged: touch nothing (every keystroke comes here)
            self._shown[path] = (text, severity)
            finding_label.setText(text)
            finding_label.setVisible(bool(text))
            finding_label.setProperty("severity", severity)
            palette = finding_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, SEVERITY_COLOURS.get(severity, BLACK))
            finding_label.setPalette(palette)
            widget.setProperty("severity", severity)
            widget.setToolTip(text)

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
        return self.hub.session.value(path)

    # -- kinds of field ------------------------------------------------------------
    def line(self, path: str, *, placeholder: str = "") -> tuple[QLineEdit, QLabel]:
        """A one-line text field."""
        widget = QLineEdit()
        widget.setPlaceholderText(placeholder)

        def load() -> None:
            widget.setText(str(self._value(path) or ""))

        finding = self._register(widget, path, load)
        widget.textEdited.connect(lambda text: self._commit(path, text))
        return widget, finding

    def text(self, path: str, *, placeholder: str = "") -> tuple[QPlainTextEdit, QLabel]:
        """A multi-line text field."""
        widget = QPlainTextEdit()
        widget.setPlaceholderText(placeholder)
        widget.setTabChangesFocus(True)

        def load() -> None:
            widget.setPlainText(str(self._value(path) or ""))

        finding = self._register(widget, path, load)
        widget.textChanged.connect(lambda: self._commit(path, widget.toPlainText()))
        return widget, finding

    def day(self, path: str) -> tuple[QLineEdit, QLabel]:
        """A date typed as YYYY-MM-DD; blank means "not given"."""
        widget = QLineEdit()
        widget.setPlaceholderText("YYYY-MM-DD")
        widget.setValidator(QRegularExpressionValidator(PARTIAL_DATE, widget))

        def load() -> None:
            value = self._value(path)
            widget.setText(value.isoformat() if value else "")

        def edited(text: str) -> None:
            if not text:
                self._commit(path, None)
                return
            try:
                value = date.fromisoformat(text)
            except ValueError:
                complete = len(text) == len("2024-01-01")
                self._refused[path] = (
                    bilingual(f"“{text}”不是有效日期", f"“{text}” is not a valid date")
                    if complete
                    else bilingual(
                        "请按 YYYY-MM-DD 输入完整日期", "type the whole date, YYYY-MM-DD"
                    )
                )
                self.hub.edited.emit()
                return
            self._commit(path, value)

        finding = self._register(widget, path, load)
        widget.textEdited.connect(edited)
        return widget, finding

    def number(self, path: str, *, minimum: int = 0, maximum: int = 240) -> tuple[QSpinBox, QLabel]:
        """A whole number; the minimum shown blank means "not given"."""
        widget = QSpinBox()
        widget.setRange(minimum - 1, maximum)
        widget.setSpecialValueText(_("(not given)"))

        def load() -> None:
            value = self._value(path)
            widget.setValue(minimum - 1 if value is None else int(value))

        finding = self._register(widget, path, load)
        widget.valueChanged.connect(
            lambda value: self._commit(path, None if value < minimum else value)
        )
        return widget, finding

    def money(self, path: str) -> tuple[QLineEdit, QLabel]:
        """An amount typed as text and kept as Decimal; blank means "not given"."""
        widget = QLineEdit()
        widget.setPlaceholderText("0.00")

        def load() -> None:
            value = self._value(path)
            widget.setText("" if value is None else format(value, "f"))

        def edited(text: str) -> None:
            cleaned = text.replace(",", "").strip()
            if not cleaned:
                self._commit(path, None)
                return
            try:
                self._commit(path, Decimal(cleaned))
            except InvalidOperation:
                self._refused[path] = bilingual(f"“{text}”不是数字", f"“{text}” is not a number")
                self.hub.edited.emit()

        finding = self._register(widget, path, load)
        widget.textEdited.connect(edited)
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
            widget.setPlainText("\n".join(self._value(path) or []))

        def edited() -> None:
            self._commit(
                path, [line.strip() for line in widget.toPlainText().split("\n") if line.strip()]
            )

        finding = self._register(widget, path, load)
        widget.textChanged.connect(edited)
        return widget, finding

    def check(self, path: str, text: str) -> tuple[QCheckBox, QLabel]:
        """A yes/no the applicant ticks."""
        widget = QCheckBox(text)

        def load() -> None:
            widget.setChecked(bool(self._value(path)))

        finding = self._register(widget, path, load)
        widget.toggled.connect(lambda checked: self._commit(path, checked))
        return widget, finding
