"""A pack's zip directory, judged from its end record before ``zipfile`` parses it.

``zipfile`` reads the whole central directory into memory (every entry, as
many as there are) before anything can be asked of it. The end record says
how many entries there are and how large the directory is: a pack of
100,000 entries, or a directory larger than 1,000 entries can need, is
refused from those 22 bytes (ZIP64's record where the count needs it).
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import IO

from applywizard.adapters.handover.manifest import MAX_DIRECTORY_BYTES, MAX_ENTRIES
from applywizard.adapters.handover.refusals import PackError, Refusal

_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_MAX_COMMENT = 65_535


def _not_a_zip(pack: Path, zh: str, en: str) -> PackError:
    return PackError(
        pack,
        Refusal.NOT_A_ZIP,
        f"不是 ApplyWizard 申报包：不是完整的 zip 文件（{zh}）",
        f"not an ApplyWizard pack: not a whole zip file ({en})",
    )


def too_many(pack: Path, count: int) -> PackError:
    """The refusal of a pack with more entries than ``MAX_ENTRIES``."""
    return PackError(
        pack,
        Refusal.TOO_MANY_ENTRIES,
        f"申报包含 {count:,} 个条目，超过上限 {MAX_ENTRIES:,}；未解包",
        f"the pack holds {count:,} entries, more than the {MAX_ENTRIES:,} allowed; not unpacked",
    )


def _zip64_counts(stream: IO[bytes], end_at: int) -> tuple[int, int] | None:
    """Entries and directory size from the ZIP64 end record, if the locator leads to one."""
    if end_at < 20:
        return None
    stream.seek(end_at - 20)
    locator = stream.read(20)
    if len(locator) < 20 or not locator.startswith(_ZIP64_LOCATOR):
        return None
    _sig, _disk, offset, _disks = struct.unpack("<4sLQL", locator)
    stream.seek(offset)
    record = stream.read(56)
    if len(record) < 56 or not record.startswith(_ZIP64_END):
        return None
    fields = struct.unpack("<4sQ2H2L4Q", record)
    return fields[7], fields[8]


def check_end_record(stream: IO[bytes], pack: Path) -> None:
    """Refuse, from the end record alone, what is no zip or has too many entries."""
    size = stream.seek(0, 2)
    if size < _END_SIZE:
        raise _not_a_zip(pack, f"只有 {size} 字节", f"{size} bytes")
    tail_size = min(size, _END_SIZE + _MAX_COMMENT)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or tail_size - at < _END_SIZE:
        raise _not_a_zip(pack, "没有 zip 目录结束记录", "no end-of-directory record")
    fields = struct.unpack("<4s4H2LH", tail[at : at + _END_SIZE])
    count, directory = fields[4], fields[5]
    if 0xFFFF in fields[1:5] or 0xFFFFFFFF in fields[5:7]:
        zip64 = _zip64_counts(stream, size - tail_size + at)
        if zip64 is not None:
            count, directory = zip64
    if count > MAX_ENTRIES:
        raise too_many(pack, count)
    if directory > MAX_DIRECTORY_BYTES:
        raise PackError(
            pack,
            Refusal.DIRECTORY_TOO_LARGE,
            f"申报包的目录有 {directory:,} 字节（上限 {MAX_DIRECTORY_BYTES:,}），"
            "条目过多或目录被篡改；未解包",
            f"the pack's directory is {directory:,} bytes (at most {MAX_DIRECTORY_BYTES:,}): "
            "too many entries, or a forged directory; not unpacked",
        )


def open_directory(stream: IO[bytes], pack: Path) -> zipfile.ZipFile:
    """The pack's zip directory, once the end record allows reading it; PackError if not."""
    check_end_record(stream, pack)
    try:
        return zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise PackError(
            pack,
            Refusal.NOT_A_ZIP,
            f"不是 ApplyWizard 申报包：zip 目录无法读取（{error}）",
            f"not an ApplyWizard pack: its zip directory cannot be read ({error})",
        ) from error
