"""The draft shared by every page, and the signals that keep the pages in step.

The window is shown before the guide and the draft model have loaded (they
take most of the start-up time), so the hub may at first have no session:
``ready`` says whether it has one, and ``loaded`` is emitted when it arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from applywizard.workflow.address_book import AddressBookAccess
    from applywizard.workflow.session import DraftSession


class SessionNotReadyError(RuntimeError):
    """The session was asked for before the guide had loaded."""


class DraftHub(QObject):
    """The session shared by all pages, and the signals that keep them in step."""

    edited = Signal()
    """A field changed: findings are recomputed and shown."""
    replaced = Signal()
    """Another draft is being edited (Open, New): every page reloads."""
    loaded = Signal()
    """The guide has loaded and the session exists: the pages can be used."""

    def __init__(self, session: DraftSession | None = None) -> None:
        super().__init__()
        self._session = session
        self._address_book: AddressBookAccess | None = None

    @property
    def address_book(self) -> AddressBookAccess:
        """The address book the tables fill rows from (opened on first use)."""
        if self._address_book is None:
            import datetime as dt  # noqa: PLC0415 - not before the first paint

            from applywizard.adapters.address_book.store import (  # noqa: PLC0415
                open_address_book,
            )
            from applywizard.workflow.address_book import AddressBookAccess  # noqa: PLC0415

            self._address_book = AddressBookAccess(open_address_book, today=dt.date.today)
        return self._address_book

    @address_book.setter
    def address_book(self, access: AddressBookAccess) -> None:
        self._address_book = access

    def forget_address_book(self) -> None:
        """Close the address book; the next use opens the one the settings name now."""
        if self._address_book is not None:
            self._address_book.close()
        self._address_book = None

    @property
    def ready(self) -> bool:
        """Whether the session exists (the guide has loaded)."""
        return self._session is not None

    @property
    def session(self) -> DraftSession:
        """The draft being edited; only once ``ready``."""
        if self._session is None:
            raise SessionNotReadyError("the guide has not loaded yet")
        return self._session

    def attach(self, session: DraftSession) -> None:
        """Hand the pages the session, once the guide has loaded."""
        self._session = session
        self.loaded.emit()
