"""A formal application against what its pre-application promised (``Draft.promised``).

Each kind runs only when the draft holds a record of the pre-application's
promises (it moved to the formal application); the rules that name them in
a guide pack say where each rule comes from (docs/pre-application-sources.md)
and give the words a finding cites. Units are matched by their 统一社会信用代码
when both have one, else by name; indicators by their key.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import Field

from applywizard.domain.draft.model import ChineseUnit, Draft, Role
from applywizard.domain.draft.promised import PreApplicationRecord, PromisedUnit
from applywizard.domain.rules.checks.registry import Params, check_kind
from applywizard.domain.rules.context import Context, Problem

SHOWN = 24
"""How much of an indicator's words a message quotes."""


class CitedParams(Params):
    """Where the rule comes from (an address, or why it is a default) and what a finding cites."""

    source: str = Field(min_length=1)
    cite_zh: str = Field(min_length=1)
    cite_en: str = Field(min_length=1)


class ShareParams(CitedParams):
    """A share of the promised central funds a formal application may move by unremarked."""

    max_share: Decimal = Field(default=Decimal("0.1"), ge=0, le=10, allow_inf_nan=False)
    share_source: str = Field(
        default="a default, not from a source: no source found states how far the formal "
        "application's funds may move from the pre-application's"
    )


def _short(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= SHOWN else first[:SHOWN] + "…"


def _amount(value: Decimal | None, unit: str) -> str:
    return "未填" if value is None else f"{format(value.normalize(), 'f')}{unit}"


def _amount_en(value: Decimal | None, unit: str) -> str:
    return "none" if value is None else f"{format(value.normalize(), 'f')} {unit}".strip()


def _problem(params: CitedParams, field: str, zh: str, en: str) -> Problem:
    return Problem(field, zh, en, citation=(params.cite_zh, params.cite_en))


@check_kind("promise_record_intact", CitedParams)
def promise_record_intact(params: CitedParams, ctx: Context) -> Iterator[Problem]:
    """The record of the pre-application's promises still gives the digest stored with it."""
    record = ctx.draft.promised
    if record is None or record.intact:
        return
    yield _problem(
        params,
        "promised",
        "预申报书的冻结记录被手工改动过（SHA-256 不符），不能据此核对正式申报书",
        "the pre-application record was changed by hand (its SHA-256 does not match); "
        "the formal application cannot be checked against it",
    )


@check_kind("promised_indicators_kept", CitedParams)
def promised_indicators_kept(params: CitedParams, ctx: Context) -> Iterator[Problem]:
    """Every promised indicator is still there, with at least the promised quantity."""
    record = ctx.draft.promised
    if record is None:
        return
    places = {item.key: index for index, item in enumerate(ctx.draft.form.indicators)}
    for promised in record.indicators:
        words = _short(promised.text)
        index = places.get(promised.key)
        if index is None:
            yield _problem(
                params,
                "form.indicators",
                f"预申报书的考核指标“{words}”在正式申报书中被删除：不得降低考核指标",
                f"the pre-application's indicator “{words}” was removed: "
                "the indicators may not be lowered",
            )
            continue
        if promised.quantity is None:
            continue
        now = ctx.draft.form.indicators[index].quantity
        if now is not None and now >= promised.quantity:
            continue
        was_zh, now_zh = _amount(promised.quantity, promised.unit), _amount(now, promised.unit)
        was_en = _amount_en(promised.quantity, promised.unit)
        now_en = _amount_en(now, promised.unit)
        yield _problem(
            params,
            f"form.indicators.{index}.quantity",
            f"考核指标“{words}”低于预申报书：预申报 {was_zh}，现为 {now_zh}；不得降低考核指标",
            f"indicator “{words}” is below the pre-application's: promised {was_en}, "
            f"now {now_en}; the indicators may not be lowered",
        )


def _same_unit(unit: ChineseUnit, promised: PromisedUnit) -> bool:
    if unit.credit_code.strip() and promised.credit_code.strip():
        return unit.credit_code.strip().upper() == promised.credit_code.strip().upper()
    return unit.name.strip() == promised.name.strip()


def _lead_changed(draft: Draft, record: PreApplicationRecord) -> Iterator[tuple[str, str, str]]:
    promised = record.lead_unit
    if promised is None:
        return
    leads = [i for i, unit in enumerate(draft.chinese_units) if unit.role is Role.LEAD]
    if len(leads) != 1:
        return  # one lead unit is another rule's
    index, unit = leads[0], draft.chinese_units[leads[0]]
    if unit.name.strip() != promised.name.strip():
        yield (
            f"chinese_units.{index}.name",
            f"项目牵头申报单位与预申报书不同：预申报为“{promised.name}”，现为“{unit.name}”",
            f"the lead unit differs from the pre-application's: “{promised.name}”, "
            f"now “{unit.name}”",
        )
    if unit.credit_code.strip().upper() != promised.credit_code.strip().upper():
        yield (
            f"chinese_units.{index}.credit_code",
            f"牵头单位的统一社会信用代码与预申报书不同：预申报为“{promised.credit_code}”，"
            f"现为“{unit.credit_code}”",
            f"the lead unit's credit code differs from the pre-application's: "
            f"“{promised.credit_code}”, now “{unit.credit_code}”",
        )


def _leader_changed(draft: Draft, record: PreApplicationRecord) -> Iterator[tuple[str, str, str]]:
    promised = record.leader
    if promised is None:
        return
    index = draft.leader_index()
    if index is None:
        return  # one project leader is another rule's
    member = draft.team[index]
    if member.name.strip() != promised.name.strip():
        yield (
            f"team.{index}.name",
            f"项目负责人与预申报书不同：预申报为“{promised.name}”，现为“{member.name}”",
            f"the project leader differs from the pre-application's: “{promised.name}”, "
            f"now “{member.name}”",
        )
    elif member.unit.strip() != promised.unit.strip():
        yield (
            f"team.{index}.unit",
            f"项目负责人的单位与预申报书不同：预申报为“{promised.unit}”，现为“{member.unit}”",
            f"the project leader's unit differs from the pre-application's: "
            f"“{promised.unit}”, now “{member.unit}”",
        )


@check_kind("promised_leader_and_lead_unit_kept", CitedParams)
def promised_leader_and_lead_unit_kept(params: CitedParams, ctx: Context) -> Iterator[Problem]:
    """The project leader and the lead unit are those of the pre-application."""
    record = ctx.draft.promised
    if record is None:
        return
    for field, zh, en in (*_lead_changed(ctx.draft, record), *_leader_changed(ctx.draft, record)):
        yield _problem(params, field, f"{zh}（不允许修改）", f"{en} (may not be changed)")


@check_kind("promised_units_kept", CitedParams)
def promised_units_kept(params: CitedParams, ctx: Context) -> Iterator[Problem]:
    """A participating unit added or removed since the pre-application: to explain in the form."""
    record = ctx.draft.promised
    if record is None:
        return
    units = ctx.draft.chinese_units
    for index, unit in enumerate(units):
        if unit.role is Role.LEAD or not (unit.name.strip() or unit.credit_code.strip()):
            continue
        if not any(_same_unit(unit, promised) for promised in record.participating_units):
            yield _problem(
                params,
                f"chinese_units.{index}.name",
                f"参与单位“{unit.name}”是预申报书之后新增的：请在申报书中说明理由",
                f"participating unit “{unit.name}” was added after the pre-application: "
                "explain why in the form",
            )
    for promised in record.participating_units:
        if not any(_same_unit(unit, promised) for unit in units):
            yield _problem(
                params,
                "chinese_units",
                f"预申报书的参与单位“{promised.name}”已不在正式申报书中：请在申报书中说明理由",
                f"the pre-application's participating unit “{promised.name}” is gone: "
                "explain why in the form",
            )


def _central_now(draft: Draft) -> Decimal:
    return sum((unit.central_funds_wan for unit in draft.chinese_units), Decimal(0))


@check_kind("promised_central_funds_share", ShareParams)
def promised_central_funds_share(params: ShareParams, ctx: Context) -> Iterator[Problem]:
    """The units' central funds moved by more than ``max_share`` of the promised ones."""
    record = ctx.draft.promised
    if record is None or record.central_funds_wan <= 0:
        return
    now = _central_now(ctx.draft)
    change = abs(now - record.central_funds_wan) / record.central_funds_wan
    if change <= params.max_share:
        return
    share = f"{format((params.max_share * 100).normalize(), 'f')}%"
    was, moved = format(record.central_funds_wan, "f"), f"{format(change * 100, '.1f')}%"
    yield _problem(
        params,
        "chinese_units",
        f"中央财政资金合计与预申报书相差 {moved}（预申报 {was} 万元，现为 {format(now, 'f')} "
        f"万元），超过 {share}：请在申报书中说明",
        f"the units' central funds differ from the pre-application's by {moved} (promised "
        f"{was}, now {format(now, 'f')} 10k CNY), more than {share}: explain it in the form",
    )


@check_kind("promised_central_funds_not_above", CitedParams)
def promised_central_funds_not_above(params: CitedParams, ctx: Context) -> Iterator[Problem]:
    """The units' central funds are not above the pre-application's."""
    record = ctx.draft.promised
    if record is None:
        return
    now = _central_now(ctx.draft)
    if now <= record.central_funds_wan:
        return
    was = format(record.central_funds_wan, "f")
    yield _problem(
        params,
        "chinese_units",
        f"中央财政资金合计 {format(now, 'f')} 万元高于预申报书的 {was} 万元",
        f"the units' central funds, {format(now, 'f')} (10k CNY), are above the "
        f"pre-application's {was}",
    )
