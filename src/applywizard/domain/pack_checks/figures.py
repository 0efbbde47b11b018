"""The pack check of the headline figures against the directions' own figures.

``check_figures``: the summary's count of directions and counterparts against
the lists, and its “about” total of projects and budget against what the
directions add up to (skipped, with a warning, while a direction is incomplete).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from applywizard.domain.guide.authoring import budget_matches, budget_range_wan, projects_tolerance
from applywizard.domain.pack_checks.data import WARNING, DataProblem, as_number, items_at


def _direction_sums(data: dict[str, Any]) -> tuple[Decimal, int] | None:
    """Budget (万元) and projects added up over the directions; None if a figure is unusable."""
    budget, projects = Decimal(0), 0
    for _, direction in items_at(data, "directions"):
        holders = [item for _, item in items_at(direction, "fields")] or [direction]
        for holder in holders:
            money, count = holder.get("budget"), holder.get("projects")
            wan = as_number(money.get("wan")) if isinstance(money, dict) else None
            value = count.get("value") if isinstance(count, dict) else None
            if wan is None or not isinstance(value, int) or isinstance(value, bool):
                return None
            budget += wan
            projects += value
    return budget, projects


def check_figures(data: dict[str, Any]) -> Iterator[DataProblem]:
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
        for _, direction in items_at(data, "directions")
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
    stated = as_number(figures.get("budget_yi_about"))
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
