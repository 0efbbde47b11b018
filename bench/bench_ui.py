"""The window's figures: cold start, keystroke to inline finding, memory.

1. cold start to the shown wizard (its Start page painted), against a bare
   QWizard program, both as fresh processes in the same run (target: <= 1.5x);
   then to every page ready (guide loaded, pages built) and to a realistic
   draft open in it, as the same ratio;
2. keystroke to the inline finding beside the field, in process
   (target: <= 16 ms, one frame);
3. peak RSS with the wizard open on a realistic draft (target: <= 150 MB).

Child processes run as on a user's machine from the second start on: with
Python's bytecode cache (``timing.user_environment``) and after one warm-up.

Run: .venv/bin/python bench/bench_ui.py [--runs N]   (offscreen)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from timing import user_environment

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

BARE = """
import resource, sys, time
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv)
wizard = QWizard()
wizard.addPage(QWizardPage())
wizard.show()
app.processEvents()
print(time.time(), time.time(), time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

OURS = """
import resource, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from applywizard.ui.app import finish_loading, show_start_window
app = QApplication(sys.argv)
settings = QSettings(tempfile.mkdtemp() + "/s.ini", QSettings.Format.IniFormat)
marks = []
def after_paint(wizard):
    marks.append(time.time())
    finish_loading(wizard, None)
    app.processEvents()
    marks.append(time.time())
    wizard.open_path(Path(sys.argv[1]))
    app.processEvents()
    marks.append(time.time())
    app.quit()
show_start_window(app, settings, after_paint)  # as run_wizard does (Chinese by default)
app.exec()
print(*marks, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@dataclass
class Start:
    """One program's start: medians from spawning the process, and its largest peak RSS."""

    shown: float
    ready: float
    with_draft: float
    peak_kib: int


def run(code: str, runs: int, *args: str) -> Start:
    """``runs`` fresh processes of ``code``; each prints three time marks and its peak RSS."""
    marks: list[list[float]] = [[], [], []]
    peaks = []
    env = user_environment()
    subprocess.run([sys.executable, "-c", code, *args], capture_output=True, check=True, env=env)
    for _ in range(runs):  # after one warm-up run: bytecode cached, files in the page cache
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
        )
        *stamps, peak = result.stdout.split()[-4:]
        for series, stamp in zip(marks, stamps, strict=True):
            series.append(float(stamp) - start)
        peaks.append(int(peak))
    shown, ready, with_draft = (statistics.median(series) for series in marks)
    return Start(shown, ready, with_draft, max(peaks))


def keystroke_ms(example: Path, repeat: int) -> float:
    """Median time from a key press in the duration field to its finding being shown."""
    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only for this part
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QLabel, QSpinBox  # noqa: PLC0415

    from applywizard.adapters.draft_files import read_draft  # noqa: PLC0415
    from applywizard.adapters.guide_packs import shipped_guide  # noqa: PLC0415
    from applywizard.ui.binding import FINDING_SUFFIX  # noqa: PLC0415
    from applywizard.ui.hub import DraftHub  # noqa: PLC0415
    from applywizard.ui.pages.project import ProjectPage  # noqa: PLC0415
    from applywizard.workflow.session import DraftSession  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv)
    hub = DraftHub(DraftSession(shipped_guide(), read_draft(example)))
    page = ProjectPage(hub)
    page.show()
    page.reload()
    months = page.findChild(QSpinBox, "project.duration_months")
    note = page.findChild(QLabel, "project.duration_months" + FINDING_SUFFIX)
    assert months is not None and note is not None
    times = []
    for index in range(repeat):
        key = Qt.Key.Key_Up if index % 2 == 0 else Qt.Key.Key_Down
        start = time.perf_counter()
        QTest.keyClick(months, key)
        app.processEvents()
        elapsed = time.perf_counter() - start
        assert (note.text() != "") == (index % 2 == 0), "the finding did not follow the key"
        times.append(elapsed)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "1.4.json")
    args = parser.parse_args()
    bare = run(BARE, args.runs)
    ours = run(OURS, args.runs, str(args.example))
    print(
        f"1. cold start: wizard shown (Start page painted) {ours.shown * 1000:.0f} ms, "
        f"bare QWizard "
        f"{bare.shown * 1000:.0f} ms, ratio {ours.shown / bare.shown:.2f}x (target <= 1.5x); "
        f"every page ready {ours.ready * 1000:.0f} ms ({ours.ready / bare.shown:.2f}x), "
        f"with {args.example.name} open {ours.with_draft * 1000:.0f} ms "
        f"({ours.with_draft / bare.shown:.2f}x)"
    )
    print(
        f"2. keystroke to inline finding: {keystroke_ms(args.example, 200):.2f} ms median "
        "(target <= 16 ms)"
    )
    print(
        f"3. peak RSS with the wizard open: {ours.peak_kib / 1024:.0f} MB (bare QWizard "
        f"{bare.peak_kib / 1024:.0f} MB; target <= 150 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
