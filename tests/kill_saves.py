"""SIGKILL during a save, again and again: the draft is always the old or the new version.

Each iteration forks a child that saves the draft (the other of two versions
than the one on disk) and kills it with SIGKILL at a random moment inside a
window a little longer than a save takes. Then, before anything else touches
the folder: the temporary files lying beside the draft are counted, the
draft's bytes are read and decoded by the strict decoder and must equal the
old or the new version exactly; then one open (``read_draft``) must leave no
temporary file. The bench (``bench/bench_kill_save.py``, 500 kills) and a fast
test (``tests/test_interrupted_saves.py``, 20 kills) run this. POSIX only.
"""

from __future__ import annotations

import os
import random
import signal
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from applywizard.adapters.atomic_files import temporary_name_pattern
from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.domain.draft.model import Draft

ROOT = Path(__file__).resolve().parents[1]


def two_versions(partners: int = 200) -> tuple[Draft, Draft]:
    """Two different drafts of ``partners`` foreign partners each, from examples/1.1.json."""
    example = read_draft(ROOT / "examples" / "1.1.json")
    versions = []
    for mark in ("甲", "乙"):
        draft = example.model_copy(deep=True)
        draft.project.title_zh = f"{example.project.title_zh}（{mark}稿）"
        template = example.foreign_partners[0]
        draft.foreign_partners = [
            template.model_copy(
                update={"name": f"{template.name} {mark}{i}", "name_zh": f"{template.name_zh}{i}"}
            )
            for i in range(partners)
        ]
        versions.append(draft)
    return versions[0], versions[1]


@dataclass
class KillFigures:
    """What the kills did, summed over the iterations."""

    iterations: int = 0
    killed_mid_save: int = 0
    """The child was killed before its save returned."""
    finished_first: int = 0
    """The save had returned before the kill arrived."""
    temporary_at_kill: int = 0
    """Kills after which a temporary file lay beside the draft."""
    old: int = 0
    new: int = 0
    killed_after_rename: int = 0
    """Killed before the save returned, the new version already in place (history, cleanup)."""
    wrong: list[str] = field(default_factory=list)
    """Iterations whose draft was neither version, or did not load (must stay empty)."""
    temporaries_before_open: int = 0
    temporaries_after_open: int = 0
    """Temporary files beside the draft after the next open (must stay 0)."""
    history_temporaries_most: int = 0
    """The most temporary files seen in the history folder after a kill."""
    history_temporaries_after_save: int = 0
    """Those left after one more save, uninterrupted (must be 0)."""
    seconds: list[float] = field(default_factory=list)


def temporaries(folder: Path, name: str | None = None) -> int:
    """Temporary files of this program's saves in ``folder`` (of ``name``, or any)."""
    if not folder.is_dir():
        return 0
    pattern = temporary_name_pattern(name)
    return sum(1 for entry in os.scandir(folder) if pattern.fullmatch(entry.name))


def _save_in_child(draft: Draft, path: Path) -> int:
    """Fork a child that says it starts, saves ``draft`` and exits; its pid."""
    reader, writer = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(reader)
            os.write(writer, b"s")
            save_draft(draft, path)
        finally:
            os._exit(0)
    os.close(writer)
    os.read(reader, 1)  # the child is starting its save
    os.close(reader)
    return pid


def save_seconds(path: Path, versions: tuple[Draft, Draft], runs: int = 10) -> float:
    """Median time a forked child's save takes, from its start to its exit, as the parent sees it.

    The kills are spread over a window measured this way (not an in-process
    timing), so they fall inside the save however busy the machine is.
    """
    times = []
    for run in range(runs):
        pid = _save_in_child(versions[run % 2], path)
        started = time.perf_counter()
        os.waitpid(pid, 0)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def kill_saves(
    path: Path,
    history: Path,
    versions: tuple[Draft, Draft],
    *,
    iterations: int,
    window: float,
    rng: random.Random,
    mid_save: int = 0,
) -> KillFigures:
    """``iterations`` saves of ``path`` killed at random within ``window`` seconds.

    ``mid_save``: go on past ``iterations`` (up to four times as many) until
    that many kills have landed before the save returned.
    """
    encoded = [encode_draft(version) for version in versions]
    save_draft(versions[0], path)
    figures = KillFigures()
    while figures.iterations < iterations or (
        figures.killed_mid_save < mid_save and figures.iterations < 4 * max(iterations, mid_save)
    ):
        started = time.perf_counter()
        old = path.read_bytes()
        new_index = 1 if old == encoded[0] else 0
        pid = _save_in_child(versions[new_index], path)
        time.sleep(rng.uniform(0, window))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status)
        figures.iterations += 1
        figures.killed_mid_save += killed
        figures.finished_first += not killed
        beside = temporaries(path.parent, path.name)
        figures.temporary_at_kill += beside > 0
        figures.temporaries_before_open += beside
        figures.history_temporaries_most = max(
            figures.history_temporaries_most, _history_temporaries(history)
        )
        now = path.read_bytes()
        try:
            decode_draft(now)
        except ValueError as error:
            figures.wrong.append(f"iteration {figures.iterations}: does not load: {error}")
        if now == old:
            figures.old += 1
        elif now == encoded[new_index]:
            figures.new += 1
            figures.killed_after_rename += killed
        else:
            figures.wrong.append(f"iteration {figures.iterations}: neither version")
        read_draft(path)  # the next open
        figures.temporaries_after_open += temporaries(path.parent, path.name)
        figures.seconds.append(time.perf_counter() - started)
    save_draft(versions[1] if path.read_bytes() == encoded[0] else versions[0], path)
    figures.history_temporaries_after_save = _history_temporaries(history)
    return figures


def _history_temporaries(history: Path) -> int:
    return sum(temporaries(folder) for folder in history.glob("*") if folder.is_dir())
