"""Build the Word templates in templates/ (docxtpl: Jinja tags inside real .docx files).

The .docx files are what ships and what a research office may restyle in
Word; this script is how they were first made, and remakes them from scratch:

    .venv/bin/python scripts/make_templates.py

The loop tables' headings (units, partners, team, the leader's projects,
attachments, the assessment indicators) are the declared columns' document headings
(``domain.draft.tables``), found through the context keys each column shows
(``adapters.documents.context_tables``).

Every Jinja tag is written as one run, so Word's spell-check cannot split it
until someone edits it; tests render every template with a full context to
catch a split tag.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_styling import (
    SIZE_4,
    SIZE_5,
    add_row,
    add_run,
    cell_text,
    loop_row,
    page_number_field,
    paragraph,
    setup_document,
    table,
)

from applywizard.adapters.documents.cells import Keys, heading
from applywizard.adapters.documents.context_tables import (
    ATTACHMENT_KEYS,
    INDICATOR_KEYS,
    PARTNER_KEYS,
    PROJECT_KEYS,
    TEAM_KEYS,
    UNIT_KEYS,
)
from applywizard.adapters.documents.typefaces import HEI
from applywizard.domain.draft.tables import (
    ATTACHMENTS,
    INDICATORS,
    LEADER_PROJECTS,
    PARTNERS,
    TEAM,
    UNITS,
    Table,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEXT_WIDTH = 16.0  # A4 portrait less 2.5 cm margins


def header_and_footer(document: Document) -> None:
    """Project name and the draft mark in the header; the page number in the footer."""
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(head, "{{ project.title_zh }}", size=Pt(9))
    add_run(head, "{{ meta.mark_suffix }}", size=Pt(9), bold=True, red=True)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(foot, "— ", size=Pt(10.5))
    page_number_field(foot)
    add_run(foot, " —", size=Pt(10.5))


def draft_banner(document: Document) -> None:
    """A red line on the first page when the output is a draft copy."""
    paragraph(document, "{%p if meta.is_draft %}")
    para = paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_run(
        para,
        "{{ meta.mark }}：本文件由未通过全部检查的草稿生成，不可提交",
        size=Pt(12),
        bold=True,
        red=True,
    )
    paragraph(document, "{%p endif %}")


def page_break(document: Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def text_loop(document: Document, items: str) -> None:
    """One body paragraph per item of a list of paragraphs."""
    paragraph(document, f"{{%p for para in {items} %}}")
    paragraph(document, "{{ para }}", indent_first=True)
    paragraph(document, "{%p endfor %}")


def key_value_table(document: Document, rows: str, widths: list[float]) -> None:
    grid = table(document, widths)
    loop_row(grid, widths, f"{{%tr for row in {rows} %}}")
    cells = add_row(grid, widths)
    cell_text(cells[0], "{{ row.label }}", bold=True)
    cell_text(cells[1], "{{ row.value }}")
    loop_row(grid, widths, "{%tr endfor %}")


def headings(table: Table, keys: Keys, fields: list[str], **instead: str) -> list[str]:
    """The Chinese headings of a loop table's keys: their declared columns' document headings.

    ``instead`` names a heading this one table words differently (the division
    of tasks heads the unit's name 单位 / 外方单位).
    """
    return [instead.get(field) or heading(table, keys, field)[0] for field in fields]


def loop_table(
    document: Document,
    items: str,
    *,
    header: list[str],
    fields: list[str],
    widths: list[float],
    var: str = "r",
    right: tuple[str, ...] = ("central", "self_raised", "months"),
) -> None:
    grid = table(document, widths, header)
    loop_row(grid, widths, f"{{%tr for {var} in {items} %}}")
    cells = add_row(grid, widths)
    for cell, field in zip(cells, fields, strict=True):
        align = WD_ALIGN_PARAGRAPH.RIGHT if field in right else None
        cell_text(cell, f"{{{{ {var}.{field} }}}}", align=align)
    loop_row(grid, widths, "{%tr endfor %}")


def cover(document: Document) -> None:
    para = paragraph(document, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_run(para, "申报编号：________________", size=SIZE_5)
    for _ in range(3):
        paragraph(document)
    paragraph(
        document,
        "国家重点研发计划",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        east_asia=HEI,
        size=Pt(26),
        bold=True,
    )
    paragraph(
        document,
        "项目申报书",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        east_asia=HEI,
        size=Pt(26),
        bold=True,
    )
    draft_banner(document)
    for _ in range(3):
        paragraph(document)
    widths = [3.6, 10.4]
    grid = table(document, widths)
    for label, value in (
        ("项目名称", "{{ project.title_zh }}"),
        ("英文名称", "{{ project.title_en }}"),
        ("所属专项", "{{ meta.programme }}"),
        ("指南方向", "{{ direction.label }}"),
        ("专业机构", ""),
        ("推荐单位", "{{ project.recommending_body }}"),
        ("申报单位", "{{ lead_unit.name }}（盖章）"),
        ("项目负责人", "{{ leader.name }}"),
        ("申报日期", "{{ project.application_date }}"),
    ):
        cells = add_row(grid, widths)
        cell_text(cells[0], label, bold=True)
        cell_text(cells[1], value)
    for _ in range(4):
        paragraph(document)
    paragraph(
        document,
        "中华人民共和国科学技术部制",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        east_asia=HEI,
        size=SIZE_4,
    )
    page_break(document)


def application_form() -> Document:
    document = docx.Document()
    setup_document(document)
    header_and_footer(document)
    cover(document)
    document.add_heading("项目基本信息表", level=1)
    key_value_table(document, "basic", [4.5, 11.5])
    page_break(document)
    objectives(document)
    direction_specifics(document)
    for key in ("research_basis", "schedule", "organisation_and_risks"):
        part_heading(document, key)
        text_loop(document, f"parts.{key}.paragraphs")
    team_section(document)
    budget_section(document)
    attachments_section(document)
    return document


def part_heading(document: Document, key: str) -> None:
    document.add_heading(f"{{{{ parts.{key}.number }}}}、{{{{ parts.{key}.title }}}}", level=2)


def open_findings_table(document: Document) -> None:
    """On a draft rendered with errors: the checks it has not passed yet."""
    paragraph(document, "{%p if open_findings %}")
    document.add_heading("草稿：尚未通过的检查", level=2)
    loop_table(
        document,
        "open_findings",
        header=["严重程度", "指南条款", "说明"],
        fields=["severity", "citation", "message"],
        widths=[2.0, 3.8, 10.2],
        var="f",
    )
    paragraph(document, "{%p endif %}")


def indicators_table(document: Document) -> None:
    """The assessment indicators, numbered with their counts and units; 无 when none."""
    paragraph(document, "{%p if indicator_rows %}")
    fields = ["index", "text", "quantity", "unit"]
    loop_table(
        document,
        "indicator_rows",
        header=headings(INDICATORS, INDICATOR_KEYS, fields),
        fields=fields,
        widths=[1.3, 11.3, 1.8, 1.6],
        var="k",
        right=("quantity",),
    )
    paragraph(document, "{%p else %}")
    paragraph(document, "无", indent_first=True)
    paragraph(document, "{%p endif %}")


def objectives(document: Document) -> None:
    for key in ("status_and_trends", "objectives_and_content"):
        part_heading(document, key)
        text_loop(document, f"parts.{key}.paragraphs")
    document.add_heading("考核指标", level=3)
    indicators_table(document)


def direction_specifics(document: Document) -> None:
    """What 1.8 (sub-direction), 1.1 (joint lab) and 1.4/1.5 (Horizon Europe) add."""
    paragraph(document, "{%p if selection.sub_direction %}")
    document.add_heading("所选细化方向", level=3)
    paragraph(document, "{{ selection.sub_direction.title }}", indent_first=True, bold=True)
    paragraph(document, "{{ selection.sub_direction.content }}", indent_first=True)
    paragraph(document, "{%p endif %}")

    paragraph(document, "{%p if joint_lab %}")
    document.add_heading("联合实验室", level=3)
    key_value_table(document, "joint_lab.rows", [4.5, 11.5])
    document.add_heading("实质性科研合作任务及考核指标", level=3)
    text_loop(document, "joint_lab.research_tasks")
    document.add_heading("联合实验室建设任务及考核指标", level=3)
    text_loop(document, "joint_lab.building_tasks")
    paragraph(document, "{%p endif %}")

    paragraph(document, "{%p if horizon %}")
    document.add_heading("地平线欧洲项目（Horizon Europe）", level=3)
    key_value_table(document, "horizon.rows", [5.5, 10.5])
    paragraph(document, "项目 participants 名单：", bold=True)
    paragraph(document, "{%p for name in horizon.participants %}")
    paragraph(document, "{{ name }}", indent_first=True)
    paragraph(document, "{%p endfor %}")
    paragraph(document, "{%p endif %}")


def team_section(document: Document) -> None:
    document.add_heading("六、研究团队", level=2)
    document.add_heading("（一）中方参与单位", level=3)
    fields = ["index", "name", "credit_code", "type", "role", "central", "self_raised"]
    loop_table(
        document,
        "units",
        header=headings(UNITS, UNIT_KEYS, fields),
        fields=fields,
        widths=[1.3, 3.9, 4.4, 1.5, 1.1, 1.9, 1.9],
    )
    paragraph(document)
    paragraph(document, "中方单位申报资格：", bold=True)
    fields = ["name", "name_en", "parent", "region", "registered_on", "legal_entity", "state_organ"]
    loop_table(
        document,
        "units",
        header=headings(UNITS, UNIT_KEYS, fields),
        fields=fields,
        widths=[3.4, 3.4, 2.4, 1.5, 2.5, 1.4, 1.4],
        var="q",
    )
    document.add_heading("（二）外方合作单位", level=3)
    fields = ["index", "name", "name_zh", "country", "type", "registered_on", "role", "leader"]
    loop_table(
        document,
        "partners",
        header=headings(PARTNERS, PARTNER_KEYS, fields),
        fields=fields,
        widths=[1.3, 3.4, 2.7, 1.5, 1.5, 2.4, 1.2, 2.0],
    )
    paragraph(document)
    paragraph(document, "外方合作单位注册信息及外方经费：", bold=True)
    fields = ["name", "registration_number", "legal_entity", "budget"]
    loop_table(
        document,
        "partners",
        header=headings(PARTNERS, PARTNER_KEYS, fields),
        fields=fields,
        widths=[6.4, 3.6, 1.9, 4.1],
        var="g",
        right=("budget",),
    )
    paragraph(document, "{%p if brics %}")
    paragraph(document, "金砖国家联合申请确认编号：{{ brics.confirmation_number }}", bold=True)
    paragraph(document, "{%p endif %}")
    document.add_heading("（三）项目负责人", level=3)
    key_value_table(document, "leader.rows", [6.0, 10.0])
    paragraph(document)
    paragraph(
        document, "项目负责人牵头或参与的其他国家重点研发计划项目（在研及申报中）：", bold=True
    )
    paragraph(document, "{%p if leader.projects %}")
    fields = ["index", "programme", "title", "role", "status", "ends_on"]
    loop_table(
        document,
        "leader.projects",
        header=headings(LEADER_PROJECTS, PROJECT_KEYS, fields),
        fields=fields,
        widths=[1.2, 2.9, 4.1, 2.4, 1.4, 4.0],
        var="o",
    )
    paragraph(document, "{%p else %}")
    paragraph(document, "无", indent_first=True)
    paragraph(document, "{%p endif %}")
    document.add_heading("（四）项目负责人及骨干成员", level=3)
    fields = ["index", "name", "role", "unit", "title", "field", "task", "months"]
    loop_table(
        document,
        "team",
        header=headings(TEAM, TEAM_KEYS, fields),
        fields=fields,
        widths=[1.3, 1.6, 2.0, 3.2, 1.8, 2.2, 2.8, 1.1],
    )
    document.add_heading("（五）任务分工", level=3)
    text_loop(document, "task_division")
    loop_table(
        document,
        "units",
        header=headings(UNITS, UNIT_KEYS, ["name", "tasks"], name="单位"),
        fields=["name", "tasks"],
        widths=[4.6, 11.4],
        var="u",
    )
    paragraph(document)  # two tables apart: each is fitted to its own columns
    loop_table(
        document,
        "partners",
        header=headings(PARTNERS, PARTNER_KEYS, ["name", "tasks"], name="外方单位"),
        fields=["name", "tasks"],
        widths=[4.6, 11.4],
        var="p",
    )


def budget_section(document: Document) -> None:
    document.add_heading("七、经费预算", level=2)
    document.add_heading("（一）收入预算（万元）", level=3)
    grid = table(document, [5.3, 5.3, 5.4], ["中央财政资金", "自筹资金", "合计"])
    cells = add_row(grid, [5.3, 5.3, 5.4])
    for cell, tag in zip(
        cells,
        ["budget.income_central", "budget.income_self_raised", "budget.income_total"],
        strict=True,
    ):
        cell_text(cell, f"{{{{ {tag} }}}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    document.add_heading("（二）支出预算（按年度、科目、来源，万元）", level=3)
    widths = [1.3, 2.7, 1.7, 1.8, 1.7, 1.6, 1.7, 1.7, 1.8]
    header = [
        "年度",
        "来源",
        "设备费",
        "其中：购置",
        "业务费",
        "劳务费",
        "间接费用",
        "直接费用",
        "合计",
    ]
    grid = table(document, widths, header)
    loop_row(grid, widths, "{%tr for r in budget.rows %}")
    cells = add_row(grid, widths)
    for index, (cell, field) in enumerate(
        zip(
            cells,
            [
                "year",
                "source",
                "equipment",
                "equipment_purchase",
                "business",
                "labour",
                "indirect",
                "direct",
                "total",
            ],
            strict=True,
        )
    ):
        cell_text(
            cell, f"{{{{ r.{field} }}}}", align=WD_ALIGN_PARAGRAPH.RIGHT if index > 1 else None
        )
    loop_row(grid, widths, "{%tr endfor %}")
    for label, key in (
        ("中央财政资金合计", "central"),
        ("自筹资金合计", "self_raised"),
        ("总计", "total"),
    ):
        cells = add_row(grid, widths)
        merged = cells[0].merge(cells[1])
        cell_text(merged, label, bold=True)
        for cell, field in zip(
            cells[2:],
            [
                "equipment",
                "equipment_purchase",
                "business",
                "labour",
                "indirect",
                "direct",
                "total",
            ],
            strict=True,
        ):
            cell_text(
                cell,
                f"{{{{ budget.{key}.{field} }}}}",
                bold=key == "total",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
            )
    paragraph(
        document,
        "间接费用：中央财政资金间接费用 {{ budget.indirect_central }} 万元；"
        "按直接费用扣除设备购置费后的 {{ budget.indirect_base }} 万元分段核定，"
        "上限为 {{ budget.indirect_cap }} 万元。",
        indent_first=True,
    )
    document.add_heading("（三）预算说明", level=3)
    text_loop(document, "budget.notes")


def attachments_section(document: Document) -> None:
    document.add_heading("八、指南所要求的附件", level=2)
    fields = ["index", "kind", "file_name", "signed_on", "contains_ip", "signed_by_all"]
    loop_table(
        document,
        "attachments",
        header=headings(ATTACHMENTS, ATTACHMENT_KEYS, fields),
        fields=fields,
        widths=[1.3, 4.7, 4.4, 2.4, 1.6, 1.6],
    )
    paragraph(document, "{%p if declarations %}")
    document.add_heading("申报承诺", level=3)
    paragraph(document, "{%p for d in declarations %}")
    paragraph(document, "{{ d.ticked }} {{ d.text }}")
    paragraph(document, "{%p endfor %}")
    paragraph(document, "{%p endif %}")

    open_findings_table(document)


def ip_checklist() -> Document:
    document = docx.Document()
    setup_document(document)
    header_and_footer(document)
    paragraph(
        document,
        "知识产权协议核对清单",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        east_asia=HEI,
        size=Pt(18),
        bold=True,
    )
    paragraph(document, "IP-agreement checklist", align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12))
    draft_banner(document)
    key_value_table(document, "checklist.about", [4.0, 12.0])

    document.add_heading("一、指南对合作协议和知识产权的要求", level=2)
    paragraph(document, "{%p if not checklist.clauses %}")
    paragraph(document, "本方向指南未对合作协议或知识产权作专门要求。", indent_first=True)
    paragraph(document, "{%p endif %}")
    paragraph(document, "{%p for c in checklist.clauses %}")
    document.add_heading("指南 {{ c.citation }}：{{ c.status }}", level=3)
    paragraph(document, "{{ c.text }}", indent_first=True)
    widths = [3.8, 1.4, 4.2, 2.6, 1.9, 2.1]
    grid = table(
        document, widths, ["文件", "已附", "文件名", "签署日期", "各方均签署", "含知识产权条款"]
    )
    loop_row(grid, widths, "{%tr for d in c.documents %}")
    cells = add_row(grid, widths)
    for cell, field in zip(
        cells,
        ["kind", "attached", "file_name", "signed_on", "signed_by_all", "contains_ip"],
        strict=True,
    ):
        cell_text(cell, f"{{{{ d.{field} }}}}")
    loop_row(grid, widths, "{%tr endfor %}")
    paragraph(document, "{%p for p in c.problems %}")
    paragraph(document, "△ {{ p }}", indent_first=True)
    paragraph(document, "{%p endfor %}")
    paragraph(
        document, "审核意见：□ 符合　□ 需补正　审核人：__________　日期：__________", size=SIZE_5
    )
    paragraph(document, "{%p endfor %}")

    document.add_heading("二、合作协议应包括的一般事项", level=2)
    paragraph(document, "依据：{{ checklist.source }}", size=SIZE_5)
    widths = [1.3, 6.3, 5.4, 1.5, 1.5]
    grid = table(document, widths, ["序号", "事项", "Item", "已包括", "审核"])
    loop_row(grid, widths, "{%tr for g in checklist.general %}")
    cells = add_row(grid, widths)
    for cell, text in zip(
        cells, ["{{ g.index }}", "{{ g.zh }}", "{{ g.en }}", "□", "□"], strict=True
    ):
        cell_text(cell, text)
    loop_row(grid, widths, "{%tr endfor %}")
    paragraph(document)
    paragraph(document, "审核人签字：__________________　　日期：__________________")
    return document


def main() -> int:
    from make_pre_template import pre_application  # noqa: PLC0415 - it imports this module

    TEMPLATES.mkdir(exist_ok=True)
    for name, build in (
        ("application-form.docx", application_form),
        ("ip-checklist.docx", ip_checklist),
        ("pre-application.docx", pre_application),
    ):
        build().save(str(TEMPLATES / name))
        print(TEMPLATES / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
