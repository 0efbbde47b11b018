"""The generated documents, reopened and read back with python-docx and openpyxl."""

from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from openpyxl import load_workbook

from applywizard import __version__
from applywizard.adapters.documents.checklist import build_checklist
from applywizard.adapters.documents.context import build_context, draft_digest
from applywizard.adapters.documents.excel import CELL_LIMIT, CUT_MARKER
from applywizard.adapters.documents.reading import docx_text
from applywizard.adapters.documents.render import (
    IncompleteDraftError,
    RenderFileError,
    checklist_items,
    render_all,
)
from applywizard.adapters.documents.word import Properties, jinja_environment, render_docx
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import data_folder
from tests.drafts import small_draft
from tests.windows_errors import WindowsPermissionError

NASTY = "A<B & \"C\" 'D' {{ x }} {% if y %}"


def _text_of(path: Path) -> str:
    return docx_text(path)[1]


def test_a_draft_with_errors_is_refused_and_nothing_written(book: RuleBook, tmp_path: Path) -> None:
    with pytest.raises(IncompleteDraftError) as caught:
        render_all(book, small_draft(), tmp_path / "out")
    assert caught.value.errors and all(f.is_error for f in caught.value.errors)
    assert not (tmp_path / "out").exists()


def test_allow_incomplete_writes_marked_outputs(book: RuleBook, tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    rendered = render_all(
        book,
        small_draft("1.1"),
        tmp_path,
        allow_incomplete=True,
        progress=lambda step, total, name: steps.append((step, total, name)),
    )
    assert rendered.marked_draft
    assert [path.name for path in rendered.files] == [
        "1.1-城市水环境智能监测-草稿-申报书.docx",
        "1.1-城市水环境智能监测-草稿-知识产权协议核对清单.docx",
        "1.1-城市水环境智能监测-草稿-双边合作表.xlsx",
    ]
    assert [step for step, _, _ in steps] == [1, 2, 3, 4]
    form = _text_of(rendered.files[0])
    assert "草稿 / DRAFT" in form and "城市水环境智能监测" in form and "Lion City Water Lab" in form
    assert "草稿 / DRAFT" in _text_of(rendered.files[1])
    workbook = load_workbook(rendered.files[2])
    headers = [sheet.oddHeader.center for sheet in workbook.worksheets if sheet.oddHeader]
    assert len(headers) == len(workbook.worksheets)
    assert all(header and "DRAFT" in (header.text or "") for header in headers)


def test_user_text_renders_literally_everywhere(book: RuleBook, tmp_path: Path) -> None:
    draft = small_draft("1.1")
    draft.project.title_zh = NASTY
    draft.foreign_partners[0].tasks = '=HYPERLINK("http://x")'
    rendered = render_all(book, draft, tmp_path, allow_incomplete=True)
    assert NASTY in _text_of(rendered.files[0])
    assert NASTY in _text_of(rendered.files[1])
    sheet = load_workbook(rendered.files[2])["合作单位 Partners"]
    cells = [
        cell
        for row in sheet.iter_rows()
        for cell in row
        if cell.value == draft.foreign_partners[0].tasks
    ]
    assert cells and all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_every_run_has_an_east_asian_font(book: RuleBook, tmp_path: Path) -> None:
    rendered = render_all(book, small_draft("1.1"), tmp_path, allow_incomplete=True)
    for path in rendered.files[:2]:
        document = Document(str(path))
        runs = list(document.element.body.iter(qn("w:r")))
        assert runs
        for run in runs:
            fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert fonts is not None and fonts.get(qn("w:eastAsia")) in {"SimSun", "SimHei"}


def test_every_document_declares_simplified_chinese_and_its_faces(
    book: RuleBook, tmp_path: Path
) -> None:
    rendered = render_all(book, small_draft("1.1"), tmp_path, allow_incomplete=True)
    for path in rendered.files[:2]:
        with zipfile.ZipFile(path) as package:
            styles = package.read("word/styles.xml").decode()
            settings = package.read("word/settings.xml").decode()
            fonts = package.read("word/fontTable.xml").decode()
        assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="en-US"' not in styles
        assert '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' in settings
        for name, alias, charset in (("SimSun", "宋体", "86"), ("SimHei", "黑体", "86")):
            entry = re.search(f'<w:font w:name="{name}">(.*?)</w:font>', fonts)
            assert entry, name
            assert f'<w:altName w:val="{alias}"/>' in entry.group(1)
            assert f'<w:charset w:val="{charset}"/>' in entry.group(1)
        assert "ＭＳ" not in fonts  # the Japanese faces of python-docx's default template
    workbook = load_workbook(rendered.files[2])
    faces = {
        cell.font.name
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }
    assert faces <= {"SimSun", "SimHei", None}, faces


def test_properties_name_the_program_guide_and_draft(book: RuleBook, tmp_path: Path) -> None:
    draft = small_draft("1.1")
    rendered = render_all(book, draft, tmp_path, allow_incomplete=True)
    digest = draft_digest(draft)
    for path in rendered.files[:2]:
        core = Document(str(path)).core_properties
        assert (
            __version__ in core.keywords
            and book.guide.id in core.keywords
            and digest in core.keywords
        )
    props = load_workbook(rendered.files[2]).properties
    assert (
        props.keywords is not None and digest in props.keywords and book.guide.id in props.keywords
    )


def test_rendering_twice_gives_identical_files(book: RuleBook, tmp_path: Path) -> None:
    first = render_all(book, small_draft("1.1"), tmp_path / "a", allow_incomplete=True)
    second = render_all(book, small_draft("1.1"), tmp_path / "b", allow_incomplete=True)
    for one, two in zip(first.files, second.files, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_packages_carry_nothing_of_the_system_that_wrote_them(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # zipfile records "made by MS-DOS/Windows" (0) on Windows and Unix (3) elsewhere;
    # the Windows build must write the same bytes as the Linux one.
    rendered = render_all(book, small_draft("1.1"), tmp_path / "here", allow_incomplete=True)
    monkeypatch.setattr(sys, "platform", "win32")  # what zipfile.ZipInfo looks at
    windows = render_all(book, small_draft("1.1"), tmp_path / "win", allow_incomplete=True)
    for one, two in zip(rendered.files, windows.files, strict=True):
        entries = zipfile.ZipFile(two).infolist()
        assert {(e.create_system, e.date_time) for e in entries} == {(3, (1980, 1, 1, 0, 0, 0))}
        assert one.read_bytes() == two.read_bytes(), one.name


def test_text_too_long_for_a_cell_is_cut_visibly_and_reported(
    book: RuleBook, tmp_path: Path
) -> None:
    draft = small_draft("1.1")
    draft.foreign_partners[0].tasks = "任" * 40_000
    rendered = render_all(book, draft, tmp_path, allow_incomplete=True)
    assert rendered.cut_cells
    sheet = load_workbook(rendered.files[2])["合作单位 Partners"]
    values = [
        str(c.value)
        for row in sheet.iter_rows()
        for c in row
        if c.value and len(str(c.value)) > 30_000
    ]
    assert values and all(len(v) <= CELL_LIMIT and v.endswith(CUT_MARKER) for v in values)
    assert "任" * 40_000 in _text_of(rendered.files[0])  # the form keeps it whole


def test_a_file_held_open_leaves_earlier_files_intact(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_all(book, small_draft("1.1"), tmp_path, allow_incomplete=True)
    before = {path: path.read_bytes() for path in first.files}
    changed = small_draft("1.1")
    changed.project.title_en = "changed"

    def refuse(*_: Any, **__: Any) -> None:
        raise WindowsPermissionError(32)  # ERROR_SHARING_VIOLATION: Word has the form open

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(RenderFileError) as caught:
        render_all(book, changed, tmp_path, allow_incomplete=True)
    assert caught.value.path == first.files[0]
    assert caught.value.en == (
        f"cannot save: “{first.files[0].name}” is open in another program "
        "(such as Word, Excel or WPS): close it there and try again"
    )
    assert {path: path.read_bytes() for path in first.files} == before
    assert sorted(tmp_path.iterdir()) == sorted(first.files)


def test_an_output_folder_that_cannot_be_made_is_reported(book: RuleBook, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RenderFileError):
        render_all(book, small_draft("1.1"), blocker / "out", allow_incomplete=True)


@pytest.mark.parametrize("template", ["application-form.docx", "ip-checklist.docx"])
@pytest.mark.parametrize("direction", ["1.1", "1.4", "1.8", "2.8"])
def test_every_template_variable_is_in_the_context(
    book: RuleBook, template: str, direction: str
) -> None:
    draft = small_draft(direction)
    findings = book.evaluate(draft)
    context = build_context(book, draft, findings=findings)
    context["checklist"] = build_checklist(book, draft, checklist_items(), findings) | {"about": []}
    document = DocxTemplate(str(data_folder("templates") / template))
    needed = document.get_undeclared_template_variables(jinja_env=jinja_environment())
    assert needed <= set(context), needed - set(context)


def test_templates_are_real_word_files() -> None:
    for template in ("application-form.docx", "ip-checklist.docx"):
        names = zipfile.ZipFile(data_folder("templates") / template).namelist()
        assert "word/document.xml" in names and "word/styles.xml" in names


def test_a_template_saved_without_chinese_declarations_is_set_right(tmp_path: Path) -> None:
    """A research office's template from an English Word: en-US/ja-JP, Japanese faces."""
    template = tmp_path / "restyled.docx"
    plain = Document()
    plain.add_paragraph("{{ title }}")
    plain.save(str(template))
    with zipfile.ZipFile(template) as package:
        assert 'w:eastAsia="ja-JP"' in package.read("word/settings.xml").decode()
    properties = Properties("t", "s", "k", "c")
    rendered = tmp_path / "out.docx"
    rendered.write_bytes(render_docx(template, {"title": "南大洋"}, properties))
    with zipfile.ZipFile(rendered) as package:
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
        fonts = package.read("word/fontTable.xml").decode()
    assert 'w:eastAsia="zh-CN"' in settings and 'w:eastAsia="zh-CN"' in styles
    assert re.findall(r'<w:font w:name="([^"]*)"', fonts) == ["Times New Roman", "SimSun", "SimHei"]
    assert docx_text(rendered)[1].strip() == "南大洋"
