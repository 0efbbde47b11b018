"""Dotted field paths into a draft, and their labels in Chinese and English.

A path names attributes joined by dots and list items by index
(``foreign_partners.0.country``). The label table is keyed by the path with
indexes replaced by ``*``; a finding about item 3 reads "外方合作单位 4：国别".
"""

from __future__ import annotations

import re
from typing import Any

from applywizard.domain.draft.model import Draft

_INDEX = re.compile(r"\.(\d+)(?=\.|$)")

LABELS: dict[str, tuple[str, str]] = {
    "stage": ("申报阶段", "Application stage"),
    "promised": ("预申报书承诺（冻结记录）", "What the pre-application promised (frozen record)"),
    "guide_id": ("指南", "Guide"),
    "direction": ("指南方向", "Guide direction"),
    "selection.field": ("领域方向", "Research field"),
    "selection.theme": ("主题", "Theme"),
    "selection.sub_direction": ("细化方向", "Sub-direction"),
    "project.title_zh": ("项目名称（中文）", "Project title (Chinese)"),
    "project.title_en": ("项目名称（英文）", "Project title (English)"),
    "project.summary": ("项目摘要", "Project summary"),
    "project.area": ("所属领域", "Field"),
    "project.keywords": ("关键词", "Keywords"),
    "project.recommending_body": ("推荐单位", "Recommending body"),
    "project.start_date": ("项目开始日期", "Start date"),
    "project.end_date": ("项目结束日期", "End date"),
    "project.duration_months": ("实施周期（月）", "Duration (months)"),
    "project.application_date": ("申报日期", "Application date"),
    "form.status_and_trends": ("一、国内外现状及趋势分析", "1. State of the art and trends"),
    "form.objectives_and_content": ("二、研究目标及内容", "2. Objectives and content"),
    "form.indicators": ("考核指标", "Assessment indicators"),
    "form.indicators.*": ("考核指标", "Indicator"),
    "form.indicators.*.key": ("指标编号（内部）", "key (internal)"),
    "form.indicators.*.text": ("指标内容", "wording"),
    "form.indicators.*.quantity": ("数量", "quantity"),
    "form.indicators.*.unit": ("计量单位", "unit of measure"),
    "form.innovation_and_route": ("创新思路与技术路线", "Innovative ideas and technical route"),
    "form.research_basis": ("三、申报单位及参与单位研究基础", "3. Research basis of the units"),
    "form.schedule": ("四、进度安排", "4. Schedule"),
    "form.organisation_and_risks": (
        "五、项目组织实施、保障措施及风险分析",
        "5. Organisation, safeguards and risks",
    ),
    "form.task_division": ("任务分工", "Division of tasks"),
    "form.budget_notes": ("预算说明", "Budget notes"),
    "chinese_units": ("中方单位", "Chinese units"),
    "chinese_units.*": ("中方单位", "Chinese unit"),
    "chinese_units.*.name": ("单位名称", "name"),
    "chinese_units.*.name_en": ("单位英文名称", "name in English"),
    "chinese_units.*.credit_code": ("统一社会信用代码", "unified social credit code"),
    "chinese_units.*.type": ("单位类型", "type"),
    "chinese_units.*.parent": ("隶属单位", "parent unit"),
    "chinese_units.*.role": ("角色（牵头/参与）", "role (lead/participant)"),
    "chinese_units.*.central_funds_wan": ("中央财政资金（万元）", "central funds (10k CNY)"),
    "chinese_units.*.self_raised_wan": ("自筹资金（万元）", "self-raised funds (10k CNY)"),
    "chinese_units.*.tasks": ("承担任务", "tasks"),
    "chinese_units.*.region": ("注册地", "registered in"),
    "chinese_units.*.registered_on": ("注册日期", "registration date"),
    "chinese_units.*.independent_legal_entity": ("独立法人资格", "independent legal person"),
    "chinese_units.*.state_organ": ("是否国家机关", "state organ"),
    "foreign_partners": ("外方合作单位", "Foreign partners"),
    "foreign_partners.*": ("外方合作单位", "Foreign partner"),
    "foreign_partners.*.name": ("单位名称（原文）", "name"),
    "foreign_partners.*.name_zh": ("单位名称（中文）", "name in Chinese"),
    "foreign_partners.*.country": ("国别", "country"),
    "foreign_partners.*.type": ("单位类型", "type"),
    "foreign_partners.*.registered_on": ("注册日期", "registration date"),
    "foreign_partners.*.independent_legal_entity": ("独立法人资格", "independent legal entity"),
    "foreign_partners.*.registration_number": ("注册号", "registration number"),
    "foreign_partners.*.role": ("角色（牵头/参与）", "role (lead/participant)"),
    "foreign_partners.*.leader_name": ("外方负责人", "leader"),
    "foreign_partners.*.budget_amount": ("外方预算", "own budget"),
    "foreign_partners.*.budget_currency": ("预算币种", "budget currency"),
    "foreign_partners.*.tasks": ("承担任务", "tasks"),
    "team": ("研究团队", "Team"),
    "team.*": ("团队成员", "Team member"),
    "team.*.name": ("姓名", "name"),
    "team.*.role": ("角色", "role"),
    "team.*.unit": ("所在单位", "unit"),
    "team.*.title": ("职称", "title"),
    "team.*.field_of_science": ("学科领域", "field of science"),
    "team.*.task": ("分工", "task"),
    "team.*.months_per_year": ("每年投入（月）", "months per year"),
    "team.*.birth_date": ("出生日期", "date of birth"),
    "team.*.title_level": ("职称级别", "title level"),
    "team.*.degree": ("学位", "degree"),
    "leader_projects": (
        "项目负责人承担的其他国家重点研发计划项目",
        "The leader's other national key R&D projects",
    ),
    "leader_projects.*": ("项目负责人的其他项目", "Leader's other project"),
    "leader_projects.*.programme": ("所属专项", "programme"),
    "leader_projects.*.title": ("项目名称", "title"),
    "leader_projects.*.role": ("承担角色", "role"),
    "leader_projects.*.status": ("状态", "status"),
    "leader_projects.*.ends_on": ("结束日期", "end date"),
    "budget": ("经费预算", "Budget"),
    "budget.income_central_wan": ("收入预算：中央财政资金（万元）", "Income: central funds"),
    "budget.income_self_raised_wan": ("收入预算：自筹资金（万元）", "Income: self-raised funds"),
    "budget.years": ("分年度支出预算", "Expenditure by year"),
    "budget.years.*": ("年度预算", "Budget year"),
    "budget.years.*.year": ("年度", "year"),
    "budget.years.*.central": ("中央财政资金支出", "central-fund expenditure"),
    "budget.years.*.central.equipment": ("中央财政资金：设备费", "central funds: equipment"),
    "budget.years.*.central.equipment_purchase": (
        "中央财政资金：其中设备购置费",
        "central funds: of which equipment purchase",
    ),
    "budget.years.*.central.indirect": ("中央财政资金：间接费用", "central funds: indirect costs"),
    "budget.years.*.self_raised": ("自筹资金支出", "self-raised expenditure"),
    "budget.years.*.self_raised.equipment_purchase": (
        "自筹资金：其中设备购置费",
        "self-raised: of which equipment purchase",
    ),
    "attachments": ("附件", "Attachments"),
    "attachments.*": ("附件", "Attachment"),
    "attachments.*.kind": ("附件类型", "kind"),
    "attachments.*.file_name": ("文件名", "file name"),
    "attachments.*.signed_on": ("签署日期", "signing date"),
    "attachments.*.valid_until": ("有效期至", "valid until"),
    "attachments.*.signed_by_all_parties": ("经所有合作单位签署", "signed by all parties"),
    "attachments.*.contains_ip_clauses": ("含知识产权条款", "contains IP clauses"),
    "attachments.*.note": ("备注", "note"),
    "declarations": ("申报承诺", "Declarations"),
    "joint_lab.name_zh": ("联合实验室名称（中文）", "Joint lab name (Chinese)"),
    "joint_lab.name_en": ("联合实验室名称（英文）", "Joint lab name (English)"),
    "joint_lab.founded_on": ("联合实验室建立日期", "Joint lab founding date"),
    "joint_lab.belt_and_road_lab": (
        "是否科技部已批准建设的“一带一路”联合实验室",
        "Approved Belt-and-Road joint laboratory",
    ),
    "joint_lab.research_tasks": (
        "实质性科研合作任务及考核指标",
        "Research-cooperation tasks and indicators",
    ),
    "joint_lab.building_tasks": (
        "联合实验室建设任务及考核指标",
        "Joint-lab building tasks and indicators",
    ),
    "horizon.call_identifier": ("地平线欧洲指南编号", "Horizon Europe call identifier"),
    "horizon.acronym": ("地平线欧洲项目简称", "Horizon Europe proposal acronym"),
    "horizon.proposal_number": ("地平线欧洲项目申请号", "Horizon Europe proposal number"),
    "horizon.work_programme_year": ("地平线欧洲指南年度", "Horizon Europe work-programme year"),
    "horizon.participants": (
        "地平线欧洲项目 participants 名单",
        "Horizon Europe participants list",
    ),
    "horizon.chinese_budget_wan": (
        "地平线欧洲项目中的中方单位预算（万元）",
        "Chinese units' budget in the Horizon Europe project (10k CNY)",
    ),
    "horizon.includes_chinese_budget": (
        "地平线欧洲项目整体预算包括中方单位预算",
        "Horizon Europe budget includes the Chinese units' budget",
    ),
    "horizon.trl": ("技术成熟度（TRL）", "Technology readiness level (TRL)"),
    "horizon.eu_deadline": ("欧方指南申报截止日期", "EU call deadline"),
    "brics.confirmation_number": ("金砖国家联合申请确认编号", "BRICS joint application number"),
}


def pattern_of(path: str) -> str:
    """The label key of a path: list indexes replaced by ``*``."""
    return _INDEX.sub(".*", path)


def label(path: str) -> tuple[str, str]:
    """A path's label in Chinese and English, item numbers counted from 1.

    ``foreign_partners.2.country`` reads 外方合作单位 3：国别 / Foreign partner 3: country.
    """
    zh_parts: list[str] = []
    en_parts: list[str] = []
    for match in _INDEX.finditer(path):
        zh, en = LABELS.get(pattern_of(path[: match.end()]), ("", ""))
        number = int(match.group(1)) + 1
        zh_parts.append(f"{zh} {number}".strip())
        en_parts.append(f"{en} {number}".strip())
    if not path.rsplit(".", 1)[-1].isdigit():
        zh, en = LABELS.get(pattern_of(path), (path, path))
        zh_parts.append(zh)
        en_parts.append(en)
    return "：".join(zh_parts), ": ".join(en_parts)


def resolve(draft: Draft, path: str) -> Any:
    """The value at a path, or None where the path leads nowhere."""
    value: Any = draft
    for part in path.split("."):
        if isinstance(value, list):
            if not part.isdigit() or int(part) >= len(value):
                return None
            value = value[int(part)]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            value = getattr(value, part, None)
        if value is None:
            return None
    return value


def is_model_path(path: str) -> bool:
    """True when a path without list indexes names a field of the draft model."""
    model: Any = Draft
    for part in path.split("."):
        fields = getattr(model, "model_fields", None)
        if fields is None or part not in fields:
            return False
        annotation = fields[part].annotation
        model = _model_inside(annotation)
    return True


def is_text_path(path: str) -> bool:
    """True when a path without list indexes names a text field (a title, a summary, a part)."""
    if not is_model_path(path):
        return False
    model: Any = Draft
    *parents, last = path.split(".")
    for part in parents:
        model = _model_inside(model.model_fields[part].annotation)
    return bool(model.model_fields[last].annotation is str)


def _model_inside(annotation: Any) -> Any:
    """The pydantic model a field holds, looking inside Optional and list."""
    if hasattr(annotation, "model_fields"):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        inner = _model_inside(argument)
        if inner is not None:
            return inner
    return None


ENUM_LABELS: dict[str, tuple[str, str]] = {
    "pre_application": ("预申报", "pre-application"),
    "formal": ("正式申报", "formal application"),
    "enterprise": ("企业", "enterprise"),
    "research_institute": ("科研院所", "research institute"),
    "university": ("高校", "university"),
    "other": ("其他", "other"),
    "lead": ("牵头", "lead"),
    "participant": ("参与", "participant"),
    "leader": ("项目负责人", "project leader"),
    "core": ("骨干成员", "core member"),
    "mainland": ("中国内地", "Chinese mainland"),
    "hong_kong": ("香港", "Hong Kong"),
    "macao": ("澳门", "Macao"),
    "taiwan": ("台湾", "Taiwan"),
    "foreign": ("境外", "abroad"),
    "senior_full": ("正高级", "full senior"),
    "senior_deputy": ("副高级", "deputy senior"),
    "intermediate": ("中级", "intermediate"),
    "junior": ("初级", "junior"),
    "none": ("无职称", "no title"),
    "doctorate": ("博士", "doctorate"),
    "master": ("硕士", "master's"),
    "bachelor": ("学士", "bachelor's"),
    "project_leader": ("项目负责人", "project leader"),
    "topic_leader": ("课题负责人", "topic leader"),
    "member": ("参与", "member"),
    "running": ("在研", "running"),
    "applying": ("申报中", "applied for"),
}


def enum_label(value: object) -> tuple[str, str]:
    """The Chinese and English words for an enumeration value of the draft."""
    text = str(getattr(value, "value", value))
    return ENUM_LABELS.get(text, (text, text))
