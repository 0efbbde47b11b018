"""Reading one entry's data from a pack, trusting nothing its headers say.

``zipfile`` stops at the size the directory declares, so a forged small size
hides a stream that would inflate much further: it is never looked at. Here
the entry's compressed bytes are read from its local header on, inflated a
chunk at a time with a hard cap (the size the manifest records, never the
header's), and the stream must end exactly there: a stream that expands past
the cap is refused as soon as it does, one that ends early or leaves data
over is damaged, and the CRC-32 must match. Only stored and deflated entries
are read.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from applywizard.adapters.handover.refusals import PackError, Refusal

CHUNK_BYTES = 1024 * 1024
_LOCAL = b"PK\x03\x04"
_LOCAL_SIZE = 30


_DAMAGE: dict[str, str] = {
    "no local header": "缺少本地文件头",
    "the data ends early": "数据提前结束",
    "data after the end of its stream": "压缩流结束后还有数据",
    "the compressed stream does not end": "压缩流没有结束",
    "its size or CRC-32 is not the one declared": "大小或 CRC-32 与声明不符",
}


def damaged(pack: Path, name: str, detail: str) -> PackError:
    """The refusal of an entry whose data cannot be read back whole (``detail`` in English)."""
    return PackError(
        pack,
        Refusal.DAMAGED,
        f"条目“{name}”已损坏，无法完整读出（{_DAMAGE.get(detail, detail)}）",
        f"the entry “{name}” is damaged and cannot be read whole ({detail})",
    )


def _expands(pack: Path, name: str, cap: int) -> PackError:
    return PackError(
        pack,
        Refusal.EXPANDS_PAST_SIZE,
        f"条目“{name}”解压后超过应有的 {cap:,} 字节（压缩头被篡改）；未解包",
        f"the entry “{name}” expands past the {cap:,} bytes it should hold "
        "(forged headers); not unpacked",
    )


def _raw_chunks(stream: IO[bytes], info: zipfile.ZipInfo, pack: Path) -> Iterator[bytes]:
    """The entry's compressed bytes, as many as the directory says, from after its local header."""
    stream.seek(info.header_offset)
    header = stream.read(_LOCAL_SIZE)
    if len(header) < _LOCAL_SIZE or not header.startswith(_LOCAL):
        raise damaged(pack, info.filename, "no local header")
    name_length, extra_length = struct.unpack("<2H", header[26:30])
    stream.seek(name_length + extra_length, 1)
    left = info.compress_size
    while left > 0:
        chunk = stream.read(min(CHUNK_BYTES, left))
        if not chunk:
            raise damaged(pack, info.filename, "the data ends early")
        left -= len(chunk)
        yield chunk


def entry_chunks(stream: IO[bytes], info: zipfile.ZipInfo, cap: int, pack: Path) -> Iterator[bytes]:
    """The entry's data in chunks; PackError as soon as it passes ``cap`` bytes or is not whole."""
    name = info.filename
    inflater = (
        zlib.decompressobj(-zlib.MAX_WBITS) if info.compress_type == zipfile.ZIP_DEFLATED else None
    )
    size = 0
    crc = 0
    try:
        for raw in _raw_chunks(stream, info, pack):
            pending = raw
            while pending:
                if inflater is None:
                    out, pending = pending, b""
                else:
                    out = inflater.decompress(pending, cap - size + 1)
                    pending = inflater.unconsumed_tail
                size += len(out)
                if size > cap:
                    raise _expands(pack, name, cap)
                crc = zlib.crc32(out, crc)
                if out:
                    yield out
                if inflater is not None and inflater.eof:
                    if pending or inflater.unused_data:
                        raise damaged(pack, name, "data after the end of its stream")
                    break
    except zlib.error as error:
        raise damaged(pack, name, str(error)) from error
    if inflater is not None and not inflater.eof:
        raise damaged(pack, name, "the compressed stream does not end")
    if size != info.file_size or crc != info.CRC:
        raise damaged(pack, name, "its size or CRC-32 is not the one declared")


def read_entry(stream: IO[bytes], info: zipfile.ZipInfo, cap: int, pack: Path) -> bytes:
    """An entry's whole data, at most ``cap`` bytes."""
    return b"".join(entry_chunks(stream, info, cap, pack))
