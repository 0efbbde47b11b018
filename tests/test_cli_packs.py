"""The command line and guide packs: listing, choosing, pinned drafts, another pack side by side."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.cli.main import main
from applywizard.resources import guide_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BUNDLED = guide_path().parent
CLAUSE_1_8_3 = "中德双方合作单位应签署有效期范围内的协议或意向书等项目合作文件"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def user_guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user folder of guide packs and empty settings, for this test only."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_GUIDE_FOLDERS", raising=False)
    folder = tmp_path / "data" / "ApplyWizard" / "guides"
    folder.mkdir(parents=True)
    return folder


def copy_pack(
    into: Path, name: str, *, pack_id: str, replace: tuple[str, str] | None = None
) -> Path:
    """The bundled 2023 pack copied under another id, with one text replaced."""
    target = into / name
    shutil.copytree(BUNDLED, target)
    guide = target / "guide.yaml"
    text = guide.read_text(encoding="utf-8").replace(
        "id: most-igsti-2023-batch1", f"id: {pack_id}", 1
    )
    if replace is not None:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    guide.write_text(text, encoding="utf-8")
    return target


def test_guides_lists_bundled_user_and_broken_packs(
    user_guides: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_pack(user_guides, "office", pack_id="office-2023-amended")
    broken = user_guides / "broken"
    broken.mkdir()
    (broken / "guide.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    code, out, _ = _run(capsys, "guides", "--json")
    assert code == 0
    listed = {item["id"]: item for item in json.loads(out)}
    assert listed["most-igsti-2023-batch1"]["origin"] == "bundled"
    assert listed["most-igsti-2023-batch1"]["problem"] is None
    assert listed["office-2023-amended"]["origin"] == "user"
    assert listed["office-2023-amended"]["directions"] == 18
    assert "not valid YAML" in listed["broken"]["problem"]
    code, out, _ = _run(capsys, "guides")
    assert code == 0 and "有误，未使用" in out and "3 个可用指南包，1 个有误" in out


def test_a_shared_folder_named_in_the_settings_is_used_and_can_be_removed(
    user_guides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "S 盘" / "科研处指南"
    shared.mkdir(parents=True)
    copy_pack(shared, "office", pack_id="office-2023")
    code, _, err = _run(capsys, "guides", "--add-folder", str(shared))
    assert code == 0 and str(shared) in err
    listed = {item["id"]: item for item in json.loads(_run(capsys, "guides", "--json")[1])}
    assert listed["office-2023"]["origin"] == "shared"
    assert _run(capsys, "guides", "--remove-folder", str(shared))[0] == 0
    listed = {item["id"]: item for item in json.loads(_run(capsys, "guides", "--json")[1])}
    assert "office-2023" not in listed
    code, _, err = _run(capsys, "guides", "--remove-folder", str(shared))
    assert code == 2 and "not a guide folder" in err


def test_new_under_a_chosen_pack_and_check_uses_the_drafts_pack(
    user_guides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_pack(user_guides, "office", pack_id="office-2023")
    path = tmp_path / "a.json"
    code, _, err = _run(
        capsys, "new", "--guide", "office-2023", "--direction", "1.8", "-o", str(path)
    )
    assert code == 0 and "office-2023" in err
    assert read_draft(path).guide_id == "office-2023"
    code, out, _ = _run(capsys, "check", "--json", str(path))
    [result] = json.loads(out)
    assert code == 1 and result["guide"]["id"] == "office-2023"


def test_a_draft_whose_pack_was_amended_says_which_clause_changed(
    user_guides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = copy_pack(user_guides, "office", pack_id="office-2023")
    draft_path = tmp_path / "1.8.json"
    example = read_draft(EXAMPLES / "1.8.json")
    assert (
        _run(capsys, "new", "--guide", "office-2023", "--direction", "1.8", "-o", str(draft_path))[
            0
        ]
        == 0
    )
    pinned = read_draft(draft_path)
    save_draft(
        example.model_copy(
            update={k: getattr(pinned, k) for k in ("guide_id", "guide_hash", "guide_clauses")}
        ),
        draft_path,
    )
    assert _run(capsys, "check", str(draft_path))[0] == 0
    guide = pack / "guide.yaml"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace(
            CLAUSE_1_8_3, CLAUSE_1_8_3 + "（含知识产权条款）", 1
        ),
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "check", "--json", str(draft_path))
    [result] = json.loads(out)
    assert [(c["change"], c["source"], c["clause"]) for c in result["guide_changes"]] == [
        ("changed", "guide", 3)
    ]
    assert "（含知识产权条款）" in result["guide_changes"][0]["after"]
    assert "修改 指南 1.8 其他要求（3）" in err
    assert result["guide"]["id"] == "office-2023" and code == 0


def test_a_draft_whose_pack_is_not_installed_is_refused_with_a_way_out(
    user_guides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = read_draft(EXAMPLES / "1.8.json").model_copy(
        update={"guide_id": "gone-2023", "guide_hash": "a" * 64}
    )
    path = tmp_path / "d.json"
    save_draft(draft, path)
    code, _, err = _run(capsys, "check", str(path))
    assert code == 2 and "gone-2023" in err and "--guide" in err
    # Offered another pack, the draft is judged by it alone, and says so.
    code, out, err = _run(capsys, "check", "--json", "--guide", "most-igsti-2023-batch1", str(path))
    [result] = json.loads(out)
    assert code == 0 and result["guide"]["id"] == "most-igsti-2023-batch1"
    assert "checked against most-igsti-2023-batch1 only" in err
    assert read_draft(path).guide_id == "gone-2023"  # the draft is not changed


def test_check_against_another_pack_shows_both_sides_and_changes_nothing(
    user_guides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pack B: 1.8 clause (5) allows 2 years only; the example runs 36 months.
    copy_pack(
        user_guides,
        "b",
        pack_id="office-2024",
        replace=(
            "duration: {min_months: 24, max_months: 36, strength: must, clause: 5, "
            "text: 项目实施期限为2～3年}",
            "duration: {min_months: 24, max_months: 24, strength: must, clause: 5, "
            "text: 项目实施期限为2年}",
        ),
    )
    path = tmp_path / "1.8.json"
    shutil.copy(EXAMPLES / "1.8.json", path)
    before = path.read_bytes()
    code, out, _ = _run(capsys, "check", "--json", "--guide", "office-2024", str(path))
    [result] = json.loads(out)
    comparison = result["comparison"]
    assert code == 0  # the draft's own pack finds no error
    assert comparison["mapping"] == "same" and comparison["other_direction"] == "1.8"
    assert comparison["current_errors"] == 0 and comparison["other_errors"] == 1
    [row] = [r for r in comparison["rows"] if r["presence"] == "other_only"]
    assert row["other"]["rule"] == "general.duration-limit" and row["other"]["clause"] == 5
    code, out, _ = _run(capsys, "check", "--guide", "office-2024", str(path))
    assert "当前: most-igsti-2023-batch1" in out and "对照: office-2024" in out
    assert "草稿未修改" in out
    assert path.read_bytes() == before
