"""Finding a draft's attached files and writing them, with the draft, into one pack.

``survey`` looks for each attachment's file in the places given, in order,
and takes the first whose SHA-256 (streamed) is the one the draft records;
a file found with another content is *changed*, none at all *missing*. It
writes nothing, so the window can ask for another folder before packing.
``write_pack`` writes the manifest, the draft's bytes as they are and the
files found into a temporary file beside the target, hashing each file again
as it is copied (a file changed meanwhile stops the pack), then replaces the
target at once: a pack is whole or not there. Entries are deflated, but a
file whose first 256 KB deflate does not make 5 % smaller is stored: PDFs and
Office files are compressed already, and deflating them gains about 2 % at
50 MB/s. Entries are dated 1980-01-01, so one draft with the same files
always gives the same pack.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO

from applywizard import __version__
from applywizard.adapters.file_errors import os_reason
from applywizard.adapters.handover import names
from applywizard.adapters.handover.manifest import (
    MANIFEST_NAME,
    MAX_TOTAL_BYTES,
    DraftEntry,
    FoundIn,
    Left,
    LeftOutEntry,
    Manifest,
    PackedEntry,
    encode_manifest,
)
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.adapters.windows_files import operation_path

CHUNK_BYTES = 1024 * 1024
SAMPLE_BYTES = 256 * 1024
"""How much of a file is deflated to see whether deflating it is worth it."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
REGULAR_FILE_MODE = stat.S_IFREG | 0o644


@dataclass(frozen=True)
class Candidate:
    """A place an attachment's file may be."""

    where: FoundIn
    path: Path


@dataclass(frozen=True)
class Wanted:
    """An attachment whose file is looked for, and where."""

    kind: str
    name: str
    sha256: str | None
    size_bytes: int | None
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Found:
    """A file found and verified: what goes into the manifest, and where it is read from."""

    entry: PackedEntry
    source: Path


@dataclass(frozen=True)
class LeftOut:
    """An attachment whose file is not packed: why, and the places that say so.

    ``places`` are the paths looked at (missing) or those holding another
    file (changed), each with what was there, for the user; ``detail`` says
    more where the reason alone does not (which rule a name breaks).
    """

    entry: LeftOutEntry
    places: tuple[str, ...] = ()
    detail: tuple[str, str] | None = None


@dataclass(frozen=True)
class Survey:
    """What was found of a draft's attached files, in the draft's order."""

    found: tuple[Found, ...]
    left_out: tuple[LeftOut, ...]


@dataclass(frozen=True)
class PackReport:
    """A pack written: where, what it holds, what it lacks, its size."""

    path: Path
    draft_name: str
    packed: tuple[PackedEntry, ...]
    left_out: tuple[LeftOut, ...]
    size_bytes: int


class _Verdict(Enum):
    SAME = "same"
    OTHER = "other"
    ABSENT = "absent"


def _digest(path: Path, limit: int) -> tuple[int, str]:
    """Size and SHA-256 of a file, streamed; reading stops past ``limit`` bytes."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            if size > limit:
                break
            digest.update(chunk)
    return size, digest.hexdigest()


def _verdict(path: Path, sha256: str, size: int | None) -> tuple[_Verdict, str]:
    """Whether ``path`` holds the file with ``sha256``, and what the user is told of it."""
    source = operation_path(path)
    try:
        facts = source.stat()
    except OSError:
        return _Verdict.ABSENT, f"{path}"
    if not stat.S_ISREG(facts.st_mode):
        return _Verdict.ABSENT, f"{path}（不是文件 / not a file）"
    if (size is not None and facts.st_size != size) or facts.st_size > MAX_TOTAL_BYTES:
        return _Verdict.OTHER, f"{path}（{facts.st_size:,} 字节 / bytes）"
    try:
        _size, digest = _digest(source, MAX_TOTAL_BYTES)
    except OSError as error:
        zh, en = os_reason(error, source)
        return _Verdict.ABSENT, f"{path}（{zh} / {en}）"
    if digest == sha256:
        return _Verdict.SAME, f"{path}"
    return _Verdict.OTHER, f"{path}（SHA-256 {digest[:12]}…）"


def _look(wanted: Wanted, sha256: str) -> Found | LeftOut:
    looked: list[str] = []
    others: list[str] = []
    for candidate in wanted.candidates:
        verdict, shown = _verdict(candidate.path, sha256, wanted.size_bytes)
        if verdict is _Verdict.SAME:
            size = wanted.size_bytes
            if size is None:
                size = operation_path(candidate.path).stat().st_size
            entry = PackedEntry(
                name=wanted.name, sha256=sha256, size_bytes=size, found_in=candidate.where
            )
            return Found(entry, candidate.path)
        (others if verdict is _Verdict.OTHER else looked).append(shown)
    reason = Left.CHANGED if others else Left.MISSING
    return _left(wanted, reason, tuple(others or looked))


def _left(
    wanted: Wanted,
    reason: Left,
    places: tuple[str, ...] = (),
    detail: tuple[str, str] | None = None,
) -> LeftOut:
    entry = LeftOutEntry(name=wanted.name, kind=wanted.kind, sha256=wanted.sha256, reason=reason)
    return LeftOut(entry, places, detail)


def survey(wanted: Sequence[Wanted], *, draft_name: str) -> Survey:
    """Look for every attachment's file; nothing is written.

    Two attachments of one file (same name, same SHA-256) are packed once;
    two files Windows or macOS would take for one name are not both packed.
    """
    found: list[Found] = []
    left_out: list[LeftOut] = []
    taken = {names.same_file_key(draft_name): "", names.same_file_key(MANIFEST_NAME): ""}
    for item in wanted:
        if not item.name:
            left_out.append(_left(item, Left.NO_FILE))
            continue
        problem = names.problem(item.name)
        if problem is not None:
            left_out.append(_left(item, Left.UNSAFE_NAME, detail=names.describe(problem)))
            continue
        key = names.same_file_key(item.name)
        if key in taken and item.sha256 is not None and taken[key] == item.sha256:
            continue  # the same file, attached twice: packed once
        if key in taken:
            left_out.append(_left(item, Left.NAME_CLASH))
            continue
        if item.sha256 is None:
            left_out.append(_left(item, Left.NO_DIGEST))
            continue
        result = _look(item, item.sha256)
        if isinstance(result, Found):
            taken[key] = item.sha256
            found.append(result)
        else:
            left_out.append(result)
    return Survey(tuple(found), tuple(left_out))


def shrinks(sample: bytes) -> bool:
    """Whether deflate makes ``sample`` at least 5 % smaller (a PDF's or .docx's barely 2 %)."""
    return len(zlib.compress(sample[:SAMPLE_BYTES], 6)) < 0.95 * len(sample[:SAMPLE_BYTES])


def _info(name: str, size: int, *, deflate: bool = True) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.create_system = 3  # Unix: the mode below is read as a regular file's
    info.external_attr = REGULAR_FILE_MODE << 16
    info.file_size = size
    return info


def _copy(package: zipfile.ZipFile, found: Found, pack: Path) -> None:
    """Copy a found file into the pack, hashing it again: it must not have changed since."""
    entry = found.entry
    digest = hashlib.sha256()
    size = 0
    with operation_path(found.source).open("rb") as source:
        chunk = source.read(CHUNK_BYTES)
        info = _info(entry.name, entry.size_bytes, deflate=shrinks(chunk))
        with package.open(info, "w") as target:
            while chunk and size <= entry.size_bytes:
                size += len(chunk)
                digest.update(chunk)
                target.write(chunk)
                chunk = source.read(CHUNK_BYTES)
    if size != entry.size_bytes or digest.hexdigest() != entry.sha256:
        raise PackError(
            pack,
            Refusal.SOURCE_CHANGED,
            f"“{entry.name}”在打包过程中被改动（{found.source}），未写入申报包；请重新打包",
            f"“{entry.name}” changed while it was being packed ({found.source}); "
            "no pack was written: pack again",
        )


def _write_zip(
    stream: IO[bytes], manifest: Manifest, draft: bytes, survey: Survey, pack: Path
) -> None:
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, content in (
            (MANIFEST_NAME, encode_manifest(manifest)),
            (manifest.draft.name, draft),
        ):
            package.writestr(_info(name, len(content)), content)
        for found in survey.found:
            _copy(package, found, pack)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder fsync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _manifest(draft_name: str, draft: bytes, survey: Survey, pack: Path) -> Manifest:
    problem = names.problem(draft_name)
    if problem is not None or names.same_file_key(draft_name) == names.same_file_key(MANIFEST_NAME):
        zh, en = (
            names.describe(problem) if problem else ("该名称留作目录文件", "the name is reserved")
        )
        raise PackError(
            pack,
            Refusal.DRAFT_NAME,
            f"草稿文件名“{draft_name}”不能放进申报包：{zh}；请另存为其他名称后再打包",
            f"the draft's file name “{draft_name}” cannot go into a pack: {en}; "
            "save it under another name and pack again",
        )
    total = len(draft) + sum(found.entry.size_bytes for found in survey.found)
    if total > MAX_TOTAL_BYTES:
        raise PackError(
            pack,
            Refusal.TOO_LARGE,
            f"草稿和附件共 {total / 1024**3:.2f} GB，"
            f"超过申报包上限 {MAX_TOTAL_BYTES // 1024**3} GB",
            f"the draft and its files come to {total / 1024**3:.2f} GB, more than the "
            f"{MAX_TOTAL_BYTES // 1024**3} GB a pack may hold",
        )
    return Manifest(
        program_version=__version__,
        draft=DraftEntry(
            name=draft_name, sha256=hashlib.sha256(draft).hexdigest(), size_bytes=len(draft)
        ),
        files=[found.entry for found in survey.found],
        left_out=[left.entry for left in survey.left_out],
    )


def write_pack(target: Path, *, draft_name: str, draft: bytes, survey: Survey) -> PackReport:
    """Write the pack to ``target`` all at once; PackError says why when it cannot be.

    ``draft`` are the draft file's bytes, packed as they are (so the draft
    unpacked is the same file, byte for byte).
    """
    manifest = _manifest(draft_name, draft, survey, target)
    final = operation_path(target)
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            mode="wb", dir=final.parent, prefix=f".{final.name}.", suffix=".tmp", delete=False
        ) as stream:
            temporary = Path(stream.name)
            _write_zip(stream, manifest, draft, survey, target)
            stream.flush()
            os.fsync(stream.fileno())
        size = temporary.stat().st_size
        temporary.replace(final)
        temporary = None
        fsync_folder(final.parent)
    except OSError as error:
        zh, en = os_reason(error, final)
        raise PackError(
            target, Refusal.WRITE_FAILED, f"无法写入申报包：{zh}", f"cannot write the pack: {en}"
        ) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
    return PackReport(target, draft_name, tuple(manifest.files), survey.left_out, size)
