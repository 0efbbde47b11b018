"""Reading and saving draft files without ever losing the user's work.

Saving writes a temporary file in the same folder, flushes and fsyncs it,
keeps the previous version as ``NAME.bak``, replaces the target atomically and
fsyncs the folder (``atomic_files.write_bytes_atomically``). A failure at any
step leaves the old file as it was, removes the temporary file and raises
DraftFileError with a message for the user (``file_errors.os_reason``: a
file held open by Word or Excel is told apart from a read-only one). Long
paths on Windows are handled in their extended form (``windows_files``).
Reading caps the size before reading everything, then hands the bytes to the
strict decoder.

Each save also keeps the version it replaced in the draft's history
(``draft_history``: the last 20, in the user's data folder); that never
stops or fails the save, and what happened is in the returned
``SaveOutcome``. Opening and saving a draft remove the temporary files that
interrupted saves of it left beside it (``remove_interrupted_saves``: never
one a live writer holds).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from applywizard.adapters.atomic_files import (
    BACKUP_SUFFIX,
    read_bytes_bounded,
    remove_interrupted_saves,
    write_bytes_atomically,
)
from applywizard.adapters.draft_history import HistoryOutcome, keep_version, read_current
from applywizard.adapters.file_errors import DraftFileError, os_reason
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.codec import (
    MAX_DRAFT_BYTES,
    DraftDecodeError,
    decode_draft,
    encode_draft,
)
from applywizard.domain.draft.model import Draft

__all__ = [
    "BACKUP_SUFFIX",
    "DraftFileError",
    "SaveOutcome",
    "read_draft",
    "remove_interrupted_saves",
    "save_draft",
    "write_bytes_atomically",
]


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did besides saving: the version kept, the debris removed."""

    history: HistoryOutcome
    removed_temporaries: int = 0


def read_draft(path: Path) -> Draft:
    """A draft from a file; DraftFileError says why when it cannot be one.

    Temporary files interrupted saves of it left beside it are removed first.
    """
    remove_interrupted_saves(path)
    source = operation_path(path)
    try:
        raw = read_bytes_bounded(source, MAX_DRAFT_BYTES)
    except OSError as error:
        zh, en = os_reason(error, source)
        raise DraftFileError(path, f"无法读取：{zh}", f"cannot read: {en}") from error
    try:
        return decode_draft(raw)
    except DraftDecodeError as error:
        raise DraftFileError(path, error.zh, error.en) from error


def save_draft(draft: Draft, path: Path) -> SaveOutcome:
    """Save a draft atomically, the previous version kept as ``NAME.bak`` and in its history."""
    content = encode_draft(draft)
    replaced = read_current(path)
    write_bytes_atomically(path, content)
    history = keep_version(path, replaced, new_content=content)
    return SaveOutcome(history, len(remove_interrupted_saves(path).removed))
