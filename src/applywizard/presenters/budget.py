"""The Budget page without Qt: its grid, what an amount typed means, totals and the cap.

This is where the budget page decides: which rows the expenditure grid has
(a heading per source of funds, a row per category, direct costs and totals
computed), what typed text means (blank is 0; not a number, negative, more
than 6 decimals are refused with why), the year a new budget year gets, every
total and its mark (income against expenditure, the Chinese units' funds), the
indirect-cost cap and its rule, and which findings are listed under the grid.
``ui.pages.budget`` lays the widgets out from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from applywizard.adapters.documents.formatting import wan
from applywizard.domain.draft.model import MAX_BUDGET_YEARS, BudgetYear
from applywizard.domain.draft.tables import CATEGORIES, SOURCES
from applywizard.domain.rules.finding import Finding
from applywizard.presenters.budget_amounts import (
    amount_path,
    budget_label,
    cap_figures,
    next_budget_year,
    parse_amount,
    sum_of,
)
from applywizard.presenters.budget_words import cap_rule, source_title
from applywizard.presenters.findings import Severity, finding_line, severity_of
from applywizard.presenters.text import _, bilingual, joined
from applywizard.workflow.session import DraftSession, EditRefusedError

YEARS_PATH = "budget.years"
FIRST_AMOUNT = ("central", "equipment")


@dataclass(frozen=True)
class GridRow:
    """A row of the expenditure grid: a heading, or a cell per year and an all-years total.

    ``cells`` are amount paths where ``editable`` (typed into), else the names
    of computed totals; ``total`` names the all-years total, if any.
    """

    title: str
    bold: bool = False
    heading: bool = False
    cells: tuple[str, ...] = ()
    editable: bool = False
    total: str | None = None


@dataclass(frozen=True)
class Total:
    """A computed figure as shown: its text (万元), and whether it is marked."""

    text: str
    severity: Severity = ""


@dataclass(frozen=True)
class Note:
    """A line under the totals or the cap, and how it is marked."""

    text: str
    severity: Severity = ""


@dataclass(frozen=True)
class ListedFinding:
    """A finding listed under the grid: its line and the path it goes to."""

    text: str
    path: str
    is_error: bool


class BudgetPresenter:
    """What the Budget page shows and decides, from the session's draft and guide."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session
        self.refused: dict[str, str] = {}
        """The text typed into a cell that the draft refused, by path, with why."""

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    @property
    def years(self) -> list[BudgetYear]:
        """The draft's budget years."""
        return self.session.draft.budget.years

    # -- the grid ---------------------------------------------------------------------
    def grid(self) -> list[GridRow]:
        """The expenditure grid's rows for the draft's years, top to bottom."""
        count = len(self.years)
        rows: list[GridRow] = []
        for source, _zh, _en in SOURCES:
            rows.append(GridRow(source_title(source), bold=True, heading=True))
            for category, zh, en in CATEGORIES:
                if category == "indirect":
                    rows.append(self._computed(source, ".direct", _("Direct costs")))
                indent = "    " if category == "equipment_purchase" else ""
                rows.append(
                    GridRow(
                        indent + bilingual(zh, en.capitalize()),
                        cells=tuple(amount_path(i, source, category) for i in range(count)),
                        editable=True,
                        total=f"budget.total.{source}.{category}",
                    )
                )
            rows.append(self._computed(source, "", _("Total")))
        everything = tuple(f"budget.total.years.{index}" for index in range(count))
        rows.append(
            GridRow(_("Total, both sources"), bold=True, cells=everything, total="budget.total")
        )
        return rows

    def _computed(self, source: str, suffix: str, title: str) -> GridRow:
        cells = tuple(
            f"budget.total.years.{index}.{source}{suffix}" for index in range(len(self.years))
        )
        return GridRow(title, bold=True, cells=cells, total=f"budget.total.{source}{suffix}")

    def amount_paths(self) -> list[str]:
        """Every amount a cell edits."""
        return [path for row in self.grid() if row.editable for path in row.cells]

    def year_label(self, index: int) -> str:
        """The accessible name of a year's Remove button."""
        year = self.years[index].year
        shown = str(year) if year is not None else str(index + 1)
        return _("Remove budget year {year}").format(year=shown)

    def can_add_year(self) -> bool:
        """Whether another budget year may be added."""
        return len(self.years) < MAX_BUDGET_YEARS

    # -- editing ----------------------------------------------------------------------
    def commit(self, path: str, value: object) -> bool:
        """Set a value of the draft; False (and why, kept) when refused."""
        try:
            self.session.set_value(path, value)
        except EditRefusedError as error:
            self.refused[path] = bilingual(error.zh, error.en)
            return False
        self.refused.pop(path, None)
        return True

    def commit_amount(self, path: str, text: str) -> bool:
        """An amount typed: blank is 0; anything the draft cannot hold is refused."""
        try:
            value = parse_amount(path, text)
        except EditRefusedError as error:
            self.refused[path] = bilingual(error.zh, error.en)
            return False
        return self.commit(path, value)

    def set_years(self, years: list[BudgetYear]) -> bool:
        """Replace the budget years (refusals of the old years' cells are forgotten)."""
        if not self.commit(YEARS_PATH, years):
            return False
        self.refused = {
            path: why for path, why in self.refused.items() if not path.startswith(YEARS_PATH)
        }
        return True

    def add_year(self, this_year: int) -> int | None:
        """Add the next calendar year within the project's dates, in year order.

        Returns the new year's column, or None (and why, kept) when refused.
        """
        draft = self.session.draft
        years = list(draft.budget.years)
        if len(years) >= MAX_BUDGET_YEARS:
            self.refused[YEARS_PATH] = bilingual(
                f"至多 {MAX_BUDGET_YEARS} 个预算年度", f"at most {MAX_BUDGET_YEARS} budget years"
            )
            return None
        chosen = next_budget_year(
            [year.year for year in years],
            draft.project.start_date,
            draft.project.end_date,
            this_year,
        )
        position = next(
            (i for i, year in enumerate(years) if year.year is not None and year.year > chosen),
            len(years),
        )
        years.insert(position, BudgetYear(year=chosen))
        return position if self.set_years(years) else None

    def year_has_amounts(self, index: int) -> bool:
        """Whether removing a year would lose amounts (so the page asks first)."""
        year = self.years[index]
        return bool(year.central.total or year.self_raised.total or year.central.equipment_purchase)

    def remove_year(self, index: int, confirm: Callable[[BudgetYear], bool]) -> bool | None:
        """Remove a year, asking ``confirm`` first when it holds any amount.

        True when removed, False when the draft refused (why is kept), None when
        nothing was tried (no such year, or the applicant said no).
        """
        years = list(self.years)
        if not 0 <= index < len(years):
            return None
        if self.year_has_amounts(index) and not confirm(years[index]):
            return None
        del years[index]
        return self.set_years(years)

    # -- totals -----------------------------------------------------------------------
    def totals(self) -> dict[str, Total]:
        """Every computed figure of the page by name, with its mark."""
        budget = self.session.draft.budget
        shown: dict[str, Total] = {}
        for source, _zh, _en in SOURCES:
            amounts = [getattr(year, source) for year in budget.years]
            for category, _czh, _cen in CATEGORIES:
                shown[f"budget.total.{source}.{category}"] = Total(wan(sum_of(amounts, category)))
            direct = sum((item.direct for item in amounts), Decimal(0))
            shown[f"budget.total.{source}.direct"] = Total(wan(direct))
            whole = sum((item.total for item in amounts), Decimal(0))
            shown[f"budget.total.{source}"] = Total(wan(whole))
            for index, item in enumerate(amounts):
                shown[f"budget.total.years.{index}.{source}.direct"] = Total(wan(item.direct))
                shown[f"budget.total.years.{index}.{source}"] = Total(wan(item.total))
        for index, year in enumerate(budget.years):
            both = year.central.total + year.self_raised.total
            shown[f"budget.total.years.{index}"] = Total(wan(both))
        shown["budget.total"] = Total(wan(budget.central_total() + budget.self_raised_total()))
        shown.update(self._summary())
        shown.update(self._cap_totals())
        return shown

    def _spent(self) -> dict[str, Decimal]:
        budget = self.session.draft.budget
        return {"central": budget.central_total(), "self_raised": budget.self_raised_total()}

    def _units_funds(self) -> dict[str, Decimal] | None:
        units = self.session.draft.chinese_units
        if not units:
            return None
        return {
            "central": sum((unit.central_funds_wan for unit in units), Decimal(0)),
            "self_raised": sum((unit.self_raised_wan for unit in units), Decimal(0)),
        }

    def _summary(self) -> dict[str, Total]:
        budget = self.session.draft.budget
        spent, units = self._spent(), self._units_funds()
        income = {
            "central": budget.income_central_wan,
            "self_raised": budget.income_self_raised_wan,
        }
        shown: dict[str, Total] = {}
        for key in ("central", "self_raised"):
            stated = income[key]
            off: Severity = "error" if stated is not None and stated != spent[key] else ""
            shown[f"budget.summary.{key}.income"] = Total(wan(stated), off)
            shown[f"budget.summary.{key}.expenditure"] = Total(wan(spent[key]), off)
            units_off: Severity = "error" if units and units[key] != spent[key] else ""
            shown[f"budget.summary.{key}.units"] = Total(
                wan(units[key] if units else None), units_off
            )
        known = [amount for amount in income.values() if amount is not None]
        shown["budget.summary.total.income"] = Total(wan(sum(known, Decimal(0)) if known else None))
        shown["budget.summary.total.expenditure"] = Total(
            wan(spent["central"] + spent["self_raised"])
        )
        shown["budget.summary.total.units"] = Total(
            wan(units["central"] + units["self_raised"] if units else None)
        )
        return shown

    def units_note(self) -> Note:
        """Under the totals: no units yet, or which sources their funds do not add up to."""
        spent, units = self._spent(), self._units_funds()
        if units is None:
            return Note(
                _("No Chinese units yet: their funds are entered on the Chinese units page.")
            )
        mismatched = [
            source_title(key) for key in ("central", "self_raised") if units[key] != spent[key]
        ]
        if not mismatched:
            return Note("")
        text = _("The Chinese units' funds do not add up to the expenditure: {sources}.")
        return Note(text.format(sources=joined(mismatched)), "error")

    def _cap_totals(self) -> dict[str, Total]:
        base, cap, indirect = cap_figures(
            self.session.draft.budget, self.session.book.guide.budget_policy
        )
        above: Severity = "warning" if indirect > cap else ""
        return {
            "budget.indirect.base": Total(wan(base)),
            "budget.indirect.cap": Total(wan(cap)),
            "budget.indirect.total": Total(wan(indirect), above),
        }

    def cap_note(self) -> Note:
        """The indirect-cost rule applied (tiers or the flat rate, with its source), and excess."""
        budget = self.session.draft.budget
        policy = self.session.book.guide.budget_policy
        _base, cap, indirect = cap_figures(budget, policy)
        note = (
            f"{cap_rule(policy, theoretical=budget.theoretical_basic_research)} ({policy.source})"
        )
        if indirect <= cap:
            return Note(note)
        excess = _("Indirect costs exceed the cap by {amount}.").format(amount=wan(indirect - cap))
        return Note(f"{excess} {note}", "warning")

    # -- findings ---------------------------------------------------------------------
    def cell_marks(self, paths: Sequence[str], findings: Sequence[Finding]) -> dict[str, Note]:
        """Each cell's mark and tooltip: its refusal first, else its first finding."""
        by_field: dict[str, Finding] = {}
        for finding in findings:
            by_field.setdefault(finding.field, finding)
        marks: dict[str, Note] = {}
        for path in paths:
            found = by_field.get(path)
            if path in self.refused:
                marks[path] = Note(f"✖ {self.refused[path]}", "error")
            elif found is not None:
                marks[path] = Note(finding_line(found), severity_of(found))
            else:
                marks[path] = Note("")
        return marks

    def refusal_lines(self) -> list[str]:
        """The refused edits, one line each, named by their field."""
        return [
            f"✖ {budget_label(path)}：{why}" if path != YEARS_PATH else f"✖ {why}"
            for path, why in self.refused.items()
        ]

    def listed_findings(self, findings: Sequence[Finding], bound: set[str]) -> list[ListedFinding]:
        """The budget's findings not shown beside a bound field, as listed under the grid."""
        return [
            ListedFinding(
                f"{budget_label(item.field)}：{finding_line(item)}", item.field, item.is_error
            )
            for item in findings
            if (item.field == "budget" or item.field.startswith("budget."))
            and item.field not in bound
        ]

    def nearest(self, path: str) -> str | None:
        """The path of the cell or year that stands for ``path`` in the grid, if any.

        Asked for a path no cell edits: anything of a year goes to its year; the
        list of years to the first amount (or the Add year button, ``budget.add_year``).
        """
        parts = path.split(".")
        if parts[:2] != ["budget", "years"]:
            return None
        if len(parts) >= 3 and parts[2].isdigit():
            return f"budget.years.{parts[2]}.year"
        return amount_path(0, *FIRST_AMOUNT) if self.years else "budget.add_year"
