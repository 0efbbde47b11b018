"""Saving and reading draft files: atomic, with a backup, never losing the old file."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from applywizard.adapters.draft_files import DraftFileError, read_draft, save_draft
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import Draft
from tests.drafts import small_draft


def test_a_saved_draft_reads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "申报书草稿.json"
    save_draft(small_draft(), path)
    assert read_draft(path) == small_draft()
    assert path.read_bytes() == encode_draft(small_draft())


def test_saving_again_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    first = small_draft()
    save_draft(first, path)
    second = first.model_copy(deep=True)
    second.project.title_zh = "第二版题目"
    save_draft(second, path)
    assert read_draft(path) == second
    assert read_draft(path.with_name("draft.json.bak")) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.json", "draft.json.bak"]


def test_an_incomplete_draft_saves_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    save_draft(Draft(direction="1.1"), path)
    assert read_draft(path) == Draft(direction="1.1")


def _fail_with(error: OSError) -> Any:
    def replace(*_: Any, **__: Any) -> None:
        raise error

    return replace


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "read-only or protected"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    ],
)
def test_a_failed_save_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str
) -> None:
    path = tmp_path / "draft.json"
    save_draft(small_draft(), path)
    before = path.read_bytes()
    changed = small_draft()
    changed.project.title_zh = "不应写入"
    monkeypatch.setattr(os, "replace", _fail_with(error))
    monkeypatch.setattr(Path, "replace", _fail_with(error))
    with pytest.raises(DraftFileError) as caught:
        save_draft(changed, path)
    assert expected in caught.value.en
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.json"]


def test_a_save_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError) as caught:
        save_draft(small_draft(), tmp_path / "nowhere" / "draft.json")
    assert "does not exist" in caught.value.en


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b'{"schema_version": 1, "project": {"title_zh": 1}}', "project.title_zh"),
    ],
)
def test_reading_a_bad_file_says_why(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "draft.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DraftFileError) as caught:
        read_draft(path)
    assert expected in caught.value.en
    assert str(path) in str(caught.value)


def test_reading_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError) as caught:
        read_draft(tmp_path)
    assert "folder" in caught.value.en
