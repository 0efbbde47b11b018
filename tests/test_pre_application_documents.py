"""The pre-application (预申报书) rendered for every example, then opened by LibreOffice.

Each of the 18 examples is set to the pre-application stage in memory (its
创新思路与技术路线, which the examples do not have, taken from its own
organisation part so that it checks clean), rendered, converted to PDF and
held to the same checks as the formal form: the Chinese in a
Simplified-Chinese face, the body in a serif, no figure of a table cell cut
across two lines; and it says what the draft says.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from applywizard.adapters.documents.formatting import wan
from applywizard.adapters.documents.render import render_all
from applywizard.adapters.draft_files import read_draft
from applywizard.domain.draft.model import Draft, Stage
from applywizard.domain.rules.engine import RuleBook
from tests.office import broken_figures, convert, pdf_text, soffice
from tests.pdf_glyphs import drawn_text, embedded_fonts, is_han
from tests.test_documents_libreoffice import _cell_figures, _sans_runs, _squeeze

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CODES = [path.stem for path in EXAMPLES]

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


def at_pre(path: Path) -> Draft:
    """An example at the pre-application stage, with its innovation and route written."""
    draft = read_draft(path).model_copy(update={"stage": Stage.PRE}, deep=True)
    draft.form.innovation_and_route = draft.form.organisation_and_risks
    return draft


@dataclass(frozen=True)
class Rendered:
    draft: Draft
    document: Path
    pdf: Path


@pytest.fixture(scope="module")
def rendered(book: RuleBook, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    out = tmp_path_factory.mktemp("pre")
    documents = {}
    for path in EXAMPLES:
        draft = at_pre(path)
        result = render_all(book, draft, out / path.stem)
        assert not result.marked_draft, [f.message for f in book.evaluate(draft)]
        (document,) = result.files
        documents[path.stem] = (draft, document)
    convert([document for _, document in documents.values()], "pdf", out / "pdf")
    return {
        code: Rendered(draft, document, out / "pdf" / f"{document.stem}.pdf")
        for code, (draft, document) in documents.items()
    }


def test_a_pre_application_renders_only_the_pre_application(
    rendered: dict[str, Rendered],
) -> None:
    for item in rendered.values():
        assert item.document.name.endswith("-预申报书.docx")
        assert [file.name for file in item.document.parent.iterdir()] == [item.document.name]


@pytest.mark.parametrize("code", CODES)
def test_it_says_what_the_draft_says(rendered: dict[str, Rendered], code: str) -> None:
    item = rendered[code]
    draft = item.draft
    text = _squeeze(pdf_text(item.pdf))
    assert "项目预申报书" in text
    assert _squeeze("国家重点研发计划“政府间国际科技创新合作”重点专项") in text
    assert _squeeze(draft.project.title_zh) in text
    for unit in draft.chinese_units:
        assert _squeeze(unit.name) in text, unit.name
    for partner in draft.foreign_partners:
        assert _squeeze(partner.name) in text, partner.name
    leader = draft.team[draft.leader_index() or 0]
    assert _squeeze(leader.name) in text
    for indicator in draft.form.indicators:
        assert _squeeze(indicator.text.split("\n")[0][:20]) in text
    central = sum((unit.central_funds_wan for unit in draft.chinese_units), Decimal(0))
    other = sum((unit.self_raised_wan for unit in draft.chinese_units), Decimal(0))
    for figure in (central, other, central + other):
        assert _squeeze(wan(figure)) in text
    # parts of the formal form only are not in it
    assert "国内外现状及趋势分析" not in text
    assert "进度安排" not in text
    assert "DRAFT" not in text


@pytest.mark.parametrize("code", CODES)
def test_chinese_is_drawn_in_simplified_forms(rendered: dict[str, Rendered], code: str) -> None:
    fonts = [font for font in embedded_fonts(rendered[code].pdf) if font.characters]
    assert fonts, "no Chinese text found"
    wrong = {font.name: sorted(font.regions) for font in fonts if "SC" not in font.regions}
    assert not wrong, f"faces whose glyphs are not the Simplified-Chinese forms: {wrong}"


@pytest.mark.parametrize("code", CODES)
def test_body_text_is_set_in_a_serif(rendered: dict[str, Rendered], code: str) -> None:
    item = rendered[code]
    headings = _sans_runs(item.document)
    pieces = drawn_text(item.pdf)
    assert [piece for piece in pieces if "Serif" in piece.font], "no serif text at all"
    sans_body = [
        piece.text
        for piece in pieces
        if "Sans" in piece.font
        and any(is_han(char) for char in piece.text)
        and not any(_squeeze(piece.text) in heading for heading in headings)
    ]
    assert not sans_body, f"body text drawn in a sans face: {sans_body[:5]}"


@pytest.mark.parametrize("code", CODES)
def test_no_figure_is_broken_across_lines(rendered: dict[str, Rendered], code: str) -> None:
    item = rendered[code]
    figures = _cell_figures(item.document)
    assert figures
    assert not broken_figures(item.pdf, figures), "figures cut across lines"
