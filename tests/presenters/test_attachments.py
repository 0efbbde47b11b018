"""The Attachments page's presenter, without Qt: a real session on the shipped guide.

No QApplication, no qtbot: the presenter is driven as the page drives it,
and what it answers (the checklist, the list's lines, the fields of the
selected attachment, the facts the rules read, attaching, replacing,
removing, where a path is) is read as plain data.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.tables import ATTACHMENTS
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.attachments import (
    FACTS,
    AttachmentsPresenter,
    Focus,
    Outcome,
    attachment_label,
    fact_words,
    file_size,
)
from applywizard.presenters.text import install_translator, language, set_language, translator
from applywizard.workflow.attachments import MAX_ATTACHMENT_BYTES
from applywizard.workflow.session import DraftSession

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = "中外合作协议（或意向书等项目合作文件）"
LAB_AGREEMENT = "双方实验室依托单位签署的共建联合实验室合作协议"


@pytest.fixture(autouse=True)
def words_as_written() -> Iterator[None]:
    """Chinese field words and the interface's English as written (no translator installed)."""
    before, installed = language(), translator()
    set_language("zh_CN")
    install_translator(None)
    yield
    set_language(before)
    install_translator(installed)


def session_for(book: RuleBook, name: str = "1.1") -> DraftSession:
    return DraftSession(book, read_draft(ROOT / "examples" / f"{name}.json"))


@pytest.fixture
def session(book: RuleBook) -> DraftSession:
    return session_for(book)


@pytest.fixture
def presenter(session: DraftSession) -> AttachmentsPresenter:
    shown = AttachmentsPresenter(lambda: session)
    assert shown.requirements.stale()  # as a page does on its first refresh
    shown.requirements.read()
    return shown


def test_importing_the_presenter_loads_no_qt() -> None:
    code = "import applywizard.presenters.attachments, sys; assert 'PySide6' not in sys.modules"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_checklist_of_1_1_marks_what_is_attached_with_its_clause(
    presenter: AttachmentsPresenter, session: DraftSession
) -> None:
    requirements = presenter.requirements
    assert requirements.note() == "Direction 1.1 asks for the following (clause cited)."
    rows = {row.kind: row for row in requirements.checklist(session.findings)}
    assert list(rows) == [
        "joint_lab_agreement",
        "foreign_government_support",
        "joint_lab_plan",
        "cooperation_agreement",
        "ip_agreement",
    ]
    assert rows["joint_lab_agreement"].text == (
        f"✔ {LAB_AGREEMENT} — 1.1（2） — attached: 中法高温防护涂层联合实验室共建协议.pdf"
    )
    assert rows["cooperation_agreement"].text.startswith(f"✔ {AGREEMENT} — 1.1（6） — ")
    assert rows["ip_agreement"].text == (
        f"○ 知识产权协议 — 1.1（6） — optional: needed when the {AGREEMENT} has no IP clauses"
    )
    assert all(row.severity == "" for row in rows.values())
    assert requirements.checklist_findings(session.findings).lines == ()
    assert requirements.first_row() == 0  # nothing missing: the first document demanded


def test_a_removed_document_is_missing_with_its_finding(
    presenter: AttachmentsPresenter, session: DraftSession
) -> None:
    outcome = presenter.remove(1)  # the joint-lab agreement
    assert outcome is not None
    assert outcome.lines == ("Removed 中法高温防护涂层联合实验室共建协议.pdf.",)
    assert (outcome.error, outcome.select) == (False, 1)
    assert [item.kind for item in session.draft.attachments].count("joint_lab_agreement") == 0
    [row] = [
        row
        for row in presenter.requirements.checklist(session.findings)
        if row.kind == "joint_lab_agreement"
    ]
    assert row.text == f"✖ {LAB_AGREEMENT} — 1.1（2） — not attached yet"
    assert row.severity == "error"
    assert f"缺少附件：{LAB_AGREEMENT}" in row.tooltip
    assert "指南 1.1 其他要求（2）" in row.tooltip
    note = presenter.requirements.checklist_findings(session.findings)
    assert note.severity == "error"
    assert len(note.lines) == 1 and note.lines[0].startswith(f"✖ 缺少附件：{LAB_AGREEMENT}")
    assert presenter.requirements.first_row() == 0  # the missing one is offered first
    assert presenter.remove(4) is None  # four attachments are left: rows 0 to 3


def test_the_list_lines_mark_each_attachment_by_its_own_findings(
    presenter: AttachmentsPresenter, session: DraftSession
) -> None:
    rows = presenter.list_rows(session.findings)
    assert [row.text for row in rows] == [
        f"✔ 1. {AGREEMENT} — 中法合作协议_热障涂层寿命预测.pdf（1.8 MB）",
        f"✔ 2. {LAB_AGREEMENT} — 中法高温防护涂层联合实验室共建协议.pdf（939.8 KB）",
        "✔ 3. 外方政府部门对联合实验室合作给予物质支持的正式文件 — "
        "法方政府部门支持函.pdf（406.0 KB）",
        "✔ 4. 中欧联合实验室未来3年合作方案 — 中欧联合实验室未来3年合作方案.docx（86.3 KB）",
        "✔ 5. 其他附件 — 自筹资金承诺函.pdf（231.0 KB）",
    ]
    assert rows[0].tooltip == rows[0].text
    session.set_value("attachments.0.contains_ip_clauses", False)
    first = presenter.list_rows(session.findings)[0]
    assert first.text.startswith("✖ 1. ")
    lines = first.tooltip.split("\n")
    assert lines[0] == first.text
    assert "须包含知识产权条款" in lines[1] and "指南 1.1 其他要求（6）" in lines[1]
    set_language("en")
    assert presenter.list_rows(session.findings)[4].text.startswith("✔ 5. other attachment — ")


def test_file_sizes_labels_and_fact_words() -> None:
    assert [file_size(size) for size in (None, 512, 1024, 88342, 1843202)] == [
        "",
        "512 B",
        "1.0 KB",
        "86.3 KB",
        "1.8 MB",
    ]
    assert fact_words("signed_on") == ("签署日期", "signing date")
    assert fact_words("note") == ("备注", "note")
    assert fact_words("unheard_of") == ("unheard_of", "unheard_of")
    assert attachment_label("attachments.4.note") == "附件 5：备注"
    assert attachment_label("attachments.0.unheard_of") == "附件 1：unheard_of"
    set_language("en")
    assert attachment_label("attachments.1.valid_until") == "Attachment 2: valid until"


def test_the_selected_attachments_fields_are_the_declared_columns(
    presenter: AttachmentsPresenter,
) -> None:
    fields = presenter.detail_fields(2)
    assert [field.field for field in fields] == [column.field for column in ATTACHMENTS.columns]
    assert FACTS == (
        "signed_on",
        "valid_until",
        "signed_by_all_parties",
        "contains_ip_clauses",
        "note",
    )
    by_field = {field.field: field for field in fields}
    kind = by_field["kind"]
    assert (kind.kind, kind.path, kind.caption) == ("choice", "attachments.2.kind", "附件类型")
    assert kind.choices == presenter.kind_choices()
    assert kind.choices[0] == ("cooperation_agreement", AGREEMENT)
    assert kind.choices[-1] == ("other", "其他附件")
    assert by_field["file_name"].kind == "file"  # read-only: changed by replacing the file
    assert by_field["signed_on"].kind == "date"
    assert by_field["contains_ip_clauses"].choices == [(True, "Yes"), (False, "No")]
    assert by_field["note"].accessible == "附件 3：备注"
    assert presenter.answers() == [(None, "Not answered"), (True, "Yes"), (False, "No")]
    facts = presenter.file_facts(0).split("\n")
    assert facts[0].startswith("SHA-256: ") and len(facts[0]) == len("SHA-256: ") + 64
    assert facts[1] == "1.8 MB"


def test_the_needs_line_names_the_facts_the_rules_read_and_their_clause(
    presenter: AttachmentsPresenter,
) -> None:
    needs = presenter.needs(0)  # the cooperation agreement
    assert needs is not None
    assert needs.line == (
        "The rules read for this kind (marked *): 签署日期（1.1（6））；含知识产权条款（1.1（6））"
    )
    assert needs.captions["signed_on"] == "签署日期 *"
    assert needs.captions["contains_ip_clauses"] == "含知识产权条款 *"
    assert needs.captions["valid_until"] == "有效期至"
    assert list(needs.captions) == [column.field for column in ATTACHMENTS.columns]
    other = presenter.needs(4)
    assert other is not None and other.line == "The rules read no further facts for this kind."
    assert presenter.needs(9) is None


def test_replace_and_remove_need_a_row(presenter: AttachmentsPresenter, book: RuleBook) -> None:
    assert [presenter.has_row(row) for row in (-1, 0, 4, 5)] == [False, True, True, False]
    assert [presenter.row_or_none(row) for row in (-1, 3, 5)] == [None, 3, None]
    assert presenter.row_to_select(-1) == 0 and presenter.row_to_select(9) == 4
    empty = session_for(book)
    empty.draft.attachments = []
    nothing = AttachmentsPresenter(lambda: empty)
    assert not nothing.has_row(0) and nothing.row_to_select(0) == -1
    assert nothing.remove(0) is None


def test_attaching_records_the_file_and_refuses_the_wrong_ones(
    presenter: AttachmentsPresenter, session: DraftSession, tmp_path: Path
) -> None:
    wrong = tmp_path / "budget.xlsx"
    wrong.write_bytes(b"PK spreadsheet")
    agreement = presenter.kind("cooperation_agreement")
    refused = presenter.attach([wrong], agreement)
    assert (refused.count, refused.error, refused.select) == (0, True, None)
    [line] = refused.lines
    assert line.startswith("✖ “budget.xlsx”（.xlsx）不能作为中外合作协议")
    assert "pdf, doc, docx, ofd" in line
    assert len(session.draft.attachments) == 5

    content = b"%PDF-1.7 separate IP agreement"
    good = tmp_path / "知识产权协议.pdf"
    good.write_bytes(content)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    outcome = presenter.attach([good, empty], presenter.kind("ip_agreement"))
    assert (outcome.count, outcome.error, outcome.select) == (1, True, 5)
    assert outcome.lines[0] == "Attached as 知识产权协议: 知识产权协议.pdf"
    assert "“empty.pdf”是空文件" in outcome.lines[1]
    added = session.draft.attachments[5]
    assert (added.kind, added.size_bytes) == ("ip_agreement", len(content))
    assert added.sha256 == hashlib.sha256(content).hexdigest()
    rows = {row.kind: row.text for row in presenter.requirements.checklist(session.findings)}
    assert rows["ip_agreement"].startswith("✔ 知识产权协议 — 1.1（6） — attached: 知识产权协议.pdf")
    assert (
        presenter.list_rows(session.findings)[5].text
        == "✔ 6. 知识产权协议 — 知识产权协议.pdf（30 B）"
    )

    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as stream:
        stream.truncate(MAX_ATTACHMENT_BYTES + 1)
    too_big = presenter.attach([huge], presenter.kind("other"))
    assert too_big.count == 0 and "超过附件上限 50.0 MB" in too_big.lines[0]


def test_replacing_a_file_keeps_the_attachments_facts(
    presenter: AttachmentsPresenter, session: DraftSession, tmp_path: Path
) -> None:
    before = session.draft.attachments[0]
    wrong = tmp_path / "agreement.xlsx"
    wrong.write_bytes(b"PK")
    # the attachment's own kind decides, not the kind chosen for the next attachment
    assert presenter.replacement_kind(0, "other").id == "cooperation_agreement"
    refused = presenter.replace(0, wrong, "other")
    assert refused.error and refused.select is None
    assert refused.lines[0].startswith("✖ “agreement.xlsx”（.xlsx）不能作为中外合作协议")
    final = tmp_path / "agreement-final.pdf"
    final.write_bytes(b"final text")
    outcome = presenter.replace(0, final, "other")
    assert outcome == Outcome(("Replaced the file of attachment 1.",), error=False, select=0)
    after = session.draft.attachments[0]
    assert after.file_name == "agreement-final.pdf"
    assert after.sha256 == hashlib.sha256(b"final text").hexdigest()
    assert (after.kind, after.signed_on, after.contains_ip_clauses) == (
        before.kind,
        before.signed_on,
        before.contains_ip_clauses,
    )


def test_where_a_path_goes_on_the_page(presenter: AttachmentsPresenter, book: RuleBook) -> None:
    assert presenter.focus("attachments.2.signed_on") == Focus("attachment", 2)
    assert presenter.focus("attachments.2") == Focus("attachment", 2)
    assert presenter.focus("attachments.9.signed_on").place == "nowhere"
    assert presenter.focus("attachments").place == "checklist"  # 1.1 requires documents
    assert presenter.focus("declarations.partner_capability").place == "declaration"
    assert presenter.focus("project.title_zh").place == "elsewhere"
    undecided = session_for(book)
    undecided.draft.direction = ""
    none_chosen = AttachmentsPresenter(lambda: undecided)
    none_chosen.requirements.read()
    assert none_chosen.focus("attachments").place == "list"
    assert none_chosen.requirements.note() == (
        "Choose a direction first: its rules say which documents to attach."
    )
    assert none_chosen.requirements.first_row() == -1  # the next attachment is "other"
    assert none_chosen.requirements.declaration_rows()[0].required is False


def test_the_declarations_and_documents_follow_the_chosen_direction(
    presenter: AttachmentsPresenter, session: DraftSession
) -> None:
    first = presenter.requirements.declaration_rows()[0]
    assert (first.id, first.required, first.citation) == ("partner_capability", True, "1.1（7）")
    assert first.text == f"{first.name} — 1.1（7）"
    session.set_value("direction", "1.3")
    assert presenter.requirements.stale()
    presenter.requirements.read()
    rows = presenter.requirements.declaration_rows()
    required = [row.id for row in rows if row.required]
    assert set(required) == {"cdti_matching", "both_sides_apply", "cdti_english_form"}
    assert [row.id for row in rows[: len(required)]] == required  # those asked for come first
    by_id = {row.id: row for row in rows}
    assert by_id["cdti_matching"].text.endswith(" — 1.3（2）")
    assert not by_id["partner_capability"].required
    assert by_id["partner_capability"].text == by_id["partner_capability"].name
    kinds = [row.kind for row in presenter.requirements.checklist(session.findings)]
    assert kinds == ["cooperation_agreement", "ip_agreement"]
    assert presenter.requirements.note() == "Direction 1.3 asks for the following (clause cited)."


def test_kinds_offered_and_the_file_dialogs_filter(presenter: AttachmentsPresenter) -> None:
    assert presenter.kind("no_such_kind").id == "other"
    assert presenter.kind_name("") == "(no kind)"
    assert presenter.kind_name("unknown_kind") == "unknown_kind"
    agreement = presenter.kind("cooperation_agreement")
    assert presenter.file_filter(agreement) == (
        f"{AGREEMENT} (*.pdf *.doc *.docx *.ofd);;All files (*)"
    )
