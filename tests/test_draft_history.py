"""Version history: each save keeps the version it replaces, the last N, restorable exactly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from applywizard.adapters import draft_history
from applywizard.adapters.app_settings import set_versions_kept, versions_kept
from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_history import (
    BESIDE_FOLDER,
    history_folders,
    list_versions,
    prune,
    read_version,
    restore_version,
    version_bytes,
)
from applywizard.adapters.file_errors import DraftFileError
from applywizard.adapters.user_folders import user_folders
from applywizard.cli.main import main
from applywizard.domain.draft.codec import encode_draft
from applywizard.domain.draft.model import Draft
from tests.drafts import small_draft


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's own data and settings folders (platformdirs reads XDG_*)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_VERSIONS_KEPT", raising=False)


def numbered(number: int) -> Draft:
    draft = small_draft()
    draft.project.title_zh = f"城市水环境智能监测 第{number}版"
    return draft


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "共享 申报"
    folder.mkdir(exist_ok=True)
    return folder


def save_numbered(path: Path, count: int) -> list[bytes]:
    """``count`` saves of different content; the bytes of each, in order."""
    saved = []
    for number in range(1, count + 1):
        save_draft(numbered(number), path)
        saved.append(path.read_bytes())
    return saved


def test_25_saves_keep_the_last_20_versions_in_the_user_data_folder(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "申报书.json"
    saved = save_numbered(path, 25)
    versions = list_versions(path)
    assert versions_kept() == 20
    assert len(versions) == 20
    # each save kept the one it replaced: saves 5..24, newest first; the 25th is the draft
    assert [version_bytes(version) for version in versions] == saved[4:24][::-1]
    assert [version.saved_at for version in versions] == sorted(
        (version.saved_at for version in versions), reverse=True
    )
    assert len({version.path.name for version in versions}) == 20
    in_data, _beside = history_folders(path)
    assert in_data.parent == user_folders().history
    assert all(version.path.parent == in_data and not version.beside for version in versions)
    assert sorted(p.name for p in path.parent.iterdir()) == ["申报书.json", "申报书.json.bak"]
    assert versions[0].size == len(saved[23])
    assert versions[0].short_hash in versions[0].path.name


@pytest.mark.parametrize("kept", [3, 0])
def test_the_number_kept_is_a_setting(tmp_path: Path, kept: int) -> None:
    set_versions_kept(kept)
    path = folder_of(tmp_path) / "draft.json"
    saved = save_numbered(path, 8)
    versions = list_versions(path)
    assert len(versions) == kept
    assert [version_bytes(version) for version in versions] == saved[7 - kept : 7][::-1]


def test_the_environment_sets_it_for_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_versions_kept(10)
    monkeypatch.setenv("APPLYWIZARD_VERSIONS_KEPT", "2")
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 6)
    assert len(list_versions(path)) == 2


def test_restoring_a_version_gives_back_its_exact_bytes_and_keeps_the_current(
    tmp_path: Path,
) -> None:
    path = folder_of(tmp_path) / "draft.json"
    saved = save_numbered(path, 25)
    current = path.read_bytes()
    chosen = next(v for v in list_versions(path) if version_bytes(v) == saved[9])
    outcome = restore_version(path, chosen)
    assert path.read_bytes() == saved[9]
    assert read_draft(path) == numbered(10)
    assert outcome.kept is not None and version_bytes(outcome.kept) == current
    versions = list_versions(path)
    assert versions[0] == outcome.kept
    assert len(versions) == 20  # pruned again: the oldest went
    assert path.with_name("draft.json.bak").read_bytes() == current
    # restoring the version the current was kept as gives the 25th save back, exactly
    restore_version(path, versions[0])
    assert path.read_bytes() == saved[24]


def test_a_version_reads_with_the_strict_reader(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 2)
    (version,) = list_versions(path)
    assert read_version(version) == numbered(1)
    version.path.write_bytes(b'{"schema_version": 4, "unknown": 1}')
    with pytest.raises(DraftFileError):
        read_version(version)
    before = path.read_bytes()
    with pytest.raises(DraftFileError):
        restore_version(path, version)
    assert path.read_bytes() == before


def test_pruning_keeps_the_newest(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 10)
    newest = list_versions(path)[:3]
    assert prune(path, 3) == 6
    assert list_versions(path) == newest


def test_identical_content_is_not_kept_twice(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "draft.json"
    first = save_draft(numbered(1), path)
    assert first.history.reason == "new file"
    again = save_draft(numbered(1), path)  # saved without a change
    assert again.history.reason == "identical" and list_versions(path) == []
    save_draft(numbered(2), path)
    (version,) = list_versions(path)
    assert version_bytes(version) == encode_draft(numbered(1))
    # the file put back by hand as it was: the version it replaces is already the newest
    path.write_bytes(encode_draft(numbered(1)))
    outcome = save_draft(numbered(3), path)
    assert outcome.history.reason == "identical"
    assert len(list_versions(path)) == 1


def test_two_saves_in_one_second_get_distinct_sorted_names(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "draft.json"
    for number in range(1, 6):
        save_draft(numbered(number), path)
        os.utime(path, (1_700_000_000, 1_700_000_000))  # every version saved at the same instant
    versions = list_versions(path)
    assert len({version.path.name for version in versions}) == 4
    assert [read_version(version) for version in versions] == [numbered(n) for n in (4, 3, 2, 1)]
    assert [v.saved_at.microsecond for v in versions] == [3, 2, 1, 0]


def test_history_written_beside_the_draft_when_the_data_folder_cannot_be(
    tmp_path: Path,
) -> None:
    user_folders().history.parent.mkdir(parents=True)
    user_folders().history.write_text("not a folder")  # nothing can be made under it
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 3)
    versions = list_versions(path)
    assert len(versions) == 2 and all(version.beside for version in versions)
    assert versions[0].path.parent == path.parent / BESIDE_FOLDER / "draft.json"
    assert read_version(versions[0]) == numbered(2)


def test_no_history_anywhere_the_save_still_succeeds_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user_folders().history.parent.mkdir(parents=True)
    user_folders().history.write_text("not a folder")
    folder = folder_of(tmp_path)
    (folder / BESIDE_FOLDER).write_text("not a folder either")
    path = folder / "draft.json"
    save_draft(numbered(1), path)
    outcome = save_draft(numbered(2), path)
    assert read_draft(path) == numbered(2)
    assert not outcome.history.ok and outcome.history.problem is not None
    zh, en = outcome.history.problem
    assert zh.startswith("未能保留上一版本：") and en.startswith("earlier version not kept: ")
    assert str(path) in caplog.text and "could not be kept" in caplog.text
    assert str(user_folders().history) in en and str(folder / BESIDE_FOLDER) in en
    assert list_versions(path) == []


def test_an_unexpected_failure_in_history_never_stops_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[draft_history.Version]:
        raise RuntimeError("history is broken")

    monkeypatch.setattr(draft_history, "list_versions", broken)
    path = folder_of(tmp_path) / "draft.json"
    save_draft(numbered(1), path)
    outcome = save_draft(numbered(2), path)
    assert read_draft(path) == numbered(2)
    assert outcome.history.problem is not None
    assert "history is broken" in outcome.history.problem[1]


def test_restoring_when_the_current_cannot_be_kept_restores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 3)
    oldest = list_versions(path)[-1]
    before = path.read_bytes()

    def disk_full(folder: Path, *_args: object, **_kwargs: object) -> draft_history.Version:
        raise OSError(28, "No space left on device", str(folder))

    monkeypatch.setattr(draft_history, "_write_in", disk_full)
    with pytest.raises(DraftFileError) as caught:
        restore_version(path, oldest)
    assert "disk is full" in caught.value.en and "nothing was restored" in caught.value.en
    assert path.read_bytes() == before
    assert len(list_versions(path)) == 2


def test_moved_drafts_have_their_own_history(tmp_path: Path) -> None:
    first = folder_of(tmp_path) / "draft.json"
    other = tmp_path / "elsewhere" / "draft.json"
    other.parent.mkdir()
    save_numbered(first, 3)
    save_numbered(other, 2)
    assert len(list_versions(first)) == 2
    assert len(list_versions(other)) == 1
    assert history_folders(first)[0] != history_folders(other)[0]


def test_the_settings_command_sets_the_number_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--en", "settings", "--versions-kept", "5"]) == 0
    assert "earlier versions kept of each draft: 5 (default 20)" in capsys.readouterr().out
    assert versions_kept() == 5
    assert main(["settings", "--versions-kept", "-1"]) == 2
    assert main(["settings", "--versions-kept", "1001"]) == 2
    assert main(["settings"]) == 0
    assert "每份草稿保留的历史版本数：5（默认 20）" in capsys.readouterr().out
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 9)
    assert len(list_versions(path)) == 5


def test_a_file_too_large_to_be_a_draft_is_not_kept_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(draft_history, "MAX_DRAFT_BYTES", 100)
    path = folder_of(tmp_path) / "draft.json"
    path.write_bytes(b"x" * 101)
    outcome = save_draft(numbered(1), path)
    assert outcome.history.ok and outcome.history.reason == "new file"
    assert list_versions(path) == []


def test_a_killed_history_write_leaves_nothing_after_the_next_save(tmp_path: Path) -> None:
    path = folder_of(tmp_path) / "draft.json"
    save_numbered(path, 2)
    in_data, _beside = history_folders(path)
    debris = in_data / ".20240101T000000.000000Z-0123456789ab.json.k3v9x_q2.tmp"
    debris.write_bytes(b'{"half')
    outcome = save_draft(numbered(2), path)  # nothing changed: no version kept, still cleaned
    assert outcome.history.reason == "identical"
    assert not debris.exists()
    assert len(list_versions(path)) == 1
