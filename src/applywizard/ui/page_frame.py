"""What every wizard page has, binder or not: its id, title, hub and focusing a field.

Light on purpose: the Start page is built from this alone and shown before
the guide and the draft model have loaded.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from applywizard.ui.hub import DraftHub
from applywizard.ui.text import bilingual
from applywizard.workflow.flow import PageId, spec


def bold(text: str) -> QLabel:
    """A caption in bold (a heading inside a page)."""
    caption = QLabel(text)
    font = QFont(caption.font())
    font.setBold(True)
    caption.setFont(font)
    return caption


class PageFrame(QWizardPage):
    """A page on the shared draft; subclasses build their widgets in ``build``."""

    page_id: PageId

    def __init__(self, hub: DraftHub) -> None:
        super().__init__()
        self.hub = hub
        page = spec(self.page_id)
        self.setTitle(bilingual(page.zh, page.en))
        self.setObjectName(f"page.{self.page_id.value}")
        self.build()

    def build(self) -> None:
        """Create the page's widgets (subclasses)."""

    def detach(self) -> None:
        """Stop following the hub: the page is about to be replaced (subclasses)."""

    def scrolling_body(self) -> QVBoxLayout:
        """A scrollable column for a long page (``self.scroller``); returns its layout."""
        outer = QVBoxLayout(self)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller)
        return layout

    def show_and_focus(self, widget: QWidget) -> bool:
        """Scroll ``widget`` into view (on a scrolling page), focus it, select its text."""
        scroller = getattr(self, "scroller", None)
        if isinstance(scroller, QScrollArea):
            scroller.ensureWidgetVisible(widget)
        widget.setFocus()  # Qt's OtherFocusReason
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def focus_field(self, path: str) -> bool:
        """Put the keyboard focus on the widget editing ``path``, if it is on this page."""
        widget = self.findChild(QWidget, path)
        if widget is None:
            return False
        widget.setFocus()
        return True
