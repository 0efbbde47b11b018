"""The interface's Chinese: every string translated, the compiled file current and loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "make_translations.py"
FOLDER = ROOT / "resources" / "translations"


def test_every_interface_string_has_chinese_and_the_ts_file_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_compiled_file_matches_the_ts_file(tmp_path: Path) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from make_translations import compile_qm  # noqa: PLC0415 - a script, not a package
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.qm"
    compile_qm(FOLDER / "applywizard_zh_CN.ts", fresh)
    assert fresh.read_bytes() == (FOLDER / "applywizard_zh_CN.qm").read_bytes()


def test_chinese_is_what_the_interface_shows(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load("applywizard_zh_CN", str(FOLDER))
    qapp.installTranslator(translator)
    try:
        from applywizard.ui.text import _  # noqa: PLC0415

        assert _("Save") == "保存"
        assert QCoreApplication.translate(
            "ApplyWizard", "Errors: {errors}  Warnings: {warnings}"
        ).startswith("错误")
    finally:
        qapp.removeTranslator(translator)
