"""Length limits on texts: titles and summaries as the national system limits them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import AfterValidator, Field

from applywizard.domain.draft.paths import is_text_path, resolve
from applywizard.domain.rules.checks.registry import Params, check_kind
from applywizard.domain.rules.checks.values import DraftPath
from applywizard.domain.rules.context import Context, Problem, named
from applywizard.domain.text_length import Counting, measure

COUNTING_RULE = (
    "每个汉字、字母、数字、标点各计 1 字",
    "each Chinese character, letter, digit and punctuation mark counts one",
)


def _text_path(path: str) -> str:
    if not is_text_path(path):
        raise ValueError(f"{path!r} is not a text field of the draft (a list is not limited)")
    return path


class MaxLengthParams(Params):
    path: Annotated[DraftPath, AfterValidator(_text_path)]
    limit: int = Field(ge=1)
    counting: Counting = Counting.CHARACTERS
    source: str = Field(min_length=1)
    """Where the limit comes from: an address, or why it is a default."""
    cite_zh: str = Field(min_length=1)
    cite_en: str = Field(min_length=1)


@check_kind("max_length", MaxLengthParams)
def max_length(params: MaxLengthParams, ctx: Context) -> Iterator[Problem]:
    """A text has at most ``limit`` characters (counted as in domain/text_length.py)."""
    value = resolve(ctx.draft, params.path)
    if not isinstance(value, str) or not value.strip():
        return
    found = measure(value, params.limit, params.counting)
    if not found.over:
        return
    zh, en = named(params.path)
    counting_zh, counting_en = COUNTING_RULE
    yield Problem(
        params.path,
        f"“{zh}”应不超过 {params.limit} 字，现为 {found.count} 字（{counting_zh}）",
        f"“{en}” has at most {params.limit} characters; it has {found.count} ({counting_en})",
        {"value": found.count, "limit": params.limit},
        citation=(params.cite_zh, params.cite_en),
    )
