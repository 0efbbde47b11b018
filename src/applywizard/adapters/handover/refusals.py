"""Why a pack is refused, or cannot be written: one reason each, in Chinese and English.

Every refusal has its own ``Refusal`` (the tests tell them apart by it) and
its own words, naming the entry or the file concerned.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Refusal(StrEnum):
    """Why a pack cannot be unpacked (or written)."""

    UNREADABLE = "unreadable"
    NOT_A_ZIP = "not_a_zip"
    NOT_A_PACK = "not_a_pack"
    TOO_MANY_ENTRIES = "too_many_entries"
    DIRECTORY_TOO_LARGE = "directory_too_large"
    UNSAFE_NAME = "unsafe_name"  # zip-slip and the other name problems (see ``names``)
    SYMLINK = "symlink"
    NOT_A_FILE = "not_a_file"  # a folder or device entry
    DUPLICATE_NAME = "duplicate_name"
    ENCRYPTED = "encrypted"
    COMPRESSION = "compression"
    TOO_LARGE = "too_large"
    BOMB = "bomb"
    BAD_MANIFEST = "bad_manifest"
    NEWER_FORMAT = "newer_format"
    BAD_DRAFT = "bad_draft"
    UNEXPECTED_ENTRY = "unexpected_entry"
    MISSING_ENTRY = "missing_entry"
    NOT_IN_DRAFT = "not_in_draft"
    SIZE_MISMATCH = "size_mismatch"
    EXPANDS_PAST_SIZE = "expands_past_size"
    DAMAGED = "damaged"
    DIGEST_MISMATCH = "digest_mismatch"
    TARGET_NOT_EMPTY = "target_not_empty"
    TARGET_NOT_FOLDER = "target_not_folder"
    WRITE_FAILED = "write_failed"
    DRAFT_NAME = "draft_name"  # packing: the draft's own name cannot go into a pack
    SOURCE_CHANGED = "source_changed"  # packing: a file changed while it was being packed
    WOULD_REPLACE_SOURCE = "would_replace_source"  # packing: the pack would overwrite the draft


@dataclass(frozen=True)
class PackError(Exception):
    """A pack refused or not written: which pack, the reason, the words."""

    path: Path
    refusal: Refusal
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.zh} / {self.en}"
