"""The call guide as typed, frozen data: the guide, its directions and their rules.

A guide is a data file (``resources/guides/*.yaml``); these models say what
such a file may hold and check its internal consistency when it is loaded.
Nothing here knows about one particular guide: codes, countries, figures and
clauses all come from the data.

Here: ``Guide`` (the whole file) and ``Direction``; the rules the data
declares (``RuleSpec``, ``Severity``) and the clauses that carry them
(``Clause``, ``ClauseKind``); the catalogue of attachment kinds and
declarations; the budget policy (``BudgetPolicy``, ``IndirectCostTier``); the
batch's notices (``Notice``, ``NoticeClause``). Elsewhere in ``guide/``: the
figures a guide states (``figures``); a direction's fields, themes,
sub-directions and areas (``direction_parts``); counterparts and countries
(``counterparts``); the edition and deadlines (``edition``); the base model,
``Bilingual`` and the id patterns (``base``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator

from applywizard.domain.draft.model import Stage
from applywizard.domain.guide.base import (
    DIRECTION_CODE,
    IDENTIFIER,
    RULE_ID,
    Bilingual,
    GuideModel,
    require_known,
    require_unique,
)
from applywizard.domain.guide.counterparts import Counterpart, Country
from applywizard.domain.guide.direction_parts import Area, ResearchField, SubDirection
from applywizard.domain.guide.edition import Deadline, Edition
from applywizard.domain.guide.figures import (
    Budget,
    DurationRule,
    HeadlineFigures,
    ProjectBudgetCap,
    ProjectCount,
)


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
    stages: tuple[Stage, ...] = Field(
        default=(Stage.PRE, Stage.FORMAL),
        min_length=1,
        description="The stages whose drafts the rule judges: pre_application, formal, or "
        "both (the default); a rule about what only the formal application asks is formal",
    )


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
    pre_application: bool = Field(
        default=False,
        description="The call takes a pre-application (预申报书) first, and only projects it "
        "passes apply formally; a new draft then starts at the pre-application",
    )
    pre_application_text_target: int = Field(
        default=3000,
        ge=1,
        le=100_000,
        description="The pre-application's text, in characters: the notices say "
        "“3000字左右的项目预申报书” (about, not at most)",
    )
    pre_application_text_over_share: Decimal = Field(
        default=Decimal("1.1"),
        ge=1,
        le=10,
        description="A warning when the pre-application's text exceeds the target times "
        "this share; a setting (no source gives a threshold), 1.1 unless the pack says",
    )
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
        require_unique("direction code", [direction.code for direction in self.directions])
        require_unique("country", [country.code for country in self.countries])
        require_unique("counterpart", [counterpart.code for counterpart in self.counterparts])
        require_unique("attachment kind", [kind.id for kind in self.attachment_kinds])
        require_unique("declaration", [declaration.id for declaration in self.declarations])
        require_unique("rule id", [rule.id for rule in self.all_rules()])
        require_unique("notice", [notice.id for notice in self.notices])
        countries = {country.code for country in self.countries}
        counterparts = {counterpart.code for counterpart in self.counterparts}
        for counterpart in self.counterparts:
            require_known(f"counterpart {counterpart.code}", counterpart.countries, countries)
        for direction in self.directions:
            require_known(f"{direction.code} counterparts", direction.counterparts, counterparts)
            require_known(
                f"{direction.code} partner countries", direction.partner_countries, countries
            )
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
