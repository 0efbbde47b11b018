"""Chinese renders even where the system has no CJK font: the shipped one steps in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from applywizard.ui import fonts

PROBE = """
import json
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
app = QApplication([])
from applywizard.ui import fonts
before = fonts.system_cjk_family()
choice = fonts.ensure_cjk_font()
metrics = QFontMetrics(QFont())
print(json.dumps({
    "before": before,
    "family": choice.family,
    "shipped": choice.shipped,
    "covers": fonts.covers(choice.family),
    "default_font_draws": all(metrics.inFontUcs4(ord(c)) for c in fonts.SAMPLE),
}))
"""


def _empty_fontconfig(folder: Path) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def test_with_no_font_installed_the_shipped_font_draws_chinese(tmp_path: Path) -> None:
    env = dict(os.environ, FONTCONFIG_FILE=str(_empty_fontconfig(tmp_path)))
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {
        "before": None,
        "family": fonts.SHIPPED_NAME,
        "shipped": True,
        "covers": True,
        "default_font_draws": True,
    }


def test_a_system_cjk_font_is_used_when_there_is_one(qapp: QApplication) -> None:
    # The test machine has Noto CJK (scripts/test installs it).
    family = fonts.system_cjk_family()
    assert family is not None
    assert fonts.covers(family)
    assert not fonts.covers("no such family, surely", "\U0002a6a5\U0002a6a6")
