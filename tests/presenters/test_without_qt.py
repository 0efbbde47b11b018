"""The page logic runs without Qt: the presenters' tests pass with Qt absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import applywizard.presenters as presenters

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import sys, pytest
code = pytest.main(["-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
                    "-W", "ignore::pytest.PytestConfigWarning", "tests/presenters",
                    "--deselect", "tests/presenters/test_without_qt.py"])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print("QT MODULES:", loaded)
sys.exit(code or (3 if loaded else 0))
"""


def test_presenter_tests_run_and_import_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert "QT MODULES: []" in result.stdout, result.stdout[-3000:] + result.stderr[-2000:]
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout


def test_every_presenter_imports_without_qt() -> None:
    modules = sorted(
        f"applywizard.presenters.{path.stem}"
        for path in Path(presenters.__file__).parent.glob("*.py")
        if path.stem != "__init__"
    )
    code = (
        f"import importlib, sys\nfor name in {modules!r}: importlib.import_module(name)\n"
        "sys.exit(any(n.startswith(('PySide6', 'shiboken6')) for n in sys.modules))"
    )
    assert len(modules) >= 5
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
