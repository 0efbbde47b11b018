"""Reading and saving draft files without ever losing the user's work.

Saving writes a temporary file in the same folder, flushes and fsyncs it,
keeps the previous version as ``NAME.bak``, replaces the target atomically and
fsyncs the folder (POSIX; Windows has no folder fsync). A failure at any step
leaves the old file as it was, removes the temporary file and raises
DraftFileError with a message for the user (``file_errors.os_reason``: a
file held open by Word or Excel is told apart from a read-only one). Long
paths on Windows are handled in their extended form (``windows_files``).
Reading caps the size before reading everything, then hands the bytes to the
strict decoder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from applywizard.adapters.file_errors import DraftFileError, os_reason
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.codec import (
    MAX_DRAFT_BYTES,
    DraftDecodeError,
    decode_draft,
    encode_draft,
)
from applywizard.domain.draft.model import Draft

__all__ = ["BACKUP_SUFFIX", "DraftFileError", "read_draft", "save_draft", "write_bytes_atomically"]

BACKUP_SUFFIX = ".bak"


def read_draft(path: Path) -> Draft:
    """A draft from a file; DraftFileError says why when it cannot be one."""
    source = operation_path(path)
    try:
        with source.open("rb") as stream:
            raw = stream.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        zh, en = os_reason(error, source)
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
    """Replace ``path`` with ``content`` all at once, keeping the old file as a backup.

    The bytes are written as they are (binary mode: no newline translation on
    Windows), into a temporary file in the target's own folder, so the final
    replace is a rename within one folder, on a network share too.
    """
    target = operation_path(path)
    folder = target.parent
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            mode="wb", dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and target.is_file():
            # Copy, not move: the user's file must exist at every instant.
            backup = target.with_name(target.name + BACKUP_SUFFIX)
            write_bytes_atomically(backup, target.read_bytes(), keep_backup=False)
        temporary.replace(target)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        zh, en = os_reason(error, target)
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
