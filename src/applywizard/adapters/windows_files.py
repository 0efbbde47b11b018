r"""What Windows asks of file operations, so that saving and reading read the same everywhere.

- ``extended_length``: the ``\\?\`` form of an absolute Windows path, which
  lifts the 260-character limit (MAX_PATH) of programs not marked long-path
  aware; pure string work on ``ntpath`` rules, tested on every system.
- ``operation_path``: the path to hand to the file system: on Windows, the
  extended form of a long path; elsewhere, and for short paths, the path itself.
- ``held_open``: whether another program (Word, Excel, WPS) has a file open
  so that it cannot be written. Windows reports that as a sharing violation
  only from its own calls; Python's ``open()`` and ``os.replace`` report
  "permission denied" for it, like a read-only file, so the file is asked.
- ``hide``: the hidden attribute, so Explorer hides a folder as a leading dot
  hides it elsewhere (the history folder beside a draft, when it is used).
"""

from __future__ import annotations

import ntpath
import os
import sys
from pathlib import Path

ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
FILE_ATTRIBUTE_HIDDEN = 0x2
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF
HELD_OPEN_ERRORS = frozenset({ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION})
"""The ``winerror`` values of a file another program holds open or locked."""

LONG_PATH = 240
"""Paths this long or longer get the extended form: MAX_PATH allows 259
characters, and the temporary and backup files written beside a file
(``.NAME.bak.XXXXXXXX.tmp``) are up to 18 characters longer than its path."""

_EXTENDED_PREFIXES = ("\\\\?\\", "\\\\.\\")
_SEPARATORS = ("\\", "/")


def extended_length(path_str: str) -> str:
    r"""The extended-length form of an absolute Windows path.

    ``D:\draft.json`` becomes ``\\?\D:\draft.json`` and
    ``\\server\share\draft.json`` becomes ``\\?\UNC\server\share\draft.json``.
    The extended form reaches the file system as it is, so the path is
    normalised first (``/`` to ``\``, ``.`` and ``..`` resolved). Paths already
    in that form or naming a device (``\\?\``, ``\\.\``), and relative paths,
    which have no extended form, come back unchanged.
    """
    if path_str.startswith(_EXTENDED_PREFIXES):
        return path_str
    drive, rest = ntpath.splitdrive(path_str)
    if not drive or not rest.startswith(_SEPARATORS):
        return path_str
    normal = ntpath.normpath(path_str)
    if drive.startswith(_SEPARATORS):
        return "\\\\?\\UNC\\" + normal.lstrip("\\")
    return "\\\\?\\" + normal


def operation_path(path: Path) -> Path:
    """``path`` as the file system should be given it: extended on Windows when long."""
    if os.name != "nt":
        return path
    absolute = os.path.abspath(path)  # noqa: PTH100 - no file access, unlike resolve()
    if len(absolute) < LONG_PATH:
        return path
    return Path(extended_length(absolute))


def held_open(path: Path) -> bool:
    """True if another program has ``path`` open so that it cannot be written (Windows only)."""
    if sys.platform != "win32":
        return False
    import _winapi  # noqa: PLC0415 - Windows only

    share_all = 0x1 | 0x2 | 0x4  # FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
    try:
        handle = _winapi.CreateFile(
            str(path),
            _winapi.GENERIC_READ | _winapi.GENERIC_WRITE,
            share_all,
            0,
            _winapi.OPEN_EXISTING,
            0,
            0,
        )
    except OSError as error:
        return getattr(error, "winerror", None) in HELD_OPEN_ERRORS
    _winapi.CloseHandle(handle)
    return False


def hide(path: Path) -> bool:
    """Give ``path`` Windows' hidden attribute; True if set (always False elsewhere)."""
    if sys.platform != "win32":
        return False
    import ctypes  # noqa: PLC0415 - Windows only

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    attributes = kernel.GetFileAttributesW(str(path)) & 0xFFFFFFFF
    if attributes == INVALID_FILE_ATTRIBUTES:
        return False
    return bool(kernel.SetFileAttributesW(str(path), attributes | FILE_ATTRIBUTE_HIDDEN))
