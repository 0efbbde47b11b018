"""The pre-flight check: what was found inside each attached file.

The facts come from the draft (``Attachment.preflight``, written by the
pre-flight when a file is attached and again before generating); this check
only reads them, so it runs on every keystroke like any other. One rule names
one problem, so a pack gives each its severity and its wording. A finding
cites the direction's clause that asks for the document, where one does.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from applywizard.domain.draft.model import Attachment
from applywizard.domain.draft.preflight import Failure, PreflightFacts
from applywizard.domain.rules.checks.registry import Params, check_kind
from applywizard.domain.rules.context import Context, Problem


class PreflightProblem(StrEnum):
    """A problem the pre-flight facts can show."""

    DAMAGED = "damaged"
    ENCRYPTED = "encrypted"
    HOSTILE = "hostile"
    MACROS = "macros"
    OVER_SIZE = "over_size"
    SCANNED = "scanned"
    FONTS_NOT_EMBEDDED = "fonts_not_embedded"
    STALE = "stale"


class PreflightParams(Params):
    problem: PreflightProblem


def megabytes(size: int) -> str:
    """A size in bytes as MB with one decimal (52428800 reads 50.0 MB)."""
    return f"{size / (1024 * 1024):.1f} MB"


def requiring_clause(ctx: Context, kind: str) -> int | None:
    """The first clause of the chosen direction whose rules ask for a document of ``kind``."""
    if ctx.direction is None:
        return None
    for clause in ctx.direction.clauses:
        for spec in clause.rules:
            if spec.check == "attachment" and spec.params.get("kind") == kind:
                return clause.number
    return None


def _shows(problem: PreflightProblem, item: Attachment, facts: PreflightFacts) -> bool:  # noqa: PLR0911 - one answer per problem
    if problem is PreflightProblem.STALE:
        return item.sha256 is not None and facts.sha256 != item.sha256
    if facts.sha256 != item.sha256:
        return False  # facts about another file say nothing about this one
    if problem is PreflightProblem.DAMAGED:
        return facts.failure is Failure.DAMAGED
    if problem is PreflightProblem.ENCRYPTED:
        return facts.failure is Failure.ENCRYPTED or facts.encrypted
    if problem is PreflightProblem.HOSTILE:
        return facts.failure is Failure.HOSTILE
    if problem is PreflightProblem.MACROS:
        return facts.macros
    if problem is PreflightProblem.OVER_SIZE:
        return facts.over_size
    if problem is PreflightProblem.SCANNED:
        return facts.pages_with_text == 0 and bool(facts.pages_without_text)
    return bool(facts.fonts_not_embedded)


DEFAULT_WORDS: dict[PreflightProblem, tuple[str, str]] = {
    PreflightProblem.DAMAGED: (
        "附件“{file}”无法打开，文件已损坏或不是其扩展名所示的格式（{detail}）",
        "The attachment “{file}” cannot be opened: it is damaged or not the type its name "
        "says ({detail})",
    ),
    PreflightProblem.ENCRYPTED: (
        "附件“{file}”已加密或设有密码，请提交未加密的文件",
        "The attachment “{file}” is encrypted or password-protected; attach an unencrypted file",
    ),
    PreflightProblem.HOSTILE: (
        "附件“{file}”超出检查的时间或内存上限，文件可能已损坏或含异常结构（{detail}）",
        "Checking the attachment “{file}” ran past its time or memory bound: the file may be "
        "damaged or built to harm ({detail})",
    ),
    PreflightProblem.MACROS: (
        "附件“{file}”含有宏，请另存为不含宏的 .docx/.xlsx 或 PDF",
        "The attachment “{file}” contains macros; save it without macros (.docx/.xlsx) or as PDF",
    ),
    PreflightProblem.OVER_SIZE: (
        "附件“{file}”有 {size}，超过设置的申报系统附件上限 {limit}",
        "The attachment “{file}” is {size}, more than the national system's limit set here, "
        "{limit}",
    ),
    PreflightProblem.SCANNED: (
        "附件“{file}”的 {pages} 页均无文字层（扫描件），评审专家无法检索或复制其文字",
        "None of the {pages} pages of the attachment “{file}” has a text layer (a scan): "
        "reviewers cannot search or copy its text",
    ),
    PreflightProblem.FONTS_NOT_EMBEDDED: (
        "附件“{file}”有字体未嵌入，在其他电脑上可能显示不同：{fonts}",
        "The attachment “{file}” has fonts not embedded, which may show differently on "
        "another computer: {fonts}",
    ),
    PreflightProblem.STALE: (
        "附件“{file}”已在草稿旁被修改（SHA-256 与附加时不同），请重新附加该文件",
        "The attachment “{file}” beside the draft has changed since it was attached (its "
        "SHA-256 differs); attach it again",
    ),
}


def _values(item: Attachment, facts: PreflightFacts) -> dict[str, Any]:
    return {
        "file": item.file_name,
        "detail": facts.detail or "—",
        "size": megabytes(facts.size_bytes),
        "limit": megabytes(facts.size_limit_bytes),
        "pages": facts.pages if facts.pages is not None else 0,
        "fonts": ", ".join(facts.fonts_not_embedded),
    }


@check_kind("attachment_preflight", PreflightParams)
def attachment_preflight(params: PreflightParams, ctx: Context) -> Iterator[Problem]:
    """Each attachment's pre-flight facts do not show the problem (unchecked files pass)."""
    for index, item in enumerate(ctx.draft.attachments):
        facts = item.preflight
        if facts is None or not _shows(params.problem, item, facts):
            continue
        values = _values(item, facts)
        zh, en = DEFAULT_WORDS[params.problem]
        yield Problem(
            f"attachments.{index}.file_name",
            zh.format_map(values),
            en.format_map(values),
            values,
            clause=requiring_clause(ctx, item.kind),
        )
