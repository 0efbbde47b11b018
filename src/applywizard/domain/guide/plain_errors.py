"""Pydantic's validation errors of a guide pack, said in plain words (Chinese and English)."""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from applywizard.domain.guide.base import DIRECTION_CODE, IDENTIFIER, RULE_ID

Path = tuple[str | int, ...]

PATTERNS: dict[str, tuple[str, str]] = {
    DIRECTION_CODE.pattern: ('方向编号，如 1.1（加引号："1.1"）', 'a direction code such as "1.1"'),
    IDENTIFIER.pattern: (
        "以小写字母开头、只含小写字母、数字和下划线的名称，如 joint_lab_plan",
        "a name of lowercase letters, digits and _ that starts with a letter, e.g. joint_lab_plan",
    ),
    RULE_ID.pattern: (
        "以字母或数字开头、只含字母、数字和 . _ / - 的编号，如 1.1/2/lab-name",
        "an id of letters, digits and . _ / - such as 1.1/2/lab-name",
    ),
    r"^[a-z0-9][a-z0-9-]*$": (
        "只含小写字母、数字和连字符的编号，如 most-igsti-2026-batch1",
        "an id of lowercase letters, digits and hyphens, e.g. most-igsti-2026-batch1",
    ),
    r"^[A-Z]{2}$": (
        "两个大写字母的国家代码（ISO 3166-1），如 GB",
        "a two-letter country code (ISO 3166-1) such as GB",
    ),
    r"^[A-Z]{2,5}$": (
        "2 至 5 个大写字母的代码，如 EU",
        "a code of 2 to 5 capital letters, e.g. EU",
    ),
    r"^\d{2}:\d{2}$": ("时:分，如 17:00", "a time as HH:MM, e.g. 17:00"),
    r"^[^/\\:]+\.txt$": (
        "指南包文件夹内的 .txt 文件名（不含路径），如 source.txt",
        "the name of a .txt file in the pack's folder (no path), e.g. source.txt",
    ),
}


MODEL_MESSAGES: dict[str, str] = {
    "a range needs a minimum": "只有范围（range）写最小值 minimum，范围必须写",
    "the minimum of a range exceeds": "范围的最小值大于最大值",
    "a budget is never stated as a range": "经费不能写成范围（range）",
    "a duration rule needs a minimum or a maximum": "实施周期须写最短或最长月数",
    "the minimum duration exceeds": "最短实施周期大于最长实施周期",
    "states figures per field": "分研究领域（fields）的方向，项目数和经费写在各领域下",
    "a direction needs a project count and a budget": (
        "方向须写项目数（projects）和经费（budget）；来源未给出时标为不完整（incomplete）"
    ),
    "has no clauses": "方向没有条款（clauses）；来源未给出时标为不完整（incomplete）",
    "names no agreement": "方向没有写合作协议（agreements）；来源未给出时标为不完整（incomplete）",
    "only the last indirect-cost tier": "只有最后一档间接费用（indirect_cost_tiers）不写上限",
    "indirect-cost tiers must ascend": "间接费用各档上限须递增",
}
"""The Chinese for the guide model's own consistency errors (their English is the model's)."""


@dataclass(frozen=True)
class PlainError:
    """One validation error: where (path in the data), what (a code), and why in words."""

    path: Path
    code: str
    zh: str
    en: str
    at_key: bool = False
    """True when the error is about the key itself (an unknown key), not its value."""


def dotted(path: Sequence[str | int]) -> str:
    """A data path as an author reads it: ``directions[3].clauses[0].text``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top)"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation (``tuple[Clause, ...]``, ``Budget | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (tuple, list, Union, types.UnionType):
        for argument in get_args(annotation):
            found = _model_of(argument)
            if found is not None:
                return found
    return None


def model_at(model: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``path`` under ``model``, if one does."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue  # a tuple's item: the model found for the tuple
        field = current.model_fields.get(part)
        current = _model_of(field.annotation) if field is not None else None
    return current


def close_matches(word: str, known: Sequence[str]) -> list[str]:
    """The known names an author probably meant (difflib)."""
    return difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)


def _suggestion(word: str, known: Sequence[str]) -> tuple[str, str]:
    matches = close_matches(word, known)
    if matches:
        return f"（是否想写：{'、'.join(matches)}？）", f" (did you mean {', '.join(matches)}?)"
    if known:
        return f"（可用：{'、'.join(known)}）", f" (allowed: {', '.join(known)})"
    return "", ""


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def plain(error: ErrorDetails, model: type[BaseModel], prefix: Path = ()) -> PlainError:
    """A pydantic error of ``model`` (validated at ``prefix`` of the pack) in plain words."""
    loc: Path = tuple(part for part in error["loc"] if isinstance(part, int | str))
    path = prefix + loc
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    name = str(loc[-1]) if loc else ""
    where = dotted(path)
    if kind == "missing":
        above = dotted(path[:-1])
        return PlainError(
            path, "missing", f"{above}：缺少必填项“{name}”", f"{above}: “{name}” is missing"
        )
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        known = sorted(parent.model_fields) if parent is not None else []
        hint_zh, hint_en = _suggestion(name, known)
        return PlainError(
            path,
            "unknown-key",
            f"{dotted(path[:-1])}：未知的键“{name}”{hint_zh}",
            f"{dotted(path[:-1])}: unknown key “{name}”{hint_en}",
            at_key=True,
        )
    zh, en = _reason(kind, ctx, value, error["msg"])
    return PlainError(path, kind.replace("_", "-"), f"{where}：{zh}", f"{where}: {en}")


def _reason(  # noqa: PLR0911, PLR0912 - one answer per kind of error
    kind: str, ctx: dict[str, Any], value: Any, message: str
) -> tuple[str, str]:
    shown = _shown(value)
    if kind == "string_pattern_mismatch":
        zh, en = PATTERNS.get(str(ctx.get("pattern")), (str(ctx.get("pattern")),) * 2)
        return f"“{shown}”的写法不对，应为{zh}", f"“{shown}” has the wrong form: it should be {en}"
    if kind == "string_type":
        if isinstance(value, int | float):
            return (
                f'应为文字；数字形式的文字须加引号，如 "{value}"',
                f'should be text; put a number-like text in quotes, e.g. "{value}"',
            )
        return f"应为文字（现为 {shown}）", f"should be text (it is {shown})"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"应为整数（现为 {shown}）", f"should be a whole number (it is {shown})"
    if kind.startswith(("decimal_", "float_")):
        return f"应为数字（现为 {shown}）", f"should be a number (it is {shown})"
    if kind.startswith("bool_"):
        return f"应为 true 或 false（现为 {shown}）", f"should be true or false (it is {shown})"
    if kind.startswith(("date_", "datetime_")):
        return (
            f"应为日期，如 2024-09-30（现为 {shown}）",
            f"should be a date such as 2024-09-30 (it is {shown})",
        )
    if kind in {"enum", "literal_error"}:
        expected = str(ctx.get("expected", ""))
        return (
            f"“{shown}”不可用，应为以下之一：{expected}",
            f"“{shown}” is not allowed; use one of {expected}",
        )
    if kind in {"too_short", "string_too_short"}:
        if isinstance(value, str):
            return "不能为空", "must not be empty"
        least = ctx.get("min_length", 1)
        return f"至少需要 {least} 项", f"needs at least {least} item{'s' if least != 1 else ''}"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        words = {
            "greater_than_equal": ("不小于", "at least", "ge"),
            "greater_than": ("大于", "more than", "gt"),
            "less_than_equal": ("不大于", "at most", "le"),
            "less_than": ("小于", "less than", "lt"),
        }[kind]
        bound = ctx.get(words[2])
        return (
            f"应{words[0]} {bound}（现为 {shown}）",
            f"should be {words[1]} {bound} (it is {shown})",
        )
    if kind in {"tuple_type", "list_type"}:
        return (
            f"应为列表（每项以“- ”开头，或写成 [a, b]），现为 {shown}",
            f"should be a list, not {shown}",
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return (
            f"应为“键: 值”的映射，现为 {shown}",
            f"should be a mapping of keys and values, not {shown}",
        )
    if kind in {"value_error", "assertion_error"}:
        reason = str(ctx.get("error", message))
        chinese = next((zh for key, zh in MODEL_MESSAGES.items() if key in reason), None)
        return chinese or f"数据不一致：{reason}", reason
    return f"不符合要求：{message}", message
