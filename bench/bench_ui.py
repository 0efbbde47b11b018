"""The window's figures: cold start, keystroke to inline finding, memory.

1. cold start to the shown wizard, against a bare QWizard program, both as
   fresh processes in the same run (target: <= 1.5x);
2. keystroke to the inline finding beside the field, in process
   (target: <= 16 ms, one frame);
3. peak RSS with the wizard open on a realistic draft (target: <= 150 MB).

Run: .venv/bin/python bench/bench_ui.py [--runs N]   (offscreen)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv)
wizard = QWizard()
wizard.addPage(QWizardPage())
wizard.show()
app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

OURS = """
import resource, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.guide_files import shipped_guide
from applywizard.ui.app import build_wizard, install_translations
from applywizard.workflow.session import DraftSession
app = QApplication(sys.argv)
install_translations(app, "zh_CN")
book = shipped_guide()
folder = tempfile.mkdtemp()
settings = QSettings(folder + "/s.ini", QSettings.Format.IniFormat)
session = DraftSession(book, read_draft(Path(sys.argv[1])))
wizard = build_wizard(book, session, settings)
wizard.show()
wizard.hub.replaced.emit()
app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, runs: int, *args: str) -> tuple[float, int]:
    """Median wall time (s) and the largest peak RSS (KiB) of ``runs`` fresh processes."""
    times, peaks = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
        )
        times.append(time.perf_counter() - start)
        peaks.append(int(result.stdout.split()[-1]))
    return statistics.median(times), max(peaks)


def keystroke_ms(example: Path, repeat: int) -> float:
    """Median time from a key press in the duration field to its finding being shown."""
    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only for this part
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QLabel, QSpinBox  # noqa: PLC0415

    from applywizard.adapters.draft_files import read_draft  # noqa: PLC0415
    from applywizard.adapters.guide_files import shipped_guide  # noqa: PLC0415
    from applywizard.ui.binding import FINDING_SUFFIX, DraftHub  # noqa: PLC0415
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
    bare_time, bare_rss = run(BARE, args.runs)
    our_time, our_rss = run(OURS, args.runs, str(args.example))
    print(
        f"1. cold start: wizard {our_time * 1000:.0f} ms, bare QWizard {bare_time * 1000:.0f} ms, "
        f"ratio {our_time / bare_time:.2f}x (target <= 1.5x)"
    )
    print(
        f"2. keystroke to inline finding: {keystroke_ms(args.example, 200):.2f} ms median "
        "(target <= 16 ms)"
    )
    print(
        f"3. peak RSS with the wizard open: {our_rss / 1024:.0f} MB (bare QWizard "
        f"{bare_rss / 1024:.0f} MB; target <= 150 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
