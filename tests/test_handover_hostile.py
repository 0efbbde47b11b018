"""Hostile packs: each refused with its own reason and words, quickly, and nothing written.

"Nothing written" is checked on the whole folder the target would be made in:
its listing (names and sizes, every level) is the same before and after, so
neither the target nor a temporary folder beside it is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.workflow.handover import unpack
from tests.handover_files import tree
from tests.hostile_packs import HOSTILE, sound_entries

SECONDS = 2.0
"""The longest a refusal may take (the largest, 100,000 entries, takes milliseconds)."""


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_pack_is_refused_for_its_reason_and_nothing_is_written(
    case: str, tmp_path: Path
) -> None:
    make, refusal, words = HOSTILE[case]
    made = tmp_path / "made"
    made.mkdir()
    pack = make(made)
    parent = tmp_path / "received"
    parent.mkdir()
    (parent / "earlier.txt").write_text("kept")
    before = tree(parent)
    started = time.perf_counter()
    with pytest.raises(PackError) as refused:
        unpack(pack, parent / "application")
    took = time.perf_counter() - started
    assert refused.value.refusal is refusal, refused.value
    assert words in refused.value.en, refused.value.en
    assert refused.value.zh and refused.value.zh != refused.value.en  # Chinese first, then English
    assert tree(parent) == before
    assert took < SECONDS, f"{case}: refused in {took:.2f} s"


def test_every_hostile_pack_has_its_own_message(tmp_path: Path) -> None:
    messages: dict[str, str] = {}
    for case, (make, _refusal, _words) in sorted(HOSTILE.items()):
        folder = tmp_path / case.replace(" ", "-").replace("/", "-")
        folder.mkdir()
        with pytest.raises(PackError) as refused:
            unpack(make(folder), tmp_path / "out")
        messages[case] = refused.value.en
    assert len(set(messages.values())) == len(messages), messages


@pytest.mark.parametrize(
    ("prepare", "refusal"),
    [
        (
            lambda target: (target.mkdir(), (target / "mine.txt").write_text("x")),
            Refusal.TARGET_NOT_EMPTY,
        ),
        (lambda target: target.write_text("a file"), Refusal.TARGET_NOT_FOLDER),
        (lambda target: target.symlink_to(target.parent), Refusal.TARGET_NOT_FOLDER),
    ],
)
def test_a_target_with_something_in_it_is_refused_untouched(
    prepare: Callable[[Path], object], refusal: Refusal, tmp_path: Path
) -> None:
    sound_entries(tmp_path)
    target = tmp_path / "received" / "application"
    target.parent.mkdir()
    prepare(target)
    before = tree(target.parent)
    with pytest.raises(PackError) as refused:
        unpack(tmp_path / "sound.awpack", target)
    assert refused.value.refusal is refusal
    assert tree(target.parent) == before


def test_a_pack_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    with pytest.raises(PackError) as refused:
        unpack(tmp_path / "nowhere.awpack", tmp_path / "out")
    assert refused.value.refusal is Refusal.UNREADABLE and "not found" in refused.value.en
    assert not (tmp_path / "out").exists()


def test_folders_made_for_the_target_are_removed_again_on_a_refusal(tmp_path: Path) -> None:
    make, _refusal, _words = HOSTILE["file changed inside"]
    pack = make(tmp_path)
    with pytest.raises(PackError):
        unpack(pack, tmp_path / "new" / "deeper" / "application")
    assert not (tmp_path / "new").exists()
