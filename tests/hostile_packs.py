"""Hostile packs, each made to be refused for one reason (the pack tests and the bench).

Each maker writes into ``folder`` and returns the pack's path. Most start from
a sound pack of example 2.1 (its draft, one real attached file, a manifest)
and change one thing, so the refusal is for that thing alone.
"""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from applywizard.adapters.handover.manifest import (
    MANIFEST_NAME,
    DraftEntry,
    FoundIn,
    Manifest,
    PackedEntry,
    encode_manifest,
)
from applywizard.adapters.handover.refusals import Refusal
from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.workflow.handover import pack_draft, read_draft_file
from tests.handover_files import Raw, deflated, example_with_files, raw_zip, zeros_stream
from tests.preflight_files import office_package, text_pdf

GIGABYTE = 1024**3


def sound_entries(folder: Path) -> list[Raw]:
    """The entries of a sound pack of example 2.1 (manifest, draft, one file), deflated."""
    draft_path = example_with_files("2.1", folder / "sound")
    report = pack_draft(read_draft_file(draft_path), folder / "sound.awpack")
    with zipfile.ZipFile(report.path) as package:
        return [deflated(info.filename, package.read(info)) for info in package.infolist()]


def _with(folder: Path, name: str, entries: list[Raw]) -> Path:
    path = folder / f"{name}.awpack"
    path.write_bytes(raw_zip(entries))
    return path


def _plus(name: str, *extra: Raw) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return _with(folder, name, [*sound_entries(folder), *extra])

    return make


def _repacked(folder: Path, name: str, draft: bytes, files: list[tuple[str, bytes]]) -> Path:
    """A pack whose manifest honestly lists ``draft`` (as 2.1.json) and ``files``."""
    manifest = Manifest(
        program_version="0.1.0",
        draft=DraftEntry(
            name="2.1.json", sha256=hashlib.sha256(draft).hexdigest(), size_bytes=len(draft)
        ),
        files=[
            PackedEntry(
                name=name,
                sha256=hashlib.sha256(data).hexdigest(),
                size_bytes=len(data),
                found_in=FoundIn.BESIDE_DRAFT,
            )
            for name, data in files
        ],
    )
    entries = [deflated(MANIFEST_NAME, encode_manifest(manifest)), deflated("2.1.json", draft)]
    return _with(folder, name, entries + [deflated(n, d) for n, d in files])


def unknown_keys(folder: Path) -> Path:
    """A draft that holds a key no draft has, listed honestly by its manifest."""
    data = json.loads((Path(__file__).parents[1] / "examples" / "2.1.json").read_text("utf-8"))
    data["colour"] = "red"
    return _repacked(folder, "unknown-keys", json.dumps(data).encode(), [])


def newer_format(folder: Path) -> Path:
    entries = sound_entries(folder)
    manifest = json.loads(zipfile.ZipFile(folder / "sound.awpack").read(MANIFEST_NAME))
    manifest["format_version"] = 9
    return _with(
        folder, "newer", [deflated(MANIFEST_NAME, json.dumps(manifest).encode()), *entries[1:]]
    )


def _draft_attaching(name: str, size: int, sha256: str) -> bytes:
    draft = decode_draft((Path(__file__).parents[1] / "examples" / "2.1.json").read_bytes())
    attachment = draft.attachments[0].model_copy(
        update={"file_name": name, "sha256": sha256, "size_bytes": size}
    )
    return encode_draft(draft.model_copy(update={"attachments": [attachment]}))


def gigabyte_declared(folder: Path) -> Path:
    """A 1 GB entry of zeros, deflated to about 1 MB, its headers saying so: a zip bomb."""
    bomb = Raw("zeros.pdf", zeros_stream(GIGABYTE), zipfile.ZIP_DEFLATED, GIGABYTE, crc=0)
    return _with(folder, "gigabyte", [*sound_entries(folder), bomb])


def gigabyte_forged(folder: Path) -> Path:
    """The same stream declared as 1 MB (headers, manifest, draft agree): it would make 1 GB."""
    small = 1024 * 1024
    zeros = b"\x00" * small
    sha256 = hashlib.sha256(zeros).hexdigest()
    draft = _draft_attaching("zeros.pdf", small, sha256)
    path = _repacked(folder, "forged", draft, [("zeros.pdf", zeros)])
    with zipfile.ZipFile(path) as package:
        kept = [deflated(info.filename, package.read(info)) for info in package.infolist()[:2]]
    forged = Raw(
        "zeros.pdf", zeros_stream(GIGABYTE), zipfile.ZIP_DEFLATED, small, zlib.crc32(zeros)
    )
    return _with(folder, "forged", [*kept, forged])


def many_entries(folder: Path, count: int = 100_000, declared: int | None = None) -> Path:
    """``count`` empty entries (with ZIP64 end records), the count declared as ``declared``."""
    entries = (Raw(f"{n}.txt", b"") for n in range(count))
    path = folder / f"entries-{count}-{declared}.awpack"
    path.write_bytes(raw_zip(entries, declared_count=declared))
    return path


def not_a_zip(folder: Path) -> Path:
    path = folder / "not-a-zip.awpack"
    path.write_bytes(text_pdf())
    return path


def a_docx(folder: Path) -> Path:
    path = folder / "a-docx.awpack"
    path.write_bytes(office_package("docx"))
    return path


def tampered(folder: Path) -> Path:
    """The attached file's bytes changed in the pack, its size kept, the manifest not."""
    entries = sound_entries(folder)
    with zipfile.ZipFile(folder / "sound.awpack") as package:
        name = package.infolist()[2].filename
        data = bytearray(package.read(name))
    data[-2] ^= 0xFF
    return _with(folder, "tampered", [*entries[:2], deflated(name, bytes(data))])


def overlapping(folder: Path) -> Path:
    """Two directory entries pointing at one entry's data."""
    entries = sound_entries(folder)
    data = bytearray(raw_zip(entries))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        second = package.infolist()[1]
    last_record = bytes(data).rfind(b"PK\x01\x02")  # the third entry's, in the directory
    offset_at = last_record + 42  # its local header's offset: now the second entry's
    data[offset_at : offset_at + 4] = second.header_offset.to_bytes(4, "little")
    path = folder / "overlapping.awpack"
    path.write_bytes(bytes(data))
    return path


SYMLINK_MODE = stat.S_IFLNK | 0o777

HOSTILE: dict[str, tuple[Callable[[Path], Path], Refusal, str]] = {
    "zip-slip ..": (_plus("slip", Raw("../evil.txt", b"x")), Refusal.UNSAFE_NAME, "zip-slip"),
    "zip-slip in a folder": (
        _plus("slip-deep", Raw("docs/../../evil.txt", b"x")),
        Refusal.UNSAFE_NAME,
        "zip-slip",
    ),
    "zip-slip backslashes": (
        _plus("slip-backslash", Raw("..\\..\\evil.txt", b"x")),
        Refusal.UNSAFE_NAME,
        "zip-slip",
    ),
    "absolute path": (
        _plus("absolute", Raw("/tmp/evil.txt", b"x")),
        Refusal.UNSAFE_NAME,
        "absolute",
    ),
    "absolute Windows path": (
        _plus("absolute-windows", Raw("\\Windows\\evil.txt", b"x")),
        Refusal.UNSAFE_NAME,
        "absolute",
    ),
    "drive letter": (_plus("drive", Raw("C:evil.txt", b"x")), Refusal.UNSAFE_NAME, "drive"),
    "backslash": (
        _plus("backslash", Raw("docs\\evil.txt", b"x")),
        Refusal.UNSAFE_NAME,
        "backslash",
    ),
    "NUL in a name": (_plus("nul", Raw("evil.txt\x00.pdf", b"x")), Refusal.UNSAFE_NAME, "control"),
    "symlink": (
        _plus("symlink", Raw("link.pdf", b"/etc/passwd", mode=SYMLINK_MODE)),
        Refusal.SYMLINK,
        "symbolic link",
    ),
    "folder entry": (
        _plus("folder", Raw("docs/", b"", mode=stat.S_IFDIR | 0o755)),
        Refusal.NOT_A_FILE,
        "not a plain file",
    ),
    "reserved name": (_plus("reserved", Raw("NUL.pdf", b"x")), Refusal.UNSAFE_NAME, "device name"),
    "trailing dot": (
        _plus("dot", Raw("agreement.pdf.", b"x")),
        Refusal.UNSAFE_NAME,
        "ends in a dot",
    ),
    "names one on Windows": (
        _plus("case", Raw("2.1.JSON", b"x")),
        Refusal.DUPLICATE_NAME,
        "one file name",
    ),
    "names one on macOS": (
        _plus("nfd", Raw("caf\u00e9.pdf", b"x"), Raw("cafe\u0301.pdf", b"y")),
        Refusal.DUPLICATE_NAME,
        "one file name",
    ),
    "encrypted entry": (
        _plus("encrypted", Raw("extra.pdf", b"x", flags=0x801)),
        Refusal.ENCRYPTED,
        "encrypted",
    ),
    "bzip2 entry": (
        _plus("bzip2", Raw("extra.pdf", b"x", method=zipfile.ZIP_BZIP2)),
        Refusal.COMPRESSION,
        "compression",
    ),
    "unexpected entry": (
        _plus("unexpected", Raw("extra.pdf", b"x")),
        Refusal.UNEXPECTED_ENTRY,
        "extra.pdf",
    ),
    "1 GB-expanding entry": (gigabyte_declared, Refusal.BOMB, "zip bomb"),
    "1 GB behind a forged size": (gigabyte_forged, Refusal.EXPANDS_PAST_SIZE, "expands past"),
    "overlapping entries": (overlapping, Refusal.BOMB, "share their data"),
    "100,000 entries": (many_entries, Refusal.TOO_MANY_ENTRIES, "100,000 entries"),
    "100,000 entries declared as 3": (
        lambda folder: many_entries(folder, declared=3),
        Refusal.DIRECTORY_TOO_LARGE,
        "directory",
    ),
    "draft with unknown keys": (unknown_keys, Refusal.BAD_DRAFT, "colour"),
    "newer pack format": (newer_format, Refusal.NEWER_FORMAT, "newer ApplyWizard"),
    "file changed inside": (tampered, Refusal.DIGEST_MISMATCH, "SHA-256"),
    "not a zip": (not_a_zip, Refusal.NOT_A_ZIP, "not a whole zip file"),
    "a zip, not a pack": (a_docx, Refusal.NOT_A_PACK, "not an ApplyWizard pack"),
}
"""Each hostile pack: its maker, the refusal expected and words its English message holds."""
