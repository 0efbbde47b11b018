"""SIGKILL during a save, 500 times: the draft is always the old or the new version.

Each iteration forks a child that saves a 200-partner draft (the other of two
versions than the one on disk; about 150 KB) and kills it with SIGKILL at a
random moment within the median save of such a child (from its start to its
exit), measured first in the same run (``tests/kill_saves.py``). The loop
runs at least 500 times and goes on until 500 kills have landed before the
save returned (``--kills``); kills that came after are counted apart.
After each kill: the temporary files beside the draft are counted; the draft
is read, must load with the strict decoder and equal the old or the new
version byte for byte; then one open (``read_draft``) must leave no
temporary file. The history folder (a temporary data folder, never the
user's) is counted too: a kill during the history write leaves its
temporary file there, removed at the next save of the draft; after the
loop one more save must leave none.

Baselines, measured in the same run and folder: a save with no history
(the draft encoded and ``write_bytes_atomically``: temporary file, fsync,
backup, rename, folder fsync) and a save with history (``save_draft``: the
same, plus reading the replaced version, writing it into the history folder
atomically and pruning), medians; the ratio is the cost of keeping a version
at each save.

Exit 1 if any draft was neither version or did not load, or a temporary file
outlived the next open.

Run: .venv/bin/python bench/bench_kill_save.py [--iterations N] [--kills N] [--folder DIR]
[--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the kill loop lives with the tests

from tests.kill_saves import kill_saves, save_seconds, two_versions  # noqa: E402

from applywizard.adapters.atomic_files import write_bytes_atomically  # noqa: E402
from applywizard.adapters.draft_files import save_draft  # noqa: E402
from applywizard.domain.draft.codec import encode_draft  # noqa: E402
from timing import median_seconds  # noqa: E402


def file_system(folder: Path) -> str:
    """The type of the file system ``folder`` is on (Linux: from /proc/mounts)."""
    best, kind = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return kind
    resolved = str(folder.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--kills", type=int, default=500, help="kills landing mid-save, at least")
    parser.add_argument("--folder", type=Path, default=None, help="where to save (default: temp)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        print("needs POSIX (fork and SIGKILL)")
        return 2
    with tempfile.TemporaryDirectory(dir=args.folder) as work:
        folder = Path(work)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")  # never the user's history
        os.environ["APPLYWIZARD_VERSIONS_KEPT"] = "20"
        drafts = folder / "drafts"
        drafts.mkdir()
        versions = two_versions(200)
        encoded = [encode_draft(version) for version in versions]
        bare_next, draft_next = cycle(versions), cycle(versions)
        bare = median_seconds(
            lambda: write_bytes_atomically(drafts / "bare.json", encode_draft(next(bare_next))),
            args.repeat,
        )
        with_history = median_seconds(
            lambda: save_draft(next(draft_next), drafts / "timed.json"), args.repeat
        )
        child = save_seconds(drafts / "calibration.json", versions)
        window = child
        figures = kill_saves(
            drafts / "申报书 草稿.json",
            folder / "data" / "ApplyWizard" / "history",
            versions,
            iterations=args.iterations,
            mid_save=args.kills,
            window=window,
            rng=random.Random(args.seed),
        )
        print(f"folder: {folder} ({file_system(folder)}); draft {len(encoded[0]):,} bytes")
        print(
            f"save without history (encode + write_bytes_atomically) {bare * 1000:.2f} ms; "
            f"with history (save_draft) {with_history * 1000:.2f} ms; "
            f"ratio {with_history / bare:.2f}x (medians of {args.repeat})"
        )
        print(
            f"a forked child's save, start to exit: {child * 1000:.2f} ms (median of 10)\n"
            f"iterations {figures.iterations}; kill at random in 0-{window * 1000:.1f} ms "
            "(the child's save); "
            f"killed before the save returned {figures.killed_mid_save}, "
            f"save returned first {figures.finished_first}"
        )
        print(
            f"kills leaving a temporary file beside the draft {figures.temporary_at_kill}; "
            f"outcomes: old version {figures.old}, new version {figures.new} "
            f"({figures.killed_after_rename} of them killed after the rename), "
            f"neither or unreadable {len(figures.wrong)}"
        )
        print(
            f"temporary files beside the draft: before the next open "
            f"{figures.temporaries_before_open}, after it {figures.temporaries_after_open}; "
            f"in the history folder: at most {figures.history_temporaries_most} after a kill, "
            f"{figures.history_temporaries_after_save} after the next save"
        )
        seconds = figures.seconds
        print(
            f"time per iteration: median {statistics.median(seconds) * 1000:.1f} ms, "
            f"max {max(seconds) * 1000:.1f} ms, total {sum(seconds):.1f} s"
        )
        for line in figures.wrong:
            print(f"WRONG: {line}")
    failed = (
        figures.wrong or figures.temporaries_after_open or figures.history_temporaries_after_save
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
