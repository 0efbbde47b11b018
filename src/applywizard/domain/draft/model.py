"""The application draft an applicant fills in.

A draft saves and loads however incomplete it is: every field may be empty,
and the rules engine, not this model, says what is missing. What the model
does refuse is what no application can hold: wrong types, unknown keys,
NaN or negative money, characters a document cannot carry, runaway sizes.
Field paths (``foreign_partners.0.country``) are this model's attribute names
joined by dots, list items by index; findings and the window use the same.

Here: ``Draft`` and its parts (units, partners, team, the leader's other
projects, budget, attachments, joint lab, Horizon and BRICS proposals), the
enumerations they use (the application's ``Stage`` among them) and the size
limits. Elsewhere in ``draft/``: the base
model and field types (``base``), the selection, project and form texts
(``project``), the pinned guide clauses (``pinned``).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from applywizard.domain.draft.base import (
    BoundedDate,
    CountryCode,
    CurrencyCode,
    DraftModel,
    FileName,
    Sha256,
    SourcePath,
    Year,
)
from applywizard.domain.draft.pinned import PinnedClause
from applywizard.domain.draft.preflight import PreflightFacts
from applywizard.domain.draft.project import FormParts, Project, Selection
from applywizard.domain.draft.promised import PreApplicationRecord
from applywizard.domain.text import ForeignAmount, LongText, ShortText, Wan

SCHEMA_VERSION: Literal[8] = 8
"""The version this program writes; older drafts are migrated on load."""

MAX_UNITS = 500
MAX_TEAM = 500
MAX_ATTACHMENTS = 200
MAX_BUDGET_YEARS = 10
MAX_DECLARATIONS = 200
MAX_OTHER_PROJECTS = 100


class Stage(StrEnum):
    """Which application a draft is: the pre-application (预申报) or the formal one (正式申报)."""

    PRE = "pre_application"
    FORMAL = "formal"


def first_stage(*, pre_application: bool) -> Stage:
    """The stage a new application starts at: PRE when the call has a pre-application."""
    return Stage.PRE if pre_application else Stage.FORMAL


class UnitType(StrEnum):
    """The kind of a Chinese unit or a foreign partner."""

    ENTERPRISE = "enterprise"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    OTHER = "other"


class Role(StrEnum):
    """Whether a unit leads the project on its side or takes part in it."""

    LEAD = "lead"
    PARTICIPANT = "participant"


class TeamRole(StrEnum):
    """The project leader or a core member of the team."""

    LEADER = "leader"
    CORE = "core"


class Region(StrEnum):
    """Where a Chinese unit is registered (the notices admit units by region)."""

    MAINLAND = "mainland"
    HONG_KONG = "hong_kong"
    MACAO = "macao"
    TAIWAN = "taiwan"
    FOREIGN = "foreign"


class TitleLevel(StrEnum):
    """The level of a researcher's professional title (职称级别)."""

    SENIOR_FULL = "senior_full"
    SENIOR_DEPUTY = "senior_deputy"
    INTERMEDIATE = "intermediate"
    JUNIOR = "junior"
    NONE = "none"


class Degree(StrEnum):
    """A researcher's highest degree."""

    DOCTORATE = "doctorate"
    MASTER = "master"
    BACHELOR = "bachelor"
    OTHER = "other"


class ProjectRole(StrEnum):
    """The project leader's part in another national key R&D project."""

    PROJECT_LEADER = "project_leader"
    TOPIC_LEADER = "topic_leader"
    MEMBER = "member"


class ProjectStatus(StrEnum):
    """Whether another project is running or applied for."""

    RUNNING = "running"
    APPLYING = "applying"


class ChineseUnit(DraftModel):
    """A Chinese unit: the lead applicant or a participating unit."""

    name: ShortText = Field(default="", description="In full, as on the unit's seal")
    name_en: ShortText = ""
    credit_code: ShortText = Field(default="", description="统一社会信用代码")
    type: UnitType | None = None
    parent: ShortText = Field(default="", description="The unit it belongs to, if any")
    role: Role = Role.PARTICIPANT
    central_funds_wan: Wan = Decimal(0)
    self_raised_wan: Wan = Decimal(0)
    tasks: LongText = ""
    region: Region | None = None
    registered_on: BoundedDate | None = Field(default=None, description="注册日期")
    independent_legal_entity: bool | None = Field(default=None, description="独立法人")
    state_organ: bool | None = Field(default=None, description="国家机关")


class ForeignPartner(DraftModel):
    """A foreign partner institution."""

    name: ShortText = Field(default="", description="In its own language")
    name_zh: ShortText = ""
    country: CountryCode | None = None
    type: UnitType | None = None
    registered_on: BoundedDate | None = None
    independent_legal_entity: bool | None = None
    registration_number: ShortText = ""
    role: Role = Role.PARTICIPANT
    leader_name: ShortText = ""
    budget_amount: ForeignAmount | None = Field(default=None, description="In budget_currency")
    budget_currency: CurrencyCode | None = None
    tasks: LongText = ""


class TeamMember(DraftModel):
    """The project leader or a core member."""

    name: ShortText = ""
    role: TeamRole = TeamRole.CORE
    unit: ShortText = ""
    title: ShortText = Field(default="", description="职称")
    field_of_science: ShortText = ""
    task: ShortText = ""
    months_per_year: Decimal | None = Field(default=None, ge=0, le=12, decimal_places=1)
    birth_date: BoundedDate | None = None
    title_level: TitleLevel | None = None
    degree: Degree | None = None


class OtherProject(DraftModel):
    """A national key R&D project the leader leads or joins, running or applied for (限项)."""

    programme: ShortText = Field(default="", description="The programme or special project")
    title: ShortText = ""
    role: ProjectRole | None = None
    status: ProjectStatus | None = None
    ends_on: BoundedDate | None = None


class CategoryAmounts(DraftModel):
    """One year's money by category (国办发〔2021〕32号), in 万元."""

    equipment: Wan = Decimal(0)
    equipment_purchase: Wan = Field(default=Decimal(0), description="其中：设备购置费")
    business: Wan = Decimal(0)
    labour: Wan = Decimal(0)
    indirect: Wan = Decimal(0)

    @property
    def direct(self) -> Decimal:
        """Direct costs: equipment, business and labour."""
        return self.equipment + self.business + self.labour

    @property
    def total(self) -> Decimal:
        """Direct and indirect costs."""
        return self.direct + self.indirect


class BudgetYear(DraftModel):
    """Expenditure of one calendar year, central and self-raised."""

    year: Year | None = None
    central: CategoryAmounts = Field(default_factory=CategoryAmounts)
    self_raised: CategoryAmounts = Field(default_factory=CategoryAmounts)


class Budget(DraftModel):
    """The income budget and the expenditure budget by year."""

    income_central_wan: Wan | None = None
    income_self_raised_wan: Wan | None = None
    theoretical_basic_research: bool = False
    years: list[BudgetYear] = Field(default_factory=list, max_length=MAX_BUDGET_YEARS)

    def central_total(self) -> Decimal:
        """Central-fund expenditure over all years."""
        return sum((year.central.total for year in self.years), Decimal(0))

    def self_raised_total(self) -> Decimal:
        """Self-raised expenditure over all years."""
        return sum((year.self_raised.total for year in self.years), Decimal(0))


class Attachment(DraftModel):
    """A document attached to the application, with the facts the rules read."""

    kind: ShortText = ""
    file_name: FileName = ""
    sha256: Sha256 | None = None
    size_bytes: int | None = Field(default=None, ge=0, le=2**40)
    signed_on: BoundedDate | None = None
    valid_until: BoundedDate | None = None
    signed_by_all_parties: bool | None = None
    contains_ip_clauses: bool | None = None
    note: ShortText = ""
    preflight: PreflightFacts | None = Field(
        default=None, description="What the pre-flight found in the file (None: not checked)"
    )
    attached_from: SourcePath = Field(
        default="",
        description="Where the file was attached from: its absolute path on the machine "
        "that attached it (empty: not known); a pack for handing on looks there",
    )


class JointLab(DraftModel):
    """The joint laboratory a 1.1-type project builds on."""

    name_zh: ShortText = ""
    name_en: ShortText = ""
    founded_on: BoundedDate | None = None
    belt_and_road_lab: bool | None = Field(
        default=None, description="Approved by MOST as a Belt-and-Road joint laboratory"
    )
    research_tasks: LongText = ""
    building_tasks: LongText = ""


class HorizonProposal(DraftModel):
    """The Horizon Europe proposal an EU-track application rests on."""

    call_identifier: ShortText = ""
    acronym: ShortText = ""
    proposal_number: ShortText = ""
    work_programme_year: Year | None = None
    participants: list[ShortText] = Field(default_factory=list, max_length=MAX_UNITS)
    chinese_budget_wan: Wan | None = None
    includes_chinese_budget: bool | None = None
    trl: int | None = Field(default=None, ge=1, le=9)
    eu_deadline: BoundedDate | None = None


class BricsProposal(DraftModel):
    """The joint application filed with the BRICS call secretariat."""

    confirmation_number: ShortText = ""


class Draft(DraftModel):
    """A whole application draft."""

    schema_version: Literal[8] = 8
    stage: Stage = Field(
        default=Stage.FORMAL,
        description="The pre-application or the formal application; a new draft starts at "
        "the stage its guide pack's call begins with",
    )
    guide_id: ShortText = ""
    guide_hash: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] = Field(
        default="", description="SHA-256 of the guide pack the draft was last saved under"
    )
    guide_clauses: list[PinnedClause] = Field(default_factory=list, max_length=500)
    direction: ShortText = ""
    selection: Selection = Field(default_factory=Selection)
    project: Project = Field(default_factory=Project)
    form: FormParts = Field(default_factory=FormParts)
    chinese_units: list[ChineseUnit] = Field(default_factory=list, max_length=MAX_UNITS)
    foreign_partners: list[ForeignPartner] = Field(default_factory=list, max_length=MAX_UNITS)
    team: list[TeamMember] = Field(default_factory=list, max_length=MAX_TEAM)
    leader_projects: list[OtherProject] = Field(
        default_factory=list,
        max_length=MAX_OTHER_PROJECTS,
        description="The project leader's other national key R&D projects, led or joined, "
        "running or applied for",
    )
    budget: Budget = Field(default_factory=Budget)
    attachments: list[Attachment] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)
    declarations: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)], bool] = (
        Field(
            default_factory=dict,
            max_length=MAX_DECLARATIONS,
            description="Each answered declaration: true (yes) or false (no); "
            "a declaration not listed is not answered yet",
        )
    )
    joint_lab: JointLab = Field(default_factory=JointLab)
    horizon: HorizonProposal = Field(default_factory=HorizonProposal)
    brics: BricsProposal = Field(default_factory=BricsProposal)
    promised: PreApplicationRecord | None = Field(
        default=None,
        description="What the pre-application promised, frozen when the draft moved to the "
        "formal application (None: no pre-application behind it)",
    )

    def lead_unit(self) -> ChineseUnit | None:
        """The Chinese lead unit, when exactly one is marked."""
        leads = [unit for unit in self.chinese_units if unit.role is Role.LEAD]
        return leads[0] if len(leads) == 1 else None

    def leader_index(self) -> int | None:
        """The index of the team's project leader, when exactly one is marked."""
        leaders = [i for i, member in enumerate(self.team) if member.role is TeamRole.LEADER]
        return leaders[0] if len(leaders) == 1 else None
