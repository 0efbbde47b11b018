"""``applywizard versions``: list, compare and restore a draft's earlier saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.draft_lock import lock_path
from applywizard.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Versions go to this test's own data folder, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path | int) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def saved_three_times(path: Path) -> None:
    draft = read_draft(ROOT / "examples" / "2.8.json")
    for title in ("第一稿", "第二稿", "第三稿"):
        draft.project.title_zh = title
        save_draft(draft, path)


def test_list_compare_and_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "申报书.json"
    saved_three_times(path)
    code, out, _err = run(capsys, "versions", path)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2  # the first and second saves were replaced
    assert [line.split("\t")[0] for line in lines] == ["1", "2"]
    code, out, _err = run(capsys, "versions", path, "--compare", 2)
    assert code == 0 and out.splitlines() == ["项目名称（中文）：第一稿 → 第三稿"]
    code, out, _err = run(capsys, "--en", "versions", path, "--compare", 2)
    assert out.splitlines() == ["Project title (Chinese): 第一稿 → 第三稿"]
    code, _out, err = run(capsys, "versions", path, "--restore", 2)
    assert code == 0 and "已恢复" in err
    assert read_draft(path).project.title_zh == "第一稿"
    code, out, _err = run(capsys, "versions", path)
    assert len(out.splitlines()) == 3  # the third save was kept before restoring


def test_refusals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "申报书.json"
    saved_three_times(path)
    code, _out, err = run(capsys, "versions", path, "--restore", 9)
    assert code == 2 and "没有第 9 个历史版本（共 2 个）" in err
    lock_path(path).write_bytes(b"Li Hua,lihua,LAB-PC-07,06.12.2026 09:41,file:///LO;")
    code, _out, err = run(capsys, "versions", path, "--restore", 1)
    assert code == 2 and "Li Hua (lihua@LAB-PC-07)" in err and "未恢复" in err
    assert read_draft(path).project.title_zh == "第三稿"
    code, _out, err = run(capsys, "versions", tmp_path / "从未保存.json")
    assert code == 0 and "尚无历史版本" in err
