"""What every wizard page shares: its id, its field binder, and reloading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from applywizard.ui.binding import DraftHub, FieldBinder
from applywizard.ui.text import bilingual
from applywizard.workflow.flow import PageId, spec


class WizardPage(QWizardPage):
    """A page bound to the shared draft; subclasses build their widgets in ``build``."""

    page_id: PageId

    def __init__(self, hub: DraftHub) -> None:
        super().__init__()
        self.hub = hub
        self.binder = FieldBinder(hub)
        page = spec(self.page_id)
        self.setTitle(bilingual(page.zh, page.en))
        self.setObjectName(f"page.{self.page_id.value}")
        self.build()
        hub.replaced.connect(self.reload)
        hub.edited.connect(self.refresh)

    def build(self) -> None:
        """Create the page's widgets (subclasses)."""

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
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def reload(self) -> None:
        """The draft was replaced: show its values, then its findings."""
        self.binder.load()
        self.refresh()

    def refresh(self) -> None:
        """Show the current findings beside the fields."""
        self.binder.show_findings(self.hub.session.findings)

    def focus_field(self, path: str) -> bool:
        """Put the keyboard focus on the widget editing ``path``, if it is on this page."""
        widget = self.findChild(QWidget, path)
        if widget is None:
            return False
        widget.setFocus()
        return True
