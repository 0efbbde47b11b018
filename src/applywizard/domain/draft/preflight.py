"""What the attachment pre-flight found in a file: plain facts, kept in the draft.

The pre-flight (``adapters.attachment_preflight``) opens an attached file in
a bounded child process and reports these facts; the rules read them (the
``attachment_preflight`` check), so the domain never touches a file. The
facts name the SHA-256 of the file they were taken from: when it is not the
attachment's own, they are stale (the file beside the draft has changed).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from applywizard.domain.text import ShortText

MAX_LISTED_FONTS = 50


class FileType(StrEnum):
    """What the pre-flight took the file for."""

    PDF = "pdf"
    OFFICE = "office"  # a .docx/.xlsx (OOXML zip package)
    OTHER = "other"  # any other type: only its size is checked


class Failure(StrEnum):
    """Why a file could not be inspected."""

    DAMAGED = "damaged"  # not a readable file of its type (truncated, garbage, broken zip)
    ENCRYPTED = "encrypted"  # password-protected: it cannot be read without a password
    HOSTILE = "hostile"  # inspecting it ran out of its time or memory bound, or a zip bomb


class PreflightFacts(BaseModel):
    """What one pre-flight of one file found.

    ``size_limit_bytes`` is the national system's limit as set on the machine
    that checked (no source states it; see README), so a draft handed on says
    what it was checked against. Counts are ``None`` where they do not apply
    (pages of a .docx) or could not be taken (a damaged file).
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, str_max_length=2_000
    )

    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    file_type: FileType
    size_bytes: int = Field(ge=0, le=2**40)
    size_limit_bytes: int = Field(ge=1, le=2**40)
    failure: Failure | None = None
    detail: ShortText = Field(default="", description="What went wrong, as the reader said it")
    encrypted: bool = False
    pages: int | None = Field(default=None, ge=0)
    pages_with_text: int | None = Field(default=None, ge=0, description="Pages with a text layer")
    pages_without_text: int | None = Field(
        default=None, ge=0, description="Pages with images but no text layer (scanned)"
    )
    fonts_not_embedded: list[ShortText] = Field(default_factory=list, max_length=MAX_LISTED_FONTS)
    macros: bool = False

    @property
    def opened(self) -> bool:
        """Whether the file could be read through."""
        return self.failure is None

    @property
    def over_size(self) -> bool:
        """Whether the file is larger than the limit it was checked against."""
        return self.size_bytes > self.size_limit_bytes
