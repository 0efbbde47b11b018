"""A page with fields bound to the draft: its binder, reloading, findings beside fields."""

from __future__ import annotations

from applywizard.ui.binding import FieldBinder
from applywizard.ui.hub import DraftHub
from applywizard.ui.page_frame import PageFrame


class WizardPage(PageFrame):
    """A page whose widgets edit draft fields through its ``binder``."""

    def __init__(self, hub: DraftHub) -> None:
        self.binder = FieldBinder(hub)
        super().__init__(hub)
        hub.replaced.connect(self.reload)
        hub.edited.connect(self.refresh)

    def detach(self) -> None:
        """Stop following the hub's signals: the page is about to be replaced."""
        self.hub.replaced.disconnect(self.reload)
        self.hub.edited.disconnect(self.refresh)

    def reload(self) -> None:
        """The draft was replaced: show its values, then its findings."""
        self.binder.load()
        self.refresh()

    def refresh(self) -> None:
        """Show the current findings beside the fields."""
        self.binder.show_findings(self.hub.session.findings)
