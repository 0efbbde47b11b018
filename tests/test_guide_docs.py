"""docs/guide-packs.md: its table of check kinds is the registry's, and what it shows is true."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from applywizard.cli.kinds_table import BEGIN, END, kinds_table, type_name, with_table
from applywizard.cli.main import main
from applywizard.domain.rules.checks import CHECK_KINDS

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "guide-packs.md"


def _table() -> str:
    text = DOCUMENT.read_text(encoding="utf-8")
    return text[text.index(BEGIN) + len(BEGIN) : text.index(END)]


def test_every_kind_of_check_is_in_the_document_with_its_parameters() -> None:
    table = _table()
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE))
    missing = sorted(set(CHECK_KINDS) - listed)
    assert not missing, f"not in docs/guide-packs.md (run scripts/make_guide_docs.py): {missing}"
    assert listed == set(CHECK_KINDS)
    for name, kind in CHECK_KINDS.items():
        [row] = [line for line in table.splitlines() if line.startswith(f"| `{name}` |")]
        for parameter in kind.params.model_fields:
            assert f"`{parameter}`:" in row, (name, parameter)


def test_the_table_is_the_one_the_script_writes() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    assert with_table(text) == text, "run scripts/make_guide_docs.py"
    assert kinds_table() in text


def test_parameter_types_read_as_words() -> None:
    attachment = CHECK_KINDS["attachment"].params.model_fields["kind"]
    assert type_name(attachment.annotation, attachment.metadata) == (
        "an attachment kind's id (attachment_kinds)"
    )
    leads = CHECK_KINDS["leads"].params.model_fields["side"]
    assert type_name(leads.annotation) == "one of: chinese_units, foreign_partners"
    before = CHECK_KINDS["date_before"].params.model_fields["before"]
    assert type_name(before.annotation) == "date (YYYY-MM-DD)"


def test_the_readme_links_the_document() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Guide packs / 指南包" in readme
    assert "(docs/guide-packs.md)" in readme


def _shown_lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    main(list(argv))
    out, err = capsys.readouterr()
    return [line for line in (out + err).splitlines() if line.strip()]


def test_the_second_example_prints_what_the_document_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Section 6 done as an author would: every line the program prints is in the document."""
    document = DOCUMENT.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPLYWIZARD_GUIDE_FOLDERS", raising=False)
    printed = _shown_lines(
        capsys,
        *("guide", "new", "--from", "most-igsti-2023-batch1"),
        *("-o", "office-guides/office-b", "--id", "office-b"),
    )
    pack = tmp_path / "office-guides" / "office-b"
    guide, source = pack / "guide.yaml", pack / "source.txt"
    text = guide.read_text(encoding="utf-8")
    for old, new in (
        (
            "该项目面向2022年1月1日前已建立的联合实验室",
            "该项目面向2019年1月1日前已建立的联合实验室",
        ),
        ("founded_on, before: 2022-01-01}", "founded_on, before: 2019-01-01}"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    guide.write_text(text, encoding="utf-8")
    printed += _shown_lines(capsys, "guide", "check", "office-guides/office-b")
    assert any("1 个问题，2 个警告" in line for line in printed)

    for old, new in (
        ("本方向只面向2022年1月1日前已建立", "本方向只面向2019年1月1日前已建立"),
        ("founded before 1 January 2022 (founded", "founded before 1 January 2019 (founded"),
    ):
        text = text.replace(old, new, 1)
    guide.write_text(text, encoding="utf-8")
    words = source.read_text(encoding="utf-8")
    source.write_text(words.replace("面向 2022 年 1月 1日前", "面向 2019 年 1月 1日前", 1), "utf-8")
    checked = _shown_lines(capsys, "guide", "check", "office-guides/office-b")
    assert checked == ["指南包 office-b 检查通过：0 个问题，0 个警告"]
    printed += checked
    listed = _shown_lines(capsys, "guides", "--add-folder", "office-guides")
    printed += [line for line in listed if "个可用指南包" in line]  # the document shows its end
    shutil.copy(ROOT / "examples" / "1.1.json", tmp_path / "1.1.json")
    printed += _shown_lines(capsys, "check", "--guide", "office-b", "1.1.json")
    missing = [line for line in printed if line not in document]
    assert not missing, f"docs/guide-packs.md section 6 does not show: {missing}"
