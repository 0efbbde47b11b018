"""The built bundle (not the source tree) passes its self-test; a broken one fails it.

Builds with packaging/build.py (about a minute on two cores, twice with the
one-file program). Local runs can skip it: APPLYWIZARD_SKIP_BUNDLE=1 scripts/test.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from applywizard import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    os.environ.get("APPLYWIZARD_SKIP_BUNDLE") == "1" or not sys.platform.startswith("linux"),
    reason="APPLYWIZARD_SKIP_BUNDLE=1 (or not Linux): the bundle is not built",
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--onefile",
            "--dist",
            str(out),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    return out


@pytest.fixture(scope="module")
def unpacked(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    [archive] = dist.glob(f"applywizard-{__version__}-linux-*.tar.gz")
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="tar")
    return target / "applywizard"


def _self_test(program: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    clean.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(program), "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
        env=clean | env,
        cwd=program.parent.parent,
    )


def test_the_checksums_match_the_archive(dist: Path) -> None:
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the archive and the one-file program
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_the_unpacked_bundle_passes_its_self_test(unpacked: Path) -> None:
    result = _self_test(unpacked / "applywizard")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "_internal/applywizard/examples" in result.stdout  # the bundle's data, not the tree's
    assert "ok    reopen tables" in result.stdout
    assert "ok    address book: 重庆大学 cqdx" in result.stdout  # pypinyin's data is in
    assert "ok    wizard" in result.stdout
    assert "Traceback" not in result.stderr


def test_with_no_font_on_the_machine_the_bundle_uses_its_own(
    unpacked: Path, tmp_path: Path
) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"<fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>", "utf-8")
    result = _self_test(unpacked / "applywizard", FONTCONFIG_FILE=str(conf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WenQuanYi Micro Hei (shipped with ApplyWizard)" in result.stdout


def test_a_bundle_missing_a_template_fails_its_self_test(unpacked: Path) -> None:
    template = unpacked / "_internal" / "applywizard" / "templates" / "application-form.docx"
    kept = template.read_bytes()
    template.unlink()
    try:
        result = _self_test(unpacked / "applywizard")
    finally:
        template.write_bytes(kept)
    assert result.returncode == 1
    assert "FAIL  render 1.1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_one_file_program_passes_its_self_test(dist: Path) -> None:
    [single] = dist.glob(f"applywizard-{__version__}-linux-*-onefile")
    result = _self_test(single)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
