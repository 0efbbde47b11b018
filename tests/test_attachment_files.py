"""Attaching files and reading a direction's required documents, without any widget."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

import pytest

from applywizard.domain.draft.model import Attachment
from applywizard.domain.guide.model import AttachmentKind, Guide, Severity
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow import attachments as files
from applywizard.workflow.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentFileError,
    check_type,
    extension_of,
    facts_needed,
    new_attachment,
    read_file_facts,
    required_declarations,
    required_documents,
    short_citation,
    with_new_file,
)


def _kind(guide: Guide, kind_id: str) -> AttachmentKind:
    kind = guide.attachment_kind(kind_id)
    assert kind is not None
    return kind


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


# -- reading files ------------------------------------------------------------------------------


def test_facts_record_bare_name_size_and_sha256(tmp_path: Path) -> None:
    content = "合作协议 signed".encode() * 100
    path = _write(tmp_path / "deep" / "folder" / "协议.pdf", content)
    facts = read_file_facts(path)
    assert facts.file_name == "协议.pdf"
    assert facts.size_bytes == len(content)
    assert facts.sha256 == hashlib.sha256(content).hexdigest()


def test_the_hash_is_streamed_over_many_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = bytes(range(256)) * 41  # 10,496 bytes: many 1,000-byte chunks and a partial one
    path = _write(tmp_path / "a.pdf", content)
    monkeypatch.setattr(files, "CHUNK_BYTES", 1000)
    reads: list[int] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> object:
        stream = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        real_read = stream.read

        def read(size: int = -1) -> bytes:
            reads.append(size)
            chunk: bytes = real_read(size)
            return chunk

        stream.read = read
        return stream

    monkeypatch.setattr(Path, "open", counting_open)
    facts = read_file_facts(path)
    assert facts.sha256 == hashlib.sha256(content).hexdigest()
    assert facts.size_bytes == len(content)
    assert reads and all(size == 1000 for size in reads)  # never the whole file at once
    assert len(reads) == 12  # 10 full chunks, 1 partial, 1 empty read at the end


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.pdf", b"")
    with pytest.raises(AttachmentFileError) as refused:
        read_file_facts(path)
    assert "空文件" in refused.value.zh
    assert "empty" in refused.value.en


def test_files_over_50_mb_are_refused_without_reading_them(tmp_path: Path) -> None:
    assert MAX_ATTACHMENT_BYTES == 50 * 1024 * 1024
    path = tmp_path / "huge.pdf"
    with path.open("wb") as stream:
        stream.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 50 MB written
    with pytest.raises(AttachmentFileError) as refused:
        read_file_facts(path)
    assert "50.0 MB" in refused.value.zh
    assert "more than the 50.0 MB" in refused.value.en


def test_the_limit_itself_is_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.pdf", b"x" * 100)
    assert read_file_facts(path, max_bytes=100).size_bytes == 100
    with pytest.raises(AttachmentFileError):
        read_file_facts(path, max_bytes=99)


def test_a_file_growing_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "a.pdf", b"x" * 50)
    real_stat = Path.stat

    class Small:
        def __init__(self, facts: object) -> None:
            self._facts = facts
            self.st_size = 10

        def __getattr__(self, name: str) -> object:
            return getattr(self._facts, name)

    monkeypatch.setattr(Path, "stat", lambda self, **kw: Small(real_stat(self, **kw)))
    monkeypatch.setattr(files, "CHUNK_BYTES", 8)
    with pytest.raises(AttachmentFileError, match="more than"):
        read_file_facts(path, max_bytes=20)


def test_missing_files_and_folders_are_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(AttachmentFileError) as missing:
        read_file_facts(tmp_path / "nowhere.pdf")
    assert missing.value.zh == "无法读取：找不到“nowhere.pdf”：文件或其所在文件夹不存在"
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(AttachmentFileError) as not_file:
        read_file_facts(folder)
    assert "is not a file" in not_file.value.en


# -- types ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        ("a.pdf", "pdf"),
        ("A.PDF", "pdf"),
        ("a.tar.gz", "gz"),
        ("noext", ""),
        (".pdf", ""),
        ("a.", ""),
    ],
)
def test_extension_of(name: str, extension: str) -> None:
    assert extension_of(name) == extension


def test_the_kind_decides_which_types_are_accepted(guide: Guide) -> None:
    agreement = _kind(guide, "cooperation_agreement")
    check_type("协议.PDF", agreement)
    check_type("协议.docx", agreement)
    with pytest.raises(AttachmentFileError) as refused:
        check_type("budget.xlsx", agreement)
    assert "pdf, doc, docx, ofd" in refused.value.zh
    assert "cannot be attached as the cooperation agreement" in refused.value.en
    check_type("budget.xlsx", _kind(guide, "bilateral_form"))
    with pytest.raises(AttachmentFileError, match="no extension"):
        check_type("README", agreement)
    with pytest.raises(AttachmentFileError):
        check_type("proposal.docx", _kind(guide, "horizon_proposal_en"))  # PDF only


def test_new_attachment_holds_the_kind_and_the_file_facts(guide: Guide, tmp_path: Path) -> None:
    content = b"%PDF-1.7 agreement"
    path = _write(tmp_path / "in" / "agreement.pdf", content)
    attachment = new_attachment(path, _kind(guide, "cooperation_agreement"))
    assert attachment == Attachment(
        kind="cooperation_agreement",
        file_name="agreement.pdf",
        sha256=hashlib.sha256(content).hexdigest(),
        size_bytes=len(content),
        attached_from=str(path),  # absolute: where a pack for handing on looks for it
    )


@pytest.mark.skipif(sys.platform == "win32", reason="a colon is no file name on Windows")
def test_a_file_name_the_draft_cannot_hold_is_refused(guide: Guide, tmp_path: Path) -> None:
    path = _write(tmp_path / "a:b.pdf", b"x")  # a colon: legal on Linux, not in a draft
    with pytest.raises(AttachmentFileError) as refused:
        new_attachment(path, _kind(guide, "other"))
    assert "a:b.pdf" in refused.value.en


def test_a_wrong_type_is_refused_before_the_file_is_read(guide: Guide, tmp_path: Path) -> None:
    with pytest.raises(AttachmentFileError, match=r"\.exe"):
        new_attachment(tmp_path / "does-not-exist.exe", _kind(guide, "other"))


def test_replacing_the_file_keeps_the_facts(guide: Guide, tmp_path: Path) -> None:
    old = Attachment(
        kind="cooperation_agreement",
        file_name="v1.pdf",
        sha256="0" * 64,
        size_bytes=3,
        signed_on=date(2023, 2, 27),
        contains_ip_clauses=True,
        note="signed copy",
    )
    path = _write(tmp_path / "v2.pdf", b"version 2")
    new = with_new_file(old, path, _kind(guide, "cooperation_agreement"))
    assert new.file_name == "v2.pdf"
    assert new.sha256 == hashlib.sha256(b"version 2").hexdigest()
    assert new.size_bytes == 9
    assert new.attached_from == str(path)
    assert (new.signed_on, new.contains_ip_clauses, new.note) == (
        date(2023, 2, 27),
        True,
        "signed copy",
    )
    assert old.file_name == "v1.pdf"  # the draft's item is not changed in place


def test_where_a_file_came_from_is_recorded_absolute(
    guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "in" / "agreement.pdf", b"%PDF-1.7 agreement")
    monkeypatch.chdir(tmp_path / "in")
    attachment = new_attachment(Path("../in/agreement.pdf"), _kind(guide, "other"))
    assert attachment.attached_from == str(tmp_path / "in" / "agreement.pdf")


@pytest.mark.skipif(sys.platform == "win32", reason="no such file name on Windows")
def test_a_path_the_draft_cannot_hold_is_not_recorded(guide: Guide, tmp_path: Path) -> None:
    path = _write(tmp_path / "odd\x01folder" / "agreement.pdf", b"%PDF-1.7 agreement")
    attachment = new_attachment(path, _kind(guide, "other"))
    assert attachment.file_name == "agreement.pdf" and attachment.attached_from == ""


@pytest.mark.parametrize(
    "path",
    [
        "/home/pi/agreement.pdf",
        "C:\\Users\\pi\\协议.pdf",
        "d:/x.pdf",
        "\\\\server\\share\\x.pdf",
        "",
    ],
)
def test_attached_from_holds_an_absolute_path_of_any_system(path: str) -> None:
    assert Attachment(attached_from=path).attached_from == path


@pytest.mark.parametrize("path", ["agreement.pdf", "../x.pdf", "C:x.pdf", "/a\nb.pdf"])
def test_attached_from_refuses_relative_paths_and_control_characters(path: str) -> None:
    with pytest.raises(ValueError, match=r"absolute path|control character"):
        Attachment(attached_from=path)


# -- what a direction requires ------------------------------------------------------------------


def test_short_citation() -> None:
    assert short_citation("1.1", 6) == "1.1（6）"
    assert short_citation("2.3", 0) == "2.3"
    assert short_citation("2.3", None) == ""


def test_documents_required_by_1_1_with_their_clauses(book: RuleBook) -> None:
    documents = {doc.kind.id: doc for doc in required_documents(book, "1.1")}
    assert list(documents) == [
        "joint_lab_agreement",
        "foreign_government_support",
        "joint_lab_plan",
        "cooperation_agreement",
        "ip_agreement",
    ]
    assert documents["joint_lab_agreement"].citation == "1.1（2）"
    assert documents["joint_lab_agreement"].facts == (("signed_on", "1.1（2）"),)
    assert documents["cooperation_agreement"].citation == "1.1（6）"
    assert dict(documents["cooperation_agreement"].facts) == {
        "signed_on": "1.1（6）",
        "contains_ip_clauses": "1.1（6）",
    }
    ip = documents["ip_agreement"]
    assert ip.optional
    assert ip.alternative_to is not None and ip.alternative_to.id == "cooperation_agreement"
    assert not any(doc.optional for kind, doc in documents.items() if kind != "ip_agreement")


def test_required_documents_follow_the_data_for_every_direction(book: RuleBook) -> None:
    for direction in book.guide.directions:
        demanded = {
            rule.params["kind"]
            for clause in direction.clauses
            for rule in clause.rules
            if rule.check == "attachment"
        }
        listed = {
            doc.kind.id for doc in required_documents(book, direction.code) if not doc.optional
        }
        assert listed == demanded, direction.code


def test_warnings_stay_warnings_and_unknown_directions_need_nothing(book: RuleBook) -> None:
    horizon = required_documents(book, "1.4")
    assert [doc.kind.id for doc in horizon] == ["horizon_proposal_en", "horizon_translation_zh"]
    assert all(doc.severity is Severity.WARNING for doc in horizon)
    assert required_documents(book, "9.9") == []
    assert required_declarations(book, "") == []


def test_facts_needed_by_kind(book: RuleBook) -> None:
    assert dict(facts_needed(book, "1.8", "cooperation_agreement")) == {
        "signed_on": "1.8（3）",
        "valid_until": "1.8（3）",
        "contains_ip_clauses": "1.8（3）",
    }
    assert facts_needed(book, "1.1", "joint_lab_plan") == ()


def test_declarations_required_with_their_clauses(book: RuleBook) -> None:
    found = [(d.declaration.id, d.citation) for d in required_declarations(book, "1.3")]
    assert found == [
        ("cdti_matching", "1.3（2）"),
        ("both_sides_apply", "1.3（3）"),
        ("cdti_english_form", "1.3（4）"),
    ]
    assert [(d.declaration.id, d.citation) for d in required_declarations(book, "2.3")] == [
        ("both_sides_apply", "2.3")
    ]
