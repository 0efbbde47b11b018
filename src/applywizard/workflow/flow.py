"""The wizard's pages, which fields each owns, and each page's state from the findings.

Plain data and functions (no Qt), so the page flow is tested without widgets.
A field belongs to the page whose prefix matches it longest; a finding about
``foreign_partners.2.country`` is the partners page's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's first page needs this module before the rules load
    from applywizard.domain.rules.finding import Finding


class PageId(StrEnum):
    """The wizard's pages, in order."""

    START = "start"
    DIRECTION = "direction"
    PROJECT = "project"
    UNITS = "units"
    PARTNERS = "partners"
    TEAM = "team"
    BUDGET = "budget"
    ATTACHMENTS = "attachments"
    REVIEW = "review"
    GENERATE = "generate"


@dataclass(frozen=True)
class PageSpec:
    """A page: its titles and the field paths it edits (by prefix)."""

    id: PageId
    zh: str
    en: str
    prefixes: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(PageId.START, "开始", "Start"),
    PageSpec(PageId.DIRECTION, "指南方向", "Direction", ("guide_id", "direction", "selection")),
    PageSpec(
        PageId.PROJECT,
        "项目信息",
        "Project",
        ("project", "form", "joint_lab", "horizon", "brics"),
    ),
    PageSpec(PageId.UNITS, "中方单位", "Chinese units", ("chinese_units",)),
    PageSpec(PageId.PARTNERS, "外方合作单位", "Foreign partners", ("foreign_partners",)),
    PageSpec(PageId.TEAM, "研究团队", "Team", ("team", "leader_projects")),
    PageSpec(PageId.BUDGET, "经费预算", "Budget", ("budget",)),
    PageSpec(PageId.ATTACHMENTS, "附件与承诺", "Attachments", ("attachments", "declarations")),
    PageSpec(PageId.REVIEW, "检查", "Review"),
    PageSpec(PageId.GENERATE, "生成", "Generate"),
)

ORDER: tuple[PageId, ...] = tuple(page.id for page in PAGES)


def spec(page: PageId) -> PageSpec:
    """The spec of a page."""
    return PAGES[ORDER.index(page)]


def page_of(field: str) -> PageId:
    """The page that edits a field path (the review page for anything unclaimed)."""
    best, length = PageId.REVIEW, -1
    for page in PAGES:
        for prefix in page.prefixes:
            matches = field == prefix or field.startswith(prefix + ".")
            if matches and len(prefix) > length:
                best, length = page.id, len(prefix)
    return best


def next_page(page: PageId) -> PageId | None:
    """The page after ``page``, None after the last."""
    index = ORDER.index(page) + 1
    return ORDER[index] if index < len(ORDER) else None


def previous_page(page: PageId) -> PageId | None:
    """The page before ``page``, None before the first."""
    index = ORDER.index(page) - 1
    return ORDER[index] if index >= 0 else None


def steps_between(current: PageId, target: PageId) -> int:
    """Next (positive) or Back (negative) presses from ``current`` to ``target``."""
    return ORDER.index(target) - ORDER.index(current)


@dataclass(frozen=True)
class PageState:
    """How a page stands: its errors and warnings."""

    errors: int = 0
    warnings: int = 0

    @property
    def symbol(self) -> str:
        """✖ with errors, ⚠ with warnings only, ✔ when clean."""
        return "✖" if self.errors else "⚠" if self.warnings else "✔"


def page_states(findings: Iterable[Finding]) -> dict[PageId, PageState]:
    """Errors and warnings counted by the page that owns each finding's field."""
    counts = {page: [0, 0] for page in ORDER}
    for finding in findings:
        counts[page_of(finding.field)][0 if finding.is_error else 1] += 1
    return {page: PageState(errors, warnings) for page, (errors, warnings) in counts.items()}


def grouped(findings: Sequence[Finding]) -> list[tuple[PageId, list[Finding]]]:
    """Findings grouped by page in page order, errors first within each."""
    by_page: dict[PageId, list[Finding]] = {}
    for finding in findings:
        by_page.setdefault(page_of(finding.field), []).append(finding)
    return [
        (page, sorted(by_page[page], key=lambda f: not f.is_error))
        for page in ORDER
        if page in by_page
    ]
