"""The data folders are found the same way from a checkout and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from applywizard.resources import data_folder, guide_path

ROOT = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_the_top_level_folders() -> None:
    assert data_folder("resources") == ROOT / "resources"
    assert data_folder("templates") == ROOT / "templates"
    assert guide_path().is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("applywizard-*.whl")
    return built


def test_the_wheel_carries_the_data_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "applywizard/resources/guides/most-igsti-2023-batch1/guide.yaml" in names
    assert "applywizard/resources/guides/most-igsti-2023-batch1/source.txt" in names
    assert any(name.startswith("applywizard/templates/") for name in names)


def test_an_installed_wheel_finds_its_data_and_runs(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import applywizard.resources as r, json, sys;"
        "print(json.dumps([str(r.data_folder('resources')), str(r.guide_path())]))"
    )
    env = {"PYTHONPATH": str(target), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    assert str(target / "applywizard" / "resources") in result.stdout
    run = subprocess.run(
        [sys.executable, "-m", "applywizard", "directions", "--json"],
        capture_output=True,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
