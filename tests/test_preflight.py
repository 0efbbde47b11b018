"""Attachment pre-flight: what is found inside real files made here, sound and hostile.

Every file is opened in the bounded child process, as in the program; each
hostile one must come back with a clear failure well within the bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from applywizard.adapters.attachment_preflight.preflight import inspect_file, inspect_in_child
from applywizard.adapters.attachment_preflight.sandbox import INSPECT_SECONDS
from applywizard.domain.draft.preflight import Failure, FileType, PreflightFacts
from tests import preflight_files as made

LIMIT = 20 * 1024 * 1024
BOUND_SECONDS = INSPECT_SECONDS + 3.0
"""The inspection's own bound, plus the child's start (about 0.2 s here) with room to spare."""


def _inspect(folder: Path, name: str, data: bytes) -> tuple[PreflightFacts, float]:
    path = made.write(folder, name, data)
    started = time.perf_counter()
    facts = inspect_file(path, size_limit_bytes=LIMIT)
    return facts, time.perf_counter() - started


def test_a_pdf_with_text_in_embedded_fonts_passes(tmp_path: Path) -> None:
    facts, _ = _inspect(tmp_path, "agreement.pdf", made.text_pdf(pages=3))
    assert facts.file_type is FileType.PDF
    assert facts.failure is None and not facts.encrypted
    assert (facts.pages, facts.pages_with_text, facts.pages_without_text) == (3, 3, 0)
    assert facts.fonts_not_embedded == []
    assert facts.size_bytes == (tmp_path / "agreement.pdf").stat().st_size


def test_fonts_not_embedded_are_named(tmp_path: Path) -> None:
    facts, _ = _inspect(tmp_path, "letter.pdf", made.text_pdf(embedded=False))
    assert facts.failure is None
    assert facts.fonts_not_embedded == ["Helvetica"]


def test_a_scan_has_image_pages_without_a_text_layer(tmp_path: Path) -> None:
    facts, _ = _inspect(tmp_path, "scan.pdf", made.scanned_pdf(pages=2))
    assert (facts.pages, facts.pages_with_text, facts.pages_without_text) == (2, 0, 2)


def test_a_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    facts, _ = _inspect(tmp_path, "locked.pdf", made.encrypted_pdf())
    assert facts.failure is Failure.ENCRYPTED
    assert facts.encrypted
    assert facts.pages is None


@pytest.mark.parametrize(
    ("name", "make", "failure", "words"),
    [
        ("truncated.pdf", made.truncated_pdf, Failure.DAMAGED, "cut short"),
        ("garbage.pdf", made.garbage_pdf, Failure.DAMAGED, "not a PDF"),
        ("cyclic.pdf", made.cyclic_pdf, Failure.DAMAGED, "cyclic"),
        ("deep.pdf", made.deep_pdf, Failure.HOSTILE, "depth"),
        ("bomb.pdf", lambda: made.bomb_pdf(256 * 1024 * 1024), Failure.HOSTILE, "decompressing"),
        ("garbage.docx", lambda: b"PK not really" * 50, Failure.DAMAGED, "zip"),
        ("bomb.docx", lambda: made.zip_bomb_docx(64 * 1024 * 1024), Failure.HOSTILE, "zip bomb"),
    ],
)
def test_a_damaged_or_hostile_file_is_named_so_within_the_bound(
    tmp_path: Path, name: str, make: Callable[[], bytes], failure: Failure, words: str
) -> None:
    facts, seconds = _inspect(tmp_path, name, make())
    assert facts.failure is failure, facts
    assert words in facts.detail
    assert seconds < BOUND_SECONDS


def test_thousands_of_pages_are_counted(tmp_path: Path) -> None:
    facts, seconds = _inspect(tmp_path, "long.pdf", made.many_pages_pdf(5_000))
    assert facts.failure is None
    assert facts.pages == 5_000
    assert facts.pages_with_text == 2_000  # pages beyond the first 2,000 are counted, not read
    assert seconds < BOUND_SECONDS


def test_a_child_out_of_time_is_stopped_and_the_file_named_hostile(tmp_path: Path) -> None:
    path = made.write(tmp_path, "long.pdf", made.many_pages_pdf(5_000))
    started = time.perf_counter()
    answer = inspect_in_child(path, FileType.PDF, seconds=0.01, memory_bytes=200 * 2**20)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert answer.facts["failure"] == "hostile"
    assert "0.01 s" in answer.facts["detail"]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="RLIMIT_AS is enforced on Linux")
def test_a_child_out_of_memory_is_stopped_and_the_file_named_hostile(tmp_path: Path) -> None:
    path = made.write(tmp_path, "bomb.pdf", made.bomb_pdf(256 * 1024 * 1024))
    answer = inspect_in_child(path, FileType.PDF, seconds=5, memory_bytes=60 * 2**20)
    assert answer.facts["failure"] == "hostile"
    assert "memory" in answer.facts["detail"].lower()  # the cap, not pypdf's own limit
    assert answer.peak_rss_kb < 60 * 1024


def test_office_packages_open_and_macros_are_found(tmp_path: Path) -> None:
    plain, _ = _inspect(tmp_path, "plan.docx", made.office_package("docx"))
    macros, _ = _inspect(tmp_path, "plan-macros.docx", made.office_package("docx", macros=True))
    sheet, _ = _inspect(tmp_path, "budget.xlsx", made.office_package("xlsx"))
    assert plain.file_type is FileType.OFFICE
    assert (plain.failure, plain.macros) == (None, False)
    assert (macros.failure, macros.macros) == (None, True)
    assert (sheet.failure, sheet.macros) == (None, False)


def test_a_word_file_that_is_a_spreadsheet_is_not_accepted_as_one(tmp_path: Path) -> None:
    facts, _ = _inspect(tmp_path, "plan.docx", made.office_package("xlsx"))
    assert facts.failure is Failure.DAMAGED
    assert "docx main part" in facts.detail


def test_other_types_are_checked_for_size_only(tmp_path: Path) -> None:
    path = made.write(tmp_path, "photo.png", b"\x89PNG" + b"\x00" * 2_000)
    facts = inspect_file(path, size_limit_bytes=1_000)
    assert facts.file_type is FileType.OTHER
    assert facts.failure is None
    assert facts.over_size


def test_a_font_named_with_control_characters_is_listed_safely(tmp_path: Path) -> None:
    data = made.text_pdf(embedded=False, font=b"/Evil#0A#07Font")
    facts, _ = _inspect(tmp_path, "evil.pdf", data)
    assert facts.failure is None
    assert facts.fonts_not_embedded == ["Evil Font"]
