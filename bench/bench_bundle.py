"""The bundle's figures: its size, and the frozen program's start against the source's.

1. size of the unpacked one-folder bundle and of its archive (target: <= 150 MB
   unpacked);
2. start time of the frozen program against the same program run from source
   (``.venv/bin/python -m applywizard``), as fresh processes in the same run,
   interleaved: ``--version`` (the interpreter's start alone: the launcher
   answers it before loading anything) and
   ``--self-test`` (guide, 18 drafts, documents, Qt offscreen, the wizard).

Run after scripts/build-bundle: .venv/bin/python bench/bench_bundle.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import user_environment

ROOT = Path(__file__).resolve().parents[1]


def folder_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) of the regular files under ``folder``."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def run_seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one fresh process; it must exit 0."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def compare(
    frozen: list[str], source: list[str], runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Medians of ``runs`` interleaved fresh starts (after one warm-up of each)."""
    run_seconds(frozen, env)
    run_seconds(source, env)
    frozen_times, source_times = [], []
    for _ in range(runs):
        frozen_times.append(run_seconds(frozen, env))
        source_times.append(run_seconds(source, env))
    return statistics.median(frozen_times), statistics.median(source_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "applywizard")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    program = args.bundle / ("applywizard.exe" if sys.platform == "win32" else "applywizard")
    if not program.is_file():
        print(f"no bundle at {args.bundle}: run scripts/build-bundle first", file=sys.stderr)
        return 2
    env = user_environment()
    print(f"bundle, unpacked: {folder_mb(args.bundle):.1f} MB  (target <= 150 MB)")
    for archive in sorted(args.bundle.parent.glob("applywizard-*.*")):
        if archive.suffix in {".gz", ".zip"}:
            print(f"archive {archive.name}: {archive.stat().st_size / 1e6:.1f} MB")
    source = [sys.executable, "-m", "applywizard"]
    print(f"start, medians of {args.runs} fresh processes each, interleaved:")
    for option in ("--version", "--self-test"):
        frozen_s, source_s = compare([str(program), option], [*source, option], args.runs, env)
        print(
            f"  {option:12} frozen {frozen_s * 1000:6.0f} ms   source {source_s * 1000:6.0f} ms"
            f"   frozen/source {frozen_s / source_s:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
