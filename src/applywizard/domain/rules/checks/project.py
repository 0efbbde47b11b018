"""Checks on the direction chosen, the selection inside it, dates and duration."""

from __future__ import annotations

import re
from collections.abc import Iterator

from applywizard.domain.dates import span_months
from applywizard.domain.draft.paths import resolve
from applywizard.domain.guide.figures import DurationRule, Strength
from applywizard.domain.guide.model import Direction, Severity
from applywizard.domain.rules.checks.registry import NoParams, Params, check_kind
from applywizard.domain.rules.checks.values import DraftPath
from applywizard.domain.rules.context import Context, Problem, join_en, join_zh


def effective_months(ctx: Context) -> int | None:
    """The duration the rules judge: as stated, else as the dates give it."""
    project = ctx.draft.project
    if project.duration_months is not None:
        return project.duration_months
    if project.start_date and project.end_date and project.start_date <= project.end_date:
        return span_months(project.start_date, project.end_date)
    return None


@check_kind("direction_known", NoParams)
def direction_known(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The draft names this guide and one of its directions."""
    draft = ctx.draft
    if draft.guide_id and draft.guide_id != ctx.guide.id:
        yield Problem(
            "guide_id",
            f"草稿属于指南“{draft.guide_id}”，不是“{ctx.guide.id}”",
            f"The draft is for guide “{draft.guide_id}”, not “{ctx.guide.id}”",
        )
    if not draft.direction:
        yield Problem("direction", "请选择指南方向", "Choose a guide direction")
    elif ctx.direction is None:
        codes = ", ".join(direction.code for direction in ctx.guide.directions)
        yield Problem(
            "direction",
            f"指南中没有方向“{draft.direction}”（可选：{codes}）",
            f"The guide has no direction “{draft.direction}” (choose from {codes})",
        )


def _selection_clause(direction: Direction) -> int | None:
    return direction.selection_clause


@check_kind("direction_complete", NoParams)
def direction_complete(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The chosen direction is complete in this pack; if not, say what is not checked."""
    direction = ctx.direction
    if direction is None or direction.incomplete is None:
        return
    yield Problem(
        "direction",
        f"方向 {direction.code} 在本指南包中不完整，其他要求条款未能检查："
        f"{direction.incomplete.zh}",
        f"Direction {direction.code} is incomplete in this guide pack and its own requirements "
        f"are not checked: {direction.incomplete.en}",
    )


@check_kind("selection_valid", NoParams, cites=_selection_clause)
def selection_valid(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """A field and theme are chosen where the direction has fields; ids exist."""
    direction, selection = ctx.direction, ctx.draft.selection
    if direction is None:
        return
    field = next((item for item in direction.fields if item.id == selection.field), None)
    if direction.fields:
        options = join_zh([f"{item.id}（{item.code}）" for item in direction.fields])
        if selection.field is None:
            yield Problem(
                "selection.field", f"请选择领域方向：{options}", "Choose a research field"
            )
        elif field is None:
            yield Problem(
                "selection.field",
                f"领域方向“{selection.field}”不存在（可选：{options}）",
                f"There is no research field “{selection.field}”",
            )
        elif selection.theme is None:
            yield Problem("selection.theme", "请选择主题", "Choose a theme")
        elif selection.theme not in {theme.id for theme in field.themes}:
            yield Problem(
                "selection.theme",
                f"主题“{selection.theme}”不属于领域方向 {field.code}",
                f"The theme “{selection.theme}” is not in the field {field.code}",
            )
    elif selection.field is not None or selection.theme is not None:
        yield Problem(
            "selection.field",
            f"方向 {direction.code} 不分领域方向和主题",
            f"Direction {direction.code} has no research fields or themes",
        )
    ids = {item.id for item in direction.sub_directions}
    if selection.sub_direction is not None and selection.sub_direction not in ids:
        options = join_en(sorted(ids)) or "—"
        yield Problem(
            "selection.sub_direction",
            f"细化方向“{selection.sub_direction}”不存在（可选：{options}）",
            f"There is no sub-direction “{selection.sub_direction}” (choose from {options})",
        )


@check_kind("dates_ordered", NoParams)
def dates_ordered(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The project ends after it starts."""
    project = ctx.draft.project
    if project.start_date and project.end_date and project.end_date <= project.start_date:
        yield Problem(
            "project.end_date",
            f"结束日期 {project.end_date} 须晚于开始日期 {project.start_date}",
            f"The end date {project.end_date} must be after the start date {project.start_date}",
        )


@check_kind("duration_matches_dates", NoParams)
def duration_matches_dates(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The stated duration agrees with the start and end dates."""
    project = ctx.draft.project
    if not (project.start_date and project.end_date and project.duration_months):
        return
    if project.end_date <= project.start_date:
        return
    months = span_months(project.start_date, project.end_date)
    if months != project.duration_months:
        yield Problem(
            "project.duration_months",
            f"实施周期填写为 {project.duration_months} 个月，但起止日期 {project.start_date} 至 "
            f"{project.end_date} 为 {months} 个月",
            f"The duration says {project.duration_months} months, but {project.start_date} to "
            f"{project.end_date} is {months} months",
        )


def _duration_rule(ctx: Context) -> tuple[DurationRule | None, tuple[str, str] | None]:
    if ctx.direction is not None and ctx.direction.duration is not None:
        return ctx.direction.duration, None
    if ctx.guide.figures is None:
        return None, None
    return ctx.guide.figures.default_duration, (
        "二、领域和方向",
        "section 2, fields and directions",
    )


def _duration_clause(direction: Direction) -> int | None:
    return direction.duration.clause if direction.duration else None


def _duration_severity(direction: Direction) -> Severity:
    strength = direction.duration.strength if direction.duration else Strength.GENERALLY
    return Severity.ERROR if strength is Strength.MUST else Severity.WARNING


def _years(months: int) -> str:
    return f"{months // 12} 年" if months % 12 == 0 else f"{months} 个月"


def _years_en(months: int) -> str:
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"


@check_kind("duration_rule", NoParams, cites=_duration_clause, severity_for=_duration_severity)
def duration_rule(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The duration is within the direction's limits (the guide's default if it is silent)."""
    months = effective_months(ctx)
    if months is None:
        return
    rule, section = _duration_rule(ctx)
    if rule is None:
        return
    low, high = rule.min_months, rule.max_months
    if (low is None or months >= low) and (high is None or months <= high):
        return
    if low is not None and high is not None and low == high:
        wanted_zh, wanted_en = f"为 {_years(low)}", f"is {_years_en(low)}"
    elif low is not None and high is not None:
        wanted_zh = f"为 {_years(low)}至{_years(high)}"
        wanted_en = f"is {_years_en(low)} to {_years_en(high)}"
    elif high is not None:
        wanted_zh, wanted_en = f"不超过 {_years(high)}", f"is at most {_years_en(high)}"
    else:
        assert low is not None
        wanted_zh, wanted_en = f"不少于 {_years(low)}", f"is at least {_years_en(low)}"
    firmness_zh = {Strength.MUST: "", Strength.IN_PRINCIPLE: "原则上", Strength.GENERALLY: "一般"}
    firmness_en = {
        Strength.MUST: "",
        Strength.IN_PRINCIPLE: "in principle ",
        Strength.GENERALLY: "as a rule ",
    }
    yield Problem(
        "project.duration_months",
        f"本方向项目实施周期{firmness_zh[rule.strength]}{wanted_zh}，现为 {months} 个月",
        f"This direction's duration {firmness_en[rule.strength]}{wanted_en}; "
        f"the project runs {months} months",
        {"months": months},
        section,
    )


class CallPathParams(Params):
    path: DraftPath


@check_kind("call_matches_theme", CallPathParams)
def call_matches_theme(params: CallPathParams, ctx: Context) -> Iterator[Problem]:
    """The foreign call identifier belongs to the EU topic of the chosen theme (1.4)."""
    direction, selection = ctx.direction, ctx.draft.selection
    if direction is None:
        return
    field = next((f for f in direction.fields if f.id == selection.field), None)
    theme = next((t for t in field.themes if t.id == selection.theme), None) if field else None
    identifier = resolve(ctx.draft, params.path)
    if theme is None or theme.eu_topic is None or not identifier:
        return
    if not str(identifier).upper().startswith(theme.eu_topic.upper()):
        yield Problem(
            params.path,
            f"所选主题对应的欧方指南编号为 {theme.eu_topic}，而填写的是 {identifier}",
            f"The chosen theme corresponds to the EU topic {theme.eu_topic}; the call given is "
            f"{identifier}",
            {"topic": theme.eu_topic, "value": identifier},
        )


class CallYearParams(Params):
    call: DraftPath
    year: DraftPath


_YEAR_IN_CALL = re.compile(r"(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})(?![0-9])")


@check_kind("call_year_matches", CallYearParams)
def call_year_matches(params: CallYearParams, ctx: Context) -> Iterator[Problem]:
    """The year inside a call identifier (HORIZON-CL6-2023-…) is the work-programme year given."""
    identifier = resolve(ctx.draft, params.call)
    year = resolve(ctx.draft, params.year)
    if not identifier or year is None:
        return
    found = _YEAR_IN_CALL.findall(str(identifier))
    if found and int(found[0]) != year:
        yield Problem(
            params.year,
            f"工作计划年度填写为 {year}，而指南编号 {identifier} 中的年度为 {found[0]}",
            f"The work-programme year is given as {year}, but the call identifier "
            f"{identifier} is of {found[0]}",
            {"year": year, "call_year": int(found[0]), "value": identifier},
        )
