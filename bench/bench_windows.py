"""The Windows build's figures: sizes, and its start under Wine against the Linux build's.

1. size of the unpacked one-folder Windows bundle (target <= 150 MB), of the
   installer (target <= 70 MB) and of the portable zip;
2. start of the frozen Windows program under Wine against the frozen Linux
   program, fresh processes, interleaved, in the same run: ``--version`` and
   ``--self-test`` (offscreen); and Wine's own start (its ``hostname.exe``),
   the part of the Windows figure that a real Windows does not pay. One Wine
   server stays up for the whole run (``wineserver --persistent``).

Run after scripts/build-bundle and scripts/build-windows:
    .venv/bin/python bench/bench_windows.py [--runs N]
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
sys.path.insert(0, str(ROOT / "packaging"))

from build import version  # noqa: E402 - packaging/ is not a package
from build_windows import artefact_names  # noqa: E402
from wine import Wine  # noqa: E402


def folder_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) of the regular files under ``folder``."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one fresh process, which must exit 0.

    Output goes to /dev/null, not a pipe: Wine's own services, which outlive the
    program while the Wine server stays up, would hold a pipe open.
    """
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    subprocess.run(command, check=True, stdin=quiet, stdout=quiet, stderr=quiet, env=env, cwd=ROOT)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median seconds of each command over ``runs`` interleaved runs, after one warm-up each."""
    for command in commands.values():
        seconds(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(seconds(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--windows", type=Path, default=ROOT / "dist" / "windows")
    parser.add_argument("--linux", type=Path, default=ROOT / "dist" / "applywizard")
    parser.add_argument("--prefix", type=Path, default=ROOT / "build" / "windows" / "wineprefix")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    windows_exe = args.windows / "applywizard" / "applywizard.exe"
    linux_exe = args.linux / "applywizard"
    for needed, command in (
        (windows_exe, "scripts/build-windows"),
        (linux_exe, "scripts/build-bundle"),
    ):
        if not needed.is_file():
            print(f"no {needed}: run {command} first", file=sys.stderr)
            return 2
    names = artefact_names(version())
    unpacked = folder_mb(args.windows / "applywizard")
    print(f"Windows bundle, unpacked: {unpacked:.1f} MB  (target <= 150 MB)")
    for kind, target in (("installer", "  (target <= 70 MB)"), ("zip", "")):
        path = args.windows / names[kind]
        if path.is_file():
            print(f"{kind} {path.name}: {path.stat().st_size / 1e6:.1f} MB{target}")
    print(f"Linux bundle, unpacked: {folder_mb(args.linux):.1f} MB (the same run's comparison)")
    wine = Wine(args.prefix.resolve())
    env = user_environment() | wine.env
    # One Wine server for the whole run, as on a desktop where Wine is already up:
    # without it every start would also pay for starting the server.
    quiet = subprocess.DEVNULL
    subprocess.Popen(["wineserver", "--persistent"], env=env, stdout=quiet, stderr=quiet)
    print(f"start, medians of {args.runs} fresh processes each, interleaved:")
    baseline = interleaved({"wine": ["wine", "hostname.exe"]}, args.runs, env)["wine"]
    print(f"  Wine's own start (hostname.exe): {baseline * 1000:.0f} ms")
    for option in ("--version", "--self-test"):
        medians = interleaved(
            {"windows": ["wine", str(windows_exe), option], "linux": [str(linux_exe), option]},
            args.runs,
            env,
        )
        windows_s, linux_s = medians["windows"], medians["linux"]
        print(
            f"  {option:12} Windows under Wine {windows_s * 1000:6.0f} ms"
            f"   Linux {linux_s * 1000:6.0f} ms"
            f"   Windows/Linux {windows_s / linux_s:.2f}x"
            f"   (less Wine's start: {(windows_s - baseline) / linux_s:.2f}x)"
        )
    wine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
