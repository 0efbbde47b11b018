"""The Review page without Qt: every finding by page, errors first; the direction's clauses.

The findings are grouped by the page that edits their field, in page order,
errors before warnings within a page; each row names its clause and its
field (a declaration reads as the declaration itself), and activating one
goes to that field's page (``workflow.flow.page_of``). The second list is
the coverage map of the draft's direction: every clause, how it is handled,
and whether a finding cites it now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from applywizard.domain.draft.model import Stage
from applywizard.domain.rules.coverage import coverage
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.compare import CompareRow, TextDiff, comparison_rows, text_diffs
from applywizard.presenters.fields import field_label
from applywizard.presenters.findings import Severity, severity_of
from applywizard.presenters.text import _, bilingual
from applywizard.workflow.flow import PageId, grouped, page_of, spec
from applywizard.workflow.formal import MoveRefusedError, can_move_to_formal, move_to_formal
from applywizard.workflow.session import DraftSession

KIND_WORDS = {
    "checked": ("由数据校验", "checked from the draft"),
    "attachment": ("须附文件", "needs a document"),
    "declaration": ("由申报人承诺", "rests on the applicant's word"),
    "advice": ("仅为建议", "advice only"),
}


def summary(findings: Sequence[Finding]) -> str:
    """The line above the list: how many errors and warnings, and what they block."""
    if not findings:
        return _("No findings: the application meets every rule ApplyWizard checks.")
    errors = sum(1 for finding in findings if finding.is_error)
    return _(
        "Errors: {errors}, warnings: {warnings}. Errors block generating documents; "
        "warnings do not."
    ).format(errors=errors, warnings=len(findings) - errors)


@dataclass(frozen=True)
class FindingRow:
    """A finding as listed: its line, clause and field, the path it goes to, its tooltips."""

    text: str
    citation: str
    field: str
    path: str
    severity: Severity
    message: str
    """The whole message (the first column's tooltip)."""
    source: str
    """The rule and the path (the field column's tooltip)."""

    @property
    def detail(self) -> str:
        """The finding in full, shown under the list when it is chosen."""
        return f"{self.message}\n{self.citation} · {self.field}"


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one page: its heading (with the count), and its rows."""

    page: PageId
    title: str
    rows: list[FindingRow]


@dataclass(frozen=True)
class ClauseRow:
    """A clause of the direction: its text, how it is handled, its status and rules."""

    text: str
    handled: str
    status: str
    """✖ cited by an error, ⚠ by a warning, ✔ by none, — for advice."""
    rules: str
    tooltip: str
    severity: Severity | None
    """How the status is coloured: error, warning, "" for met, None for advice."""


class ReviewPresenter:
    """The findings and the coverage of the draft being edited."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    def summary(self) -> str:
        """The counts of errors and warnings, in a sentence."""
        return summary(self.session.findings)

    def label(self, path: str) -> str:
        """A field's label; a declaration reads as the declaration itself."""
        if path.startswith("declarations."):
            found = self.session.book.guide.declaration(path.removeprefix("declarations."))
            if found is not None:
                return bilingual(f"申报承诺：{found.zh}", f"Declaration: {found.en}")
        return field_label(path)

    def row(self, finding: Finding) -> FindingRow:
        """One finding as the list shows it."""
        message = bilingual(finding.message, finding.message_en)
        return FindingRow(
            text=f"{'✖' if finding.is_error else '⚠'} {message}",
            citation=bilingual(finding.citation, finding.citation_en),
            field=self.label(finding.field),
            path=finding.field,
            severity=severity_of(finding),
            message=message,
            source=f"{finding.rule} · {finding.field}",
        )

    def groups(self) -> list[FindingGroup]:
        """The findings by page, in page order, errors first within each page."""
        result = []
        for page_id, items in grouped(self.session.findings):
            page = spec(page_id)
            title = f"{bilingual(page.zh, page.en)} ({len(items)})"
            result.append(FindingGroup(page_id, title, [self.row(item) for item in items]))
        return result

    @staticmethod
    def page_for(path: str) -> PageId:
        """The page a finding about ``path`` is fixed on (activating it goes there)."""
        return page_of(path)

    def clauses(self) -> list[ClauseRow]:
        """The draft's direction clause by clause; none without a direction."""
        session = self.session
        code = session.draft.direction
        if session.book.guide.direction(code) is None:
            return []
        cited = {(f.clause, f.is_error) for f in session.findings if f.direction == code}
        rows = []
        for entry in coverage(session.book, code):
            number = f"（{entry.clause}）" if entry.clause else _("(paragraph)")
            severity: Severity | None
            if entry.kind.value == "advice":
                status, severity = "—", None
            elif (entry.clause, True) in cited:
                status, severity = "✖", "error"
            elif (entry.clause, False) in cited:
                status, severity = "⚠", "warning"
            else:
                status, severity = "✔", ""
            rows.append(
                ClauseRow(
                    text=f"{number} {entry.text}",
                    handled=bilingual(*KIND_WORDS[entry.kind.value]),
                    status=status,
                    rules=", ".join(entry.rules) or "—",
                    tooltip=entry.text,
                    severity=severity,
                )
            )
        return rows

    # -- the stage, moving to the formal application, and the comparison ----------------------

    def stage_line(self) -> str:
        """Which application the draft is, and since when its promises are frozen."""
        draft = self.session.draft
        if draft.stage is Stage.PRE:
            return _("Stage: pre-application.")
        if draft.promised is None:
            return _("Stage: formal application.")
        return _(
            "Stage: formal application; what the pre-application promised was frozen on {day}."
        ).format(day=draft.promised.frozen_on.isoformat())

    def can_move(self) -> bool:
        """Whether "Move to the formal application…" is offered (a pre-application, not frozen)."""
        return can_move_to_formal(self.session)

    @staticmethod
    def move_question() -> str:
        """What the confirmation asks before the promises are frozen."""
        return _(
            "Move this draft to the formal application?\n\nWhat the pre-application promises is "
            "frozen and kept in the draft: its assessment indicators, research content, lead "
            "and participating units, project leader and funds. Everything stays filled in; "
            "from then on the formal application is checked against it (indicators may not be "
            "fewer or lower, the leader and the lead unit may not change). This cannot be undone."
        )

    def move(self) -> str | None:
        """Move to the formal application; None when done, else why not (in both languages)."""
        try:
            move_to_formal(self.session)
        except MoveRefusedError as refused:
            return bilingual(refused.zh, refused.en)
        return None

    def comparison(self) -> list[CompareRow]:
        """The frozen parts side by side (none without a pre-application record)."""
        return comparison_rows(self.session.draft)

    def text_diffs(self) -> list[TextDiff]:
        """The research texts, pre-application against formal, in highlighted runs."""
        return text_diffs(self.session.draft)
