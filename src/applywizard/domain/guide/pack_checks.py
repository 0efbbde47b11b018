"""Every problem of a guide pack's data that an author can fix, each at a path in the data.

``check_guide_data`` takes the pack's parsed YAML (plain dicts and lists) and
its source text, and returns problems located by their path in the data
(``("directions", 3, "clauses", 0, "text")``); ``adapters.guide_check`` turns
paths into file, line and column. It reports everything it finds, not the
first problem only: the Guide model's own validation, the rules' kinds and
parameters, numbering, references, clause texts against the source text, the
headline figures and ISO country codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from applywizard.domain.guide.authoring import (
    budget_matches,
    budget_range_wan,
    find_in_source,
    normalise,
    numbering_gap,
    projects_tolerance,
)
from applywizard.domain.guide.message_figures import stale_figures
from applywizard.domain.guide.model import Guide
from applywizard.domain.guide.plain_errors import Path, PlainError, close_matches, dotted, plain
from applywizard.domain.rules.checks import CHECK_KINDS

WARNING = "warning"
ERROR = "error"

CoveredByOwnChecks = (
    "clause numbers repeat",
    "clause 0",
    "clauses must be listed in order",
    "cites clause",
    "repeated:",
    "names unknown codes",
    "must be numbered 1, 2, 3",
)
"""The Guide model's consistency errors that the checks below report at the exact node."""


@dataclass(frozen=True)
class DataProblem:
    """A problem at a path of the pack's data."""

    path: Path
    code: str
    zh: str
    en: str
    severity: str = ERROR
    at_key: bool = False


@dataclass
class _Catalogue:
    """The attachment kinds and declarations the pack lists, as the rule parameters ask.

    It stands in for the Guide in the parameters' validation context, so that
    rules are checked even when the rest of the guide has errors.
    """

    attachment_ids: set[str]
    declaration_ids: set[str]
    missing_attachments: set[str] = field(default_factory=set)
    missing_declarations: set[str] = field(default_factory=set)

    def attachment_kind(self, kind_id: str) -> object | None:
        if kind_id in self.attachment_ids:
            return kind_id
        self.missing_attachments.add(kind_id)
        return None

    def declaration(self, declaration_id: str) -> object | None:
        if declaration_id in self.declaration_ids:
            return declaration_id
        self.missing_declarations.add(declaration_id)
        return None


def _items(data: Any, *keys: str | int) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of the list at ``keys`` (anything else is the model's to report)."""
    value = data
    for key in keys:
        if isinstance(key, int):
            value = value[key] if isinstance(value, list) and key < len(value) else None
        else:
            value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _strings(data: Any, *keys: str | int) -> Iterator[tuple[int, str]]:
    value = _value_at(data, keys)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_guide_data(
    data: dict[str, Any],
    *,
    source_text: str | None,
    source_name: str,
    is_iso_country: Callable[[str], bool],
) -> list[DataProblem]:
    """Every problem of a pack's parsed guide data."""
    own = [
        *_uniqueness(data),
        *_references(data),
        *_numbering(data),
        *_rules(data),
        *_stale_messages(data),
        *_figures(data),
        *_iso_countries(data, is_iso_country),
    ]
    if source_text is not None:
        own.extend(_against_source(data, source_text, source_name))
    elif data.get("source_text") is None:
        own.append(
            DataProblem(
                ("id",),
                "no-source-text",
                "指南包未给出原文（source_text）：条款文字未与原文核对",
                "the pack names no source text (source_text): clause texts were not checked",
                WARNING,
            )
        )
    return [*_model_problems(data, own), *own]


def _model_problems(data: dict[str, Any], own: list[DataProblem]) -> list[DataProblem]:
    try:
        Guide.model_validate(data)
    except ValidationError as error:
        found = [plain(detail, Guide) for detail in error.errors()]
        return [_from_plain(item) for item in found if not _covered(item, own)]
    return []


def _covered(item: PlainError, own: list[DataProblem]) -> bool:
    """Whether a model consistency error is one the own checks report more exactly."""
    if item.code != "value-error" or not any(text in item.en for text in CoveredByOwnChecks):
        return False
    return any(problem.path[: len(item.path)] == item.path for problem in own)


def _from_plain(item: PlainError) -> DataProblem:
    return DataProblem(item.path, item.code, item.zh, item.en, ERROR, item.at_key)


def _all_rules(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, rule in _items(data, "general_rules"):
        yield ("general_rules", index), rule
    for n, _ in _items(data, "notices"):
        for c, _ in _items(data, "notices", n, "clauses"):
            for r, rule in _items(data, "notices", n, "clauses", c, "rules"):
                yield ("notices", n, "clauses", c, "rules", r), rule
    for d, _ in _items(data, "directions"):
        for c, _ in _items(data, "directions", d, "clauses"):
            for r, rule in _items(data, "directions", d, "clauses", c, "rules"):
                yield ("directions", d, "clauses", c, "rules", r), rule


def _repeats(what: tuple[str, str], entries: Sequence[tuple[Path, Any]]) -> Iterator[DataProblem]:
    first: dict[Any, Path] = {}
    for path, value in entries:
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if value in first:
            yield DataProblem(
                path,
                "repeated",
                f"{what[0]}“{value}”重复（已用于 {dotted(first[value])}）",
                f"{what[1]} “{value}” repeats (already used at {dotted(first[value])})",
            )
        else:
            first[value] = path


def _uniqueness(data: dict[str, Any]) -> Iterator[DataProblem]:
    lists = (
        ("directions", "code", ("方向编号", "direction code")),
        ("countries", "code", ("国家代码", "country code")),
        ("counterparts", "code", ("合作方代码", "counterpart code")),
        ("attachment_kinds", "id", ("附件类型", "attachment kind")),
        ("declarations", "id", ("声明", "declaration")),
        ("notices", "id", ("通知编号", "notice id")),
    )
    for key, name, what in lists:
        entries = [((key, index, name), item.get(name)) for index, item in _items(data, key)]
        yield from _repeats(what, entries)
    rules = [((*path, "id"), rule.get("id")) for path, rule in _all_rules(data)]
    yield from _repeats(("规则编号", "rule id"), rules)


def _codes(data: dict[str, Any], key: str) -> set[str]:
    return {item["code"] for _, item in _items(data, key) if isinstance(item.get("code"), str)}


def _unknown_codes(
    path: Path, values: Iterator[tuple[int, str]], known: set[str], what: tuple[str, str]
) -> Iterator[DataProblem]:
    for index, code in values:
        if code not in known:
            hint = close_matches(code, sorted(known))
            also_zh = f"（是否想写：{'、'.join(hint)}？）" if hint else ""
            also_en = f" (did you mean {', '.join(hint)}?)" if hint else ""
            yield DataProblem(
                (*path, index),
                "unknown-code",
                f"“{code}”不在{what[0]}中{also_zh}",
                f"“{code}” is not in {what[1]}{also_en}",
            )


def _references(data: dict[str, Any]) -> Iterator[DataProblem]:
    countries = _codes(data, "countries")
    counterparts = _codes(data, "counterparts")
    country_list = ("国家目录（countries）", "the countries list (countries)")
    counterpart_list = ("合作方目录（counterparts）", "the counterparts list (counterparts)")
    for index, _ in _items(data, "counterparts"):
        path: Path = ("counterparts", index, "countries")
        yield from _unknown_codes(path, _strings(data, *path), countries, country_list)
    for index, direction in _items(data, "directions"):
        path = ("directions", index, "counterparts")
        yield from _unknown_codes(
            path, _strings(direction, "counterparts"), counterparts, counterpart_list
        )
        path = ("directions", index, "partner_countries")
        yield from _unknown_codes(
            path, _strings(direction, "partner_countries"), countries, country_list
        )
        numbers = {clause.get("number") for _, clause in _items(direction, "clauses")}
        duration = direction.get("duration")
        cited: list[tuple[Path, Any]] = [
            (("partner_countries_clause",), direction.get("partner_countries_clause")),
            (("selection_clause",), direction.get("selection_clause")),
            (
                ("duration", "clause"),
                duration.get("clause") if isinstance(duration, dict) else None,
            ),
        ]
        for where, number in cited:
            if isinstance(number, int) and not isinstance(number, bool) and number not in numbers:
                code = direction.get("code")
                yield DataProblem(
                    ("directions", index, *where),
                    "cited-clause-missing",
                    f"方向 {code} 引用了第 {number} 条，但该方向没有这一条",
                    f"direction {code} cites clause {number}, which it does not have",
                )


def _numbering(data: dict[str, Any]) -> Iterator[DataProblem]:
    owners: list[tuple[Path, str, tuple[str, str]]] = []
    for index, direction in _items(data, "directions"):
        code = direction.get("code")
        owners.append((("directions", index), f"{code}", ("方向", "direction")))
    for index, notice in _items(data, "notices"):
        owners.append((("notices", index), f"{notice.get('id')}", ("通知", "notice")))
    for path, name, what in owners:
        clauses = list(_items(data, *path, "clauses"))
        given = [clause.get("number") for _, clause in clauses]
        numbers = [n for n in given if isinstance(n, int) and not isinstance(n, bool)]
        if len(numbers) != len(given):
            continue  # the model reports a number that is not a whole number
        gap = numbering_gap(numbers)
        if gap is None:
            continue
        position, expected = gap
        index, _ = clauses[position]
        shown = ", ".join(str(number) for number in numbers)
        yield DataProblem(
            (*path, "clauses", index, "number"),
            "clause-numbering",
            f"{what[0]} {name} 的条款编号应从 1 起连续（1, 2, 3, …）：此处应为 {expected}，"
            f"现为 {numbers[position]}（全部：{shown}）",
            f"the clauses of {what[1]} {name} must be numbered 1, 2, 3, …: this one should be "
            f"{expected}, not {numbers[position]} (all: {shown})",
        )


def _rules(data: dict[str, Any]) -> Iterator[DataProblem]:
    catalogue = _Catalogue(
        {
            item["id"]
            for _, item in _items(data, "attachment_kinds")
            if isinstance(item.get("id"), str)
        },
        {item["id"] for _, item in _items(data, "declarations") if isinstance(item.get("id"), str)},
    )
    for path, rule in _all_rules(data):
        name = rule.get("check")
        if not isinstance(name, str):
            continue  # missing or not text: the model says so
        kind = CHECK_KINDS.get(name)
        if kind is None:
            matches = close_matches(name, sorted(CHECK_KINDS))
            also_zh = (
                f"是否想写：{'、'.join(matches)}？"
                if matches
                else "见 docs/guide-packs.md 的检查类型表"
            )
            also_en = (
                f"did you mean {', '.join(matches)}?"
                if matches
                else "see the table of kinds in docs/guide-packs.md"
            )
            yield DataProblem(
                (*path, "check"),
                "unknown-check",
                f"规则 {rule.get('id')}：没有“{name}”这种检查（{also_zh}）",
                f"rule {rule.get('id')}: there is no kind of check “{name}” ({also_en})",
            )
            continue
        params = rule.get("params", {})
        if not isinstance(params, dict):
            continue  # the model says params must be a mapping
        try:
            kind.params.model_validate(params, context={"guide": catalogue})
        except ValidationError as error:
            for detail in error.errors():
                item = plain(detail, kind.params, (*path, "params"))
                yield _parameter_problem(item, rule, name, detail.get("input"), catalogue)


def _stale_messages(data: dict[str, Any]) -> Iterator[DataProblem]:
    """A rule's message naming a date or number that its parameters do not hold."""
    for path, rule in _all_rules(data):
        for stale in stale_figures(path, rule):
            yield DataProblem(
                stale.path,
                "stale-message",
                f"规则 {stale.rule_id} 的提示文字写的是 {stale.written}，而其参数为 {stale.held}："
                "参数改过而提示未改？请改正提示文字，或改用占位符（如 {limit}、{maximum}）",
                f"rule {stale.rule_id}'s message says {stale.written} but its parameters hold "
                f"{stale.held}: was the parameter changed and the message not? Correct the "
                "message, or use a placeholder (such as {limit} or {maximum})",
                WARNING,
            )


def _parameter_problem(
    item: PlainError, rule: dict[str, Any], kind: str, value: Any, catalogue: _Catalogue
) -> DataProblem:
    rule_id = rule.get("id")
    if item.code == "value-error" and isinstance(value, str):
        for missing, (zh, en), known in (
            (
                catalogue.missing_attachments,
                ("附件类型", "attachment kind"),
                catalogue.attachment_ids,
            ),
            (catalogue.missing_declarations, ("声明", "declaration"), catalogue.declaration_ids),
        ):
            if value in missing:
                hint = close_matches(value, sorted(known))
                also_zh = f"（是否想写：{'、'.join(hint)}？）" if hint else ""
                also_en = f" (did you mean {', '.join(hint)}?)" if hint else ""
                return DataProblem(
                    item.path,
                    "unknown-catalogue-id",
                    f"规则 {rule_id}（{kind}）：{zh}目录中没有“{value}”{also_zh}",
                    f"rule {rule_id} ({kind}): the pack lists no {en} “{value}”{also_en}",
                )
    code = "unknown-parameter" if item.code == "unknown-key" else "bad-parameter"
    return DataProblem(
        item.path,
        code,
        f"规则 {rule_id}（{kind}）的参数：{item.zh}",
        f"rule {rule_id} ({kind}) parameters: {item.en}",
        ERROR,
        item.at_key,
    )


def _direction_sums(data: dict[str, Any]) -> tuple[Decimal, int] | None:
    """Budget (万元) and projects added up over the directions; None if a figure is unusable."""
    budget, projects = Decimal(0), 0
    for _, direction in _items(data, "directions"):
        holders = [item for _, item in _items(direction, "fields")] or [direction]
        for holder in holders:
            money, count = holder.get("budget"), holder.get("projects")
            wan = _number(money.get("wan")) if isinstance(money, dict) else None
            value = count.get("value") if isinstance(count, dict) else None
            if wan is None or not isinstance(value, int) or isinstance(value, bool):
                return None
            budget += wan
            projects += value
    return budget, projects


def _figures(data: dict[str, Any]) -> Iterator[DataProblem]:
    figures = data.get("figures")
    if not isinstance(figures, dict):
        return
    for key, listed, what in (
        ("directions", "directions", ("方向", "directions")),
        ("counterparts", "counterparts", ("合作方", "counterparts")),
    ):
        stated, items = figures.get(key), data.get(listed)
        if isinstance(stated, int) and isinstance(items, list) and stated != len(items):
            yield DataProblem(
                ("figures", key),
                "figures-count",
                f"概述写 {stated} 个{what[0]}，但 {listed} 列出了 {len(items)} 个",
                f"the summary says {stated} {what[1]}, but {listed} lists {len(items)}",
            )
    incomplete = [
        str(direction.get("code"))
        for _, direction in _items(data, "directions")
        if direction.get("incomplete") is not None
    ]
    if incomplete:
        yield DataProblem(
            ("figures",),
            "figures-skipped",
            f"方向 {', '.join(incomplete)} 不完整：未核对项目数和经费合计",
            f"directions {', '.join(incomplete)} are incomplete: "
            "project and budget totals not checked",
            WARNING,
            at_key=True,
        )
        return
    sums = _direction_sums(data)
    if sums is None:
        return  # a figure the model reports as wrong
    budget, projects = sums
    yield from _budget_total(figures, budget)
    yield from _projects_total(figures, projects)


def _budget_total(figures: dict[str, Any], budget: Decimal) -> Iterator[DataProblem]:
    stated = _number(figures.get("budget_yi_about"))
    if stated is None or stated <= 0 or budget_matches(budget, stated):
        return
    low, high = budget_range_wan(stated)
    yield DataProblem(
        ("figures", "budget_yi_about"),
        "budget-total",
        f"各方向经费合计 {budget:f} 万元，与“约 {stated} 亿元”不符"
        f"（约 {stated} 亿元即 {low:f}–{high:f} 万元）",
        f"the directions' budgets add up to {budget:f} 万元, not about {stated} 亿元 "
        f"({low:f}–{high:f} 万元)",
    )


def _projects_total(figures: dict[str, Any], projects: int) -> Iterator[DataProblem]:
    stated = figures.get("projects_about")
    if not isinstance(stated, int) or isinstance(stated, bool) or stated < 1:
        return
    tolerance = projects_tolerance(stated)
    if abs(projects - stated) <= tolerance:
        return
    yield DataProblem(
        ("figures", "projects_about"),
        "projects-total",
        f"各方向项目数合计 {projects} 个，与“约 {stated} 个”相差超过 {tolerance} 个",
        f"the directions' projects add up to {projects}, more than {tolerance} away from "
        f"about {stated}",
    )


def _iso_countries(
    data: dict[str, Any], is_iso_country: Callable[[str], bool]
) -> Iterator[DataProblem]:
    places: list[Path] = [("countries", index, "code") for index, _ in _items(data, "countries")]
    for index, counterpart in _items(data, "counterparts"):
        places.extend(
            ("counterparts", index, "countries", i) for i, _ in _strings(counterpart, "countries")
        )
    for index, direction in _items(data, "directions"):
        places.extend(
            ("directions", index, "partner_countries", i)
            for i, _ in _strings(direction, "partner_countries")
        )
    for path in places:
        code = _value_at(data, path)
        if isinstance(code, str) and not is_iso_country(code):
            yield DataProblem(
                path,
                "not-iso-country",
                f"“{code}”不是 ISO 3166-1 两字母国家代码",
                f"“{code}” is not an ISO 3166-1 alpha-2 country code",
            )


def _value_at(data: Any, path: Path) -> Any:
    value = data
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value


def _against_source(
    data: dict[str, Any], source_text: str, source_name: str
) -> Iterator[DataProblem]:
    source = normalise(source_text, drop_page_numbers=True)
    owners: list[Path] = [("directions", index) for index, _ in _items(data, "directions")]
    owners.extend(("notices", index) for index, _ in _items(data, "notices"))
    for owner in owners:
        for index, clause in _items(data, *owner, "clauses"):
            text = clause.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            mismatch = find_in_source(text, source, source_text)
            if mismatch is None:
                continue
            path = (*owner, "clauses", index, "text")
            if mismatch.matched == 0:
                yield DataProblem(
                    path,
                    "clause-not-in-source",
                    f"条款文字在原文 {source_name} 中找不到（开头“{mismatch.clause_rest}”）",
                    f"the clause's text is not in the source text {source_name} "
                    f"(it begins “{mismatch.clause_rest}”)",
                )
                continue
            yield DataProblem(
                path,
                "clause-not-in-source",
                f"条款文字与原文 {source_name} 不符：前 {mismatch.matched} 个字相同，"
                f"此后条款为“{mismatch.clause_rest}”，原文（第 {mismatch.source_line} 行）为"
                f"“{mismatch.source_rest}”",
                f"the clause's text differs from the source text {source_name} after "
                f"{mismatch.matched} characters: the clause has “{mismatch.clause_rest}”, "
                f"the source (line {mismatch.source_line}) “{mismatch.source_rest}”",
            )
