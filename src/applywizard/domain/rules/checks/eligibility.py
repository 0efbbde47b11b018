"""Checks of a batch's eligibility (申报条件): the units' and the project leader's facts.

A call notice sets these for every direction (shared/guide/call-notices.md);
the dates and limits are parameters the pack gives, never figures of the code.
A fact not given yet is reported as missing (a request to fill it in); a
fact that breaks the limit names the value and the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from pydantic import Field, model_validator

from applywizard.domain.draft.model import (
    ChineseUnit,
    Degree,
    ProjectRole,
    ProjectStatus,
    Region,
    TeamMember,
    TitleLevel,
)
from applywizard.domain.draft.paths import enum_label
from applywizard.domain.rules.checks.registry import NoParams, Params, check_kind
from applywizard.domain.rules.context import Context, Problem, named
from applywizard.domain.text import is_blank


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _named_units(ctx: Context) -> Iterator[tuple[int, ChineseUnit]]:
    """The Chinese units that have a name (an unnamed row is the each_required rule's)."""
    for index, unit in enumerate(ctx.draft.chinese_units):
        if not is_blank(unit.name):
            yield index, unit


def _leader(ctx: Context) -> tuple[int, TeamMember] | None:
    index = ctx.draft.leader_index()
    return None if index is None else (index, ctx.draft.team[index])


def _fill_in(path: str) -> Problem:
    zh, en = named(path)
    return Problem(path, f"请填写“{zh}”", f"Fill in “{en}”", missing=True)


def _answer(path: str) -> Problem:
    zh, en = named(path)
    return Problem(path, f"请回答“{zh}”", f"Answer “{en}”", missing=True)


def _words(
    values: tuple[object, ...], zh_joiner: str = "或", en_joiner: str = " or "
) -> tuple[str, str]:
    labels = [enum_label(value) for value in values]
    return zh_joiner.join(zh for zh, _ in labels), en_joiner.join(en for _, en in labels)


class RegisteredByParams(Params):
    on_or_before: date


@check_kind("units_registered_by", RegisteredByParams)
def units_registered_by(params: RegisteredByParams, ctx: Context) -> Iterator[Problem]:
    """Every Chinese unit was registered on or before the date."""
    limit = params.on_or_before
    for index, unit in _named_units(ctx):
        path = f"chinese_units.{index}.registered_on"
        if unit.registered_on is None:
            yield _fill_in(path)
        elif unit.registered_on > limit:
            yield Problem(
                path,
                f"“{unit.name}”的注册日期为 {unit.registered_on}，晚于 {limit}："
                f"申报单位须在 {limit}（含）之前注册",
                f"“{unit.name}” was registered on {unit.registered_on}, after {limit}: "
                f"units must be registered on or before {limit}",
                {"unit": unit.name, "value": unit.registered_on, "limit": limit},
            )


@check_kind("units_not_state_organs", NoParams)
def units_not_state_organs(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """No Chinese unit is a state organ (国家机关不得牵头或参与)."""
    for index, unit in _named_units(ctx):
        path = f"chinese_units.{index}.state_organ"
        if unit.state_organ is None:
            yield _answer(path)
        elif unit.state_organ:
            role_zh, role_en = enum_label(unit.role)
            yield Problem(
                path,
                f"“{unit.name}”（{role_zh}）为国家机关：国家机关不得牵头或参与申报",
                f"“{unit.name}” ({role_en}) is a state organ: state organs may neither lead "
                "nor take part",
                {"unit": unit.name, "value": "是"},
            )


@check_kind("units_independent_legal_persons", NoParams)
def units_independent_legal_persons(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Every Chinese unit has independent legal-person status."""
    for index, unit in _named_units(ctx):
        path = f"chinese_units.{index}.independent_legal_entity"
        if unit.independent_legal_entity is None:
            yield _answer(path)
        elif not unit.independent_legal_entity:
            yield Problem(
                path,
                f"“{unit.name}”不具有独立法人资格：申报单位须具有独立法人资格",
                f"“{unit.name}” is not an independent legal person: units must be",
                {"unit": unit.name, "value": "否"},
            )


class RegionsInParams(Params):
    regions: tuple[Region, ...] = Field(min_length=1)


@check_kind("units_regions_in", RegionsInParams)
def units_regions_in(params: RegionsInParams, ctx: Context) -> Iterator[Problem]:
    """Every Chinese unit is registered in one of the listed regions."""
    allowed_zh, allowed_en = _words(params.regions, "、", ", ")
    for index, unit in _named_units(ctx):
        path = f"chinese_units.{index}.region"
        if unit.region is None:
            yield _fill_in(path)
        elif unit.region not in params.regions:
            got_zh, got_en = enum_label(unit.region)
            yield Problem(
                path,
                f"“{unit.name}”注册地为{got_zh}：申报单位限于在{allowed_zh}注册的单位",
                f"“{unit.name}” is registered in {got_en}: units must be registered in "
                f"{allowed_en}",
                {"unit": unit.name, "value": got_zh, "limit": allowed_zh},
            )


class BornOnOrAfterParams(Params):
    on_or_after: date


@check_kind("leader_born_on_or_after", BornOnOrAfterParams)
def leader_born_on_or_after(params: BornOnOrAfterParams, ctx: Context) -> Iterator[Problem]:
    """The project leader was born on or after the date."""
    found = _leader(ctx)
    if found is None:
        return
    index, leader = found
    path = f"team.{index}.birth_date"
    limit = params.on_or_after
    if leader.birth_date is None:
        yield _fill_in(path)
    elif leader.birth_date < limit:
        yield Problem(
            path,
            f"项目负责人“{leader.name}”出生于 {leader.birth_date}：须为 {limit}（含）以后出生",
            f"The project leader “{leader.name}” was born on {leader.birth_date}: "
            f"the leader must be born on or after {limit}",
            {"value": leader.birth_date, "limit": limit},
        )


class QualifiedParams(Params):
    title_levels: tuple[TitleLevel, ...] = ()
    degrees: tuple[Degree, ...] = ()

    @model_validator(mode="after")
    def _something_qualifies(self) -> QualifiedParams:
        if not self.title_levels and not self.degrees:
            raise ValueError("give title_levels, degrees or both")
        return self


@check_kind("leader_qualified", QualifiedParams)
def leader_qualified(params: QualifiedParams, ctx: Context) -> Iterator[Problem]:
    """The project leader holds one of the title levels or one of the degrees."""
    found = _leader(ctx)
    if found is None:
        return
    index, leader = found
    if leader.title_level in params.title_levels or leader.degree in params.degrees:
        return
    titles_zh, titles_en = _words(params.title_levels) if params.title_levels else ("", "")
    degrees_zh, degrees_en = _words(params.degrees) if params.degrees else ("", "")
    wanted_zh = "或".join(
        part
        for part in (titles_zh and f"{titles_zh}职称", degrees_zh and f"{degrees_zh}学位")
        if part
    )
    wanted_en = " or ".join(
        part
        for part in (titles_en and f"a {titles_en} title", degrees_en and f"a {degrees_en} degree")
        if part
    )
    unanswered = [
        path
        for path, value, asked in (
            (f"team.{index}.title_level", leader.title_level, params.title_levels),
            (f"team.{index}.degree", leader.degree, params.degrees),
        )
        if value is None and asked
    ]
    if unanswered:
        zh, en = named(unanswered[0])
        yield Problem(
            unanswered[0],
            f"请填写“{zh}”：项目负责人须具有{wanted_zh}",
            f"Fill in “{en}”: the project leader needs {wanted_en}",
            missing=True,
        )
        return
    got_zh, got_en = _held(leader)
    yield Problem(
        f"team.{index}.title_level" if params.title_levels else f"team.{index}.degree",
        f"项目负责人“{leader.name}”为{got_zh}：须具有{wanted_zh}",
        f"The project leader “{leader.name}” has {got_en}: the leader needs {wanted_en}",
        {"value": got_zh, "limit": wanted_zh},
    )


def _held(leader: TeamMember) -> tuple[str, str]:
    parts = [enum_label(value) for value in (leader.title_level, leader.degree) if value]
    return "、".join(zh for zh, _ in parts), ", ".join(en for _, en in parts)


class MonthsAtLeastParams(Params):
    months: Decimal = Field(gt=0, le=12)


@check_kind("leader_months_at_least", MonthsAtLeastParams)
def leader_months_at_least(params: MonthsAtLeastParams, ctx: Context) -> Iterator[Problem]:
    """The project leader works at least ``months`` a year on the project."""
    found = _leader(ctx)
    if found is None:
        return
    index, leader = found
    path = f"team.{index}.months_per_year"
    months = leader.months_per_year
    if months is None:
        yield _fill_in(path)
    elif months < params.months:
        yield Problem(
            path,
            f"项目负责人“{leader.name}”每年投入 {months} 个月：须不少于 {params.months} 个月",
            f"The project leader “{leader.name}” gives {months} months a year: "
            f"at least {params.months} are needed",
            {"value": months, "limit": params.months},
        )


@check_kind("leader_at_lead_unit", NoParams)
def leader_at_lead_unit(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The project leader works at the Chinese lead unit (the lead unit names the leader)."""
    found = _leader(ctx)
    lead = ctx.draft.lead_unit()
    if found is None or lead is None:
        return
    index, leader = found
    if leader.unit and _normal(leader.unit) != _normal(lead.name):
        yield Problem(
            f"team.{index}.unit",
            f"项目负责人所在单位“{leader.unit}”应为牵头单位“{lead.name}”（由牵头单位确定项目负责人）",
            f"The project leader's unit “{leader.unit}” should be the lead unit “{lead.name}” "
            "(the lead unit names the leader)",
            {"value": leader.unit, "limit": lead.name},
        )


class ProjectsAtMostParams(Params):
    max_led: int | None = Field(default=None, ge=1)
    max_total: int | None = Field(default=None, ge=1)
    roles_led: tuple[ProjectRole, ...] = (ProjectRole.PROJECT_LEADER, ProjectRole.TOPIC_LEADER)

    @model_validator(mode="after")
    def _some_limit(self) -> ProjectsAtMostParams:
        if self.max_led is None and self.max_total is None:
            raise ValueError("give max_led, max_total or both")
        return self


_COUNTED = (ProjectStatus.RUNNING, ProjectStatus.APPLYING)


@check_kind("leader_projects_at_most", ProjectsAtMostParams)
def leader_projects_at_most(params: ProjectsAtMostParams, ctx: Context) -> Iterator[Problem]:
    """The leader's running and applied-for projects, this one included, stay within the limits."""
    projects = ctx.draft.leader_projects
    unclear = False
    for index, project in enumerate(projects):
        for field, value in (("role", project.role), ("status", project.status)):
            if value is None:
                unclear = True
                yield _fill_in(f"leader_projects.{index}.{field}")
    if unclear:
        return
    counted = [project for project in projects if project.status in _COUNTED]
    # This application: its leader leads it as project leader.
    total = len(counted) + 1
    led = sum(1 for project in counted if project.role in params.roles_led)
    led += 1 if ProjectRole.PROJECT_LEADER in params.roles_led else 0
    if params.max_led is not None and led > params.max_led:
        roles_zh, roles_en = _words(params.roles_led)
        yield Problem(
            "leader_projects",
            f"项目负责人作为{roles_zh}承担（在研及申报中）的国家重点研发计划项目"
            f"含本项目共 {led} 项，超过限项 {params.max_led} 项",
            f"The project leader would be {roles_en} of {led} national key R&D projects "
            f"(running and applied for, this one included): the limit is {params.max_led}",
            {"value": led, "limit": params.max_led},
        )
    if params.max_total is not None and total > params.max_total:
        yield Problem(
            "leader_projects",
            f"项目负责人牵头或参与（在研及申报中）的国家重点研发计划项目"
            f"含本项目共 {total} 项，超过限项 {params.max_total} 项",
            f"The project leader would lead or join {total} national key R&D projects "
            f"(running and applied for, this one included): the limit is {params.max_total}",
            {"value": total, "limit": params.max_total},
        )
