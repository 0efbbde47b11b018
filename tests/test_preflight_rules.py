"""Pre-flight facts in the draft, judged by the rules; re-checked by ``check`` and ``render``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from applywizard.adapters.app_settings import (
    DEFAULT_ATTACHMENT_LIMIT_MB,
    SettingsError,
    attachment_limit_mb,
    read_attachment_limit,
    set_attachment_limit,
)
from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.user_folders import UserFolders
from applywizard.cli.main import main
from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.domain.draft.model import SCHEMA_VERSION, Draft
from applywizard.domain.draft.preflight import Failure, FileType, PreflightFacts
from applywizard.domain.guide.model import Severity
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.attachments import read_file_facts
from applywizard.workflow.preflight import AttachedSources, recheck, summary, with_facts
from tests import preflight_files as made

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MB = 1024 * 1024


def _example(name: str = "1.1") -> Draft:
    return read_draft(EXAMPLES / f"{name}.json")


def _facts(sha256: str, **found: object) -> PreflightFacts:
    data: dict[str, object] = {
        "sha256": sha256,
        "file_type": FileType.PDF,
        "size_bytes": 1_000,
        "size_limit_bytes": 20 * MB,
        "pages": 4,
        "pages_with_text": 4,
        "pages_without_text": 0,
    }
    data.update(found)
    return PreflightFacts.model_validate(data)


def _with(draft: Draft, index: int, **found: object) -> Draft:
    item = draft.attachments[index]
    assert item.sha256 is not None
    draft.attachments[index] = item.model_copy(update={"preflight": _facts(item.sha256, **found)})
    return draft


def _preflight_findings(book: RuleBook, draft: Draft) -> list[tuple[str, str, int | None, str]]:
    return [
        (f.rule, f.severity.value, f.clause, f.citation)
        for f in book.evaluate(draft)
        if f.rule.startswith("general.attachment-") and f.rule != "general.attachment-file-types"
    ]


def test_sound_facts_give_no_finding(book: RuleBook) -> None:
    draft = _with(_example(), 0)
    assert _preflight_findings(book, draft) == []


@pytest.mark.parametrize(
    ("found", "rule", "severity"),
    [
        ({"failure": Failure.DAMAGED, "detail": "no end-of-file marker"}, "damaged", "error"),
        ({"failure": Failure.ENCRYPTED, "encrypted": True}, "encrypted", "error"),
        ({"failure": Failure.HOSTILE, "detail": "still not read"}, "hostile", "error"),
        ({"size_bytes": 21 * MB}, "over-size", "error"),
        ({"pages_with_text": 0, "pages_without_text": 4}, "scanned", "warning"),
        ({"fonts_not_embedded": ["SimSun"]}, "fonts", "warning"),
    ],
)
def test_each_problem_cites_the_clause_that_asks_for_the_document(
    book: RuleBook, found: dict[str, object], rule: str, severity: str
) -> None:
    # 1.1's cooperation agreement is asked for by its clause (6)
    draft = _with(_example(), 0, **found)
    assert _preflight_findings(book, draft) == [
        (f"general.attachment-{rule}", severity, 6, "指南 1.1 其他要求（6）")
    ]


def test_an_attachment_no_clause_asks_for_cites_the_general_rule(book: RuleBook) -> None:
    draft = _example()
    other = next(i for i, item in enumerate(draft.attachments) if item.kind == "other")
    draft = _with(draft, other, failure=Failure.ENCRYPTED, encrypted=True)
    [finding] = [f for f in book.evaluate(draft) if f.rule == "general.attachment-encrypted"]
    assert finding.clause is None
    assert (finding.citation, finding.citation_en) == ("通用规则", "general rule")
    assert finding.field == f"attachments.{other}.file_name"
    assert "加密" in finding.message and "encrypted" in finding.message_en
    assert draft.attachments[other].file_name in finding.message


def test_macros_in_a_word_attachment_are_an_error(book: RuleBook) -> None:
    draft = _example()
    plan = next(i for i, item in enumerate(draft.attachments) if item.kind == "joint_lab_plan")
    draft = _with(draft, plan, file_type=FileType.OFFICE, pages=None, macros=True)
    assert _preflight_findings(book, draft) == [
        ("general.attachment-macros", "error", 5, "指南 1.1 其他要求（5）")
    ]


def test_facts_about_another_file_are_stale_and_say_nothing_else(book: RuleBook) -> None:
    draft = _example()
    draft.attachments[0] = draft.attachments[0].model_copy(
        update={"preflight": _facts("0" * 64, failure=Failure.ENCRYPTED, encrypted=True)}
    )
    findings = [f for f in book.evaluate(draft) if f.rule.startswith("general.attachment-")]
    assert [(f.rule, f.severity) for f in findings] == [
        ("general.attachment-changed", Severity.WARNING)
    ]
    assert "SHA-256" in findings[0].message


def test_the_2026_pack_has_the_same_rules(tmp_path: Path) -> None:
    from applywizard.adapters.guide_packs import catalogue  # noqa: PLC0415

    packs = catalogue(user_folder=tmp_path, shared_folders=())
    [pack] = [p for p in packs.usable if p.pack_id == "most-igsti-2026-batch1"]
    assert pack.book is not None
    ids = {spec.id for spec in pack.book.guide.general_rules}
    assert {"general.attachment-encrypted", "general.attachment-scanned"} <= ids


def test_facts_survive_saving_and_an_old_draft_has_none(tmp_path: Path) -> None:
    draft = _with(_example(), 0, fonts_not_embedded=["SimSun"])
    again = decode_draft(encode_draft(draft))
    assert again.attachments[0].preflight == draft.attachments[0].preflight
    old = json.loads((EXAMPLES / "1.1.json").read_text(encoding="utf-8"))
    old["schema_version"] = 3
    for item in old["attachments"]:
        del item["preflight"]
    migrated = decode_draft(json.dumps(old).encode())
    assert migrated.schema_version == SCHEMA_VERSION
    assert all(item.preflight is None for item in migrated.attachments)


def _draft_beside(folder: Path, files: dict[str, bytes]) -> Path:
    """Example 1.1 with its cooperation agreement replaced by a file in ``folder``."""
    draft = _example()
    for name, data in files.items():
        path = made.write(folder, name, data)
        facts = read_file_facts(path)
        draft.attachments[0] = draft.attachments[0].model_copy(
            update={"file_name": name, "sha256": facts.sha256, "size_bytes": facts.size_bytes}
        )
    target = folder / "application.json"
    save_draft(draft, target)
    return target


def test_recheck_finds_the_files_beside_the_draft(tmp_path: Path) -> None:
    target = _draft_beside(tmp_path, {"agreement.pdf": made.text_pdf(embedded=False)})
    draft = read_draft(target)
    checked = recheck(draft, tmp_path, sources=AttachedSources())
    assert [item.index for item in checked] == [0]  # the other files are not there
    fresh = with_facts(draft, checked)
    facts = fresh.attachments[0].preflight
    assert facts is not None and facts.fonts_not_embedded == ["Helvetica"]
    assert fresh.attachments[1].preflight is None
    zh, en = summary(facts)
    assert "1 页" in zh and "Helvetica" in en


def test_check_reports_an_encrypted_file_beside_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _draft_beside(tmp_path, {"agreement.pdf": made.encrypted_pdf()})
    assert main(["check", str(target)]) == 1
    out = capsys.readouterr().out
    assert "general.attachment-encrypted" in out or "加密" in out
    assert "1.1 其他要求（6）" in out
    assert read_draft(target).attachments[0].preflight is None  # check leaves the file as it was


def test_render_refuses_a_truncated_file_beside_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _draft_beside(tmp_path, {"agreement.pdf": made.truncated_pdf()})
    assert main(["render", str(target), "--out", str(tmp_path / "out")]) == 1
    assert "cut short" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_check_of_a_draft_whose_files_are_elsewhere_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EXAMPLES / "1.1.json", tmp_path / "1.1.json")
    assert main(["check", str(tmp_path / "1.1.json")]) == 0
    assert "附件" not in capsys.readouterr().err


def test_the_size_limit_is_a_setting_with_a_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APPLYWIZARD_ATTACHMENT_LIMIT_MB", raising=False)
    folders = UserFolders(tmp_path, tmp_path, tmp_path, tmp_path / "settings.json")
    assert attachment_limit_mb(folders) == DEFAULT_ATTACHMENT_LIMIT_MB == 20
    set_attachment_limit(30, folders)
    assert read_attachment_limit(folders) == 30 * MB
    with pytest.raises(SettingsError):
        set_attachment_limit(0, folders)
    monkeypatch.setenv("APPLYWIZARD_ATTACHMENT_LIMIT_MB", "5")
    assert attachment_limit_mb(folders) == 5
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    monkeypatch.delenv("APPLYWIZARD_ATTACHMENT_LIMIT_MB")
    assert attachment_limit_mb(folders) == 20


def test_the_settings_command_sets_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--en", "settings", "--attachment-limit-mb", "25"]) == 0
    assert "25 MB" in capsys.readouterr().out
    assert main(["settings", "--attachment-limit-mb", "5000"]) == 2
    assert main(["settings", "--attachment-limit-mb", "20"]) == 0
