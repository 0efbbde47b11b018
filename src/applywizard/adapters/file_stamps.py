"""What a draft file looked like when it was opened or saved: size, time and SHA-256.

Before saving over a draft, the session compares the file with the stamp it
took; someone else's save shows as a different stamp. The SHA-256 decides:
on network folders a file's time can lag behind or be rounded to two
seconds, and a change of the same size within those seconds keeps size and
time alike, so the content is always hashed (a draft is a few hundred KB at
most: a millisecond or two).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from applywizard.adapters.windows_files import operation_path

CHUNK_BYTES = 1 << 16


@dataclass(frozen=True)
class FileStamp:
    """A file's size, modification time and SHA-256 at one moment."""

    size: int
    mtime_ns: int
    sha256: str

    @property
    def modified(self) -> datetime:
        """The modification time, local."""
        return datetime.fromtimestamp(self.mtime_ns / 1e9).astimezone()

    def same_content(self, other: FileStamp | None) -> bool:
        """Whether ``other`` is the same content (its time may differ: a copy, a touch)."""
        return other is not None and (self.size, self.sha256) == (other.size, other.sha256)


def stamp_of(path: Path) -> FileStamp | None:
    """The file's stamp now; None if it is not there (moved, deleted) or cannot be read."""
    target = operation_path(path)
    digest = hashlib.sha256()
    try:
        with target.open("rb") as stream:
            status = target.stat()
            while chunk := stream.read(CHUNK_BYTES):
                digest.update(chunk)
    except OSError:
        return None
    return FileStamp(status.st_size, status.st_mtime_ns, digest.hexdigest())


def stamp_of_bytes(content: bytes, path: Path) -> FileStamp | None:
    """The stamp of a file just written with ``content`` (its time read from the disk)."""
    try:
        status = operation_path(path).stat()
    except OSError:
        return None
    return FileStamp(len(content), status.st_mtime_ns, hashlib.sha256(content).hexdigest())
