"""``check --guide``: a draft's findings under its own pack and another, side by side."""

from __future__ import annotations

import sys
import unicodedata
from typing import Any, TextIO

from applywizard.domain.rules.comparison import Comparison, Presence
from applywizard.domain.rules.finding import Finding

COLUMN = 46
"""Width of one side, in terminal cells (a Chinese character takes two)."""


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for ch in text:
        if _cells(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line or not lines else lines


def _side(finding: Finding | None, *, english: bool) -> list[str]:
    if finding is None:
        return ["—"]
    mark = "✖" if finding.is_error else "⚠"
    message = finding.message_en if english else finding.message
    citation = finding.citation_en if english else finding.citation
    return _wrap(f"{mark} {message} [{citation}]", COLUMN)


def print_comparison(
    name: str, comparison: Comparison, *, english: bool, stream: TextIO | None = None
) -> None:
    """The two packs' findings in two columns, rows paired by rule and field."""
    stream = stream or sys.stdout
    zh, en = comparison.mapping.describe()
    left, right = comparison.current_guide, comparison.other_guide
    stream.write(f"{name}\n  {en if english else zh}\n")
    header_left = f"{'current' if english else '当前'}: {left}"
    header_right = f"{'other' if english else '对照'}: {right}"
    stream.write(f"  {header_left}{' ' * max(1, COLUMN + 3 - _cells(header_left))}{header_right}\n")
    stream.write(f"  {'-' * COLUMN}   {'-' * COLUMN}\n")
    for row in comparison.rows:
        mine, theirs = _side(row.current, english=english), _side(row.other, english=english)
        for index in range(max(len(mine), len(theirs))):
            a = mine[index] if index < len(mine) else ""
            b = theirs[index] if index < len(theirs) else ""
            stream.write(f"  {a}{' ' * (COLUMN + 3 - _cells(a))}{b}".rstrip() + "\n")
    only_mine = sum(1 for row in comparison.rows if row.presence is Presence.CURRENT_ONLY)
    only_theirs = sum(1 for row in comparison.rows if row.presence is Presence.OTHER_ONLY)
    if english:
        stream.write(
            f"  errors: {comparison.current_errors} under {left}, {comparison.other_errors} "
            f"under {right}; {only_mine} findings only under {left}, {only_theirs} only "
            f"under {right}; the draft is not changed\n\n"
        )
    else:
        stream.write(
            f"  错误：{left} 下 {comparison.current_errors} 个，{right} 下 "
            f"{comparison.other_errors} 个；仅 {left} 有 {only_mine} 条，仅 {right} 有 "
            f"{only_theirs} 条；草稿未修改\n\n"
        )


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as ``check --guide --json`` prints it."""
    mapping = comparison.mapping
    return {
        "other_guide": comparison.other_guide,
        "direction": mapping.code or None,
        "other_direction": mapping.other_code,
        "mapping": mapping.how.value,
        "current_errors": comparison.current_errors,
        "other_errors": comparison.other_errors,
        "rows": [
            {
                "presence": row.presence.value,
                "current": row.current.as_json() if row.current else None,
                "other": row.other.as_json() if row.other else None,
            }
            for row in comparison.rows
        ],
    }
