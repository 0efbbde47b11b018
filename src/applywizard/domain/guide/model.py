"""The call guide as typed, frozen data.

A guide is a data file (``resources/guides/*.yaml``); these models say what
such a file may hold and check its internal consistency when it is loaded.
Nothing here knows about one particular guide: codes, countries, figures and
clauses all come from the data.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

DIRECTION_CODE = re.compile(r"^\d+\.\d+$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
RULE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")


class GuideModel(BaseModel):
    """Base of every guide model: immutable, and unknown keys are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Bilingual(GuideModel):
    """A text in Chinese with its English rendering."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Qualifier(StrEnum):
    """How the guide states a figure."""

    EXACT = "exact"  # 10个
    AT_MOST = "at_most"  # 不超过20个
    ABOUT = "about"  # 4个左右 / 约6000万元
    RANGE = "range"  # 2-3 个


class ProjectCount(GuideModel):
    """A number of projects as the guide states it.

    ``value`` is the figure the catalogue adds up: the count, the upper bound
    for 不超过 or a range, the stated figure for 左右.
    """

    value: int = Field(ge=1)
    qualifier: Qualifier
    minimum: int | None = Field(default=None, ge=1)
    text: str = Field(min_length=1, description="The guide's own words")

    @model_validator(mode="after")
    def _range_has_minimum(self) -> ProjectCount:
        if (self.qualifier is Qualifier.RANGE) != (self.minimum is not None):
            raise ValueError("a range needs a minimum, and only a range has one")
        if self.minimum is not None and self.minimum > self.value:
            raise ValueError("the minimum of a range exceeds its maximum")
        return self


class Budget(GuideModel):
    """Central funds in 万元 as the guide states them."""

    wan: Decimal = Field(gt=0, allow_inf_nan=False)
    qualifier: Qualifier
    text: str = Field(min_length=1, description="The guide's own words")

    @model_validator(mode="after")
    def _no_range(self) -> Budget:
        if self.qualifier is Qualifier.RANGE:
            raise ValueError("a budget is never stated as a range")
        return self


class Strength(StrEnum):
    """How firmly the guide states a limit; it decides a breach's severity."""

    MUST = "must"  # 为 / 不超过 / 须: a breach is an error
    IN_PRINCIPLE = "in_principle"  # 原则上: a breach is a warning
    GENERALLY = "generally"  # 一般为: a breach is a warning


class DurationRule(GuideModel):
    """The project duration a direction allows, in months."""

    min_months: int | None = Field(default=None, ge=1)
    max_months: int | None = Field(default=None, ge=1)
    strength: Strength
    clause: int | None = Field(default=None, ge=0, description="None: from the guide's body")
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _bounds(self) -> DurationRule:
        if self.min_months is None and self.max_months is None:
            raise ValueError("a duration rule needs a minimum or a maximum")
        if (
            self.min_months is not None
            and self.max_months is not None
            and self.min_months > self.max_months
        ):
            raise ValueError("the minimum duration exceeds the maximum")
        return self

    def summary(self) -> tuple[str, str]:
        """The limit in a few characters, Chinese and English: “≤ 4 年（原则上）”, “2–3 years”."""

        def whole_years(months: int) -> bool:
            return months % 12 == 0

        def amount(months: int, *, zh: bool) -> str:
            if not whole_years(months):
                return f"{months} 个月" if zh else f"{months} months"
            years = months // 12
            return f"{years} 年" if zh else f"{years} year{'' if years == 1 else 's'}"

        low, high = self.min_months, self.max_months
        texts = []
        for zh in (True, False):
            if low is not None and high is not None and low != high:
                both_years = whole_years(low) and whole_years(high)
                shown = f"{low // 12}" if both_years else amount(low, zh=zh)
                texts.append(f"{shown}–{amount(high, zh=zh)}")
            elif low is not None:
                texts.append(amount(low, zh=zh) if low == high else f"≥ {amount(low, zh=zh)}")
            else:
                assert high is not None  # the validator requires one bound
                texts.append(f"≤ {amount(high, zh=zh)}")
        zh_word, en_word = {
            Strength.IN_PRINCIPLE: ("（原则上）", " (in principle)"),
            Strength.GENERALLY: ("（一般）", " (generally)"),
        }.get(self.strength, ("", ""))
        return texts[0] + zh_word, texts[1] + en_word


class ProjectBudgetCap(GuideModel):
    """A cap on one project's central funds per year of its duration."""

    max_central_wan_per_year: Decimal = Field(gt=0, allow_inf_nan=False)
    section: str = Field(min_length=1, description="Where the guide says it, e.g. 拟支持项目数")
    text: str = Field(min_length=1)


class Theme(GuideModel):
    """A theme inside a research field (1.4)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    title: str = Field(min_length=1)
    eu_topic: str | None = None
    items: tuple[str, ...] = ()


class ResearchField(GuideModel):
    """A research field with its own count and budget (1.4's FAB and CCB)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    themes: tuple[Theme, ...] = Field(min_length=1)
    projects: ProjectCount
    budget: Budget


class SubDirection(GuideModel):
    """One of several sub-directions of which an application picks one (1.8)."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    title: str = Field(min_length=1)
    content: str = Field(min_length=1)


class Area(GuideModel):
    """One item of a direction's 领域方向 list."""

    title: str = Field(min_length=1)
    detail: str = ""


class Severity(StrEnum):
    """``error`` blocks generating documents; ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"


class RuleSpec(GuideModel):
    """One rule: a kind of check with its parameters, as the data declares it."""

    id: str = Field(pattern=RULE_ID.pattern)
    check: str = Field(pattern=IDENTIFIER.pattern)
    params: dict[str, Any] = Field(default_factory=dict)
    severity: Severity = Severity.ERROR
    message: Bilingual | None = None


class ClauseKind(StrEnum):
    """How ApplyWizard handles a 其他要求 clause."""

    CHECKED = "checked"  # judged from the draft's data
    ATTACHMENT = "attachment"  # needs a document attached
    DECLARATION = "declaration"  # the applicant confirms a fact the program cannot see
    ADVICE = "advice"  # encouragement or information only: nothing to enforce


class Clause(GuideModel):
    """A numbered item of a direction's 其他要求 (0 for an unnumbered paragraph)."""

    number: int = Field(ge=0)
    text: str = Field(min_length=1)
    kind: ClauseKind
    rules: tuple[RuleSpec, ...] = ()


class Direction(GuideModel):
    """A guide direction (指南方向) with its figures and its rules.

    ``incomplete`` says, in words, what the pack's sources do not give for this
    direction (its clauses, its figures): such a direction may lack them, and
    the program tells an applicant who chooses it. A complete direction has
    its agreements, figures and at least one clause.
    """

    code: str = Field(pattern=DIRECTION_CODE.pattern)
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    incomplete: Bilingual | None = None
    agreements: tuple[str, ...] = ()
    areas: tuple[Area, ...] = ()
    fields: tuple[ResearchField, ...] = ()
    sub_directions: tuple[SubDirection, ...] = ()
    selection_clause: int | None = Field(
        default=None, ge=0, description="The clause that says to pick one field/sub-direction"
    )
    counterparts: tuple[str, ...] = Field(min_length=1)
    partner_countries: tuple[str, ...] = Field(min_length=1)
    partner_countries_clause: int | None = Field(default=None, ge=0)
    projects: ProjectCount | None = None
    budget: Budget | None = None
    duration: DurationRule | None = None
    project_budget_cap: ProjectBudgetCap | None = None
    clauses: tuple[Clause, ...] = ()

    @model_validator(mode="after")
    def _figures_once(self) -> Direction:
        if self.fields:
            if self.projects is not None or self.budget is not None:
                raise ValueError("a direction with research fields states figures per field")
        elif (self.projects is None or self.budget is None) and self.incomplete is None:
            raise ValueError("a direction needs a project count and a budget")
        if self.incomplete is None and not self.clauses:
            raise ValueError(f"{self.code} has no clauses (mark it incomplete if none are known)")
        if self.incomplete is None and not self.agreements:
            raise ValueError(f"{self.code} names no agreement (mark it incomplete if unknown)")
        numbers = [clause.number for clause in self.clauses]
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"clause numbers repeat in {self.code}: {numbers}")
        if 0 in numbers and len(numbers) > 1:
            raise ValueError("clause 0 (an unnumbered paragraph) stands alone")
        if numbers != sorted(numbers):
            raise ValueError("clauses must be listed in order")
        cited_clauses = (
            self.partner_countries_clause,
            self.duration and self.duration.clause,
            self.selection_clause,
        )
        for cited in cited_clauses:
            if cited is not None and cited not in numbers:
                raise ValueError(f"{self.code} cites clause {cited}, which it does not have")
        return self

    @property
    def project_count(self) -> int:
        """The figure the catalogue adds up (both fields together for 1.4); 0 if unknown."""
        if self.fields:
            return sum(field.projects.value for field in self.fields)
        return self.projects.value if self.projects is not None else 0

    @property
    def budget_wan(self) -> Decimal:
        """The direction's central funds in 万元 (both fields together for 1.4); 0 if unknown."""
        if self.fields:
            return sum((field.budget.wan for field in self.fields), Decimal(0))
        return self.budget.wan if self.budget is not None else Decimal(0)

    def clause(self, number: int) -> Clause | None:
        """The clause with this number, if the direction has it."""
        return next((clause for clause in self.clauses if clause.number == number), None)


class Counterpart(GuideModel):
    """A country, region, organisation or mechanism the guide cooperates with."""

    code: str = Field(pattern=r"^[A-Z]{2,5}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    countries: tuple[str, ...] = Field(min_length=1, description="ISO 3166-1 alpha-2 codes")


class Country(GuideModel):
    """A country a foreign partner may come from."""

    code: str = Field(pattern=r"^[A-Z]{2}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class AttachmentKind(GuideModel):
    """A kind of document an application attaches."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    extensions: tuple[str, ...] = Field(min_length=1)
    ip_relevant: bool = False


class Declaration(GuideModel):
    """A statement the applicant confirms by ticking it."""

    id: str = Field(pattern=IDENTIFIER.pattern)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class IndirectCostTier(GuideModel):
    """Indirect costs may reach ``rate`` of the base's part up to ``up_to_wan``."""

    up_to_wan: Decimal | None = Field(default=None, gt=0, allow_inf_nan=False)
    rate: Decimal = Field(gt=0, le=1, allow_inf_nan=False)


class BudgetPolicy(GuideModel):
    """Budget rules that come from funding regulations rather than the guide."""

    indirect_cost_tiers: tuple[IndirectCostTier, ...] = Field(min_length=1)
    theoretical_research_rate: Decimal = Field(gt=0, le=1, allow_inf_nan=False)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _tiers_ascend(self) -> BudgetPolicy:
        bounds = [tier.up_to_wan for tier in self.indirect_cost_tiers]
        if bounds[-1] is not None or any(bound is None for bound in bounds[:-1]):
            raise ValueError("only the last indirect-cost tier is open-ended")
        finite = [bound for bound in bounds if bound is not None]
        if finite != sorted(finite):
            raise ValueError("indirect-cost tiers must ascend")
        return self


class HeadlineFigures(GuideModel):
    """What the guide's own summary (section 二) says."""

    directions: int = Field(ge=1)
    counterparts: int = Field(ge=1)
    projects_about: int = Field(ge=1)
    budget_yi_about: Decimal = Field(gt=0)
    default_duration: DurationRule


class Edition(StrEnum):
    """Which version of a batch's guide a pack holds."""

    DRAFT = "draft"  # 征求意见稿: the draft for comments
    PUBLISHED = "published"  # 正式发布的申报指南
    AMENDED = "amended"  # the published guide as a later notice amended it


EDITION_NAMES: dict[Edition, tuple[str, str]] = {
    Edition.DRAFT: ("征求意见稿", "draft for comments"),
    Edition.PUBLISHED: ("正式发布", "published"),
    Edition.AMENDED: ("修订版", "amended"),
}


class Deadline(GuideModel):
    """A date the call sets (submission closes, the unit's confirmation closes, …)."""

    what: Bilingual
    on: date
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    source: str = Field(min_length=1)


class NoticeClause(GuideModel):
    """A numbered item of a call notice's 申报条件 (eligibility), for every direction."""

    number: int = Field(ge=1)
    text: str = Field(min_length=1)
    kind: ClauseKind
    rules: tuple[RuleSpec, ...] = ()


class Notice(GuideModel):
    """The notice a batch is published with: its eligibility rules, for all directions."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    issued: date | None = None
    source: str = Field(min_length=1, description="Where the notice's words can be read")
    cite_as: Bilingual = Field(description="How a finding names it: 2026年第一批申报通知 申报条件")
    clauses: tuple[NoticeClause, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self) -> Notice:
        numbers = [clause.number for clause in self.clauses]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"notice {self.id}: clauses must be numbered 1, 2, 3, …: {numbers}")
        return self

    def clause(self, number: int) -> NoticeClause | None:
        """The clause with this number, if the notice has it."""
        return next((clause for clause in self.clauses if clause.number == number), None)


class Guide(GuideModel):
    """A whole call guide: directions, catalogues, general rules, the batch's notices."""

    format: int = Field(default=1, ge=1, le=1, description="The pack format this file follows")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    programme: str = Field(min_length=1, description="所属专项")
    edition: Edition
    status: str = Field(min_length=1)
    issued: date | None = Field(default=None, description="When this edition was published")
    deadlines: tuple[Deadline, ...] = ()
    source: str = Field(min_length=1)
    source_text: str | None = Field(
        default=None,
        pattern=r"^[^/\\:]+\.txt$",
        description="A text file in the pack holding the guide's words, to check clauses against",
    )
    eligibility_note: Bilingual | None = Field(
        default=None, description="Why the pack has no notice, when it has none"
    )
    notices: tuple[Notice, ...] = ()
    figures: HeadlineFigures | None = None
    countries: tuple[Country, ...] = Field(min_length=1)
    counterparts: tuple[Counterpart, ...] = Field(min_length=1)
    attachment_kinds: tuple[AttachmentKind, ...] = Field(min_length=1)
    declarations: tuple[Declaration, ...] = ()
    budget_policy: BudgetPolicy
    general_rules: tuple[RuleSpec, ...] = ()
    directions: tuple[Direction, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_resolve(self) -> Guide:
        _unique("direction code", [direction.code for direction in self.directions])
        _unique("country", [country.code for country in self.countries])
        _unique("counterpart", [counterpart.code for counterpart in self.counterparts])
        _unique("attachment kind", [kind.id for kind in self.attachment_kinds])
        _unique("declaration", [declaration.id for declaration in self.declarations])
        _unique("rule id", [rule.id for rule in self.all_rules()])
        _unique("notice", [notice.id for notice in self.notices])
        countries = {country.code for country in self.countries}
        counterparts = {counterpart.code for counterpart in self.counterparts}
        for counterpart in self.counterparts:
            _subset(f"counterpart {counterpart.code}", counterpart.countries, countries)
        for direction in self.directions:
            _subset(f"{direction.code} counterparts", direction.counterparts, counterparts)
            _subset(f"{direction.code} partner countries", direction.partner_countries, countries)
        return self

    def all_rules(self) -> list[RuleSpec]:
        """Every rule the data declares, general ones first."""
        rules = list(self.general_rules)
        for notice in self.notices:
            for notice_clause in notice.clauses:
                rules.extend(notice_clause.rules)
        for direction in self.directions:
            for clause in direction.clauses:
                rules.extend(clause.rules)
        return rules

    def direction(self, code: str) -> Direction | None:
        """The direction with this code, if the guide has it."""
        return next((direction for direction in self.directions if direction.code == code), None)

    def duration_for(self, direction: Direction) -> DurationRule | None:
        """The duration a direction allows: its own, else the guide's default, if stated."""
        if direction.duration is not None:
            return direction.duration
        return self.figures.default_duration if self.figures is not None else None

    def notice(self, notice_id: str) -> Notice | None:
        """The notice with this id, if the pack holds it."""
        return next((notice for notice in self.notices if notice.id == notice_id), None)

    @property
    def incomplete_directions(self) -> tuple[Direction, ...]:
        """The directions whose clauses or figures the pack's sources do not give."""
        return tuple(direction for direction in self.directions if direction.incomplete)

    def country(self, code: str) -> Country | None:
        """The country with this ISO code, if the guide lists it."""
        return next((country for country in self.countries if country.code == code), None)

    def attachment_kind(self, kind_id: str) -> AttachmentKind | None:
        """The attachment kind with this id, if the guide lists it."""
        return next((kind for kind in self.attachment_kinds if kind.id == kind_id), None)

    def declaration(self, declaration_id: str) -> Declaration | None:
        """The declaration with this id, if the guide lists it."""
        return next((item for item in self.declarations if item.id == declaration_id), None)

    @property
    def total_projects(self) -> int:
        """Projects added up over all directions, as the catalogue counts them."""
        return sum(direction.project_count for direction in self.directions)

    @property
    def total_budget_wan(self) -> Decimal:
        """Central funds added up over all directions, in 万元."""
        return sum((direction.budget_wan for direction in self.directions), Decimal(0))


def _unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    repeated: set[str] = set()
    for value in values:
        (repeated if value in seen else seen).add(value)
    if repeated:
        raise ValueError(f"{what} repeated: {', '.join(sorted(repeated))}")


def _subset(what: str, values: tuple[str, ...], known: set[str]) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{what} names unknown codes: {', '.join(unknown)}")
