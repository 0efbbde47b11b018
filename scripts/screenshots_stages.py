"""Screenshots of the two stages: the pre-application's Project page, and Review's comparison.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots_stages.py

Opens example 2.8 at the pre-application stage in the real window and
photographs the Direction page (the stage chosen) and the Project page (the
pre-application's parts, 创新思路与技术路线 and the running count against
the target); then moves it to the formal application, lowers one promised
indicator (30 → 3) and photographs Review's findings and its comparison tab.
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
_USER = Path(tempfile.gettempdir()) / "applywizard-screenshots-stages"
shutil.rmtree(_USER, ignore_errors=True)
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = str(_USER / _variable.lower())

from decimal import Decimal  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: E402

from applywizard.adapters.draft_files import read_draft  # noqa: E402
from applywizard.adapters.guide_packs import shipped_guide  # noqa: E402
from applywizard.domain.draft.model import Stage  # noqa: E402
from applywizard.ui.assembly import build_wizard  # noqa: E402
from applywizard.ui.translations import install_translations  # noqa: E402
from applywizard.ui.wizard import ApplicationWizard  # noqa: E402
from applywizard.workflow.flow import PageId  # noqa: E402
from applywizard.workflow.formal import move_to_formal  # noqa: E402
from applywizard.workflow.session import DraftSession  # noqa: E402


def shoot(app: QApplication, wizard: ApplicationWizard, page: PageId, target: Path) -> None:
    wizard.go_to(page)
    for _ in range(5):
        app.processEvents()
    wizard.grab().save(str(target))
    print(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    install_translations(app, args.lang)
    draft = read_draft(ROOT / "examples" / "2.8.json")
    draft.stage = Stage.PRE
    draft.form.innovation_and_route = (
        "以多源观测同化为主线：联合布放浮标获取南大洋—印度洋观测，"
        "发展动力—机器学习混合模型，开展季风降水预测试验。"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        path = Path.home() / "申报材料" / "2.8-预申报.json"  # never written
        wizard = build_wizard(DraftSession(shipped_guide(), draft, path=path), settings)
        wizard.resize(1280, 820)
        wizard.show()
        wizard.hub.replaced.emit()
        shoot(app, wizard, PageId.DIRECTION, args.out / f"13-stage-direction-{args.lang}.png")
        shoot(app, wizard, PageId.PROJECT, args.out / f"14-pre-application-{args.lang}.png")
        session = wizard.hub.session
        move_to_formal(session)
        session.set_value("form.indicators.2.quantity", Decimal(3))  # promised: 30
        wizard.hub.replaced.emit()
        shoot(app, wizard, PageId.REVIEW, args.out / f"15-review-promise-{args.lang}.png")
        tabs = wizard.pages[PageId.REVIEW].findChild(QTabWidget)
        assert tabs is not None
        tabs.setCurrentIndex(tabs.count() - 1)  # the pre-application beside the formal one
        shoot(app, wizard, PageId.REVIEW, args.out / f"16-review-comparison-{args.lang}.png")
        session.dirty = False
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
