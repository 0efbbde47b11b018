"""Checks on single values named by a field path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator

from applywizard.domain.draft.paths import is_model_path, resolve
from applywizard.domain.rules.checks.registry import Params, check_kind
from applywizard.domain.rules.context import Context, Problem, named
from applywizard.domain.text import is_blank


def _known_path(path: str) -> str:
    if not is_model_path(path):
        raise ValueError(f"{path!r} is not a field of the draft")
    return path


DraftPath = Annotated[str, AfterValidator(_known_path)]


class PathParams(Params):
    path: DraftPath


class DateBeforeParams(Params):
    path: DraftPath
    before: date


class EqualsParams(Params):
    path: DraftPath
    value: bool | int | str


class OneOfParams(Params):
    path: DraftPath
    values: tuple[int | str, ...]


class AtMostParams(Params):
    path: DraftPath
    maximum: Decimal


def _missing(path: str) -> Problem:
    zh, en = named(path)
    return Problem(path, f"请填写“{zh}”", f"Fill in “{en}”", missing=True)


@check_kind("required", PathParams)
def required(params: PathParams, ctx: Context) -> Iterator[Problem]:
    """The field holds something."""
    if is_blank(resolve(ctx.draft, params.path)):
        yield _missing(params.path)


@check_kind("date_before", DateBeforeParams)
def date_before(params: DateBeforeParams, ctx: Context) -> Iterator[Problem]:
    """The date is given and falls strictly before a fixed date."""
    value = resolve(ctx.draft, params.path)
    zh, en = named(params.path)
    limit = params.before.isoformat()
    if value is None:
        yield Problem(
            params.path,
            f"请填写“{zh}”（须早于 {limit}）",
            f"Fill in “{en}” (before {limit})",
            missing=True,
        )
    elif value >= params.before:
        yield Problem(
            params.path,
            f"“{zh}”须早于 {limit}，现为 {value.isoformat()}",
            f"“{en}” must be before {limit}; it is {value.isoformat()}",
            {"value": value.isoformat(), "limit": limit},
        )


@check_kind("equals", EqualsParams)
def equals(params: EqualsParams, ctx: Context) -> Iterator[Problem]:
    """The field is answered, with the one value the guide allows."""
    value = resolve(ctx.draft, params.path)
    zh, en = named(params.path)
    if value is None or is_blank(value):
        yield Problem(params.path, f"请回答“{zh}”", f"Answer “{en}”", missing=True)
    elif value != params.value:
        yield Problem(
            params.path,
            f"“{zh}”不符合指南要求（应为 {params.value}，现为 {value}）",
            f"“{en}” does not meet the guide (must be {params.value}; it is {value})",
            {"value": value},
        )


@check_kind("one_of", OneOfParams)
def one_of(params: OneOfParams, ctx: Context) -> Iterator[Problem]:
    """The field is given and is one of the listed values."""
    value = resolve(ctx.draft, params.path)
    zh, en = named(params.path)
    allowed = "、".join(str(item) for item in params.values)
    if value is None or is_blank(value):
        yield Problem(
            params.path,
            f"请填写“{zh}”（可选：{allowed}）",
            f"Fill in “{en}” (one of {allowed})",
            missing=True,
        )
    elif value not in params.values:
        yield Problem(
            params.path,
            f"“{zh}”须为 {allowed} 之一，现为 {value}",
            f"“{en}” must be one of {allowed}; it is {value}",
            {"value": value, "allowed": allowed},
        )


@check_kind("at_most", AtMostParams)
def at_most(params: AtMostParams, ctx: Context) -> Iterator[Problem]:
    """The number is given and does not exceed a maximum."""
    value = resolve(ctx.draft, params.path)
    zh, en = named(params.path)
    if value is None:
        yield Problem(
            params.path,
            f"请填写“{zh}”（不超过 {params.maximum}）",
            f"Fill in “{en}” (at most {params.maximum})",
            missing=True,
        )
    elif Decimal(value) > params.maximum:
        yield Problem(
            params.path,
            f"“{zh}”不得超过 {params.maximum}，现为 {value}",
            f"“{en}” must not exceed {params.maximum}; it is {value}",
            {"value": value, "maximum": params.maximum},
        )
