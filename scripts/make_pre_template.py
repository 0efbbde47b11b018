"""Build templates/pre-application.docx, the pre-application (预申报书), with docxtpl tags.

Called by scripts/make_templates.py. No pre-application template was found in
any source (docs/pre-application-sources.md §1.3), so its headings are the
parts the sources attest, in the order the notices name them: objectives and
indicators in detail, then the research content, the innovative ideas and
route and the research basis briefly; the units, the leader, a budget
outline (中央财政经费, 其他来源经费, 合计) and the guide's attachments.
A research office may restyle or reorder it in Word.
"""

from __future__ import annotations

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx_styling import (
    SIZE_5,
    add_row,
    cell_text,
    loop_row,
    paragraph,
    setup_document,
    table,
)
from make_templates import (
    draft_banner,
    header_and_footer,
    headings,
    indicators_table,
    key_value_table,
    loop_table,
    open_findings_table,
    text_loop,
)

from applywizard.adapters.documents.context_tables import (
    ATTACHMENT_KEYS,
    PARTNER_KEYS,
)
from applywizard.adapters.documents.typefaces import HEI
from applywizard.domain.draft.tables import ATTACHMENTS, PARTNERS


def pre_application() -> Document:
    """The pre-application: a heading, the facts, the texts, the parties, the outline."""
    document = docx.Document()
    setup_document(document)
    header_and_footer(document)
    title(document)
    key_value_table(document, "pre.basic", [4.0, 12.0])
    texts(document)
    parties(document)
    outline(document)
    attachments(document)
    return document


def title(document: Document) -> None:
    for text, size in (("{{ pre.heading }}", Pt(16)), ("项目预申报书", Pt(22))):
        paragraph(
            document, text, align=WD_ALIGN_PARAGRAPH.CENTER, east_asia=HEI, size=size, bold=True
        )
    draft_banner(document)


def texts(document: Document) -> None:
    document.add_heading("一、研究目标及主要研究内容", level=2)
    text_loop(document, "parts.objectives_and_content.paragraphs")
    document.add_heading("二、考核指标", level=2)
    indicators_table(document)
    document.add_heading("三、创新思路与技术路线", level=2)
    text_loop(document, "pre.innovation_and_route")
    document.add_heading("四、研究基础", level=2)
    text_loop(document, "parts.research_basis.paragraphs")


def parties(document: Document) -> None:
    document.add_heading("五、项目申报单位及合作单位", level=2)
    document.add_heading("（一）中方单位", level=3)
    widths = [1.3, 6.2, 5.0, 3.5]
    grid = table(document, widths, ["序号", "单位名称", "统一社会信用代码", "角色"])
    loop_row(grid, widths, "{%tr for r in units %}")
    cells = add_row(grid, widths)
    for cell, field in zip(cells, ["index", "name", "credit_code", "role"], strict=True):
        cell_text(cell, f"{{{{ r.{field} }}}}")
    loop_row(grid, widths, "{%tr endfor %}")
    paragraph(document, "推荐单位：{{ project.recommending_body }}", indent_first=True)
    document.add_heading("（二）外方合作单位", level=3)
    fields = ["index", "name", "name_zh", "country", "role"]
    loop_table(
        document,
        "partners",
        header=headings(PARTNERS, PARTNER_KEYS, fields),
        fields=fields,
        widths=[1.3, 5.2, 4.5, 2.5, 2.5],
    )
    document.add_heading("六、项目负责人", level=2)
    key_value_table(document, "pre.leader_rows", [5.0, 11.0])
    paragraph(
        document,
        "预申报阶段仅填写项目负责人（及任务负责人），其他参加人员在正式申报时补充。",
        size=SIZE_5,
    )


def outline(document: Document) -> None:
    document.add_heading("七、经费概算（万元）", level=2)
    widths = [5.4, 1.4, 3.1, 3.3, 2.8]
    grid = table(document, widths, ["单位", "角色", "中央财政经费", "其他来源经费", "合计"])
    loop_row(grid, widths, "{%tr for u in pre.outline.units %}")
    cells = add_row(grid, widths)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    for cell, field in zip(cells, ["name", "role", "central", "other", "total"], strict=True):
        align = right if field not in {"name", "role"} else None
        cell_text(cell, f"{{{{ u.{field} }}}}", align=align)
    loop_row(grid, widths, "{%tr endfor %}")
    cells = add_row(grid, widths)
    cell_text(cells[0], "合计", bold=True)
    cell_text(cells[1], "")
    for cell, key in zip(cells[2:], ["central", "other", "total"], strict=True):
        cell_text(cell, f"{{{{ pre.outline.{key} }}}}", align=right, bold=True)


def attachments(document: Document) -> None:
    document.add_heading("八、指南要求的附件", level=2)
    fields = ["index", "kind", "file_name", "signed_on"]
    loop_table(
        document,
        "attachments",
        header=headings(ATTACHMENTS, ATTACHMENT_KEYS, fields),
        fields=fields,
        widths=[1.3, 6.0, 6.0, 2.7],
    )
    open_findings_table(document)
