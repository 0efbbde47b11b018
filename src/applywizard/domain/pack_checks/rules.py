"""The pack checks of rules: their kinds, their parameters and their messages.

``check_rules``: a rule naming a kind of check that does not exist (with the
nearest names), parameters its kind refuses, and attachment kinds or
declarations that the pack does not list (``_Catalogue`` stands in for the
Guide while the parameters are validated, so rules are checked even when the
rest of the guide has errors). ``check_stale_messages``: a message naming a
date or number that its rule's parameters no longer hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from applywizard.domain.guide.message_figures import stale_figures
from applywizard.domain.guide.plain_errors import PlainError, close_matches, plain
from applywizard.domain.pack_checks.data import ERROR, WARNING, DataProblem, all_rules, items_at
from applywizard.domain.rules.checks import CHECK_KINDS


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


def check_rules(data: dict[str, Any]) -> Iterator[DataProblem]:
    catalogue = _Catalogue(
        {
            item["id"]
            for _, item in items_at(data, "attachment_kinds")
            if isinstance(item.get("id"), str)
        },
        {
            item["id"]
            for _, item in items_at(data, "declarations")
            if isinstance(item.get("id"), str)
        },
    )
    for path, rule in all_rules(data):
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


def check_stale_messages(data: dict[str, Any]) -> Iterator[DataProblem]:
    """A rule's message naming a date or number that its parameters do not hold."""
    for path, rule in all_rules(data):
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
