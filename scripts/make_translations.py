"""Build the Qt translation files from the interface strings and the Chinese catalogue.

    .venv/bin/python scripts/make_translations.py          # write .ts and .qm
    .venv/bin/python scripts/make_translations.py --check  # exit 1 if anything is missing

Collects every ``_("...")`` string in ``src/applywizard/ui`` and
``src/applywizard/presenters`` (English, as
written in the code), takes its Chinese from
``resources/translations/zh_CN.yaml`` (reviewed by people, not generated),
writes ``applywizard_zh_CN.ts`` (Qt Linguist's format, context
"ApplyWizard") and compiles ``applywizard_zh_CN.qm`` with pyside6-lrelease.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "applywizard" / "ui"
PRESENTERS = ROOT / "src" / "applywizard" / "presenters"
FOLDER = ROOT / "resources" / "translations"
CATALOGUE = FOLDER / "zh_CN.yaml"
TS = FOLDER / "applywizard_zh_CN.ts"
QM = FOLDER / "applywizard_zh_CN.qm"
CONTEXT = "ApplyWizard"


def interface_strings(folders: tuple[Path, ...] = (UI, PRESENTERS)) -> list[str]:
    """Every string passed to ``_()`` in the window's and presenters' code, first-seen order."""
    found: dict[str, None] = {}
    modules = [module for folder in folders for module in sorted(folder.rglob("*.py"))]
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, None)
    return list(found)


def catalogue() -> dict[str, str]:
    """The reviewed English -> Chinese catalogue."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items()}


def ts_text(strings: list[str], chinese: dict[str, str]) -> str:
    """The .ts XML for these strings."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="zh_CN" sourcelanguage="en">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for text in strings:
        lines += [
            "    <message>",
            f"        <source>{escape(text)}</source>",
            f"        <translation>{escape(chinese[text])}</translation>",
            "    </message>",
        ]
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def lrelease() -> str:
    """The pyside6-lrelease next to this Python, or on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile a .ts file into a .qm file."""
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report missing or stale entries")
    args = parser.parse_args()
    strings = interface_strings()
    chinese = catalogue()
    missing = [text for text in strings if not chinese.get(text)]
    unused = sorted(set(chinese) - set(strings))
    for text in missing:
        print(f"missing Chinese for: {text!r}", file=sys.stderr)
    for text in unused:
        print(f"unused catalogue entry: {text!r}", file=sys.stderr)
    if missing:
        return 1
    text = ts_text(strings, chinese)
    if args.check:
        stale = not TS.exists() or TS.read_text(encoding="utf-8") != text
        if stale:
            print(f"{TS.name} is out of date: run scripts/make_translations.py", file=sys.stderr)
        return 1 if stale or unused else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    TS.write_text(text, encoding="utf-8")
    compile_qm(TS, QM)
    print(f"{len(strings)} strings -> {TS.relative_to(ROOT)}, {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
