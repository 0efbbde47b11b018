"""Packs for handing a draft on: every example round trip with real files, where files are
found, what is listed when one is missing or changed, and writing a pack whole or not at all."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from applywizard.adapters.handover import writing
from applywizard.adapters.handover.manifest import MANIFEST_NAME, FoundIn, Left
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.adapters.handover.writing import PackReport
from applywizard.domain.draft.codec import decode_draft
from applywizard.workflow.handover import (
    left_out_line,
    pack_draft,
    read_draft_file,
    serious,
    survey_draft,
    unpack,
    unpack_target,
)
from tests.handover_files import CODES, example_with_files, tree


def pack_of(draft_path: Path, target: Path, named_folder: Path | None = None) -> PackReport:
    return pack_draft(read_draft_file(draft_path), target, named_folder=named_folder)


@pytest.mark.parametrize("code", CODES)
def test_every_example_goes_there_and_back_with_its_files(code: str, tmp_path: Path) -> None:
    draft_path = example_with_files(code, tmp_path / "mine")
    report = pack_of(draft_path, tmp_path / f"{code}.awpack")
    draft = read_draft_file(draft_path).draft
    assert [entry.name for entry in report.packed] == [a.file_name for a in draft.attachments]
    assert {entry.found_in for entry in report.packed} == {FoundIn.BESIDE_DRAFT}
    assert report.left_out == ()
    unpacked = unpack(report.path, tmp_path / "theirs")
    assert unpacked.draft_path == tmp_path / "theirs" / f"{code}.json"
    assert unpacked.draft_path.read_bytes() == draft_path.read_bytes()  # byte for byte
    assert unpacked.draft == draft
    for attachment in draft.attachments:
        restored = (tmp_path / "theirs" / attachment.file_name).read_bytes()
        assert hashlib.sha256(restored).hexdigest() == attachment.sha256
        assert restored == (tmp_path / "mine" / attachment.file_name).read_bytes()
    assert sorted(path.name for path in (tmp_path / "theirs").iterdir()) == sorted(
        [f"{code}.json", *(a.file_name for a in draft.attachments)]
    )


def test_the_pack_is_a_plain_zip_with_its_manifest_first(tmp_path: Path) -> None:
    report = pack_of(example_with_files("1.1", tmp_path / "mine"), tmp_path / "1.1.awpack")
    with zipfile.ZipFile(report.path) as package:
        infos = package.infolist()
        assert [info.filename for info in infos][:2] == [MANIFEST_NAME, "1.1.json"]
        assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
        assert package.testzip() is None
    assert report.size_bytes == report.path.stat().st_size


def test_files_deflate_cannot_shrink_are_stored_and_come_back_whole(tmp_path: Path) -> None:
    draft_path = example_with_files("1.5", tmp_path / "mine", sizes=True)  # MBs of noise
    report = pack_of(draft_path, tmp_path / "1.5.awpack")
    with zipfile.ZipFile(report.path) as package:
        kinds = [info.compress_type for info in package.infolist()]
    assert kinds == [zipfile.ZIP_DEFLATED] * 2 + [zipfile.ZIP_STORED] * 3
    assert sum(entry.size_bytes for entry in report.packed) > 5_000_000
    unpacked = unpack(report.path, tmp_path / "theirs")
    for entry in unpacked.files:
        restored = (tmp_path / "theirs" / entry.name).read_bytes()
        assert hashlib.sha256(restored).hexdigest() == entry.sha256


def test_one_draft_with_the_same_files_gives_the_same_pack(tmp_path: Path) -> None:
    draft_path = example_with_files("2.8", tmp_path / "mine")
    one = pack_of(draft_path, tmp_path / "one.awpack").path.read_bytes()
    two = pack_of(draft_path, tmp_path / "two.awpack").path.read_bytes()
    assert one == two


def test_files_are_found_beside_the_draft_then_in_the_folder_named_then_where_attached_from(
    tmp_path: Path,
) -> None:
    draft_path = example_with_files("1.3", tmp_path / "mine", files_in=tmp_path / "scans")
    on_disk = read_draft_file(draft_path)
    first, second, third, *_rest = on_disk.draft.attachments
    (tmp_path / "mine" / first.file_name).write_bytes(
        (tmp_path / "scans" / first.file_name).read_bytes()
    )
    named = tmp_path / "named"
    named.mkdir()
    (named / second.file_name).write_bytes((tmp_path / "scans" / second.file_name).read_bytes())
    attachments = list(on_disk.draft.attachments)
    attachments[2] = third.model_copy(
        update={"attached_from": str(tmp_path / "scans" / third.file_name)}
    )
    draft = on_disk.draft.model_copy(update={"attachments": attachments})
    on_disk = type(on_disk)(on_disk.path, draft, on_disk.raw)
    found = survey_draft(on_disk, named)
    where = {item.entry.name: item.entry.found_in for item in found.found}
    assert where == {
        first.file_name: FoundIn.BESIDE_DRAFT,
        second.file_name: FoundIn.NAMED_FOLDER,
        third.file_name: FoundIn.ATTACHED_FROM,
    }
    assert [item.entry.reason for item in found.left_out] == [Left.MISSING] * (len(attachments) - 3)


def test_a_changed_file_beside_the_draft_gives_way_to_the_right_one_where_attached_from(
    tmp_path: Path,
) -> None:
    draft_path = example_with_files("2.1", tmp_path / "mine", files_in=tmp_path / "origin")
    on_disk = read_draft_file(draft_path)
    [agreement] = on_disk.draft.attachments
    (tmp_path / "mine" / agreement.file_name).write_bytes(b"%PDF-1.7 an older version")
    draft = on_disk.draft.model_copy(
        update={
            "attachments": [
                agreement.model_copy(
                    update={"attached_from": str(tmp_path / "origin" / agreement.file_name)}
                )
            ]
        }
    )
    found = survey_draft(type(on_disk)(on_disk.path, draft, on_disk.raw))
    assert [item.entry.found_in for item in found.found] == [FoundIn.ATTACHED_FROM]


def test_missing_and_changed_files_are_listed_by_name_and_the_pack_still_written(
    tmp_path: Path,
) -> None:
    draft_path = example_with_files("1.4", tmp_path / "mine")
    draft = read_draft_file(draft_path).draft
    proposal, translation, letter = (a.file_name for a in draft.attachments)
    (tmp_path / "mine" / proposal).unlink()
    (tmp_path / "mine" / translation).write_bytes(b"%PDF-1.7 edited after attaching")
    report = pack_of(draft_path, tmp_path / "1.4.awpack")
    assert [entry.name for entry in report.packed] == [letter]
    reasons = {item.entry.name: item.entry.reason for item in report.left_out}
    assert reasons == {proposal: Left.MISSING, translation: Left.CHANGED}
    assert serious(report.left_out) == 2
    missing_zh, missing_en = left_out_line(report.left_out[0])
    assert proposal in missing_zh and "未找到" in missing_zh
    assert "not found" in missing_en and str(tmp_path / "mine" / proposal) in missing_en
    changed_zh, changed_en = left_out_line(report.left_out[1])
    assert translation in changed_en and "changed" in changed_en and "已改动" in changed_zh
    unpacked = unpack(report.path, tmp_path / "theirs")
    assert [entry.name for entry in unpacked.left_out] == [proposal, translation]
    assert sorted(p.name for p in (tmp_path / "theirs").iterdir()) == sorted(["1.4.json", letter])


def test_attachments_without_a_file_or_a_digest_are_listed_not_counted_as_lost(
    tmp_path: Path,
) -> None:
    draft_path = example_with_files("2.6", tmp_path / "mine")
    on_disk = read_draft_file(draft_path)
    first, second = on_disk.draft.attachments
    attachments = [
        first.model_copy(update={"file_name": "", "sha256": None}),
        second.model_copy(update={"sha256": None}),
    ]
    draft = on_disk.draft.model_copy(update={"attachments": attachments})
    found = survey_draft(type(on_disk)(on_disk.path, draft, on_disk.raw))
    assert [item.entry.reason for item in found.left_out] == [Left.NO_FILE, Left.NO_DIGEST]
    assert serious(found.left_out) == 1


def test_names_windows_or_macos_would_take_for_one_are_not_both_packed(tmp_path: Path) -> None:
    draft_path = example_with_files("2.2", tmp_path / "mine")
    on_disk = read_draft_file(draft_path)
    agreement, letter = on_disk.draft.attachments
    upper = agreement.file_name.upper().replace(".PDF", ".Pdf")
    (tmp_path / "mine" / upper).write_bytes(b"another file")
    other = letter.model_copy(
        update={
            "file_name": upper,
            "sha256": hashlib.sha256(b"another file").hexdigest(),
            "size_bytes": 12,
        }
    )
    twice = agreement.model_copy()
    draft = on_disk.draft.model_copy(update={"attachments": [agreement, twice, other]})
    found = survey_draft(type(on_disk)(on_disk.path, draft, on_disk.raw))
    assert [item.entry.name for item in found.found] == [agreement.file_name]  # twice: once
    if upper != agreement.file_name:
        assert [item.entry.reason for item in found.left_out] == [Left.NAME_CLASH]


def test_the_pack_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_path = example_with_files("1.2", tmp_path / "mine")
    target = tmp_path / "out" / "1.2.awpack"
    target.parent.mkdir()
    target.write_bytes(b"the previous pack")
    on_disk = read_draft_file(draft_path)
    found = survey_draft(on_disk)
    first = found.found[0]
    (first.source).write_bytes(first.source.read_bytes()[:-1] + b"!")  # changes after looking
    with pytest.raises(PackError) as refused:
        pack_draft(on_disk, target, found=found)
    assert refused.value.refusal is Refusal.SOURCE_CHANGED
    assert first.entry.name in refused.value.zh and first.entry.name in refused.value.en
    assert target.read_bytes() == b"the previous pack"
    assert tree(target.parent) == [("1.2.awpack", len(b"the previous pack"))]  # no temporary left

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing, "_copy", full)
    with pytest.raises(PackError) as failed:
        pack_draft(read_draft_file(draft_path), target)
    assert failed.value.refusal is Refusal.WRITE_FAILED and "磁盘已满" in failed.value.zh
    assert tree(target.parent) == [("1.2.awpack", len(b"the previous pack"))]


def test_a_pack_is_never_written_over_its_draft(tmp_path: Path) -> None:
    draft_path = example_with_files("1.9", tmp_path / "mine")
    before = draft_path.read_bytes()
    with pytest.raises(PackError) as refused:
        pack_of(draft_path, draft_path)
    assert refused.value.refusal is Refusal.WOULD_REPLACE_SOURCE
    assert draft_path.read_bytes() == before


def test_an_old_draft_packs_as_it_is_and_unpacks_by_the_strict_reader(tmp_path: Path) -> None:
    old = tmp_path / "mine" / "old.json"
    old.parent.mkdir()
    old.write_bytes(b'{"schema_version": 1, "direction": "2.5"}\n')
    report = pack_of(old, tmp_path / "old.awpack")
    unpacked = unpack(report.path, tmp_path / "theirs")
    assert unpacked.draft_path.read_bytes() == old.read_bytes()
    assert unpacked.draft == decode_draft(old.read_bytes())


def test_an_empty_folder_is_unpacked_into_any_other_gets_a_new_folder(tmp_path: Path) -> None:
    pack = tmp_path / "申报材料.awpack"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert unpack_target(empty, pack) == empty
    assert unpack_target(tmp_path, pack) == tmp_path / "申报材料"
    (tmp_path / "申报材料").mkdir()
    (tmp_path / "申报材料 (2)").write_text("x")
    assert unpack_target(tmp_path, pack) == tmp_path / "申报材料 (3)"


def test_unpacking_into_an_empty_folder_and_into_new_nested_folders(tmp_path: Path) -> None:
    report = pack_of(example_with_files("2.3", tmp_path / "mine"), tmp_path / "2.3.awpack")
    (tmp_path / "empty").mkdir()
    assert unpack(report.path, tmp_path / "empty").draft_path.is_file()
    deep = tmp_path / "a" / "b" / "c"
    assert unpack(report.path, deep).draft_path == deep / "2.3.json"
