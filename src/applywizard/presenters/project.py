"""The Project page without Qt: its groups of fields, each field's kind, and which show.

Titles, dates and duration, the form's texts with the assessment indicators
(a table: ``TABLES``), then what a direction adds: a joint laboratory (1.1), a
Horizon Europe proposal (1.4, 1.5), a BRICS joint application (2.8). A group
a direction adds is shown only when that direction's rules read fields under
its prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from applywizard.domain.draft.tables import INDICATORS, Table
from applywizard.presenters.text import _
from applywizard.workflow.session import DraftSession

Fields = tuple[tuple[str, str], ...]
"""Field paths with their kind: line, text, day, number, year, trl, money, lines, yes_no,
or table (a list of the draft edited in the table ``TABLES`` declares for it)."""

IDENTITY: Fields = (
    ("project.title_zh", "line"),
    ("project.title_en", "line"),
    ("project.summary", "text"),
    ("project.area", "line"),
    ("project.keywords", "line"),
    ("project.recommending_body", "line"),
    ("project.start_date", "day"),
    ("project.end_date", "day"),
    ("project.duration_months", "number"),
    ("project.application_date", "day"),
)
FORM_PARTS: Fields = (
    ("form.status_and_trends", "text"),
    ("form.objectives_and_content", "text"),
    ("form.indicators", "table"),
    ("form.innovation_and_route", "text"),
    ("form.research_basis", "text"),
    ("form.schedule", "text"),
    ("form.organisation_and_risks", "text"),
    ("form.task_division", "text"),
)
TABLES: dict[str, Table] = {"form.indicators": INDICATORS}
"""The lists the page edits in a table, by path."""
JOINT_LAB: Fields = (
    ("joint_lab.name_zh", "line"),
    ("joint_lab.name_en", "line"),
    ("joint_lab.founded_on", "day"),
    ("joint_lab.belt_and_road_lab", "yes_no"),
    ("joint_lab.research_tasks", "text"),
    ("joint_lab.building_tasks", "text"),
)
HORIZON: Fields = (
    ("horizon.call_identifier", "line"),
    ("horizon.acronym", "line"),
    ("horizon.proposal_number", "line"),
    ("horizon.work_programme_year", "year"),
    ("horizon.participants", "lines"),
    ("horizon.chinese_budget_wan", "money"),
    ("horizon.includes_chinese_budget", "yes_no"),
    ("horizon.trl", "trl"),
    ("horizon.eu_deadline", "day"),
)
BRICS: Fields = (("brics.confirmation_number", "line"),)

NUMBER_RANGES = {"number": (1, 240), "year": (1900, 2199), "trl": (1, 9)}
"""The whole numbers' kinds and their ranges (months, a year, a technology readiness level)."""
SECTIONS = ("joint_lab.", "horizon.", "brics.")
"""The prefixes of the groups a direction adds, as ``groups`` gives them."""


@dataclass(frozen=True)
class Group:
    """A box of fields: its title, its fields, and the prefix a direction must read (if any)."""

    title: str
    fields: Fields
    section: str | None = None


def groups() -> list[Group]:
    """The page's groups, in order, titled in the current language."""
    return [
        Group(_("Project"), IDENTITY),
        Group(_("Parts of the application form"), FORM_PARTS),
        Group(_("Joint laboratory (1.1)"), JOINT_LAB, SECTIONS[0]),
        Group(_("Horizon Europe proposal"), HORIZON, SECTIONS[1]),
        Group(_("BRICS joint application"), BRICS, SECTIONS[2]),
    ]


def table_hint(path: str) -> str:
    """What to write in a table of the page, said above it."""
    hints = {
        "form.indicators": _(
            "One row per indicator, in the words of the form. Where an indicator "
            "states a count (发表论文5篇), give the count and its unit (5, 篇) too: "
            "the formal application may not promise less than the pre-application."
        ),
    }
    return hints.get(path, "")


def yes_no() -> list[tuple[bool, str]]:
    """The choices of a yes/no field."""
    return [(True, _("Yes")), (False, _("No"))]


def shown_sections(session: DraftSession) -> dict[str, bool]:
    """For each group a direction adds (by prefix), whether the draft's direction reads it."""
    code = session.draft.direction
    return {prefix: session.book.reads(code, prefix) for prefix in SECTIONS}
