"""How long a keystroke in a units table's name cell takes with the address book behind it.

The real units page (offscreen) over an address book of 10,000 units: each
character of 100 names' first three characters is typed into the name
cell's editor as a key event, and the time until the event has been handled
(the query answered, the suggestions' list filled and shown) is measured.
The baseline is the same keystrokes into the same editor with an empty
address book, in the same run: the ratio is what the address book adds to a
keystroke. Target: <= 16 ms per keystroke (one frame at 60 Hz).

Run: .venv/bin/python bench/bench_address_book_window.py [--entries N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton  # noqa: E402

from applywizard.adapters.address_book.store import open_address_book  # noqa: E402
from applywizard.adapters.draft_files import read_draft  # noqa: E402
from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.ui.hub import DraftHub  # noqa: E402
from applywizard.ui.pages.units import UnitsPage  # noqa: E402
from applywizard.workflow.address_book import AddressBookAccess  # noqa: E402
from applywizard.workflow.session import DraftSession  # noqa: E402

CHARACTERS = "华中南北东西科技工业大学研究院所材料能源信息生物医药农业海洋环境电子机械化学物理江河"
ENDINGS = ("大学", "研究院", "研究所", "有限公司", "实验室")


def names(count: int, rng: random.Random) -> list[str]:
    """Unit names like a research office's: a few characters, a kind, unique."""
    found = []
    for number in range(count):
        core = "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(3, 7)))
        found.append(f"{core}{rng.choice(ENDINGS)}{number}")
    return found


def fill_book(path: Path, unit_names: list[str]) -> None:
    with open_address_book(path) as book, book.transaction():
        for number, name in enumerate(unit_names):
            book.put("unit", {"name": name, "name_en": f"Unit {number}", "credit_code": ""})


def keystroke_times(app: QApplication, book_path: Path, typed: list[str]) -> list[float]:
    """Seconds per keystroke, typing each text into a new row's name cell."""
    draft = read_draft(ROOT / "examples" / "1.1.json")
    draft.chinese_units = []
    hub = DraftHub(DraftSession(shipped_guide(), draft))
    hub.address_book = AddressBookAccess(
        lambda: open_address_book(book_path), today=lambda: dt.date(2026, 12, 6)
    )
    page = UnitsPage(hub)
    page.reload()
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    add = page.findChild(QPushButton, "chinese_units.add")
    assert add is not None
    times = []
    for text in typed:
        add.click()
        app.processEvents()
        row = len(hub.session.draft.chinese_units) - 1
        editor = page.findChild(QLineEdit, f"chinese_units.{row}.name")
        assert editor is not None
        for char in text:
            start = time.perf_counter()
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                editor,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
            app.processEvents()
            times.append(time.perf_counter() - start)
        QTest.keyClick(editor, Qt.Key.Key_Escape)  # the suggestions
        QTest.keyClick(editor, Qt.Key.Key_Escape)  # the editor
        app.processEvents()
    page.close()
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95)] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--names", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    rng = random.Random(14)
    unit_names = names(args.entries, rng)
    typed = [name[:3] for name in rng.sample(unit_names, args.names)]
    with tempfile.TemporaryDirectory() as folder:
        full, empty = Path(folder) / "full.sqlite3", Path(folder) / "empty.sqlite3"
        fill_book(full, unit_names)
        fill_book(empty, [])
        keystroke_times(app, empty, typed[:5])  # warm-up: the page, the fonts, the editor
        baseline = keystroke_times(app, empty, typed)
        measured = keystroke_times(app, full, typed)
    base_median, base_p95 = summary(baseline)
    median, p95 = summary(measured)
    print(f"keystrokes: {len(measured)} ({args.names} names x 3 characters)")
    print(f"empty address book (baseline): median {base_median:.2f} ms, p95 {base_p95:.2f} ms")
    print(
        f"{args.entries:,} units: median {median:.2f} ms, p95 {p95:.2f} ms "
        f"({median / base_median:.2f}x the baseline; target <= 16 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
