"""``applywizard --self-test`` from source: it passes, and fails loudly on a broken install."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from applywizard import launcher, resources
from applywizard.cli import self_test
from applywizard.cli.self_test import run_core
from applywizard.cli.steps import Report

ROOT = Path(__file__).resolve().parents[1]


def _core(out: Path | None = None) -> tuple[int, str]:
    stream = io.StringIO()
    report = Report(stream=stream)
    run_core(report, out)
    return report.finish(), stream.getvalue()


def test_the_checks_without_qt_pass_and_reopen_every_file(tmp_path: Path) -> None:
    code, text = _core(tmp_path)
    assert code == 0, text
    steps = ("guide", "check 2.8.json", "render 1.1", "reopen form", "reopen tables")
    for step in (*steps, "attachment pre-flight", "address book"):
        assert f"ok    {step}" in text
    assert "budget total" in text
    assert len(list(tmp_path.iterdir())) == 3
    assert text.rstrip().endswith("self-test passed: 29 passed, 0 failed")


@pytest.fixture
def installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the data folders laid out as in a bundle, which the program then uses."""
    package = tmp_path / "applywizard"
    for name in ("resources", "templates", "examples"):
        shutil.copytree(ROOT / name, package / name)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    return package


def test_a_missing_template_fails_the_render_step(installation: Path) -> None:
    (installation / "templates" / "application-form.docx").unlink()
    code, text = _core()
    assert code == 1
    assert "FAIL  render 1.1: PackageNotFoundError" in text
    assert "application-form.docx" in text
    assert "self-test FAILED: 1 failed" in text


def test_a_broken_template_fails_the_render_step(installation: Path) -> None:
    (installation / "templates" / "ip-checklist.docx").write_bytes(b"not a docx")
    code, text = _core()
    assert code == 1
    assert "FAIL  render 1.1" in text


def test_a_missing_example_fails_the_examples_step(installation: Path) -> None:
    (installation / "examples" / "1.5.json").unlink()
    code, text = _core()
    assert code == 1
    assert "FAIL  examples: no example draft for 1.5" in text


def test_a_draft_with_errors_fails_its_own_line(installation: Path) -> None:
    path = installation / "examples" / "2.1.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"2.1"', '"1.1"', 1), "utf-8")
    code, text = _core()
    assert code == 1
    assert "FAIL  check 2.1.json" in text
    assert "ok    check 2.2.json" in text


def test_the_whole_self_test_passes_in_process(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for step in ("Qt", "font for Chinese", "translations", "wizard"):
        assert f"ok    {step}:" in out
    assert "About shows most-igsti-2023-batch1" in out


def test_the_command_prints_each_step_and_exits_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "applywizard", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_missing_number_module_fails_its_step(monkeypatch: pytest.MonkeyPatch) -> None:
    from stdnum.util import get_cc_module  # noqa: PLC0415 - only here

    from applywizard.domain import identifiers  # noqa: PLC0415 - only here

    real = get_cc_module
    monkeypatch.setattr(
        identifiers, "get_cc_module", lambda cc, name: None if cc == "in" else real(cc, name)
    )
    stream = io.StringIO()
    report = Report(stream=stream)
    report.step("registration numbers", self_test._number_modules)
    assert report.failures == ["registration numbers"]
    assert "IN pan, IN gstin" in stream.getvalue()
