"""Finding and loading guide packs: broken packs never break the program."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from applywizard.adapters.app_settings import (
    add_guide_folder,
    installed_packs,
    read_guide_folders,
)
from applywizard.adapters.guide_files import MAX_PACK_FILE_BYTES
from applywizard.adapters.guide_packs import (
    PackOrigin,
    catalogue,
    content_hash,
    load_pack,
)
from applywizard.adapters.user_folders import user_folders
from applywizard.domain.guide.edition import Edition
from applywizard.resources import BUNDLED_PACK, guide_path

BUNDLED = guide_path().parent


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_GUIDE_FOLDERS", raising=False)
    user_folders().guides.mkdir(parents=True)
    return tmp_path


def _copy(into: Path, name: str, pack_id: str, edit: tuple[str, str] | None = None) -> Path:
    target = into / name
    shutil.copytree(BUNDLED, target)
    guide = target / "guide.yaml"
    text = guide.read_text(encoding="utf-8").replace(f"id: {BUNDLED_PACK}", f"id: {pack_id}", 1)
    if edit is not None:
        assert edit[0] in text
        text = text.replace(*edit, 1)
    guide.write_text(text, encoding="utf-8")
    return target


BROKEN: dict[str, tuple[bytes, str]] = {
    "not-utf8": (b"id: caf\xe9\n", "not UTF-8"),
    "not-yaml": (b"id: [unclosed\n", "not valid YAML"),
    "python-tag": (b"id: !!python/object/apply:os.system ['echo pwned']\n", "not valid YAML"),
    "a-list": (b"- 1\n- 2\n", "Guide"),
    "empty": (b"", "Guide"),
    "duplicate-key": (b"id: a\nid: b\n", "repeats"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_pack_is_listed_with_its_problem_and_the_bundled_one_still_loads(
    name: str, home: Path
) -> None:
    content, reason = BROKEN[name]
    folder = user_folders().guides / name
    folder.mkdir()
    (folder / "guide.yaml").write_bytes(content)
    found, _ = installed_packs()
    [broken] = found.broken
    assert broken.folder == folder and broken.book is None
    assert broken.problem is not None and reason in broken.problem
    assert found.find(BUNDLED_PACK) is not None
    assert found.default() is not None and found.default() is not broken
    assert not (home / "pwned").exists()


def test_a_pack_too_large_or_missing_its_source_text_is_refused(home: Path) -> None:
    guides = user_folders().guides
    big = guides / "big"
    big.mkdir()
    (big / "guide.yaml").write_bytes(b"#" * (MAX_PACK_FILE_BYTES + 1))
    no_source = _copy(guides, "no-source", "no-source")
    (no_source / "source.txt").unlink()
    found, _ = installed_packs()
    problems = {pack.folder.name: pack.problem or "" for pack in found.broken}
    assert "more than a guide pack's file may hold" in problems["big"]
    assert "source text source.txt, which is missing" in problems["no-source"]


def test_packs_are_ordered_newest_published_first_and_found_in_shared_folders(
    home: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "共享 盘" / "指南"
    shared.mkdir(parents=True)
    _copy(
        shared,
        "amended",
        "office-2023-amended",
        ("edition: draft\n", "edition: amended\nissued: 2023-03-01\n"),
    )
    _copy(user_folders().guides, "mine", "mine-2023")
    add_guide_folder(shared)
    assert read_guide_folders().folders == (shared.absolute(),)
    found, _ = installed_packs()
    order = [(pack.pack_id, pack.origin) for pack in found.packs]
    # published or amended, newest issued first (2025-10-23, then 2023-03-01); drafts after
    assert order[:2] == [
        ("most-igsti-2026-batch1", PackOrigin.BUNDLED),
        ("office-2023-amended", PackOrigin.SHARED),
    ]
    assert set(order[2:]) == {(BUNDLED_PACK, PackOrigin.BUNDLED), ("mine-2023", PackOrigin.USER)}
    amended = found.packs[1].guide
    assert amended is not None and amended.edition is Edition.AMENDED


def test_the_content_hash_follows_the_content_not_the_line_endings(tmp_path: Path) -> None:
    copy = _copy(tmp_path, "copy", BUNDLED_PACK)
    assert load_pack(copy).content_hash == load_pack(BUNDLED).content_hash
    guide = copy / "guide.yaml"
    guide.write_bytes(guide.read_bytes().replace(b"\n", b"\r\n"))
    assert load_pack(copy).content_hash == load_pack(BUNDLED).content_hash
    source = copy / "source.txt"
    source.write_text(source.read_text(encoding="utf-8") + "附记\n", encoding="utf-8")
    assert load_pack(copy).content_hash != load_pack(BUNDLED).content_hash
    assert content_hash([("a", b"x")]) != content_hash([("b", b"x")])


def test_the_same_pack_found_twice_is_listed_once(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    _copy(user, "again", BUNDLED_PACK)
    found = catalogue(user_folder=user)
    listed = [(pack.pack_id, pack.origin) for pack in found.packs]
    assert listed.count((BUNDLED_PACK, PackOrigin.BUNDLED)) == 1
    assert [pack_id for pack_id, _origin in listed].count(BUNDLED_PACK) == 1


def test_an_unreadable_settings_file_names_no_folder_and_says_why(home: Path) -> None:
    settings = user_folders().settings
    settings.parent.mkdir(parents=True)
    settings.write_text("{not json", encoding="utf-8")
    folders = read_guide_folders()
    assert folders.folders == ()
    assert "cannot be read" in folders.problems[0]
    found, _ = installed_packs()
    assert found.find(BUNDLED_PACK) is not None
