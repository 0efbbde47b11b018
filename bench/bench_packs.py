"""Start time with two guide packs more than the bundled ones (target: within 10 %).

Fresh processes in the same run, each with its own user folders:
1. the window, from spawning the process to every page ready (the Start
   page lists the installed packs; the guide loaded, pages built), as
   bench_ui.py measures it;
2. the command line ``applywizard guides`` and ``applywizard check
   examples/1.4.json`` (each reads every installed pack).
"Bundled only" is the packs that ship with the program (the 2023 guide and the
2026 batch-1 eligibility pack: the fewest a user can have); "two more" adds
two copies of the 2023 pack under other ids in the user's guide folder (as a
research office's amended pack and a colleague's copy would be), each with
one clause changed so each has its own content hash and is compiled on its
own: the two packs more that the issue's "three packs against one" adds.

Run: .venv/bin/python bench/bench_packs.py [--runs N]   (offscreen)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_ui import OURS
from timing import user_environment

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "resources" / "guides" / "most-igsti-2023-batch1"
EXAMPLE = ROOT / "examples" / "1.4.json"


def home_with(extra_packs: int) -> Path:
    """A fresh home whose user guide folder holds ``extra_packs`` copies of the 2023 pack."""
    home = Path(tempfile.mkdtemp(prefix="applywizard-bench-packs-"))
    guides = home / "data" / "ApplyWizard" / "guides"
    guides.mkdir(parents=True)
    for index in range(extra_packs):
        target = guides / f"copy-{index}"
        shutil.copytree(BUNDLED, target)
        guide = target / "guide.yaml"
        text = guide.read_text(encoding="utf-8")
        text = text.replace("id: most-igsti-2023-batch1", f"id: office-copy-{index}", 1)
        text = text.replace("项目执行期为2年；", f"项目执行期为2年（副本 {index}）；", 1)
        guide.write_text(text, encoding="utf-8")
    return home


def environment(home: Path) -> dict[str, str]:
    env = user_environment()
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower().removeprefix("xdg_").removesuffix("_home"))
    env["XDG_DATA_HOME"] = str(home / "data")
    env.pop("APPLYWIZARD_GUIDE_FOLDERS", None)
    return env


def _once(command: list[str], env: dict[str, str], *, marks: bool) -> float:
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if not marks:
        return time.time() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return float(result.stdout.split()[-3]) - start  # the "every page ready" mark


def paired_medians(
    command: list[str], one: dict[str, str], three: dict[str, str], runs: int, *, marks: bool
) -> tuple[float, float]:
    """Median seconds with one pack and with three, runs interleaved (after one warm-up each).

    With ``marks`` the process prints wall-clock marks and "every page ready"
    is taken; else the whole process is timed.
    """
    _once(command, one, marks=marks)
    _once(command, three, marks=marks)
    times_one, times_three = [], []
    for _ in range(runs):
        times_one.append(_once(command, one, marks=marks))
        times_three.append(_once(command, three, marks=marks))
    return statistics.median(times_one), statistics.median(times_three)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    one, three = environment(home_with(0)), environment(home_with(2))
    python = sys.executable
    cases = {
        "window, every page ready": ([python, "-c", OURS, str(EXAMPLE)], True),
        "applywizard guides": ([python, "-m", "applywizard", "guides"], False),
        "applywizard check 1.4.json": ([python, "-m", "applywizard", "check", str(EXAMPLE)], False),
    }
    counts = [
        subprocess.run(
            [python, "-m", "applywizard", "guides", "--json"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.count('"origin"')
        for env in (one, three)
    ]
    print(f"packs listed: bundled only {counts[0]}, with two more {counts[1]}")
    worst = 0.0
    for name, (command, marks) in cases.items():
        a, b = paired_medians(command, one, three, args.runs, marks=marks)
        worst = max(worst, b / a)
        print(
            f"{name}: {counts[0]} packs {a * 1000:.0f} ms, {counts[1]} packs {b * 1000:.0f} ms, "
            f"ratio {b / a:.3f}x (target <= 1.10x)"
        )
    print(f"worst ratio {worst:.3f}x ({'within' if worst <= 1.10 else 'OVER'} the 10 % target)")
    os.environ.pop("QT_QPA_PLATFORM", None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
