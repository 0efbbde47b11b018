"""The parts of a pack's checks: names, the manifest, an entry's data read with a cap."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from applywizard.adapters.handover import names
from applywizard.adapters.handover.entries import read_entry
from applywizard.adapters.handover.manifest import MANIFEST_NAME, Left, decode_manifest
from applywizard.adapters.handover.names import NameProblem
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.workflow.handover import pack_draft, read_draft_file, survey_draft, unpack
from tests.handover_files import Raw, deflated, example_with_files, raw_zip, tree
from tests.hostile_packs import sound_entries

PACK = Path("test.awpack")
TEXT = bytes(range(256)) * 40
HALF_A_STREAM = deflated("a.pdf", TEXT).data[: len(deflated("a.pdf", TEXT).data) // 2]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", NameProblem.EMPTY),
        ("..", NameProblem.PARENT),
        ("a/../../b", NameProblem.PARENT),
        ("a\\..\\b", NameProblem.PARENT),
        ("/etc/passwd", NameProblem.ABSOLUTE),
        ("\\\\server\\share\\x", NameProblem.ABSOLUTE),
        ("C:\\x.pdf", NameProblem.DRIVE),
        ("c:x.pdf", NameProblem.DRIVE),
        ("a\\b.pdf", NameProblem.BACKSLASH),
        ("a\x00b", NameProblem.CONTROL),
        ("a\nb", NameProblem.CONTROL),
        ("a/b.pdf", NameProblem.FOLDER),
        ("a?.pdf", NameProblem.FORBIDDEN_CHARACTER),
        ("a:b.pdf", NameProblem.DRIVE),  # drive A:, relative
        ("ab:c.pdf", NameProblem.FORBIDDEN_CHARACTER),  # an NTFS stream
        ("con", NameProblem.RESERVED),
        ("Aux.tar.gz", NameProblem.RESERVED),
        ("COM1.pdf", NameProblem.RESERVED),
        ("lpt9 .txt", NameProblem.RESERVED),
        ("COM¹.pdf", NameProblem.RESERVED),
        ("a.pdf.", NameProblem.TRAILING_DOT_OR_SPACE),
        ("a.pdf ", NameProblem.TRAILING_DOT_OR_SPACE),
        ("长" * 256, NameProblem.TOO_LONG),
        ("中法合作协议.pdf", None),
        ("..a.pdf", None),
        ("CONSENT.pdf", None),
        ("COM10.pdf", None),
        ("长" * 255, None),
    ],
)
def test_names_a_pack_may_hold(name: str, problem: NameProblem | None) -> None:
    assert names.problem(name) is problem
    if problem is not None:
        zh, en = names.describe(problem)
        assert zh and en


def test_one_file_on_windows_or_macos_has_one_key() -> None:
    key = names.same_file_key
    assert key("Agreement.PDF") == key("agreement.pdf")
    assert key("caf\u00e9.pdf") == key("cafe\u0301.pdf")
    assert key("a.pdf. ") == key("a.pdf")
    assert key("a.pdf") != key("b.pdf")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"not json", "not valid JSON"),
        (b'{"format": "applywizard-pack", "format": "x"}', "appears twice"),
        (b'{"format": "zip"}', "format"),
        (b"[]", "format"),
        (b'{"format": "applywizard-pack", "format_version": 1, "program_version": "1"}', "draft"),
    ],
)
def test_a_manifest_is_read_strictly(raw: bytes, words: str) -> None:
    with pytest.raises(PackError) as refused:
        decode_manifest(raw, PACK)
    assert refused.value.refusal is Refusal.BAD_MANIFEST and words in refused.value.en


def test_a_manifest_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    sound_entries(tmp_path)
    with zipfile.ZipFile(tmp_path / "sound.awpack") as package:
        raw = package.read(MANIFEST_NAME).replace(b'"files"', b'"extra": 1, "files"', 1)
    with pytest.raises(PackError, match="extra"):
        decode_manifest(raw, PACK)


def _entry(raw: Raw, cap: int) -> bytes:
    data = raw_zip([raw])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.infolist()[0]
    return read_entry(io.BytesIO(data), info, cap, PACK)


def test_an_entry_is_read_whole_stored_or_deflated() -> None:
    content = "合作协议".encode() * 1000
    assert _entry(deflated("a.pdf", content), len(content)) == content
    assert _entry(Raw("a.pdf", content), len(content)) == content


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (Raw("a.pdf", b"abc", crc=1), "CRC-32"),
        (Raw("a.pdf", b"abc", size=5), "CRC-32"),
        (Raw("a.pdf", b"\x03\x00junk", zipfile.ZIP_DEFLATED, size=0, crc=0), "after the end"),
        (Raw("a.pdf", HALF_A_STREAM, zipfile.ZIP_DEFLATED, size=len(TEXT)), "does not end"),
        (Raw("a.pdf", b"\xff\xff\xff", zipfile.ZIP_DEFLATED, size=3), "invalid"),
    ],
)
def test_an_entry_not_whole_is_damaged(raw: Raw, words: str) -> None:
    with pytest.raises(PackError) as refused:
        _entry(raw, 1000)
    assert refused.value.refusal is Refusal.DAMAGED and words in refused.value.en


def test_an_entry_expanding_past_its_cap_is_stopped_there() -> None:
    with pytest.raises(PackError) as refused:
        _entry(deflated("a.pdf", b"\x00" * 10_000_000), 4096)
    assert refused.value.refusal is Refusal.EXPANDS_PAST_SIZE


@pytest.mark.parametrize("content", [b"", b"PK", os.urandom(5000), b"PK\x05\x06" + b"\xff" * 10])
def test_bytes_that_are_no_zip_are_refused(content: bytes, tmp_path: Path) -> None:
    pack = tmp_path / "x.awpack"
    pack.write_bytes(content)
    with pytest.raises(PackError) as refused:
        unpack(pack, tmp_path / "out")
    assert refused.value.refusal is Refusal.NOT_A_ZIP
    assert tree(tmp_path) == [("x.awpack", len(content))]


def test_a_pack_cut_short_is_refused(tmp_path: Path) -> None:
    sound_entries(tmp_path)
    data = (tmp_path / "sound.awpack").read_bytes()
    cut = tmp_path / "cut.awpack"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(PackError) as refused:
        unpack(cut, tmp_path / "out")
    assert refused.value.refusal is Refusal.NOT_A_ZIP
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot make these names")
def test_names_windows_cannot_hold_are_not_packed(tmp_path: Path) -> None:
    draft_path = example_with_files("2.1", tmp_path / "mine")
    on_disk = read_draft_file(draft_path)
    [agreement] = on_disk.draft.attachments
    (tmp_path / "mine" / agreement.file_name).rename(tmp_path / "mine" / "AUX.pdf")
    draft = on_disk.draft.model_copy(
        update={"attachments": [agreement.model_copy(update={"file_name": "AUX.pdf"})]}
    )
    found = survey_draft(type(on_disk)(on_disk.path, draft, on_disk.raw))
    [left] = found.left_out
    assert left.entry.reason is Left.UNSAFE_NAME and left.detail is not None
    assert "reserves" in left.detail[1]
    reserved_draft = tmp_path / "mine" / "CON.json"
    draft_path.rename(reserved_draft)
    with pytest.raises(PackError) as refused:
        pack_draft(read_draft_file(reserved_draft), tmp_path / "x.awpack")
    assert refused.value.refusal is Refusal.DRAFT_NAME and "CON.json" in refused.value.zh
    assert not (tmp_path / "x.awpack").exists()
