"""Checks on attachments and declarations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from applywizard.domain.draft.model import Attachment
from applywizard.domain.rules.checks.registry import (
    AttachmentKindId,
    DeclarationId,
    NoParams,
    Params,
    check_kind,
)
from applywizard.domain.rules.context import Context, Problem


def _of_kind(ctx: Context, kind: str) -> list[tuple[int, Attachment]]:
    return [(index, item) for index, item in enumerate(ctx.draft.attachments) if item.kind == kind]


def _kind_names(ctx: Context, kind: str) -> tuple[str, str]:
    found = ctx.guide.attachment_kind(kind)
    return (found.zh, found.en) if found else (kind, kind)


class KindParams(Params):
    kind: AttachmentKindId


@check_kind("attachment", KindParams)
def attachment(params: KindParams, ctx: Context) -> Iterator[Problem]:
    """A document of this kind is attached."""
    if not _of_kind(ctx, params.kind):
        zh, en = _kind_names(ctx, params.kind)
        yield Problem("attachments", f"缺少附件：{zh}", f"Missing attachment: {en}", {"kind": zh})


class SignedBeforeParams(Params):
    kind: AttachmentKindId
    before: date | None = None
    by_application_date: bool = False


@check_kind("attachment_signed", SignedBeforeParams)
def attachment_signed(params: SignedBeforeParams, ctx: Context) -> Iterator[Problem]:
    """Each attached document of the kind gives its signing date, within the limits."""
    zh, en = _kind_names(ctx, params.kind)
    applied = ctx.draft.project.application_date
    for index, item in _of_kind(ctx, params.kind):
        path = f"attachments.{index}.signed_on"
        if item.signed_on is None:
            yield Problem(path, f"请填写{zh}的签署日期", f"Give the signing date of the {en}")
        elif params.before is not None and item.signed_on >= params.before:
            yield Problem(
                path,
                f"{zh}的签署日期须早于 {params.before}，现为 {item.signed_on}",
                f"The {en} must be signed before {params.before}; it was signed {item.signed_on}",
            )
        elif params.by_application_date and applied is not None and item.signed_on > applied:
            yield Problem(
                path,
                f"{zh}须在申报前签署，签署日期 {item.signed_on} 晚于申报日期 {applied}",
                f"The {en} must be signed before applying; {item.signed_on} is after the "
                f"application date {applied}",
            )


@check_kind("attachment_signed_by_all", KindParams)
def attachment_signed_by_all(params: KindParams, ctx: Context) -> Iterator[Problem]:
    """Each attached document of the kind is signed by all cooperating units."""
    zh, en = _kind_names(ctx, params.kind)
    for index, item in _of_kind(ctx, params.kind):
        if item.signed_by_all_parties is not True:
            yield Problem(
                f"attachments.{index}.signed_by_all_parties",
                f"{zh}须经所有中外合作单位签署",
                f"The {en} must be signed by all cooperating units",
            )


@check_kind("attachment_valid", KindParams)
def attachment_valid(params: KindParams, ctx: Context) -> Iterator[Problem]:
    """Each attached document of the kind is still valid on the application date."""
    zh, en = _kind_names(ctx, params.kind)
    applied = ctx.draft.project.application_date
    for index, item in _of_kind(ctx, params.kind):
        if item.valid_until is not None and applied is not None and item.valid_until < applied:
            yield Problem(
                f"attachments.{index}.valid_until",
                f"{zh}已于 {item.valid_until} 失效，早于申报日期 {applied}",
                f"The {en} expired on {item.valid_until}, before the application date {applied}",
            )


class IpTermsParams(Params):
    agreement: AttachmentKindId
    ip_agreement: AttachmentKindId | None = None


@check_kind("ip_terms", IpTermsParams)
def ip_terms(params: IpTermsParams, ctx: Context) -> Iterator[Problem]:
    """IP is agreed: IP clauses in the agreement, or (where allowed) a separate IP agreement."""
    agreements = _of_kind(ctx, params.agreement)
    separate = params.ip_agreement is not None and _of_kind(ctx, params.ip_agreement)
    if separate or not agreements:
        return
    if any(item.contains_ip_clauses is True for _, item in agreements):
        return
    zh, en = _kind_names(ctx, params.agreement)
    path = f"attachments.{agreements[0][0]}.contains_ip_clauses"
    if params.ip_agreement is None:
        yield Problem(path, f"{zh}须包含知识产权条款", f"The {en} must contain IP clauses")
        return
    ip_zh, ip_en = _kind_names(ctx, params.ip_agreement)
    yield Problem(
        path,
        f"{zh}须包含知识产权条款，否则须另附{ip_zh}",
        f"The {en} must contain IP clauses, or a separate {ip_en} must be attached",
    )


class DeclarationParams(Params):
    id: DeclarationId


@check_kind("declaration", DeclarationParams)
def declaration(params: DeclarationParams, ctx: Context) -> Iterator[Problem]:
    """The applicant has answered the declaration “yes”.

    Not answered yet and answered “no” are told apart: the first asks for an
    answer, the second says the application cannot go on as it stands.
    """
    answer = ctx.draft.declarations.get(params.id)
    if answer is True:
        return
    found = ctx.guide.declaration(params.id)
    zh, en = (found.zh, found.en) if found else (params.id, params.id)
    path = f"declarations.{params.id}"
    if answer is None:
        yield Problem(
            path,
            f"尚未回答（请选择“是”或“否”）：{zh}",
            f"Not answered yet (choose Yes or No): {en}",
            {"answer": "unanswered"},
            missing=True,
        )
    else:
        yield Problem(
            path,
            f"已回答“否”，但申报须满足此项：{zh}",
            f"Answered No, but the application must meet this: {en}",
            {"answer": "no"},
        )


@check_kind("attachments_known", NoParams)
def attachments_known(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Every attachment has a known kind and a file name."""
    for index, item in enumerate(ctx.draft.attachments):
        kind = ctx.guide.attachment_kind(item.kind)
        if kind is None:
            yield Problem(
                f"attachments.{index}.kind",
                f"附件 {index + 1} 的类型“{item.kind}”不在本指南的附件类型中",
                f"Attachment {index + 1} has the unknown kind “{item.kind}”",
            )
        if not item.file_name:
            yield Problem(
                f"attachments.{index}.file_name",
                f"附件 {index + 1} 缺少文件",
                f"Attachment {index + 1} has no file",
            )


@check_kind("attachment_file_types", NoParams)
def attachment_file_types(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Each attachment is of a file type its kind usually comes in.

    The guide names no format, so a pack rules this as a warning unless a
    source names the accepted formats (then the rule cites it).
    """
    for index, item in enumerate(ctx.draft.attachments):
        kind = ctx.guide.attachment_kind(item.kind)
        if kind is None or not item.file_name:
            continue
        extension = item.file_name.rsplit(".", 1)[-1].lower() if "." in item.file_name else ""
        if extension not in kind.extensions:
            allowed = ", ".join(kind.extensions)
            yield Problem(
                f"attachments.{index}.file_name",
                f"{kind.zh}通常为 {allowed} 文件，“{item.file_name}”不是；请确认申报系统接受此格式",
                f"The {kind.en} is usually a {allowed} file; “{item.file_name}” is not: check "
                "that the national system accepts it",
                {"extension": extension, "allowed": allowed},
            )


@check_kind("declarations_known", NoParams)
def declarations_known(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Every ticked declaration is one the guide knows."""
    for key in ctx.draft.declarations:
        if ctx.guide.declaration(key) is None:
            yield Problem(
                f"declarations.{key}",
                f"未知的申报承诺“{key}”（可能来自其他指南的草稿）",
                f"Unknown declaration “{key}” (perhaps from another guide's draft)",
            )
