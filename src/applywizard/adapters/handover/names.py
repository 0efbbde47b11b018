"""Which names a pack may hold, and when two names are the same file somewhere.

A pack is flat: the manifest, the draft and its attached files side by side,
each under a bare file name. A name is judged as text only, the same way on
every system, so a pack made on Linux unpacks on Windows and macOS:

- dangerous names (``danger``): a parent link (``..``), an absolute path
  (``/x``, ``\\x``), a drive (``C:``), a backslash (a separator on Windows),
  a control character (a NUL cuts a name short in C);
- names some system cannot hold (``portability``): a folder (``a/b``),
  ``< > : " | ? *``, a reserved device name (``CON``, ``NUL.pdf``, ``COM1``…),
  a name ending in a dot or a space (Windows drops them);
- ``same_file_key``: two names that are one file on Windows or macOS (case,
  Unicode NFC/NFD, trailing dots and spaces) have the same key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum


class NameProblem(StrEnum):
    """What is wrong with an entry's name."""

    EMPTY = "empty"
    PARENT = "parent"  # a ".." part: it leads outside the folder (zip-slip)
    ABSOLUTE = "absolute"
    DRIVE = "drive"
    BACKSLASH = "backslash"
    CONTROL = "control"
    FOLDER = "folder"
    FORBIDDEN_CHARACTER = "forbidden_character"
    RESERVED = "reserved"
    TRAILING_DOT_OR_SPACE = "trailing_dot_or_space"
    TOO_LONG = "too_long"


MAX_NAME_CHARACTERS = 255
"""The longest file name Windows (NTFS) and macOS (APFS) allow, in UTF-16 units or characters."""

_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*')
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "123456789¹²³"}
)
"""Windows' device names: ``NUL.pdf`` opens the device, whatever the extension."""


def _has_control(name: str) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in name)


_DANGERS: tuple[tuple[Callable[[str], bool], NameProblem], ...] = (
    (lambda name: not name, NameProblem.EMPTY),
    (_has_control, NameProblem.CONTROL),
    (lambda name: name.startswith(("/", "\\")), NameProblem.ABSOLUTE),
    (lambda name: _DRIVE.match(name) is not None, NameProblem.DRIVE),
    (lambda name: ".." in re.split(r"[/\\]", name), NameProblem.PARENT),
    (lambda name: "\\" in name, NameProblem.BACKSLASH),
)
"""In this order: a name is refused for the first that applies."""


def danger(name: str) -> NameProblem | None:
    """Why writing ``name`` could reach outside the target folder or be cut short, if it could."""
    return next((found for test, found in _DANGERS if test(name)), None)


def portability(name: str) -> NameProblem | None:
    """Why a safe ``name`` cannot be a file beside the draft on Windows or macOS, if it cannot."""
    if "/" in name:
        return NameProblem.FOLDER
    if any(char in _WINDOWS_FORBIDDEN for char in name):
        return NameProblem.FORBIDDEN_CHARACTER
    if name.endswith((".", " ")):
        return NameProblem.TRAILING_DOT_OR_SPACE
    if name.split(".", 1)[0].rstrip(" ").upper() in _DEVICES:
        return NameProblem.RESERVED
    if len(name.encode("utf-16-le")) // 2 > MAX_NAME_CHARACTERS:
        return NameProblem.TOO_LONG
    return None


def problem(name: str) -> NameProblem | None:
    """The first thing wrong with ``name`` as a file in a pack, or None."""
    return danger(name) or portability(name)


def same_file_key(name: str) -> str:
    """One key for every spelling Windows or macOS takes for the same file.

    NFC (macOS may hand a name back decomposed), case folded (both systems
    ignore case by default), trailing dots and spaces dropped (Windows does).
    """
    return unicodedata.normalize("NFC", name).casefold().rstrip(". ")


_WORDS: dict[NameProblem, tuple[str, str]] = {
    NameProblem.EMPTY: ("名称为空", "the name is empty"),
    NameProblem.PARENT: (
        "名称含“..”，会写到目标文件夹之外（zip-slip）",
        'the name holds "..", which leads outside the target folder (zip-slip)',
    ),
    NameProblem.ABSOLUTE: ("名称是绝对路径", "the name is an absolute path"),
    NameProblem.DRIVE: ("名称以盘符开头", "the name starts with a drive letter"),
    NameProblem.BACKSLASH: (
        "名称含反斜杠（在 Windows 上是路径分隔符）",
        "the name holds a backslash (a folder separator on Windows)",
    ),
    NameProblem.CONTROL: ("名称含控制字符", "the name holds a control character"),
    NameProblem.FOLDER: (
        "名称含文件夹；申报包只在一层中存放草稿及其附件",
        "the name holds a folder; a pack holds the draft and its files side by side",
    ),
    NameProblem.FORBIDDEN_CHARACTER: (
        '名称含 Windows 不允许的字符（< > : " | ? *）',
        'the name holds a character Windows refuses (< > : " | ? *)',
    ),
    NameProblem.RESERVED: (
        "名称是 Windows 保留的设备名（CON、PRN、AUX、NUL、COM1、LPT1 等）",
        "the name is a device name Windows reserves (CON, PRN, AUX, NUL, COM1, LPT1…)",
    ),
    NameProblem.TRAILING_DOT_OR_SPACE: (
        "名称以句点或空格结尾（Windows 会去掉它们）",
        "the name ends in a dot or a space (Windows drops them)",
    ),
    NameProblem.TOO_LONG: (
        f"名称超过 {MAX_NAME_CHARACTERS} 个字符",
        f"the name is longer than {MAX_NAME_CHARACTERS} characters",
    ),
}


SHOWN_CHARACTERS = 120


def shown(name: str) -> str:
    """A name as a message may show it: control characters escaped, at most 120 characters."""
    text = "".join(
        f"\\x{ord(char):02x}" if unicodedata.category(char) == "Cc" else char for char in name
    )
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def describe(found: NameProblem) -> tuple[str, str]:
    """What is wrong with a name, in Chinese and English."""
    return _WORDS[found]
