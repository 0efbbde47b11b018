"""Checks on the budget: arithmetic, the indirect-cost cap, the guide's limits."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from applywizard.domain.draft.model import BudgetYear
from applywizard.domain.draft.paths import resolve
from applywizard.domain.guide.model import BudgetPolicy
from applywizard.domain.rules.checks.project import effective_months
from applywizard.domain.rules.checks.registry import NoParams, Params, check_kind
from applywizard.domain.rules.checks.values import DraftPath
from applywizard.domain.rules.context import Context, Problem, named


def _wan(amount: Decimal) -> str:
    """An amount of 万元 without trailing zeros: 1200, 12.5, 0.35."""
    return format(amount.normalize(), "f")


@check_kind("budget_balances", NoParams)
def budget_balances(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Income equals expenditure, and the units' funds add up to the income."""
    budget, units = ctx.draft.budget, ctx.draft.chinese_units
    if not budget.years:
        return
    spent = {"central": budget.central_total(), "self_raised": budget.self_raised_total()}
    income = {"central": budget.income_central_wan, "self_raised": budget.income_self_raised_wan}
    allotted = {
        "central": sum((unit.central_funds_wan for unit in units), Decimal(0)),
        "self_raised": sum((unit.self_raised_wan for unit in units), Decimal(0)),
    }
    words = {
        "central": ("中央财政资金", "central funds"),
        "self_raised": ("自筹资金", "self-raised funds"),
    }
    for source in ("central", "self_raised"):
        zh, en = words[source]
        stated = income[source]
        if stated is not None and stated != spent[source]:
            yield Problem(
                f"budget.income_{source}_wan",
                f"收入预算中的{zh} {_wan(stated)} 万元"
                f"与支出预算合计 {_wan(spent[source])} 万元不等",
                f"Income from {en}, {_wan(stated)}, differs from the expenditure total "
                f"{_wan(spent[source])} (10k CNY)",
            )
        if units and allotted[source] != spent[source]:
            yield Problem(
                "chinese_units",
                f"各中方单位的{zh}合计 {_wan(allotted[source])} 万元，与支出预算合计 "
                f"{_wan(spent[source])} 万元不等",
                f"The Chinese units' {en} add up to {_wan(allotted[source])}, not the "
                f"expenditure total {_wan(spent[source])} (10k CNY)",
            )
    yield from _purchase_within_equipment(budget.years)


def _purchase_within_equipment(years: list[BudgetYear]) -> Iterator[Problem]:
    for index, year in enumerate(years):
        for source in ("central", "self_raised"):
            amounts = getattr(year, source)
            if amounts.equipment_purchase > amounts.equipment:
                yield Problem(
                    f"budget.years.{index}.{source}.equipment_purchase",
                    f"{year.year} 年设备购置费 {_wan(amounts.equipment_purchase)} 万元超过设备费 "
                    f"{_wan(amounts.equipment)} 万元",
                    f"{year.year}: equipment purchase {_wan(amounts.equipment_purchase)} exceeds "
                    f"equipment {_wan(amounts.equipment)} (10k CNY)",
                )


@check_kind("budget_years_match_dates", NoParams)
def budget_years_match_dates(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Each budget year is given once and falls within the project's dates."""
    project, years = ctx.draft.project, ctx.draft.budget.years
    seen: set[int] = set()
    for index, year in enumerate(years):
        path = f"budget.years.{index}.year"
        if year.year is None:
            zh, en = named(path)
            yield Problem(path, f"请填写“{zh}”", f"Fill in “{en}”")
            continue
        if year.year in seen:
            yield Problem(path, f"{year.year} 年出现了两次", f"The year {year.year} appears twice")
        seen.add(year.year)
        if (
            project.start_date
            and project.end_date
            and not (project.start_date.year <= year.year <= project.end_date.year)
        ):
            yield Problem(
                path,
                f"{year.year} 年不在项目实施期 {project.start_date} 至 {project.end_date} 内",
                f"{year.year} is outside the project's dates {project.start_date} to "
                f"{project.end_date}",
            )


def indirect_cost_cap(policy: BudgetPolicy, base: Decimal, *, theoretical: bool) -> Decimal:
    """The most indirect costs may be for a base of central direct costs less purchases."""
    if theoretical:
        return base * policy.theoretical_research_rate
    cap, lower = Decimal(0), Decimal(0)
    for tier in policy.indirect_cost_tiers:
        upper = tier.up_to_wan if tier.up_to_wan is not None else max(base, lower)
        if base > lower:
            cap += (min(base, upper) - lower) * tier.rate
        lower = upper
    return cap


@check_kind("indirect_cost_cap", NoParams)
def indirect_costs(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Central indirect costs stay within the tiered cap of the funding rules."""
    budget = ctx.draft.budget
    if not budget.years:
        return
    direct = sum((year.central.direct for year in budget.years), Decimal(0))
    purchase = sum((year.central.equipment_purchase for year in budget.years), Decimal(0))
    indirect = sum((year.central.indirect for year in budget.years), Decimal(0))
    base = max(direct - purchase, Decimal(0))
    cap = indirect_cost_cap(
        ctx.guide.budget_policy, base, theoretical=budget.theoretical_basic_research
    ).quantize(Decimal("0.000001"))
    if indirect > cap:
        yield Problem(
            "budget.years.0.central.indirect",
            f"中央财政资金间接费用合计 {_wan(indirect)} 万元，超过上限 {_wan(cap)} 万元"
            f"（以直接费用扣除设备购置费后的 {_wan(base)} 万元分段核定）",
            f"Central indirect costs of {_wan(indirect)} exceed the cap of {_wan(cap)} "
            f"(tiered on direct costs less equipment purchase, {_wan(base)}; 10k CNY)",
            {"indirect": indirect, "cap": cap},
            ("间接费用核定比例", "indirect-cost rates"),
        )


@check_kind("within_direction_budget", NoParams)
def within_direction_budget(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """One project asks for no more central funds than its direction (or field) has."""
    if ctx.direction is None or not ctx.draft.budget.years:
        return
    if ctx.direction.budget is None and not ctx.direction.fields:
        return  # an incomplete direction whose funds the pack's sources do not give
    available, where = ctx.direction.budget_wan, ctx.direction.code
    field = next((f for f in ctx.direction.fields if f.id == ctx.draft.selection.field), None)
    if field is not None:
        available, where = field.budget.wan, f"{ctx.direction.code} {field.code}"
    asked = ctx.central_total()
    if asked > available:
        yield Problem(
            "budget.income_central_wan",
            f"申请中央财政资金 {_wan(asked)} 万元，"
            f"超过方向 {where} 的总经费 {_wan(available)} 万元",
            f"The project asks for {_wan(asked)} of central funds, more than direction "
            f"{where} has in all ({_wan(available)}; 10k CNY)",
            section=("共拟支持经费", "total funds"),
        )


@check_kind("project_budget_cap", NoParams)
def project_budget_cap(_: NoParams, ctx: Context) -> Iterator[Problem]:
    """Central funds stay within the direction's cap per year of duration."""
    if ctx.direction is None or ctx.direction.project_budget_cap is None:
        return
    months = effective_months(ctx)
    if months is None or not ctx.draft.budget.years:
        return
    cap_rule = ctx.direction.project_budget_cap
    cap = cap_rule.max_central_wan_per_year * months / 12
    asked = ctx.central_total()
    if asked > cap:
        yield Problem(
            "budget.income_central_wan",
            f"每个项目平均每年中央财政资金不超过 {_wan(cap_rule.max_central_wan_per_year)} 万元，"
            f"{months} 个月的项目至多 {_wan(cap)} 万元，现申请 {_wan(asked)} 万元",
            f"At most {_wan(cap_rule.max_central_wan_per_year)} a year on average: "
            f"{_wan(cap)} for {months} months; the project asks for {_wan(asked)} (10k CNY)",
            section=(cap_rule.section, cap_rule.section),
        )


class TotalNotAboveParams(Params):
    path: DraftPath


@check_kind("total_not_above", TotalNotAboveParams)
def total_not_above(params: TotalNotAboveParams, ctx: Context) -> Iterator[Problem]:
    """The whole budget (central and self-raised) does not exceed an amount in the draft."""
    limit = resolve(ctx.draft, params.path)
    budget = ctx.draft.budget
    if limit is None or not budget.years:
        return
    total = budget.central_total() + budget.self_raised_total()
    if total > limit:
        zh, en = named(params.path)
        yield Problem(
            "budget.income_central_wan",
            f"申报预算合计 {_wan(total)} 万元，超过“{zh}” {_wan(limit)} 万元",
            f"The budget totals {_wan(total)}, more than “{en}” ({_wan(limit)}; 10k CNY)",
        )
