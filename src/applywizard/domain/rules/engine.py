"""The rules engine: a guide's rules, compiled once, judge drafts.

``RuleBook.compile(guide)`` checks every rule the data declares against the
kinds of check the code knows (an unknown kind or a wrong parameter is an
error of the guide file), and works out for each direction which rules apply,
which clause each cites and how severe a breach is. ``evaluate(draft)`` then
only runs checks, so it is cheap enough for every keystroke; a rule whose
``stages`` leave out the draft's stage (a formal-only rule at the
pre-application) is not run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.model import Direction, Guide, Notice, RuleSpec, Severity
from applywizard.domain.rules.checks import CHECK_KINDS, CheckKind
from applywizard.domain.rules.context import Context, Problem
from applywizard.domain.rules.finding import Finding


class GuideRuleError(ValueError):
    """A rule in the guide data names an unknown check or gives wrong parameters."""


@dataclass(frozen=True, slots=True)
class BoundRule:
    """A rule ready to run for one direction (or for drafts with none)."""

    spec: RuleSpec
    kind: CheckKind[Any]
    params: BaseModel
    direction: str | None
    clause: int | None
    severity: Severity
    citation: tuple[str, str]
    notice: str | None = None
    notice_clause: int | None = None


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _bind_params(spec: RuleSpec, guide: Guide) -> tuple[CheckKind[Any], BaseModel]:
    kind = CHECK_KINDS.get(spec.check)
    if kind is None:
        known = ", ".join(sorted(CHECK_KINDS))
        raise GuideRuleError(f"rule {spec.id}: unknown check {spec.check!r} (known: {known})")
    try:
        return kind, kind.params.model_validate(spec.params, context={"guide": guide})
    except ValidationError as error:
        raise GuideRuleError(f"rule {spec.id}: bad parameters for {spec.check}: {error}") from error


def _citation(direction: Direction | None, clause: int | None) -> tuple[str, str]:
    if direction is None or clause is None:
        return "通用规则", "general rule"
    return _clause_citation(direction.code, clause)


def _clause_citation(code: str, clause: int) -> tuple[str, str]:
    if clause == 0:
        return f"指南 {code} 其他要求", f"guide {code}, other requirements"
    return f"指南 {code} 其他要求（{clause}）", f"guide {code}, other requirements ({clause})"


def _notice_citation(notice: Notice, clause: int) -> tuple[str, str]:
    return f"{notice.cite_as.zh}（{clause}）", f"{notice.cite_as.en} ({clause})"


def _bound(  # noqa: PLR0917 - the fields of BoundRule, in its order
    spec: RuleSpec,
    kind: CheckKind[Any],
    params: BaseModel,
    direction: Direction | None,
    clause: int | None,
    severity: Severity,
) -> BoundRule:
    code = direction.code if direction else None
    return BoundRule(spec, kind, params, code, clause, severity, _citation(direction, clause))


class RuleBook:
    """A guide's rules, compiled for each direction."""

    def __init__(self, guide: Guide, rules: dict[str | None, tuple[BoundRule, ...]]) -> None:
        self.guide = guide
        self._rules = rules
        self.content_hash = ""
        """The SHA-256 of the guide pack it was compiled from (set by whoever read the pack)."""

    @classmethod
    def compile(cls, guide: Guide) -> RuleBook:
        """Bind every rule of the guide; raise GuideRuleError on a bad one."""
        general = [(spec, *_bind_params(spec, guide)) for spec in guide.general_rules]
        notices = [
            (notice, clause.number, spec, *_bind_params(spec, guide))
            for notice in guide.notices
            for clause in notice.clauses
            for spec in clause.rules
        ]

        def notice_rules(code: str | None) -> list[BoundRule]:
            return [
                BoundRule(
                    spec,
                    kind,
                    params,
                    code,
                    None,
                    spec.severity,
                    _notice_citation(notice, number),
                    notice.id,
                    number,
                )
                for notice, number, spec, kind, params in notices
            ]

        rules: dict[str | None, tuple[BoundRule, ...]] = {
            None: (
                *(
                    _bound(spec, kind, params, None, None, spec.severity)
                    for spec, kind, params in general
                ),
                *notice_rules(None),
            )
        }
        for direction in guide.directions:
            bound: list[BoundRule] = []
            for spec, kind, params in general:
                clause = kind.cites(direction) if kind.cites else None
                severity = kind.severity_for(direction) if kind.severity_for else None
                bound.append(
                    _bound(spec, kind, params, direction, clause, severity or spec.severity)
                )
            bound.extend(notice_rules(direction.code))
            for clause_item in direction.clauses:
                for spec in clause_item.rules:
                    kind, params = _bind_params(spec, guide)
                    bound.append(
                        _bound(spec, kind, params, direction, clause_item.number, spec.severity)
                    )
            rules[direction.code] = tuple(bound)
        return cls(guide, rules)

    def rules_for(self, direction: str | None) -> Sequence[BoundRule]:
        """The rules a draft of this direction is judged by (general ones if unknown)."""
        return self._rules.get(direction, self._rules[None])

    def reads(self, direction: str, prefix: str) -> bool:
        """Whether a direction's rules read fields under ``prefix`` (``horizon.``, …)."""
        for rule in self._rules.get(direction, ()):
            path = getattr(rule.params, "path", "")
            if isinstance(path, str) and path.startswith(prefix):
                return True
        return False

    def evaluate(self, draft: Draft) -> list[Finding]:
        """Every finding about a draft: errors first, then in the order of the rules."""
        direction = self.guide.direction(draft.direction) if draft.direction else None
        context = Context(draft=draft, guide=self.guide, direction=direction)
        findings: list[Finding] = []
        for rule in self.rules_for(direction.code if direction else None):
            if draft.stage not in rule.spec.stages:
                continue
            for problem in rule.kind.run(rule.params, context):
                findings.append(_finding(rule, problem))
        findings.sort(key=lambda finding: not finding.is_error)
        return findings


def _finding(rule: BoundRule, problem: Problem) -> Finding:
    zh, en = problem.zh, problem.en
    if rule.spec.message is not None and not problem.missing:
        values = _Defaults(problem.values)
        zh = rule.spec.message.zh.format_map(values)
        en = rule.spec.message.en.format_map(values)
    citation_zh, citation_en = rule.citation
    clause = rule.clause
    if rule.notice is not None:
        pass
    elif problem.citation is not None:
        citation_zh, citation_en = problem.citation
    elif clause is None and problem.clause is not None and rule.direction is not None:
        clause = problem.clause
        citation_zh, citation_en = _clause_citation(rule.direction, clause)
    elif rule.clause is None and problem.section is not None and rule.direction is not None:
        citation_zh = f"指南 {rule.direction} {problem.section[0]}"
        citation_en = f"guide {rule.direction}, {problem.section[1]}"
    elif rule.clause is None and problem.section is not None:
        citation_zh, citation_en = problem.section
    return Finding(
        rule=rule.spec.id,
        direction=rule.direction,
        clause=clause,
        severity=rule.severity,
        field=problem.field,
        message=zh,
        message_en=en,
        citation=citation_zh,
        citation_en=citation_en,
        notice=rule.notice,
        notice_clause=rule.notice_clause,
    )
