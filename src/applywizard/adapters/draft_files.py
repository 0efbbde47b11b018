"""Reading and saving draft files without ever losing the user's work.

Saving writes a temporary file in the same folder, flushes and fsyncs it,
keeps the previous version as ``NAME.bak``, replaces the target atomically and
fsyncs the folder (POSIX). A failure at any step leaves the old file as it was
and raises DraftFileError with a message for the user. Reading caps the size
before reading everything, then hands the bytes to the strict decoder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from applywizard.adapters.file_errors import DraftFileError
from applywizard.domain.draft.codec import (
    MAX_DRAFT_BYTES,
    DraftDecodeError,
    decode_draft,
    encode_draft,
)
from applywizard.domain.draft.model import Draft

__all__ = ["BACKUP_SUFFIX", "DraftFileError", "read_draft", "save_draft", "write_bytes_atomically"]

BACKUP_SUFFIX = ".bak"


def _os_reason(error: OSError) -> tuple[str, str]:
    if isinstance(error, FileNotFoundError):
        return "文件或文件夹不存在", "the file or folder does not exist"
    if isinstance(error, IsADirectoryError):
        return "这是一个文件夹，不是文件", "it is a folder, not a file"
    if isinstance(error, PermissionError):
        return (
            "没有权限（文件夹只读，或文件正被 Word/Excel 等程序打开：请关闭后重试）",
            "permission denied (the folder is read-only, or another program such as "
            "Word or Excel holds the file: close it and try again)",
        )
    if error.errno == errno.ENOSPC:
        return "磁盘已满", "the disk is full"
    return f"系统错误：{error.strerror}", f"system error: {error.strerror}"


def read_draft(path: Path) -> Draft:
    """A draft from a file; DraftFileError says why when it cannot be one."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        zh, en = _os_reason(error)
        raise DraftFileError(path, f"无法读取：{zh}", f"cannot read: {en}") from error
    try:
        return decode_draft(raw)
    except DraftDecodeError as error:
        raise DraftFileError(path, error.zh, error.en) from error


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_bytes_atomically(path: Path, content: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``content`` all at once, keeping the old file as a backup."""
    folder = path.parent
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and path.is_file():
            # Copy, not move: the user's file must exist at every instant.
            backup = path.with_name(path.name + BACKUP_SUFFIX)
            write_bytes_atomically(backup, path.read_bytes(), keep_backup=False)
        temporary.replace(path)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        zh, en = _os_reason(error)
        raise DraftFileError(path, f"无法保存：{zh}", f"cannot save: {en}") from error
    except DraftFileError as error:
        raise DraftFileError(path, error.zh, error.en) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def save_draft(draft: Draft, path: Path) -> None:
    """Save a draft atomically, the previous version kept as ``NAME.bak``."""
    write_bytes_atomically(path, encode_draft(draft))
