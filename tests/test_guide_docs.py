"""docs/guide-packs.md: its table of check kinds is the registry's, and what it shows is true."""

from __future__ import annotations

import re
from pathlib import Path

from applywizard.cli.kinds_table import BEGIN, END, kinds_table, type_name, with_table
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
