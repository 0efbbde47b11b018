"""Example drafts with real attached files, and zip files forged byte by byte (pack tests, bench).

``example_with_files`` saves an example draft with a real file for each of its
attachments (a PDF, a .docx or an .xlsx of the named type), the draft's
SHA-256 and size set to the file's, as attaching would. ``raw_zip`` writes a
zip from entries as given (names, modes, declared sizes, CRCs, data), so a
test can build what no zip writer would.
"""

from __future__ import annotations

import hashlib
import random
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.domain.draft.model import Attachment, Draft
from tests.preflight_files import sound_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CODES = sorted(path.stem for path in EXAMPLES.glob("*.json"))


def file_for(name: str, index: int, size: int | None = None) -> bytes:
    """A real file of the type ``name`` says, different for each ``index``.

    A PDF gets a comment after its end (readers ignore it); with ``size``, the
    file is padded to that size with bytes that do not compress, as a PDF's
    images and fonts do not.
    """
    data = sound_file(name)
    if name.lower().endswith(".pdf"):
        data += f"\n% attachment {index}: {name}\n".encode()
    else:
        data = _office_with_marker(name, index)
    if size is not None and size > len(data) + 2:
        noise = random.Random(f"{name} {index}").randbytes(size - len(data) - 2)
        data += b"\n%" + noise  # does not compress, as a PDF's images and fonts barely do
    return data


def _office_with_marker(name: str, index: int) -> bytes:
    import io  # noqa: PLC0415 - only for Office files

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        with zipfile.ZipFile(io.BytesIO(sound_file(name))) as sound:
            for item in sound.infolist():
                package.writestr(item, sound.read(item))
        package.writestr("docProps/custom.xml", f"<marker>{index} {name}</marker>")
    return out.getvalue()


def with_files(draft: Draft, folder: Path, *, sizes: bool = False) -> Draft:
    """The draft with each attachment's file written into ``folder``, SHA-256 and size its own.

    With ``sizes``, each file is as large as the example says (MBs); else a few KB.
    """
    folder.mkdir(parents=True, exist_ok=True)
    attachments: list[Attachment] = []
    for index, item in enumerate(draft.attachments):
        data = file_for(item.file_name, index, item.size_bytes if sizes else None)
        (folder / item.file_name).write_bytes(data)
        attachments.append(
            item.model_copy(
                update={"sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data)}
            )
        )
    return draft.model_copy(update={"attachments": attachments})


def example_with_files(
    code: str, folder: Path, *, files_in: Path | None = None, sizes: bool = False
) -> Path:
    """Example ``code`` saved in ``folder`` as CODE.json, its files in ``files_in`` (or beside)."""
    draft = with_files(read_draft(EXAMPLES / f"{code}.json"), files_in or folder, sizes=sizes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.json"
    save_draft(draft, path)
    path.with_name(path.name + ".bak").unlink(missing_ok=True)
    return path


def tree(folder: Path) -> list[tuple[str, int]]:
    """Every path under ``folder`` with its size (folders: -1), to compare before and after."""
    if not folder.exists():
        return []
    return sorted(
        (str(path.relative_to(folder)), -1 if path.is_dir() else path.stat().st_size)
        for path in folder.rglob("*")
    )


# -- zips forged byte by byte -------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """One entry as it is to be written: its name and stored bytes, and what headers declare."""

    name: str
    data: bytes
    method: int = zipfile.ZIP_STORED
    size: int | None = None  # uncompressed size declared (default: len(data))
    crc: int | None = None  # default: the CRC-32 of data
    mode: int = stat.S_IFREG | 0o644
    flags: int = 0x800  # names in UTF-8


def deflated(name: str, content: bytes) -> Raw:
    """An entry holding ``content``, deflated, with honest headers."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = packer.compress(content) + packer.flush()
    return Raw(name, data, zipfile.ZIP_DEFLATED, len(content), zlib.crc32(content))


def zeros_stream(total: int, block: int = 1024 * 1024) -> bytes:
    """A raw deflate stream inflating to ``total`` zero bytes, made without ``total`` bytes.

    One block of zeros is compressed once with a full flush (no reference to
    earlier data), repeated, and ended by an empty final block: about 1 KB a MB.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    one = packer.compress(b"\x00" * block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)
    return one * (total // block) + end


def raw_zip(entries: Iterable[Raw], *, declared_count: int | None = None) -> bytes:
    """A zip of ``entries`` as given; ZIP64 end records when there are over 65,535 of them."""
    body = bytearray()
    directory = bytearray()
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        common = (entry.flags, entry.method, 0, 0x21, crc, len(entry.data), size, len(name))
        directory += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            0x0314,
            20,
            *common,
            0,
            0,
            0,
            0,
            entry.mode << 16,
            len(body),
        )
        directory += name
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, *common, 0) + name + entry.data
        count += 1
    shown = count if declared_count is None else declared_count
    end = bytearray()
    if shown > 0xFFFF:
        zip64_at = len(body) + len(directory)
        end += struct.pack(
            "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, shown, shown, len(directory), len(body)
        )
        end += struct.pack("<4sLQL", b"PK\x06\x07", 0, zip64_at, 1)
        shown = 0xFFFF
    end += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, shown, shown, len(directory), len(body), 0)
    return bytes(body + directory + end)
