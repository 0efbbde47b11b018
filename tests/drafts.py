"""Small drafts built in code, for tests that need no complete example."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from applywizard.domain.draft.model import (
    BudgetYear,
    CategoryAmounts,
    ChineseUnit,
    Draft,
    ForeignPartner,
    Role,
    TeamMember,
    TeamRole,
    UnitType,
)
from applywizard.domain.draft.project import Project


def small_draft(direction: str = "2.5") -> Draft:
    """A partly filled draft of a direction: a unit, a partner, a leader, one budget year."""
    return Draft(
        guide_id="most-igsti-2023-batch1",
        direction=direction,
        project=Project(
            title_zh="城市水环境智能监测",
            title_en="Smart monitoring of urban water",
            start_date=date(2024, 1, 1),
            end_date=date(2025, 12, 31),
            duration_months=24,
            application_date=date(2023, 3, 20),
        ),
        chinese_units=[
            ChineseUnit(
                name="江南水环境研究院",
                credit_code="12310000MB0A12345X",
                type=UnitType.RESEARCH_INSTITUTE,
                role=Role.LEAD,
                central_funds_wan=Decimal(100),
            )
        ],
        foreign_partners=[
            ForeignPartner(
                name="Lion City Water Lab",
                name_zh="狮城水务实验室",
                country="SG",
                type=UnitType.RESEARCH_INSTITUTE,
                role=Role.LEAD,
            )
        ],
        team=[
            TeamMember(name="王明", role=TeamRole.LEADER, unit="江南水环境研究院", title="研究员")
        ],
        budget={
            "income_central_wan": Decimal(100),
            "income_self_raised_wan": Decimal(0),
            "years": [
                BudgetYear(
                    year=2024,
                    central=CategoryAmounts(
                        equipment=Decimal(20),
                        business=Decimal(50),
                        labour=Decimal(10),
                        indirect=Decimal(20),
                    ),
                )
            ],
        },
    )
