"""The errors files give, apart from the code that reads and writes them.

Kept light (no draft model, no pydantic) so the window can name it before the
rest of the program has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
