"""The errors Windows gives for a file held open or protected, built on any system."""

from __future__ import annotations

import errno

_TEXT = {
    5: "Access is denied",
    32: "The process cannot access the file because it is being used by another process",
    33: "The process cannot access the file because another process has locked a portion of it",
}


class WindowsPermissionError(PermissionError):
    """A PermissionError carrying ``winerror`` as Windows' own calls set it.

    On Linux ``OSError(errno, strerror, filename, winerror)`` drops the fourth
    argument, so the attribute is set here, the way Windows sets it.
    """

    def __init__(self, winerror: int, filename: str | None = None) -> None:
        super().__init__(errno.EACCES, _TEXT[winerror], filename)
        self.winerror = winerror
