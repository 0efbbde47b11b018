"""Checks on the Chinese units, the foreign partners and the team."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Literal

from applywizard.domain.dates import add_months
from applywizard.domain.draft.model import ChineseUnit, ForeignPartner, Role, TeamRole, UnitType
from applywizard.domain.draft.paths import enum_label, resolve
from applywizard.domain.guide.model import Direction
from applywizard.domain.rules.checks.registry import NoParams, Params, check_kind
from applywizard.domain.rules.context import Context, Problem, join_en, join_zh, named
from applywizard.domain.text import is_blank

Side = Literal["chinese_units", "foreign_partners"]
Party = ChineseUnit | ForeignPartner


def _parties(ctx: Context, side: Side) -> Sequence[Party]:
    return ctx.draft.chinese_units if side == "chinese_units" else ctx.draft.foreign_partners


def _types_words(types: Sequence[UnitType]) -> tuple[str, str]:
    words = [enum_label(kind) for kind in types]
    return "或".join(zh for zh, _ in words), " or ".join(en for _, en in words)


def _countries_words(ctx: Context, codes: Sequence[str]) -> tuple[str, str]:
    countries = [ctx.guide.country(code) for code in codes]
    return (
        join_zh(
            [
                country.zh if country else code
                for country, code in zip(countries, codes, strict=True)
            ]
        ),
        join_en(
            [
                country.en if country else code
                for country, code in zip(countries, codes, strict=True)
            ]
        ),
    )


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


class EachRequiredParams(Params):
    collection: Literal["chinese_units", "foreign_partners", "team", "form.indicators"]
    fields: tuple[str, ...]


@check_kind("each_required", EachRequiredParams)
def each_required(params: EachRequiredParams, ctx: Context) -> Iterator[Problem]:
    """Every item of a list has the named fields filled in."""
    items = resolve(ctx.draft, params.collection) or []
    for index, item in enumerate(items):
        for field in params.fields:
            if is_blank(getattr(item, field)):
                path = f"{params.collection}.{index}.{field}"
                zh, en = named(path)
                yield Problem(path, f"请填写“{zh}”", f"Fill in “{en}”")


class MinItemsParams(Params):
    collection: Literal[
        "chinese_units", "foreign_partners", "team", "budget.years", "form.indicators"
    ]
    count: int = 1


@check_kind("min_items", MinItemsParams)
def min_items(params: MinItemsParams, ctx: Context) -> Iterator[Problem]:
    """A list has at least ``count`` items."""
    items = resolve(ctx.draft, params.collection) or []
    if len(items) < params.count:
        zh, en = named(params.collection)
        yield Problem(
            params.collection,
            f"请至少填写 {params.count} 项“{zh}”",
            f"Enter at least {params.count} in “{en}”",
        )


class TypesInParams(Params):
    side: Side
    types: tuple[UnitType, ...]
    lead_only: bool = False


@check_kind("types_in", TypesInParams)
def types_in(params: TypesInParams, ctx: Context) -> Iterator[Problem]:
    """Every party (or only the lead) of a side is of one of the listed types."""
    allowed_zh, allowed_en = _types_words(params.types)
    for index, party in enumerate(_parties(ctx, params.side)):
        if params.lead_only and party.role is not Role.LEAD:
            continue
        path = f"{params.side}.{index}.type"
        zh, en = named(path)
        if party.type is None:
            yield Problem(path, f"请填写“{zh}”", f"Fill in “{en}”")
        elif party.type not in params.types:
            got_zh, got_en = enum_label(party.type)
            yield Problem(
                path,
                f"“{zh}”须为{allowed_zh}，现为{got_zh}",
                f"“{en}” must be {allowed_en}; it is {got_en}",
                {"allowed": allowed_zh, "value": got_zh},
            )


class EachTrueParams(Params):
    side: Side
    field: Literal["independent_legal_entity"]


@check_kind("each_true", EachTrueParams)
def each_true(params: EachTrueParams, ctx: Context) -> Iterator[Problem]:
    """Every party of a side answers yes to a yes/no fact."""
    for index, party in enumerate(_parties(ctx, params.side)):
        path = f"{params.side}.{index}.{params.field}"
        zh, en = named(path)
        value = getattr(party, params.field)
        if value is None:
            yield Problem(path, f"请确认“{zh}”", f"Answer “{en}”")
        elif value is not True:
            yield Problem(path, f"“{zh}”须为“是”", f"“{en}” must be yes")


class RegisteredForParams(Params):
    years: int


@check_kind("registered_for", RegisteredForParams)
def registered_for(params: RegisteredForParams, ctx: Context) -> Iterator[Problem]:
    """Every foreign partner was registered ``years`` or more before the application date."""
    applied = ctx.draft.project.application_date
    for index, partner in enumerate(ctx.draft.foreign_partners):
        path = f"foreign_partners.{index}.registered_on"
        zh, en = named(path)
        if partner.registered_on is None:
            yield Problem(path, f"请填写“{zh}”", f"Fill in “{en}”")
            continue
        if applied is None:
            continue
        anniversary = add_months(partner.registered_on, 12 * params.years)
        if anniversary > applied:
            yield Problem(
                path,
                f"“{zh}”为 {partner.registered_on}，"
                f"至申报日期 {applied} 注册不满 {params.years} 年",
                f"“{en}” is {partner.registered_on}: less than {params.years} years before "
                f"the application date {applied}",
                {"years": params.years},
            )


class CountAtLeastParams(Params):
    side: Side
    count: int
    types: tuple[UnitType, ...] = ()
    unaffiliated: bool = False


def _root(unit: Party) -> str:
    parent = getattr(unit, "parent", "")
    return _normal(parent or unit.name)


@check_kind("count_at_least", CountAtLeastParams)
def count_at_least(params: CountAtLeastParams, ctx: Context) -> Iterator[Problem]:
    """A side has at least ``count`` parties (of the types, unaffiliated if asked)."""
    parties = [
        party
        for party in _parties(ctx, params.side)
        if not params.types or party.type in params.types
    ]
    counted = len({_root(party) for party in parties}) if params.unaffiliated else len(parties)
    if counted >= params.count:
        return
    side_zh, side_en = named(params.side)
    types_zh, types_en = _types_words(params.types) if params.types else ("单位", "parties")
    extra_zh = "互无隶属关系的" if params.unaffiliated else ""
    extra_en = " with no affiliation to each other" if params.unaffiliated else ""
    yield Problem(
        params.side,
        f"{side_zh}须至少有 {params.count} 家{extra_zh}{types_zh}，现有 {counted} 家",
        f"{side_en} need at least {params.count} {types_en}{extra_en}; there are {counted}",
        {"count": params.count, "counted": counted},
    )


class CountriesCoverParams(Params):
    countries: tuple[str, ...]


@check_kind("countries_cover", CountriesCoverParams)
def countries_cover(params: CountriesCoverParams, ctx: Context) -> Iterator[Problem]:
    """The foreign partners together come from every listed country."""
    present = {partner.country for partner in ctx.draft.foreign_partners}
    missing = [code for code in params.countries if code not in present]
    if missing:
        zh, en = _countries_words(ctx, missing)
        yield Problem(
            "foreign_partners",
            f"外方合作单位须涵盖 {zh} 的单位，尚缺：{zh}",
            f"The foreign partners must include each of these countries; missing: {en}",
            {"missing": zh},
        )


class MatchingFundsParams(Params):
    types: tuple[UnitType, ...] = (UnitType.ENTERPRISE,)
    ratio: Decimal = Decimal(1)


@check_kind("matching_funds", MatchingFundsParams)
def matching_funds(params: MatchingFundsParams, ctx: Context) -> Iterator[Problem]:
    """Each Chinese unit of the types raises at least ``ratio`` times its central funds."""
    for index, unit in enumerate(ctx.draft.chinese_units):
        if unit.type not in params.types:
            continue
        needed = unit.central_funds_wan * params.ratio
        if unit.self_raised_wan < needed:
            path = f"chinese_units.{index}.self_raised_wan"
            yield Problem(
                path,
                f"企业“{unit.name}”自筹配套 {unit.self_raised_wan} 万元，"
                f"少于其获得的中央财政资金 {unit.central_funds_wan} 万元",
                f"Enterprise “{unit.name}” raises {unit.self_raised_wan} (10k CNY), less than "
                f"the {unit.central_funds_wan} of central funds it receives",
                {"unit": unit.name, "needed": needed},
            )


class DistinctAtLeastParams(Params):
    count: int


@check_kind("fields_of_science_at_least", DistinctAtLeastParams)
def fields_of_science_at_least(params: DistinctAtLeastParams, ctx: Context) -> Iterator[Problem]:
    """The team's members come from at least ``count`` fields of science."""
    fields = {_normal(member.field_of_science) for member in ctx.draft.team}
    fields.discard("")
    if len(fields) < params.count:
        yield Problem(
            "team",
            f"研究团队须由至少 {params.count} 个科学领域的研究人员组成，现填写了 {len(fields)} 个",
            f"The team must span at least {params.count} fields of science; it lists {len(fields)}",
            {"count": params.count},
        )


class LeadsParams(Params):
    side: Side
    minimum: int = 1
    maximum: int = 1


@check_kind("leads", LeadsParams)
def leads(params: LeadsParams, ctx: Context) -> Iterator[Problem]:
    """A side marks between ``minimum`` and ``maximum`` parties as lead."""
    parties = _parties(ctx, params.side)
    if not parties:
        return
    count = sum(1 for party in parties if party.role is Role.LEAD)
    if params.minimum <= count <= params.maximum:
        return
    zh, en = named(params.side)
    wanted_zh = (
        f"{params.minimum}"
        if params.minimum == params.maximum
        else f"{params.minimum}–{params.maximum}"
    )
    yield Problem(
        params.side,
        f"{zh}须有 {wanted_zh} 家牵头单位，现标记了 {count} 家",
        f"{en} need {wanted_zh} lead; {count} marked",
        {"count": count},
    )


class NoDuplicatesParams(Params):
    side: Side
    keys: tuple[Literal["name", "name_zh", "credit_code", "registration_number"], ...]


@check_kind("no_duplicates", NoDuplicatesParams)
def no_duplicates(params: NoDuplicatesParams, ctx: Context) -> Iterator[Problem]:
    """No two parties of a side share a name or an identifier."""
    for key in params.keys:
        seen: dict[str, int] = {}
        for index, party in enumerate(_parties(ctx, params.side)):
            value = _normal(getattr(party, key))
            if not value:
                continue
            if value in seen:
                path = f"{params.side}.{index}.{key}"
                zh, en = named(path)
                yield Problem(
                    path,
                    f"“{zh}”与第 {seen[value] + 1} 项重复：{getattr(party, key)}",
                    f"“{en}” repeats item {seen[value] + 1}: {getattr(party, key)}",
                )
            else:
                seen[value] = index


def _partner_countries_clause(direction: Direction) -> int | None:
    return direction.partner_countries_clause


@check_kind("partner_country_allowed", NoParams, cites=_partner_countries_clause)
def partner_country_allowed(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Every foreign partner comes from a country the direction is open to."""
    if ctx.direction is None:
        return
    allowed = ctx.direction.partner_countries
    allowed_zh, allowed_en = _countries_words(ctx, allowed)
    for index, partner in enumerate(ctx.draft.foreign_partners):
        path = f"foreign_partners.{index}.country"
        if partner.country is None:
            zh, en = named(path)
            yield Problem(path, f"请填写“{zh}”", f"Fill in “{en}”")
        elif partner.country not in allowed:
            got_zh, got_en = _countries_words(ctx, [partner.country])
            yield Problem(
                path,
                f"本方向外方合作单位限于 {allowed_zh}，“{partner.name}”所在国为{got_zh}",
                f"This direction admits partners from {allowed_en} only; "
                f"“{partner.name}” is from {got_en}",
                {"allowed": allowed_zh, "value": got_zh},
            )


@check_kind("team_leader", NoParams)
def team_leader(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """The team names exactly one leader (where the leader works: leader_at_lead_unit)."""
    team = ctx.draft.team
    leaders = [index for index, member in enumerate(team) if member.role is TeamRole.LEADER]
    if team and len(leaders) != 1:
        yield Problem(
            "team",
            f"研究团队须有且仅有 1 名项目负责人，现有 {len(leaders)} 名",
            f"The team needs exactly one project leader; it has {len(leaders)}",
        )


class LeadListedParams(Params):
    path: Literal["horizon.participants"]


@check_kind("lead_listed", LeadListedParams)
def lead_listed(params: LeadListedParams, ctx: Context) -> Iterator[Problem]:
    """The Chinese lead unit (Chinese or English name) appears in a list of names."""
    lead = ctx.draft.lead_unit()
    if lead is None:
        return
    listed = {_normal(name) for name in resolve(ctx.draft, params.path) or []}
    if _normal(lead.name) in listed or (lead.name_en and _normal(lead.name_en) in listed):
        return
    zh, en = named(params.path)
    yield Problem(
        params.path,
        f"牵头单位“{lead.name}”须列入“{zh}”（中文或英文名称须与名单一致）",
        f"The lead unit “{lead.name_en or lead.name}” must be listed in “{en}”",
    )
