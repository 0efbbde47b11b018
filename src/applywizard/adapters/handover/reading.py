"""Checking a pack from someone else before a byte of it is written.

In this order, each with its own refusal (after ``directory`` has read the
zip's end record and parsed its directory): the number of entries; every name
(no ``..``, absolute path, drive, backslash or control character) and no
symbolic link; the manifest is there (else it is not a pack); no folders,
devices, names Windows or macOS cannot hold, or two names that are one file
there; no encryption, no compression but deflate; the sizes the directory
declares (2 GB in all, no entry expanding more than 200 times past 8 MB);
then the manifest and the draft are read, each with a hard cap whatever the
header says, the draft by the same strict reader as any draft, and every entry
must be one the manifest lists and the draft attaches (name, SHA-256, size).
The files' contents are verified as they are unpacked (``unpacking``).
"""

from __future__ import annotations

import hashlib
import itertools
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from applywizard.adapters.handover import names
from applywizard.adapters.handover.directory import too_many
from applywizard.adapters.handover.entries import read_entry
from applywizard.adapters.handover.manifest import (
    MANIFEST_NAME,
    MAX_ENTRIES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR_BYTES,
    Manifest,
    decode_manifest,
)
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.domain.draft.codec import MAX_DRAFT_BYTES, DraftDecodeError, decode_draft
from applywizard.domain.draft.model import Draft

_DOS_REPARSE_POINT = 0x400  # a link or junction, as Windows zips mark it


@dataclass(frozen=True)
class CheckedPack:
    """A pack that passed every check but its files' contents (checked while unpacked)."""

    manifest: Manifest
    draft: Draft
    draft_bytes: bytes
    entries: dict[str, zipfile.ZipInfo]


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode) or bool(info.external_attr & _DOS_REPARSE_POINT)


def _is_regular(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return not info.is_dir() and (mode == 0 or stat.S_ISREG(mode))


def _unsafe(pack: Path, name: str, problem: names.NameProblem) -> PackError:
    zh, en = names.describe(problem)
    return PackError(
        pack,
        Refusal.UNSAFE_NAME,
        f"条目“{names.shown(name)}”被拒绝：{zh}",
        f"the entry “{names.shown(name)}” is refused: {en}",
    )


def _check_dangers(infos: list[zipfile.ZipInfo], pack: Path) -> None:
    for info in infos:
        for name in dict.fromkeys((info.orig_filename, info.filename)):
            problem = names.danger(name)
            if problem is not None:
                raise _unsafe(pack, name, problem)
        if _is_link(info):
            raise PackError(
                pack,
                Refusal.SYMLINK,
                f"条目“{info.filename}”是符号链接；申报包不含链接",
                f"the entry “{info.filename}” is a symbolic link; a pack holds no links",
            )


def _check_entries(infos: list[zipfile.ZipInfo], pack: Path) -> None:
    seen: dict[str, str] = {}
    for info in infos:
        name = info.filename
        if not _is_regular(info):
            raise PackError(
                pack,
                Refusal.NOT_A_FILE,
                f"条目“{name}”不是普通文件（文件夹或设备）",
                f"the entry “{name}” is not a plain file (a folder or a device)",
            )
        problem = names.portability(name)
        if problem is not None:
            raise _unsafe(pack, name, problem)
        key = names.same_file_key(name)
        if key in seen:
            raise PackError(
                pack,
                Refusal.DUPLICATE_NAME,
                f"条目“{name}”与“{seen[key]}”在 Windows 或 macOS 上是同一个文件名",
                f"the entries “{name}” and “{seen[key]}” are one file name on Windows or macOS",
            )
        seen[key] = name
        if info.flag_bits & 0x1:
            raise PackError(
                pack,
                Refusal.ENCRYPTED,
                f"条目“{name}”已加密；申报包不加密",
                f"the entry “{name}” is encrypted; packs are not",
            )
        if info.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
            raise PackError(
                pack,
                Refusal.COMPRESSION,
                f"条目“{name}”使用了不支持的压缩方式（{info.compress_type}）；申报包只用 deflate",
                f"the entry “{name}” uses an unsupported compression ({info.compress_type}); "
                "packs use deflate only",
            )


def _span(info: zipfile.ZipInfo) -> int:
    """The least an entry takes from its local header on: header, name, compressed data."""
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    return 30 + len(info.orig_filename.encode(encoding, errors="replace")) + info.compress_size


def _check_sizes(infos: list[zipfile.ZipInfo], pack: Path) -> None:
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise PackError(
            pack,
            Refusal.TOO_LARGE,
            f"申报包解开后共 {total / 1024**3:.2f} GB，超过上限 {MAX_TOTAL_BYTES // 1024**3} GB；"
            "未解包",
            f"the pack would expand to {total / 1024**3:.2f} GB, more than the "
            f"{MAX_TOTAL_BYTES // 1024**3} GB allowed; not unpacked",
        )
    spans = sorted(infos, key=lambda info: info.header_offset)
    for one, following in itertools.pairwise(spans):
        if one.header_offset + _span(one) > following.header_offset:
            raise PackError(
                pack,
                Refusal.BOMB,
                f"条目“{one.filename}”与“{following.filename}”的数据重叠（压缩炸弹的手法）；未解包",
                f"the entries “{one.filename}” and “{following.filename}” share their data "
                "(a zip bomb's trick); not unpacked",
            )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise PackError(
                pack,
                Refusal.BOMB,
                f"条目“{info.filename}”从 {info.compress_size:,} 字节膨胀到 "
                f"{info.file_size:,} 字节（{ratio:,.0f} 倍，上限 {MAX_RATIO} 倍）："
                "压缩炸弹，未解包",
                f"the entry “{info.filename}” expands from {info.compress_size:,} to "
                f"{info.file_size:,} bytes ({ratio:,.0f} times; at most {MAX_RATIO}): "
                "a zip bomb; not unpacked",
            )


def _read_declared(
    stream: IO[bytes],
    info: zipfile.ZipInfo,
    pack: Path,
    *,
    limit: int,
    refusal: Refusal,
    what: tuple[str, str],
) -> bytes:
    """An entry declared at most ``limit`` bytes, read with its declared size as a hard cap."""
    if info.file_size > limit:
        raise PackError(
            pack,
            refusal,
            f"申报包中的{what[0]}“{info.filename}”有 {info.file_size:,} 字节，上限 {limit:,}",
            f"the {what[1]} “{info.filename}” in the pack is {info.file_size:,} bytes; "
            f"at most {limit:,}",
        )
    return read_entry(stream, info, info.file_size, pack)


def _manifest(stream: IO[bytes], info: zipfile.ZipInfo, pack: Path) -> Manifest:
    what = ("目录文件", "table of contents")
    raw = _read_declared(
        stream, info, pack, limit=MAX_MANIFEST_BYTES, refusal=Refusal.BAD_MANIFEST, what=what
    )
    manifest = decode_manifest(raw, pack)
    listed = [manifest.draft.name, *(entry.name for entry in manifest.files)]
    if len({names.same_file_key(name) for name in listed}) != len(listed):
        raise PackError(
            pack,
            Refusal.BAD_MANIFEST,
            f"申报包的目录文件 {MANIFEST_NAME} 重复列出了同一文件",
            f"the pack's table of contents {MANIFEST_NAME} lists a file twice",
        )
    return manifest


def _draft(
    stream: IO[bytes], entries: dict[str, zipfile.ZipInfo], manifest: Manifest, pack: Path
) -> tuple[Draft, bytes]:
    name = manifest.draft.name
    info = entries.get(name)
    if info is None:
        raise missing_entry(pack, name)
    raw = _read_declared(
        stream, info, pack, limit=MAX_DRAFT_BYTES, refusal=Refusal.BAD_DRAFT, what=("草稿", "draft")
    )
    if hashlib.sha256(raw).hexdigest() != manifest.draft.sha256:
        raise digest_mismatch(pack, name)
    try:
        return decode_draft(raw), raw
    except DraftDecodeError as error:
        raise PackError(
            pack,
            Refusal.BAD_DRAFT,
            f"申报包中的草稿“{name}”未通过草稿的严格检查：{error.zh}",
            f"the draft “{name}” in the pack fails the strict reading every draft gets: {error.en}",
        ) from error


def missing_entry(pack: Path, name: str) -> PackError:
    """The refusal of a pack that lacks an entry its manifest lists."""
    return PackError(
        pack,
        Refusal.MISSING_ENTRY,
        f"申报包的目录列出了“{name}”，但包中没有该文件",
        f"the pack's table of contents lists “{name}”, which the pack does not hold",
    )


def digest_mismatch(pack: Path, name: str) -> PackError:
    """The refusal of an entry whose content is not the one the manifest records."""
    return PackError(
        pack,
        Refusal.DIGEST_MISMATCH,
        f"条目“{name}”的内容与记录的 SHA-256 不符（已被改动或损坏）；未解包",
        f"the entry “{name}” does not match its recorded SHA-256 (changed or damaged); "
        "not unpacked",
    )


def _check_listing(
    entries: dict[str, zipfile.ZipInfo], manifest: Manifest, draft: Draft, pack: Path
) -> None:
    listed = {MANIFEST_NAME, manifest.draft.name, *(entry.name for entry in manifest.files)}
    for name in entries:
        if name not in listed:
            raise PackError(
                pack,
                Refusal.UNEXPECTED_ENTRY,
                f"条目“{name}”不在申报包的目录中；未解包",
                f"the entry “{name}” is not in the pack's table of contents; not unpacked",
            )
    attached = {
        (item.file_name, item.sha256, item.size_bytes) for item in draft.attachments if item.sha256
    }
    for entry in manifest.files:
        info = entries.get(entry.name)
        if info is None:
            raise missing_entry(pack, entry.name)
        if info.file_size != entry.size_bytes:
            raise PackError(
                pack,
                Refusal.SIZE_MISMATCH,
                f"条目“{entry.name}”声明 {info.file_size:,} 字节，目录记录 {entry.size_bytes:,}",
                f"the entry “{entry.name}” declares {info.file_size:,} bytes; "
                f"the table of contents records {entry.size_bytes:,}",
            )
        mine = {(entry.name, entry.sha256, entry.size_bytes), (entry.name, entry.sha256, None)}
        if not mine & attached:
            raise PackError(
                pack,
                Refusal.NOT_IN_DRAFT,
                f"申报包中的“{entry.name}”不是草稿所列的附件（文件名、SHA-256 或大小不符）",
                f"“{entry.name}” in the pack is not a file the draft attaches "
                "(name, SHA-256 or size differ)",
            )


def check_pack(package: zipfile.ZipFile, stream: IO[bytes], pack: Path) -> CheckedPack:
    """Every check but the files' contents, in order; PackError at the first that fails.

    ``stream`` is the pack's file, which ``package`` reads the directory of;
    entries are read from it directly (``entries``).
    """
    infos = package.infolist()
    if len(infos) > MAX_ENTRIES:
        raise too_many(pack, len(infos))
    _check_dangers(infos, pack)
    entries = {info.filename: info for info in infos}
    if MANIFEST_NAME not in entries:
        raise PackError(
            pack,
            Refusal.NOT_A_PACK,
            f"这是 zip 文件，但不是 ApplyWizard 申报包（没有 {MANIFEST_NAME}）",
            f"a zip file, but not an ApplyWizard pack (no {MANIFEST_NAME})",
        )
    _check_entries(infos, pack)
    _check_sizes(infos, pack)
    manifest = _manifest(stream, entries[MANIFEST_NAME], pack)
    draft, raw = _draft(stream, entries, manifest, pack)
    _check_listing(entries, manifest, draft, pack)
    return CheckedPack(manifest, draft, raw, entries)
