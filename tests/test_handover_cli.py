"""``applywizard pack`` and ``unpack`` as a user runs them: exit codes, output, files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from applywizard.cli.main import main
from tests.handover_files import example_with_files, tree
from tests.hostile_packs import HOSTILE


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_pack_and_unpack_an_example_with_all_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = example_with_files("1.1", tmp_path / "mine")
    pack = tmp_path / "1.1.awpack"
    code, out, err = _run(capsys, "pack", draft, "-o", pack)
    assert code == 0, err
    assert out == f"{pack}\n"
    assert "已打包草稿及 5/5 个附件" in err and "草稿所在文件夹" in err
    code, out, err = _run(capsys, "--en", "unpack", pack, "--to", tmp_path / "theirs")
    assert code == 0, err
    assert out == f"{tmp_path / 'theirs' / '1.1.json'}\n"
    assert "unpacked the draft and 5 files" in err
    assert (tmp_path / "theirs" / "1.1.json").read_bytes() == draft.read_bytes()


def test_pack_lists_what_it_could_not_find_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = example_with_files("1.8", tmp_path / "mine", files_in=tmp_path / "elsewhere")
    code, out, err = _run(capsys, "--en", "pack", draft, "-o", tmp_path / "1.8.awpack")
    assert code == 1
    assert out == f"{tmp_path / '1.8.awpack'}\n"  # written all the same
    assert err.count("the file was not found") == 2
    assert "packed the draft and 0 of 2 attached files" in err
    code, _, err = _run(
        capsys,
        "--en",
        "pack",
        draft,
        "-o",
        tmp_path / "1.8.awpack",
        "--force",
        "--attachments-folder",
        tmp_path / "elsewhere",
    )
    assert code == 0, err
    assert "in the folder named" in err
    code, _, err = _run(capsys, "unpack", tmp_path / "1.8.awpack", "--to", tmp_path / "theirs")
    assert code == 0, err


def test_pack_will_not_overwrite_without_force_and_refuses_a_bad_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = example_with_files("2.4", tmp_path / "mine")
    pack = tmp_path / "2.4.awpack"
    pack.write_bytes(b"before")
    code, out, err = _run(capsys, "pack", draft, "-o", pack)
    assert (code, out) == (2, "") and "exists" in err
    assert pack.read_bytes() == b"before"
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 5, "colour": "red"}', encoding="utf-8")
    code, out, err = _run(capsys, "pack", broken, "-o", tmp_path / "broken.awpack")
    assert (code, out) == (2, "") and "colour" in err
    assert not (tmp_path / "broken.awpack").exists()


def test_unpack_refuses_a_hostile_pack_with_its_reason_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, _refusal, words = HOSTILE["zip-slip .."]
    (tmp_path / "made").mkdir()
    pack = make(tmp_path / "made")
    received = tmp_path / "received"
    received.mkdir()
    code, out, err = _run(capsys, "unpack", pack, "--to", received / "x")
    assert (code, out) == (2, "")
    assert words in err and "zip-slip" in err and "../evil.txt" in err
    assert "会写到目标文件夹之外" in err  # Chinese first, then English
    assert tree(received) == []


def test_unpack_into_a_folder_with_files_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = example_with_files("2.5", tmp_path / "mine")
    assert _run(capsys, "pack", draft, "-o", tmp_path / "2.5.awpack")[0] == 0
    code, _, err = _run(capsys, "unpack", tmp_path / "2.5.awpack", "--to", tmp_path / "mine")
    assert code == 2 and "not empty" in err


def test_unpack_of_an_incomplete_pack_exits_one_naming_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = example_with_files("2.7", tmp_path / "mine")
    letter = sorted((tmp_path / "mine").glob("自筹*"))[0]
    letter.unlink()
    assert _run(capsys, "pack", draft, "-o", tmp_path / "2.7.awpack")[0] == 1
    code, out, err = _run(capsys, "unpack", tmp_path / "2.7.awpack", "--to", tmp_path / "t")
    assert code == 1 and out.strip().endswith("2.7.json")
    assert f"包中没有：“{letter.name}”" in err


def test_pack_runs_as_a_process(tmp_path: Path) -> None:
    draft = example_with_files("2.0", tmp_path / "mine")
    result = subprocess.run(
        [sys.executable, "-m", "applywizard", "pack", str(draft), "-o", "2.0.awpack"],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert (tmp_path / "2.0.awpack").is_file()
