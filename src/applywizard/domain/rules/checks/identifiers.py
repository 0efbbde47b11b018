"""Checks on the identifiers of units and partners (warnings: early codes exist)."""

from __future__ import annotations

from collections.abc import Iterator

from applywizard.domain.identifiers import (
    credit_code_is_valid,
    known_number_kinds,
    registration_number_is_valid,
)
from applywizard.domain.rules.checks.registry import NoParams, check_kind
from applywizard.domain.rules.context import Context, Problem


@check_kind("credit_code", NoParams)
def credit_code(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Each Chinese unit's 统一社会信用代码 passes the GB 32100-2015 check."""
    for index, unit in enumerate(ctx.draft.chinese_units):
        if unit.credit_code and not credit_code_is_valid(unit.credit_code):
            yield Problem(
                f"chinese_units.{index}.credit_code",
                f"“{unit.name}”的统一社会信用代码 {unit.credit_code} 未通过校验"
                "（应为 18 位，末位为校验码），请与营业执照或法人证书核对",
                f"The unified social credit code {unit.credit_code} of “{unit.name}” fails "
                "its check (18 characters, the last a check character); compare it with "
                "the unit's licence",
            )


@check_kind("foreign_registration_number", NoParams)
def foreign_registration_number(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Each foreign registration number validates where python-stdnum knows the country."""
    for index, partner in enumerate(ctx.draft.foreign_partners):
        if not partner.registration_number or partner.country is None:
            continue
        if registration_number_is_valid(partner.country, partner.registration_number) is False:
            kinds = "; ".join(known_number_kinds(partner.country))
            yield Problem(
                f"foreign_partners.{index}.registration_number",
                f"“{partner.name}”的注册号 {partner.registration_number} 不是有效的{kinds}；"
                "如属其他类型的登记号，请核对后忽略此提示",
                f"The registration number {partner.registration_number} of “{partner.name}” "
                f"is not a valid {kinds}; if it is another kind of number, check it and "
                "ignore this warning",
            )
