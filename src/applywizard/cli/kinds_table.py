"""The table of check kinds and their parameters in docs/guide-packs.md, made from the registry.

``scripts/make_guide_docs.py`` writes it into the document between the
markers below; a test fails when the document's table is not this one, so a
new kind of check cannot be left out of the author's documentation.
"""

from __future__ import annotations

import types
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from applywizard.domain.rules.checks import CHECK_KINDS, CheckKind

BEGIN = "<!-- check kinds: begin (scripts/make_guide_docs.py writes this table) -->"
END = "<!-- check kinds: end -->"

_NAMES: dict[Any, str] = {
    str: "text",
    int: "whole number",
    Decimal: "number",
    bool: "true/false",
    date: "date (YYYY-MM-DD)",
}


_VALIDATED: dict[str, str] = {
    "_known_attachment_kind": "an attachment kind's id (attachment_kinds)",
    "_known_declaration": "a declaration's id (declarations)",
    "_known_path": "a draft field, e.g. project.title_zh",
}
"""Texts whose validator says what they must name."""


def _validated(metadata: Any) -> str | None:
    for item in metadata:
        name = getattr(getattr(item, "func", None), "__name__", "")
        if name in _VALIDATED:
            return _VALIDATED[name]
    return None


def type_name(annotation: Any, metadata: Any = ()) -> str:  # noqa: PLR0911 - one per form
    """A parameter's type as an author reads it: ``list of: research_institute, university``."""
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    named = _validated(metadata) or _validated(getattr(annotation, "__metadata__", ()))
    if named is not None:
        return named
    if annotation in _NAMES:
        return _NAMES[annotation]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of: " + ", ".join(str(member.value) for member in annotation)
    if origin is Literal:
        return "one of: " + ", ".join(str(argument) for argument in arguments)
    if origin in (tuple, list):
        return "list of " + type_name(arguments[0])
    if origin in (Union, types.UnionType):
        forms = [type_name(argument) for argument in arguments if argument is not type(None)]
        return " or ".join(forms)
    if arguments and hasattr(annotation, "__metadata__"):  # Annotated[str, validator]
        return type_name(arguments[0])
    return getattr(annotation, "__name__", str(annotation))


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    value = field.default
    if value is PydanticUndefined or value is None:
        return "optional"
    if isinstance(value, bool):
        return f"default {'true' if value else 'false'}"
    if isinstance(value, tuple) and not value:
        return "optional"
    return f"default {value}"


def _parameters(kind: CheckKind[Any]) -> str:
    fields = kind.params.model_fields
    if not fields:
        return "—"
    return "<br>".join(
        f"`{name}`: {type_name(field.annotation, field.metadata)} ({_default(field)})"
        for name, field in fields.items()
    )


def _summary(kind: CheckKind[Any]) -> str:
    doc = (kind.run.__doc__ or "").strip().splitlines()
    return doc[0].replace("|", "\\|") if doc else ""


def kinds_table() -> str:
    """The Markdown table: every registered kind, what it checks, its parameters."""
    rows = [
        "| 检查类型 kind | 检查什么 / what it checks | 参数 / parameters |",
        "|---|---|---|",
    ]
    for name in sorted(CHECK_KINDS):
        kind = CHECK_KINDS[name]
        rows.append(f"| `{name}` | {_summary(kind)} | {_parameters(kind)} |")
    return "\n".join(rows)


def with_table(document: str) -> str:
    """``document`` with the text between the markers replaced by the current table."""
    start, end = document.index(BEGIN) + len(BEGIN), document.index(END)
    return document[:start] + "\n" + kinds_table() + "\n" + document[end:]
