"""Length limits on texts: titles and summaries as the national system limits them.

And the pre-application's length: its texts together against the pack's
target (``pre_application_text_target``, “3000字左右”) times its warning
share (``pre_application_text_over_share``), a warning, never a block.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated

from pydantic import AfterValidator, Field

from applywizard.domain.draft.model import Draft
from applywizard.domain.draft.paths import is_text_path, resolve
from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.checks.registry import Params, check_kind
from applywizard.domain.rules.checks.values import DraftPath
from applywizard.domain.rules.context import Context, Problem, named
from applywizard.domain.text_length import Counting, count_characters, measure

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


def _text_part(path: str) -> str:
    if not (is_text_path(path) or is_text_path(path + ".text")):
        raise ValueError(f"{path!r} is neither a text of the draft nor a list of items with a text")
    return path


class PreApplicationLengthParams(Params):
    parts: tuple[Annotated[DraftPath, AfterValidator(_text_part)], ...] = Field(min_length=1)
    """The texts counted together: a text field, or a list whose items' ``text`` count."""
    counting: Counting = Counting.CHARACTERS
    cite_zh: str = Field(min_length=1)
    cite_en: str = Field(min_length=1)


def part_texts(draft: Draft, parts: Iterable[str]) -> list[str]:
    """The texts of ``parts``: a text field's value, or each item's ``text`` of a list."""
    texts: list[str] = []
    for path in parts:
        value = resolve(draft, path)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            texts.extend(
                item.text for item in value if isinstance(getattr(item, "text", None), str)
            )
    return texts


def text_total(texts: Iterable[str], counting: Counting = Counting.CHARACTERS) -> int:
    """Several texts' lengths added up, each counted as in domain/text_length.py."""
    return sum(count_characters(text, counting) for text in texts)


def warning_limit(guide: Guide) -> int:
    """Past how many characters the pre-application is too long: target × share, rounded down."""
    return int(guide.pre_application_text_target * guide.pre_application_text_over_share)


@check_kind("pre_application_length", PreApplicationLengthParams)
def pre_application_length(params: PreApplicationLengthParams, ctx: Context) -> Iterator[Problem]:
    """The pre-application's texts together stay near the pack's target (“3000字左右”)."""
    total = text_total(part_texts(ctx.draft, params.parts), params.counting)
    target, limit = ctx.guide.pre_application_text_target, warning_limit(ctx.guide)
    if total <= limit:
        return
    counting_zh, counting_en = COUNTING_RULE
    share = format(ctx.guide.pre_application_text_over_share * 100, "f").rstrip("0").rstrip(".")
    yield Problem(
        params.parts[0],
        f"预申报书正文合计 {total} 字，超出“{target}字左右”较多（提示线为 {limit} 字，"
        f"即 {share}%；{counting_zh}）",
        f"The pre-application's texts come to {total} characters, well over “about {target}” "
        f"(the warning line is {limit}, {share}%; {counting_en})",
        {"value": total, "limit": limit, "target": target},
        citation=(params.cite_zh, params.cite_en),
    )
