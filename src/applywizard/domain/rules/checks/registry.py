"""The kinds of check a rule in the guide data may name.

A check kind is a function of (parameters, context) that yields problems,
with a pydantic model for its parameters so that a guide file naming an
unknown kind or a wrong parameter fails when it is loaded, not when an
applicant meets the rule. A kind that reads facts the direction states (its
duration, its partner countries) says which clause of the direction it
enforces, so general rules cite clauses too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo

from applywizard.domain.guide.model import Direction, Guide, Severity
from applywizard.domain.rules.context import Context, Problem


class Params(BaseModel):
    """Base of every check's parameters: frozen, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class NoParams(Params):
    """A check that takes no parameters."""


P = TypeVar("P", bound=Params)

Run = Callable[[P, Context], Iterable[Problem]]
Cites = Callable[[Direction], int | None]
SeverityFor = Callable[[Direction], Severity | None]


@dataclass(frozen=True)
class CheckKind(Generic[P]):
    """A kind of check: its parameters, its test, what it cites."""

    name: str
    params: type[P]
    run: Run[P]
    cites: Cites | None = None
    severity_for: SeverityFor | None = None


CHECK_KINDS: dict[str, CheckKind[Any]] = {}


def check_kind(
    name: str,
    params: type[P],
    *,
    cites: Cites | None = None,
    severity_for: SeverityFor | None = None,
) -> Callable[[Run[P]], Run[P]]:
    """Register a function as the check kind ``name``."""

    def register(run: Run[P]) -> Run[P]:
        if name in CHECK_KINDS:
            raise ValueError(f"check kind {name} registered twice")
        CHECK_KINDS[name] = CheckKind(name, params, run, cites, severity_for)
        return run

    return register


def _guide_of(info: ValidationInfo) -> Guide | None:
    context = info.context
    return context.get("guide") if isinstance(context, dict) else None


def _known_attachment_kind(value: str, info: ValidationInfo) -> str:
    guide = _guide_of(info)
    if guide is not None and guide.attachment_kind(value) is None:
        raise ValueError(f"the guide lists no attachment kind {value!r}")
    return value


def _known_declaration(value: str, info: ValidationInfo) -> str:
    guide = _guide_of(info)
    if guide is not None and guide.declaration(value) is None:
        raise ValueError(f"the guide lists no declaration {value!r}")
    return value


AttachmentKindId = Annotated[str, AfterValidator(_known_attachment_kind)]
"""An attachment kind the guide's catalogue lists (checked when the guide loads)."""

DeclarationId = Annotated[str, AfterValidator(_known_declaration)]
"""A declaration the guide's catalogue lists (checked when the guide loads)."""
