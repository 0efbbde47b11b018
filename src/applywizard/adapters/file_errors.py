"""The errors files give, apart from the code that reads and writes them.

Kept light (no draft model, no pydantic) so the window can name it before the
rest of the program has loaded. ``os_reason`` is the one place where an
``OSError`` becomes words for the user, for drafts, generated documents and
attachments alike.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from applywizard.adapters.windows_files import ERROR_ACCESS_DENIED, HELD_OPEN_ERRORS, held_open


@dataclass(frozen=True)
class FileAccessError(Exception):
    """A file that could not be read or written, and why, in Chinese and English."""

    path: Path
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.zh} / {self.en}"


class DraftFileError(FileAccessError):
    """Why a draft file could not be read or written."""


class FileProblem(Enum):
    """What kept a file from being read or written, as the user can act on it."""

    HELD_OPEN = "held_open"
    PROTECTED = "protected"
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    DISK_FULL = "disk_full"
    OTHER = "other"


_REASONS: dict[FileProblem, tuple[str, str]] = {
    FileProblem.HELD_OPEN: (
        "“{name}”正被其他程序（如 Word、Excel 或 WPS）打开：请在该程序中关闭它，然后重试",
        "“{name}” is open in another program (such as Word, Excel or WPS): "
        "close it there and try again",
    ),
    FileProblem.PROTECTED: (
        "没有权限：“{name}”或其所在文件夹是只读的或受保护的",
        "permission denied: “{name}” or its folder is read-only or protected",
    ),
    FileProblem.MISSING: (
        "找不到“{name}”：文件或其所在文件夹不存在",
        "“{name}” was not found: the file or its folder does not exist",
    ),
    FileProblem.NOT_A_FILE: ("“{name}”是一个文件夹，不是文件", "“{name}” is a folder, not a file"),
    FileProblem.DISK_FULL: (
        "磁盘已满，“{name}”无法写入",
        "the disk is full; “{name}” cannot be written",
    ),
    FileProblem.OTHER: ("“{name}”：系统错误：{detail}", "“{name}”: system error: {detail}"),
}


def file_problem(error: OSError) -> FileProblem:
    """What the error says, by its ``winerror`` on Windows, else by its class and errno.

    A file held open by Word or Excel gives ``winerror`` 32 (sharing
    violation) or 33 (lock violation); 5 (access denied) and every other
    PermissionError read as a read-only or protected file or folder.
    """
    winerror = getattr(error, "winerror", None)
    if winerror in HELD_OPEN_ERRORS:
        return FileProblem.HELD_OPEN
    if isinstance(error, FileNotFoundError):
        return FileProblem.MISSING
    if isinstance(error, IsADirectoryError):
        return FileProblem.NOT_A_FILE
    if isinstance(error, PermissionError) or winerror == ERROR_ACCESS_DENIED:
        return FileProblem.PROTECTED
    if error.errno == errno.ENOSPC:
        return FileProblem.DISK_FULL
    return FileProblem.OTHER


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def os_reason(error: OSError, path: Path) -> tuple[str, str]:
    """Why ``path`` could not be read or written, in Chinese and English, naming the file.

    Windows reports a file held open, and a folder opened as a file, as a bare
    "permission denied" from ``open()`` and ``os.replace``; for those the file
    itself is looked at before the user is told it is protected.
    """
    problem = file_problem(error)
    if problem is FileProblem.PROTECTED:
        if _is_folder(path):
            problem = FileProblem.NOT_A_FILE
        elif held_open(path):
            problem = FileProblem.HELD_OPEN
    zh, en = _REASONS[problem]
    name = path.name or str(path)
    detail = error.strerror or str(error)
    return zh.format(name=name, detail=detail), en.format(name=name, detail=detail)
