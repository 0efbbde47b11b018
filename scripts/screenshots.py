"""Screenshots of every wizard page, for docs/screenshots/ and the README.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py

Runs the real window (xcb on Xvfb when DISPLAY is set, offscreen otherwise)
on a copy of examples/1.1.json with two problems put in, so the inline
findings and the page states show, and saves one PNG per page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the packs listed on the Start page are the bundled ones, not this machine user's
# one fixed folder, made empty: the Start page names the address book's path in it, and the
# pictures do not change run to run
_USER = Path(tempfile.gettempdir()) / "applywizard-screenshots"
shutil.rmtree(_USER, ignore_errors=True)
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = str(Path(_USER) / _variable.lower())
os.environ.pop("APPLYWIZARD_GUIDE_FOLDERS", None)

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from applywizard.adapters.draft_files import read_draft  # noqa: E402
from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.ui.assembly import build_wizard  # noqa: E402
from applywizard.ui.translations import install_translations  # noqa: E402
from applywizard.workflow.flow import ORDER, spec  # noqa: E402
from applywizard.workflow.session import DraftSession  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--example", default="1.1")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    install_translations(app, args.lang)
    book = shipped_guide()
    example = ROOT / "examples" / f"{args.example}.json"
    draft = read_draft(example)
    draft.foreign_partners[0].country = "DE"  # not open to 1.1: an error on the partners page
    draft.declarations["partner_capability"] = False  # an unticked declaration
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("recent", [str(example)])
        # a path as a PI would have it (never written): the pictures do not change run to run
        session = DraftSession(book, draft, path=Path.home() / "申报材料" / example.name)
        wizard = build_wizard(session, settings)
        wizard.resize(1280, 820)
        wizard.show()
        wizard.hub.replaced.emit()
        args.out.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(ORDER, start=1):
            wizard.go_to(page)
            for _ in range(5):
                app.processEvents()
            target = args.out / f"{number:02d}-{spec(page).id.value}-{args.lang}.png"
            wizard.grab().save(str(target))
            print(target)
        wizard.hub.session.dirty = False
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
