"""The command line, run as a user would: exit codes, output, files left untouched."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from applywizard import __version__
from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.cli.main import main
from applywizard.domain.draft.model import Draft
from tests.drafts import small_draft

ROOT = Path(__file__).resolve().parents[1]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_directions_json_has_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directions", "--json")
    assert code == 0
    directions = json.loads(out)
    assert len(directions) == 18
    assert sum(item["projects"] for item in directions) == 151
    assert sum(item["budget_wan"] for item in directions) == 58700
    by_code = {item["code"]: item for item in directions}
    assert by_code["1.1"]["counterparts"] == ["GB", "FR", "IT", "ES", "BE"]
    assert by_code["1.4"]["counterparts"] == ["EU"]
    assert by_code["1.4"]["budget_wan"] == 13000
    assert by_code["2.8"]["counterparts"] == ["BRICS"]
    assert by_code["2.8"]["projects"] == 3
    assert by_code["1.7"]["projects"] == 4
    assert {"code", "title", "counterparts", "projects", "budget_wan"} <= set(by_code["2.0"])


def test_directions_prints_a_readable_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "directions")
    assert code == 0
    assert "中国和欧洲国家联合实验室合作项目" in out
    assert "18 个方向, 151 个项目, 58700 万元" in out


def test_rules_json_covers_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--json")
    assert code == 0
    printed = json.loads(out)
    # The 2023 pack has no notice: the coverage map says its eligibility rules are absent.
    assert printed["eligibility"]["clauses"] == []
    assert "2023" in printed["eligibility"]["note"]["zh"]
    entries = printed["clauses"]
    assert {entry["direction"] for entry in entries} == {f"1.{n}" for n in range(1, 10)} | {
        f"2.{n}" for n in range(9)
    }
    one_one = [entry for entry in entries if entry["direction"] == "1.1"]
    assert [entry["clause"] for entry in one_one] == list(range(1, 9))
    assert one_one[0]["rules"] == ["general.foreign-country"]
    assert one_one[2]["rules"] == ["general.duration-limit"]
    unnumbered = [entry for entry in entries if entry["direction"] == "2.5"]
    assert [(entry["clause"], entry["kind"]) for entry in unnumbered] == [(0, "declaration")]
    assert all(
        entry["kind"] in {"checked", "attachment", "declaration", "advice"} for entry in entries
    )


def test_rules_for_an_unknown_direction_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "rules", "--direction", "3.1")
    assert code == 2
    assert "3.1" in err and "Traceback" not in err


def test_schema_is_the_drafts_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Draft"
    assert "foreign_partners" in schema["properties"]


def test_new_writes_an_empty_draft_and_will_not_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.json"
    pack = "most-igsti-2023-batch1"
    assert _run(capsys, "new", "--guide", pack, "--direction", "1.4", "-o", str(path))[0] == 0
    made = read_draft(path)
    assert (made.guide_id, made.direction) == (pack, "1.4")
    assert made.guide_hash == shipped_guide().content_hash  # pinned to the pack
    assert [c.number for c in made.guide_clauses if c.source == "guide"] == list(range(1, 9))
    before = path.read_bytes()
    code, _, err = _run(capsys, "new", "--direction", "1.1", "-o", str(path))
    assert code == 2 and "exists" in err
    assert path.read_bytes() == before


def test_new_refuses_an_unknown_direction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "new", "--direction", "9.9", "-o", str(tmp_path / "x.json"))
    assert code == 2 and "9.9" in err
    assert not (tmp_path / "x.json").exists()


def test_check_exits_one_on_errors_and_lists_them_by_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.json"
    save_draft(Draft(guide_id="most-igsti-2023-batch1", direction="1.1"), path)
    code, out, _ = _run(capsys, "check", str(path), "--json")
    assert code == 1
    [result] = json.loads(out)
    assert result["draft"] == str(path) and result["direction"] == "1.1"
    keys = {"rule", "direction", "clause", "severity", "field", "message", "message_en"}
    assert all(keys <= set(finding) for finding in result["findings"])
    cited = {(f["direction"], f["clause"]) for f in result["findings"] if f["clause"] is not None}
    assert ("1.1", 2) in cited and ("1.1", 8) in cited


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


BAD_FILES: dict[str, bytes] = {
    "truncated.json": b'{"schema_version": 1, "project": {"title_zh": "\xe5\x9f',
    "utf16.json": '{"schema_version": 1}'.encode("utf-16"),
    "latin1.json": b'{"schema_version": 1, "guide_id": "caf\xe9"}',
    "not-json.txt": b"hello",
    "wrong-type.json": b'{"schema_version": 1, "project": {"duration_months": "36"}}',
    "unknown-key.json": b'{"schema_version": 1, "colour": "red"}',
    "nan.json": b'{"schema_version": 1, "budget": {"income_central_wan": NaN}}',
    "negative.json": b'{"schema_version": 1, "budget": {"income_central_wan": -5}}',
    "control.json": b'{"schema_version": 1, "project": {"title_zh": "a\\u0001b"}}',
    "newer.json": b'{"schema_version": 99}',
    "unknown-direction.json": b'{"schema_version": 1, "direction": "3.3"}',
}


def test_check_gives_one_clear_line_per_bad_file_and_touches_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name, content in BAD_FILES.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(path)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"schema_version": 1, "guide_id": "' + b"x" * 10_485_760 + b'"}')
    paths.append(huge)
    digests = {path: _digest(path) for path in paths}
    code, out, err = _run(capsys, "check", *map(str, paths))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines, strict=True):
        assert str(path) in line
    assert "Traceback" not in err + out
    assert {path: _digest(path) for path in paths} == digests
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_check_json_reports_unreadable_files_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    save_draft(small_draft(), good)
    bad.write_bytes(b"{")
    code, out, _ = _run(capsys, "check", str(good), str(bad), "--json")
    assert code == 2
    results = json.loads(out)
    assert [result["draft"] for result in results] == [str(good), str(bad)]
    assert "findings" in results[0] and "error" in results[1]


def test_check_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "check", str(tmp_path / "missing.json"))
    assert code == 2 and "does not exist" in err


def test_english_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.json"
    save_draft(small_draft(), path)
    code, out, _ = _run(capsys, "--en", "check", str(path))
    assert code == 1
    assert "errors" in out and "Fill in" in out


def test_the_installed_command_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "applywizard", "directions", "--json"],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout.decode("utf-8"))) == 18


def test_render_writes_every_output_of_a_complete_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys, "render", str(ROOT / "examples" / "2.6.json"), "--out", str(tmp_path)
    )
    assert code == 0, err
    written = sorted(tmp_path.iterdir())
    assert [path.suffix for path in written] == [".xlsx", ".docx", ".docx"]
    assert all(str(path) in out for path in written)
    assert "[4/4]" in err and "草稿" not in "".join(path.name for path in written)


def test_render_refuses_a_draft_with_errors_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.json"
    save_draft(small_draft(), draft)
    code, _, err = _run(capsys, "render", str(draft), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "--allow-incomplete" in err and "declarations.both_sides_apply" in err
    assert not (tmp_path / "out").exists()
    code, _, err = _run(
        capsys, "render", str(draft), "--out", str(tmp_path / "out"), "--allow-incomplete"
    )
    assert code == 0 and "DRAFT" in err
    assert all("草稿" in path.name for path in (tmp_path / "out").iterdir())


def test_render_a_file_that_is_not_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{")
    code, _, err = _run(capsys, "render", str(bad), "--out", str(tmp_path / "out"))
    assert code == 2 and "Traceback" not in err and str(bad) in err


def test_version_is_answered_without_loading_the_command_line() -> None:
    probe = (
        "import sys; from applywizard import launcher; code = launcher.main(['--version']); "
        "print(code, 'applywizard.cli.main' in sys.modules, 'pydantic' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert shown[0] == f"applywizard {__version__}"
    assert shown[1] == "0 False False"
