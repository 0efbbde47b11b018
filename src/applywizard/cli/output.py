"""How the command line prints: human tables in Chinese or English, and JSON."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from applywizard.domain.guide.model import Direction, Guide
from applywizard.domain.rules.coverage import ClauseCoverage
from applywizard.domain.rules.finding import Finding

KIND_WORDS = {
    "checked": ("数据校验", "checked"),
    "attachment": ("附件", "attachment"),
    "declaration": ("申报承诺", "declaration"),
    "advice": ("仅为建议", "advice"),
}


def emit_json(data: Any, stream: TextIO | None = None) -> None:
    """JSON with Chinese kept readable."""
    stream = stream or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def direction_json(guide: Guide, direction: Direction) -> dict[str, Any]:
    """A direction as ``directions --json`` prints it."""
    duration = guide.duration_for(direction)
    return {
        "code": direction.code,
        "title": direction.title,
        "title_en": direction.title_en,
        "counterparts": list(direction.counterparts),
        "partner_countries": list(direction.partner_countries),
        "projects": direction.project_count,
        "projects_text": [f.projects.text for f in direction.fields]
        or [direction.projects.text if direction.projects else ""],
        "budget_wan": float(direction.budget_wan),
        "budget_text": [f.budget.text for f in direction.fields]
        or [direction.budget.text if direction.budget else ""],
        "duration": None
        if duration is None
        else {
            "min_months": duration.min_months,
            "max_months": duration.max_months,
            "strength": duration.strength.value,
            "text": duration.text,
        },
        "incomplete": direction.incomplete.en if direction.incomplete else None,
        "fields": [
            {
                "id": f.id,
                "code": f.code,
                "title": f.title,
                "projects": f.projects.value,
                "budget_wan": float(f.budget.wan),
                "themes": [
                    {"id": t.id, "title": t.title, "eu_topic": t.eu_topic} for t in f.themes
                ],
            }
            for f in direction.fields
        ],
        "sub_directions": [{"id": s.id, "title": s.title} for s in direction.sub_directions],
        "clauses": len(direction.clauses),
    }


def print_directions(guide: Guide, *, english: bool, stream: TextIO | None = None) -> None:
    """The catalogue as a readable list."""
    stream = stream or sys.stdout
    for direction in guide.directions:
        title = direction.title_en if english else direction.title
        duration = guide.duration_for(direction)
        texts = [f.projects.text + f.budget.text for f in direction.fields] or [
            (direction.projects.text if direction.projects else "")
            + (direction.budget.text if direction.budget else "")
        ]
        stream.write(f"{direction.code}  {title}\n")
        stream.write(
            f"     {'partners' if english else '合作方'}: {', '.join(direction.counterparts)}"
        )
        stream.write(f"   {'projects' if english else '项目数'}: {direction.project_count}")
        stream.write(f"   {'budget' if english else '经费'}: {direction.budget_wan} 万元")
        stream.write(
            f"   {'duration' if english else '周期'}: {duration.text if duration else '—'}\n"
        )
        for text in texts:
            stream.write(f"     {text}\n")
    stream.write(
        f"\n{len(guide.directions)} {'directions' if english else '个方向'}, "
        f"{guide.total_projects} {'projects' if english else '个项目'}, "
        f"{guide.total_budget_wan} 万元\n"
    )


def print_coverage(
    entries: list[ClauseCoverage], *, english: bool, stream: TextIO | None = None
) -> None:
    """The coverage map as a readable list."""
    stream = stream or sys.stdout
    current = None
    for entry in entries:
        if entry.direction != current:
            current = entry.direction
            stream.write(f"\n{entry.direction}\n")
        kind = KIND_WORDS[entry.kind.value][1 if english else 0]
        number = f"（{entry.clause}）" if entry.clause else ("(-)" if english else "（—）")
        rules = ", ".join(entry.rules) or "—"
        excerpt = entry.text if len(entry.text) <= 40 else entry.text[:39] + "…"
        stream.write(f"  {number} [{kind}] {excerpt}\n      {rules}\n")


def counted(number: int, noun: str) -> str:
    """“1 warning”, “2 warnings”: an English count with its noun."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def print_findings(
    name: str, findings: list[Finding], *, english: bool, stream: TextIO | None = None
) -> None:
    """One draft's findings, errors first."""
    stream = stream or sys.stdout
    errors = sum(1 for finding in findings if finding.is_error)
    warnings = len(findings) - errors
    if english:
        stream.write(f"{name}: {counted(errors, 'error')}, {counted(warnings, 'warning')}\n")
    else:
        stream.write(f"{name}：{errors} 个错误，{warnings} 个警告\n")
    for finding in findings:
        severity = finding.severity.value if english else ("错误" if finding.is_error else "警告")
        citation = finding.citation_en if english else finding.citation
        message = finding.message_en if english else finding.message
        stream.write(f"  {severity}  [{citation}] {finding.field}: {message}  ({finding.rule})\n")
