"""Chinese renders even where the system has no CJK font: the shipped one steps in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from applywizard.resources import data_folder
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


def _probe(tmp_path: Path, prelude: str = "") -> dict[str, object]:
    """What a fresh program with no font installed chooses (PROBE after ``prelude``)."""
    env = dict(os.environ, FONTCONFIG_FILE=str(_empty_fontconfig(tmp_path)))
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", prelude + PROBE],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_with_no_font_installed_the_shipped_font_draws_chinese(tmp_path: Path) -> None:
    assert _probe(tmp_path) == {
        "before": None,
        "family": fonts.SHIPPED_NAME,
        "shipped": True,
        "covers": True,
        "default_font_draws": True,
    }


def test_a_system_cjk_font_is_used_when_there_is_one(qapp: QApplication) -> None:
    # The test machine has Noto CJK (scripts/test installs it): JP sorts first, SC is chosen.
    family = fonts.system_cjk_family()
    assert family == "Noto Sans CJK SC"
    assert fonts.covers(family)
    assert not fonts.covers("no such family, surely", "\U0002a6a5\U0002a6a6")


def test_the_shipped_font_loads_from_a_folder_with_chinese_and_spaces(tmp_path: Path) -> None:
    # The installed Windows program lives in such folders (C:\Users\张三\...): Qt's
    # FreeType database opened the font by an ANSI-code-page path there and found none.
    folder = tmp_path / "申报 程序" / "resources"
    (folder / "fonts").mkdir(parents=True)
    shipped = data_folder("resources") / "fonts" / fonts.SHIPPED_FILE
    (folder / "fonts" / fonts.SHIPPED_FILE).write_bytes(shipped.read_bytes())
    prelude = (
        "from pathlib import Path\nfrom applywizard.ui import fonts as _f\n"
        f"_f.data_folder = lambda name: Path({str(folder)!r})\n"
    )
    found = _probe(tmp_path, prelude)
    assert (found["family"], found["shipped"], found["default_font_draws"]) == (
        fonts.SHIPPED_NAME,
        True,
        True,
    )


def test_a_japanese_or_korean_face_is_never_taken_for_chinese(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = ["Noto Sans CJK JP", "Noto Sans CJK KR", "MS Gothic", "Microsoft JhengHei"]
    monkeypatch.setattr(QFontDatabase, "families", lambda *_: installed)
    assert fonts.system_cjk_family() is None  # so the shipped Simplified face steps in
    monkeypatch.setattr(QFontDatabase, "families", lambda *_: [*installed, "Noto Serif CJK SC"])
    assert fonts.system_cjk_family() == "Noto Serif CJK SC"
