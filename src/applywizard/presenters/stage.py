"""The application's stage without Qt: which stage a draft may be set to, what each stage shows.

A new draft starts at its pack's first stage (``first_stage``); since no
shipped pack states a pre-application, the applicant chooses it on the
Direction page (申报阶段: 预申报书 / 正式申报书). The choice is free only
while the draft has not moved on: once the pre-application has been frozen
and the draft moved to the formal application (issue 15 part C's
“转为正式申报”, which records what the pre-application promised in
``Draft.promised``), the stage is shown but no longer chosen here.

At the pre-application the Project page hides the parts of the formal form
the pre-application does not have (they stay in the draft), and shows the
running count of the pre-application's texts against the pack's target; the
Team and Budget pages say what the pre-application asks of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.domain.draft.model import Draft, Stage
from applywizard.domain.rules.length_limits import pre_application_length
from applywizard.presenters.text import _
from applywizard.workflow.session import DraftSession

FORMAL_ONLY: frozenset[str] = frozenset(
    {
        "project.summary",
        "form.status_and_trends",
        "form.schedule",
        "form.organisation_and_risks",
        "form.task_division",
    }
)
"""Fields of the formal form the pre-application does not ask for (sources §1.3): hidden at PRE."""

PRE_ONLY: frozenset[str] = frozenset({"form.innovation_and_route"})
"""Parts only the pre-application has: the formal form has no 创新思路与技术路线 part."""


@dataclass(frozen=True)
class StageChoice:
    """One stage offered: its value, its words, whether it may be chosen now."""

    stage: Stage
    text: str
    enabled: bool


def stage_name(stage: Stage) -> str:
    """预申报书 or 正式申报书, in the current language."""
    return _("Pre-application (预申报书)") if stage is Stage.PRE else _("Formal application")


def moved_on(draft: Draft) -> bool:
    """True once the draft has moved from the pre-application to the formal one (part C)."""
    return getattr(draft, "promised", None) is not None


def stage_choices(draft: Draft) -> list[StageChoice]:
    """The stages the Direction page offers: both while the draft has not moved on."""
    free = not moved_on(draft)
    return [
        StageChoice(stage, stage_name(stage), free or stage is draft.stage)
        for stage in (Stage.PRE, Stage.FORMAL)
    ]


def stage_hint(draft: Draft) -> str:
    """What the stage choice means, said beside it."""
    if moved_on(draft):
        return _("This draft has moved on to the formal application; its stage is fixed.")
    return _(
        "Calls of this special project took a pre-application first in 2021–2022 and one "
        "round from 2023 (batch 2); the guide pack does not say for this call. Choose the "
        "application you are preparing now."
    )


def shown_at(path: str, stage: Stage) -> bool:
    """Whether a field of the Project page is shown at ``stage``."""
    if stage is Stage.PRE:
        return path not in FORMAL_ONLY
    return path not in PRE_ONLY


@dataclass(frozen=True)
class Total:
    """The pre-application's texts counted together: “1,234 / about 3,000”, and whether over."""

    text: str
    over: bool


def pre_application_total(session: DraftSession) -> Total | None:
    """The running count of the pre-application's texts; None at the formal stage."""
    draft = session.draft
    if draft.stage is not Stage.PRE:
        return None
    length = pre_application_length(session.book, draft.direction or None)
    if length is None:
        return None
    count = length.count(draft)
    text = _(
        "Pre-application text so far: {count} characters (about {target} asked; "
        "a warning past {limit})"
    ).format(count=count, target=length.target, limit=length.limit)
    return Total(text, count > length.limit)


def page_note(page: str, draft: Draft) -> str:
    """What the pre-application asks of the Team or Budget page; empty at the formal stage."""
    if draft.stage is not Stage.PRE:
        return ""
    if page == "team":
        return _(
            "Pre-application: only the project leader (and any task leaders) are needed; "
            "the other members are added for the formal application."
        )
    return _(
        "Pre-application: only a budget outline is asked: each unit's central funds and "
        "other (self-raised) funds on the Chinese units page, added up there. The full "
        "budget below is for the formal application and is not checked now."
    )
