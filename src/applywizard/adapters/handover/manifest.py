"""The pack's table of contents (``applywizard-pack.json``) and the format's limits.

The manifest names the program that wrote the pack, the draft (name, SHA-256,
size), each attached file packed (name, SHA-256, size, where it was found)
and each attachment left out, with why. It is JSON, read as strictly as a
draft: at most 1 MB, no duplicate keys, no unknown keys, a format version
this program knows.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.domain.draft.base import FileName, Sha256
from applywizard.domain.draft.model import MAX_ATTACHMENTS
from applywizard.domain.text import ShortText

MANIFEST_NAME = "applywizard-pack.json"
PACK_SUFFIX = ".awpack"
FORMAT: Literal["applywizard-pack"] = "applywizard-pack"
FORMAT_VERSION: Literal[1] = 1

MAX_ENTRIES = 1_000
"""Entries a pack may hold. A draft has at most 200 attachments (``MAX_ATTACHMENTS``), so a
pack needs at most 202 entries; 1,000 leaves room for the format to grow, and its
directory is read in milliseconds (100,000 entries would take a second and 10 MB)."""

MAX_DIRECTORY_BYTES = MAX_ENTRIES * 2_048
"""The zip's central directory: 46 bytes an entry, a name of up to 255 characters
(765 bytes of UTF-8), room for extra fields. Checked before the directory is parsed."""

MAX_TOTAL_BYTES = 2 * 1024**3
"""All entries together, uncompressed: 2 GB, about 40 attachments of the 50 MB the
program attaches, 100 of the 20 MB the national system is taken to allow."""

MAX_RATIO = 200
"""Expanding more than 200 times is not a document: PDFs and Office files are
compressed already (1 to 1.5 times), drafts and text 3 to 20 times; deflate's
own limit is about 1,030 times, which a zip bomb uses."""

RATIO_FLOOR_BYTES = 8 * 1024 * 1024
"""Entries up to 8 MB (the largest draft) are not judged by ratio: their size is capped anyway."""

MAX_MANIFEST_BYTES = 1024 * 1024


class FoundIn(StrEnum):
    """Where a packed file was found."""

    BESIDE_DRAFT = "beside_draft"
    NAMED_FOLDER = "named_folder"
    ATTACHED_FROM = "attached_from"


class Left(StrEnum):
    """Why an attachment's file is not in the pack."""

    NO_FILE = "no_file"  # the attachment names no file yet
    NO_DIGEST = "no_digest"  # the draft records no SHA-256 to verify a file by
    MISSING = "missing"  # no file of that name in any place looked
    CHANGED = "changed"  # found, but not the file the draft records (another SHA-256)
    UNSAFE_NAME = "unsafe_name"  # a name some system cannot hold (see ``names``)
    NAME_CLASH = "name_clash"  # another file of the pack has that name, as Windows sees it


FOUND_WORDS: dict[FoundIn, tuple[str, str]] = {
    FoundIn.BESIDE_DRAFT: ("草稿所在文件夹", "beside the draft"),
    FoundIn.NAMED_FOLDER: ("指定的文件夹", "in the folder named"),
    FoundIn.ATTACHED_FROM: ("添加附件时的位置", "where it was attached from"),
}

LEFT_WORDS: dict[Left, tuple[str, str]] = {
    Left.NO_FILE: ("尚未选择文件", "no file chosen yet"),
    Left.NO_DIGEST: (
        "草稿未记录该文件的 SHA-256，无法核对，未打包",
        "the draft records no SHA-256 to verify the file by; not packed",
    ),
    Left.MISSING: ("未找到文件", "the file was not found"),
    Left.CHANGED: (
        "找到的文件与草稿记录的 SHA-256 不符（文件已改动），未打包",
        "the file found is not the one the draft records (another SHA-256): it changed; not packed",
    ),
    Left.UNSAFE_NAME: (
        "文件名在 Windows 或 macOS 上无法使用，未打包",
        "the file name cannot be used on Windows or macOS; not packed",
    ),
    Left.NAME_CLASH: (
        "与包中另一个文件同名（Windows、macOS 不区分大小写），未打包",
        "another file in the pack has the same name (Windows and macOS ignore case); not packed",
    ),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=2_000)


class DraftEntry(_Strict):
    """The draft in a pack."""

    name: FileName = Field(min_length=1)
    sha256: Sha256
    size_bytes: int = Field(ge=1, le=MAX_TOTAL_BYTES)


class PackedEntry(_Strict):
    """An attached file in a pack."""

    name: FileName = Field(min_length=1)
    sha256: Sha256
    size_bytes: int = Field(ge=0, le=MAX_TOTAL_BYTES)
    found_in: FoundIn


class LeftOutEntry(_Strict):
    """An attachment whose file is not in the pack, and why."""

    name: FileName
    kind: ShortText = ""
    sha256: Sha256 | None = None
    reason: Left


class Manifest(_Strict):
    """What a pack holds."""

    format: Literal["applywizard-pack"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    program_version: ShortText
    draft: DraftEntry
    files: list[PackedEntry] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)
    left_out: list[LeftOutEntry] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)


def encode_manifest(manifest: Manifest) -> bytes:
    """The manifest as canonical UTF-8 JSON (sorted keys, Chinese kept readable)."""
    data = manifest.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'the key "{key}" appears twice')
        result[key] = value
    return result


def _bad(pack: Path, zh: str, en: str) -> PackError:
    return PackError(
        pack,
        Refusal.BAD_MANIFEST,
        f"申报包的目录文件 {MANIFEST_NAME} 无效：{zh}",
        f"the pack's table of contents {MANIFEST_NAME} is invalid: {en}",
    )


def decode_manifest(raw: bytes, pack: Path) -> Manifest:
    """The manifest of ``pack`` from its bytes; PackError when it is not one this program reads."""
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _bad(pack, f"不是有效的 JSON（{error}）", f"not valid JSON ({error})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad(pack, "缺少格式标识", f'no "format": "{FORMAT}"')
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise PackError(
            pack,
            Refusal.NEWER_FORMAT,
            f"此申报包由较新版本的 ApplyWizard 制作（包格式 {version}，本程序支持到 "
            f"{FORMAT_VERSION}），请升级程序后再打开",
            f"this pack was made by a newer ApplyWizard (pack format {version}; this program "
            f"reads up to {FORMAT_VERSION}); update the program to open it",
        )
    try:
        return Manifest.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(manifest)"
        detail = f"{where}: {first['msg']}"
        raise _bad(pack, detail, detail) from error
