"""The pack checks of codes, ids and numbering: what repeats, what is unknown, what is missing.

``check_uniqueness``: direction codes, country and counterpart codes,
attachment kinds, declarations, notices and rule ids that repeat.
``check_references``: codes that are not in the countries or counterparts
lists, and clauses a direction cites but does not have. ``check_numbering``:
clauses not numbered 1, 2, 3, …. ``check_iso_countries``: country codes that
are not ISO 3166-1 codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from applywizard.domain.guide.authoring import numbering_gap
from applywizard.domain.guide.plain_errors import Path, close_matches, dotted
from applywizard.domain.pack_checks.data import (
    DataProblem,
    all_rules,
    items_at,
    strings_at,
    value_at,
)


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


def check_uniqueness(data: dict[str, Any]) -> Iterator[DataProblem]:
    lists = (
        ("directions", "code", ("方向编号", "direction code")),
        ("countries", "code", ("国家代码", "country code")),
        ("counterparts", "code", ("合作方代码", "counterpart code")),
        ("attachment_kinds", "id", ("附件类型", "attachment kind")),
        ("declarations", "id", ("声明", "declaration")),
        ("notices", "id", ("通知编号", "notice id")),
    )
    for key, name, what in lists:
        entries = [((key, index, name), item.get(name)) for index, item in items_at(data, key)]
        yield from _repeats(what, entries)
    rules = [((*path, "id"), rule.get("id")) for path, rule in all_rules(data)]
    yield from _repeats(("规则编号", "rule id"), rules)


def _codes(data: dict[str, Any], key: str) -> set[str]:
    return {item["code"] for _, item in items_at(data, key) if isinstance(item.get("code"), str)}


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


def check_references(data: dict[str, Any]) -> Iterator[DataProblem]:
    countries = _codes(data, "countries")
    counterparts = _codes(data, "counterparts")
    country_list = ("国家目录（countries）", "the countries list (countries)")
    counterpart_list = ("合作方目录（counterparts）", "the counterparts list (counterparts)")
    for index, _ in items_at(data, "counterparts"):
        path: Path = ("counterparts", index, "countries")
        yield from _unknown_codes(path, strings_at(data, *path), countries, country_list)
    for index, direction in items_at(data, "directions"):
        path = ("directions", index, "counterparts")
        yield from _unknown_codes(
            path, strings_at(direction, "counterparts"), counterparts, counterpart_list
        )
        path = ("directions", index, "partner_countries")
        yield from _unknown_codes(
            path, strings_at(direction, "partner_countries"), countries, country_list
        )
        numbers = {clause.get("number") for _, clause in items_at(direction, "clauses")}
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


def check_numbering(data: dict[str, Any]) -> Iterator[DataProblem]:
    owners: list[tuple[Path, str, tuple[str, str]]] = []
    for index, direction in items_at(data, "directions"):
        code = direction.get("code")
        owners.append((("directions", index), f"{code}", ("方向", "direction")))
    for index, notice in items_at(data, "notices"):
        owners.append((("notices", index), f"{notice.get('id')}", ("通知", "notice")))
    for path, name, what in owners:
        clauses = list(items_at(data, *path, "clauses"))
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


def check_iso_countries(
    data: dict[str, Any], is_iso_country: Callable[[str], bool]
) -> Iterator[DataProblem]:
    places: list[Path] = [("countries", index, "code") for index, _ in items_at(data, "countries")]
    for index, counterpart in items_at(data, "counterparts"):
        places.extend(
            ("counterparts", index, "countries", i) for i, _ in strings_at(counterpart, "countries")
        )
    for index, direction in items_at(data, "directions"):
        places.extend(
            ("directions", index, "partner_countries", i)
            for i, _ in strings_at(direction, "partner_countries")
        )
    for path in places:
        code = value_at(data, path)
        if isinstance(code, str) and not is_iso_country(code):
            yield DataProblem(
                path,
                "not-iso-country",
                f"“{code}”不是 ISO 3166-1 两字母国家代码",
                f"“{code}” is not an ISO 3166-1 alpha-2 country code",
            )
