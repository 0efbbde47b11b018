"""Starting the next application from an earlier draft.

A lab secretary reuses the units, the people and the partners; everything
that belongs to one call (the direction, the project, its texts, money,
dates, attachments and declarations) starts empty, at the stage the new
call begins with.
"""

from __future__ import annotations

from decimal import Decimal

from applywizard.domain.draft.model import Draft, JointLab, Stage


def reuse_for_next_call(
    earlier: Draft, *, guide_id: str, guide_hash: str = "", stage: Stage = Stage.FORMAL
) -> Draft:
    """A new draft keeping ``earlier``'s units, team and partners, for ``guide_id`` at ``stage``."""
    units = [
        unit.model_copy(
            update={"central_funds_wan": Decimal(0), "self_raised_wan": Decimal(0), "tasks": ""}
        )
        for unit in earlier.chinese_units
    ]
    partners = [
        partner.model_copy(update={"budget_amount": None, "tasks": ""})
        for partner in earlier.foreign_partners
    ]
    team = [
        member.model_copy(update={"task": "", "months_per_year": None}) for member in earlier.team
    ]
    lab = earlier.joint_lab
    return Draft(
        stage=stage,
        guide_id=guide_id,
        guide_hash=guide_hash,
        chinese_units=units,
        foreign_partners=partners,
        team=team,
        leader_projects=list(earlier.leader_projects),  # the leader's, not the call's
        joint_lab=JointLab(
            name_zh=lab.name_zh,
            name_en=lab.name_en,
            founded_on=lab.founded_on,
            belt_and_road_lab=lab.belt_and_road_lab,
        ),
    )
