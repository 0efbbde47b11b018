"""The pages' logic needs no Qt: every presenter imports, and its tests run, with Qt absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import applywizard.presenters

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PAGES = ("direction", "fields", "generate", "project", "review", "start")

IMPORT_ALL = """
import importlib, pkgutil, sys
import applywizard.presenters as package
names = [f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)]
for name in names:
    importlib.import_module(name)
print(" ".join(names))
print(" ".join(sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6"))))
"""

RUN_TESTS = """
import sys, pytest
code = pytest.main(sys.argv[1:])
qt = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6"))
print("QT:", " ".join(qt))
sys.exit(code or (3 if qt else 0))
"""


def test_every_presenter_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imported, qt = [*result.stdout.split("\n"), ""][:2]
    modules = sorted(
        path.stem for path in Path(applywizard.presenters.__file__).parent.glob("*.py")
    )
    assert imported.split() == [f"applywizard.presenters.{m}" for m in modules if m != "__init__"]
    assert {f"applywizard.presenters.{page}" for page in PAGES} <= set(imported.split())
    assert qt == ""  # 'PySide6' not in sys.modules


def test_the_page_presenters_tests_run_with_qt_absent() -> None:
    tests = [str(HERE / f"test_{page}.py") for page in PAGES]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            RUN_TESTS,
            "-q",
            "-p",
            "no:pytest-qt",  # no qapp, no qtbot: the plugin alone would import Qt
            "-p",
            "no:cacheprovider",
            "-W",
            "ignore::pytest.PytestConfigWarning",  # qt_api, pytest-qt's option, is unknown
            *tests,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "QT: \n" in result.stdout
