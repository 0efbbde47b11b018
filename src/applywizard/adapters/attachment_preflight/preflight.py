"""Pre-flight of one attached file: its facts for the draft.

``inspect_file`` reads the file's size and SHA-256 (streamed, as attaching
does), then, for a PDF or a .docx/.xlsx, looks inside it in a bounded child
process (``sandbox``). Any other type is checked for its size only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from applywizard.adapters.attachment_preflight.sandbox import (
    INSPECT_SECONDS,
    MEMORY_BYTES,
    ChildAnswer,
    run_in_child,
)
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.preflight import Failure, FileType, PreflightFacts

CHUNK_BYTES = 1024 * 1024
OFFICE_EXTENSIONS = frozenset({"docx", "xlsx", "docm", "xlsm"})


def file_type_of(file_name: str) -> FileType:
    """What the pre-flight takes a file for, by its extension."""
    extension = extension_of(file_name)
    if extension == "pdf":
        return FileType.PDF
    if extension in OFFICE_EXTENSIONS:
        return FileType.OFFICE
    return FileType.OTHER


def extension_of(file_name: str) -> str:
    """The extension of a file name, lower case and without the dot ("" if none)."""
    stem, dot, extension = file_name.rpartition(".")
    return extension.lower() if dot and stem else ""


def digest_of(
    path: Path, *, stop_after: int | None = None, chunk_bytes: int = CHUNK_BYTES
) -> tuple[int, str]:
    """Size and SHA-256 of a file, streamed, never held whole (OSError when unreadable).

    With ``stop_after``, reading stops as soon as more than that many bytes
    were read (a file too large, or one growing while it is read): the size
    returned is then over the limit and the digest is of no use.
    """
    digest = hashlib.sha256()
    size = 0
    with operation_path(path).open("rb") as stream:
        while chunk := stream.read(chunk_bytes):
            size += len(chunk)
            if stop_after is not None and size > stop_after:
                break
            digest.update(chunk)
    return size, digest.hexdigest()


def inspect_file(
    path: Path,
    *,
    size_limit_bytes: int,
    seconds: float = INSPECT_SECONDS,
    memory_bytes: int = MEMORY_BYTES,
) -> PreflightFacts:
    """What the pre-flight finds in the file at ``path``.

    Raises OSError when the file cannot be read at all, and
    ``sandbox.ChildStartError`` when the child process cannot be started
    (then nothing is known about the file).
    """
    size, sha256 = digest_of(path)
    file_type = file_type_of(path.name)
    found: dict[str, Any] = {}
    if file_type is not FileType.OTHER:
        answer = inspect_in_child(path, file_type, seconds=seconds, memory_bytes=memory_bytes)
        found = answer.facts
    return facts_from(found, sha256=sha256, file_type=file_type, size=size, limit=size_limit_bytes)


def inspect_in_child(
    path: Path, file_type: FileType, *, seconds: float, memory_bytes: int
) -> ChildAnswer:
    """The child's answer about one file (for the bench, which reports its time and memory)."""
    return run_in_child(
        str(operation_path(path)),
        file_type.value,
        extension_of(path.name),
        seconds=seconds,
        memory_bytes=memory_bytes,
    )


def facts_from(
    found: dict[str, Any], *, sha256: str, file_type: FileType, size: int, limit: int
) -> PreflightFacts:
    """The child's plain answer as facts; an answer that does not fit says so."""
    data = {
        **found,
        "sha256": sha256,
        "file_type": file_type,
        "size_bytes": size,
        "size_limit_bytes": limit,
    }
    try:
        return PreflightFacts.model_validate(data)
    except ValidationError as error:
        return PreflightFacts(
            sha256=sha256,
            file_type=file_type,
            size_bytes=size,
            size_limit_bytes=limit,
            failure=Failure.HOSTILE,
            detail=f"the check's answer did not fit ({error.error_count()} problems)",
        )
