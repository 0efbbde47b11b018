"""The architecture contract: the domain imports no Qt and touches no files."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "src" / "applywizard" / "domain"


def test_import_contracts_in_pyproject_hold() -> None:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint, "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module", sorted(DOMAIN.rglob("*.py")), ids=lambda p: p.name)
def test_domain_module_calls_no_file_builtin(module: Path) -> None:
    """import-linter cannot see builtins: no open(), no exec/eval/compile of files."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & {"open", "exec", "eval", "compile", "__import__", "input"}
