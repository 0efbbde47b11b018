"""Budget: income, expenditure by year and category, running totals, the indirect-cost cap.

The expenditure grid has a column per budget year and a row per category
(国办发〔2021〕32号), once for central funds and once for self-raised funds.
Every amount cell is a line edit named by its path
(``budget.years.0.central.labour``) that commits as the applicant types; blank
means 0, and a value the draft refuses stays in the cell while the draft keeps
the old one and the reason shows beside the grid. Totals, the Chinese units'
funds and the indirect-cost cap follow every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from applywizard.adapters.documents.formatting import wan
from applywizard.domain.draft.model import MAX_BUDGET_YEARS, Budget, BudgetYear, CategoryAmounts
from applywizard.domain.draft.paths import LABELS, label, pattern_of
from applywizard.domain.guide.model import BudgetPolicy
from applywizard.domain.rules.checks.money import indirect_cost_cap
from applywizard.domain.rules.finding import Finding
from applywizard.ui.binding import field_label
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _, bilingual, joined
from applywizard.workflow.flow import PageId
from applywizard.workflow.session import EditRefusedError

CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("equipment", "设备费", "equipment"),
    ("equipment_purchase", "其中：设备购置费", "of which equipment purchase"),
    ("business", "业务费", "business"),
    ("labour", "劳务费", "labour"),
    ("indirect", "间接费用", "indirect costs"),
)
"""The expenditure categories: field, Chinese and English names."""

SOURCES: tuple[tuple[str, str, str], ...] = (
    ("central", "中央财政资金", "central funds"),
    ("self_raised", "自筹资金", "self-raised"),
)
"""The sources of funds: field, Chinese and English names (as the field labels read)."""

SOURCE_TITLES = {
    "central": ("中央财政资金", "Central funds"),
    "self_raised": ("自筹资金", "Self-raised funds"),
}
NO_YEAR = 1899
CAP_PLACES = Decimal("0.000001")
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
CELL_STYLES = {
    "error": "QLineEdit, QSpinBox { background: #fde7ea; }",
    "warning": "QLineEdit, QSpinBox { background: #fff4e0; }",
}


def amount_path(index: int, source: str, category: str) -> str:
    """The path of one amount: ``budget.years.0.central.labour``."""
    return f"budget.years.{index}.{source}.{category}"


def budget_label(path: str) -> str:
    """A budget path's label; amounts the label table lacks are named from their parts."""
    if pattern_of(path) in LABELS:
        return field_label(path)
    parts = path.split(".")
    if len(parts) == 5 and parts[:2] == ["budget", "years"] and parts[2].isdigit():
        source = next((s for s in SOURCES if s[0] == parts[3]), None)
        category = next((c for c in CATEGORIES if c[0] == parts[4]), None)
        if source is not None and category is not None:
            year_zh, year_en = label(".".join(parts[:3]))
            return bilingual(
                f"{year_zh}：{source[1]}：{category[1]}", f"{year_en}: {source[2]}: {category[2]}"
            )
    if path == "budget.theoretical_basic_research":
        return bilingual("理论型基础研究项目", "theoretical basic research")
    return field_label(path)


def next_budget_year(
    years: Sequence[int | None], start: date | None, end: date | None, this_year: int
) -> int:
    """The year a new budget year gets: the next calendar year within the project's dates.

    After the last year given if that is still within the dates, else the first
    year of the dates not yet given; with no dates, the year after the last
    (or the current year for the first one).
    """
    used = {year for year in years if year is not None}
    latest = max(used) if used else None
    if start is not None and end is not None and start.year <= end.year:
        span = range(start.year, end.year + 1)
        after = latest + 1 if latest is not None else start.year
        for year in span:
            if year >= after and year not in used:
                return year
        for year in span:
            if year not in used:
                return year
    if latest is not None:
        return min(latest + 1, 2199)
    if start is not None:
        return start.year
    return max(1900, min(this_year, 2199))


def _amount_or_none(text: str) -> Decimal | None:
    """A cell's text as an amount (blank is 0), or None if it is no number."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    try:
        return Decimal(cleaned) if cleaned else Decimal(0)
    except InvalidOperation:
        return None


def sum_of(amounts: Sequence[CategoryAmounts], category: str) -> Decimal:
    """One category added up over some years' amounts."""
    return sum((getattr(item, category) for item in amounts), Decimal(0))


def cap_figures(budget: Budget, policy: BudgetPolicy) -> tuple[Decimal, Decimal, Decimal]:
    """Base, cap and central indirect total, as the indirect-cost check computes them."""
    central = [year.central for year in budget.years]
    direct = sum((item.direct for item in central), Decimal(0))
    base = max(direct - sum_of(central, "equipment_purchase"), Decimal(0))
    cap = indirect_cost_cap(policy, base, theoretical=budget.theoretical_basic_research)
    return base, cap.quantize(CAP_PLACES), sum_of(central, "indirect")


class BudgetPage(WizardPage):
    """Income, expenditure by year, totals and the indirect-cost cap."""

    page_id = PageId.BUDGET

    def build(self) -> None:
        self._cells: dict[str, QLineEdit] = {}
        self._year_boxes: dict[str, QSpinBox] = {}
        self._totals: dict[str, QLabel] = {}
        self._refused: dict[str, str] = {}
        self._built_years = -1
        self.grid_widget: QWidget | None = None

        self.body = self.scrolling_body()

        self.body.addWidget(self._income_box())
        self.body.addWidget(self._expenditure_box())
        self.body.addWidget(self._summary_box())
        self.body.addWidget(self._notes_box())
        self.body.addStretch()
        self._rebuild_grid()

    # -- building ---------------------------------------------------------------------
    def _income_box(self) -> QGroupBox:
        box = QGroupBox(_("Income budget (10k CNY)"))
        form = QFormLayout(box)
        for path in ("budget.income_central_wan", "budget.income_self_raised_wan"):
            widget, finding = self.binder.money(path)
            widget.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.binder.row(form, path, widget, finding)
        path = "budget.theoretical_basic_research"
        text = _("Theoretical basic research (indirect costs up to a flat rate)")
        check, finding = self.binder.check(path, text)
        check.setAccessibleName(budget_label(path))
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(check)
        inner.addWidget(finding)
        form.addRow(column)
        return box

    def _expenditure_box(self) -> QGroupBox:
        box = QGroupBox(_("Expenditure by year (10k CNY)"))
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.add_year_button = QPushButton(_("&Add year"))
        self.add_year_button.setObjectName("budget.add_year")
        self.add_year_button.setAccessibleName(_("Add a budget year"))
        self.add_year_button.clicked.connect(self.add_year)
        buttons.addWidget(self.add_year_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.grid_holder = QVBoxLayout()
        layout.addLayout(self.grid_holder)
        self.refusal = QLabel()
        self.refusal.setObjectName("budget.refused")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.setVisible(False)
        layout.addWidget(self.refusal)
        caption = QLabel(_("Findings on the budget (activate one to go to its field)"))
        self.findings_caption = caption
        layout.addWidget(caption)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("budget.findings")
        self.findings_list.setAccessibleName(_("Findings on the budget"))
        self.findings_list.setMaximumHeight(120)
        self.findings_list.itemActivated.connect(self._finding_activated)
        caption.setBuddy(self.findings_list)
        layout.addWidget(self.findings_list)
        return box

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(_("Totals (10k CNY)"))
        grid = QGridLayout(box)
        headings = [_("Income"), _("Expenditure"), _("Chinese units' funds")]
        for column, heading in enumerate(headings, start=1):
            grid.addWidget(self._bold(heading), 0, column, Qt.AlignmentFlag.AlignRight)
        rows = [
            ("central", bilingual(*SOURCE_TITLES["central"])),
            ("self_raised", bilingual(*SOURCE_TITLES["self_raised"])),
            ("total", _("Total")),
        ]
        for row, (key, title) in enumerate(rows, start=1):
            grid.addWidget(QLabel(title), row, 0)
            for column, what in enumerate(("income", "expenditure", "units"), start=1):
                grid.addWidget(self._total_label(f"budget.summary.{key}.{what}"), row, column)
        self.units_note = QLabel()
        self.units_note.setObjectName("budget.summary#note")
        self.units_note.setWordWrap(True)
        grid.addWidget(self.units_note, len(rows) + 1, 0, 1, 4)

        cap_row = len(rows) + 2
        grid.addWidget(self._bold(_("Indirect costs (central funds)")), cap_row, 0, 1, 4)
        for offset, (key, text) in enumerate(
            (
                ("budget.indirect.base", _("Base: direct costs less equipment purchase")),
                ("budget.indirect.cap", _("Cap on indirect costs")),
                ("budget.indirect.total", _("Indirect costs budgeted")),
            ),
            start=1,
        ):
            grid.addWidget(QLabel(text), cap_row + offset, 0, 1, 3)
            grid.addWidget(self._total_label(key), cap_row + offset, 3)
        self.cap_note = QLabel()
        self.cap_note.setObjectName("budget.indirect#note")
        self.cap_note.setWordWrap(True)
        grid.addWidget(self.cap_note, cap_row + 4, 0, 1, 4)
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox(field_label("form.budget_notes"))
        layout = QVBoxLayout(box)
        widget, finding = self.binder.text(
            "form.budget_notes",
            placeholder=_("How the budget was worked out, category by category"),
        )
        layout.addWidget(widget)
        layout.addWidget(finding)
        return box

    def _bold(self, text: str) -> QLabel:
        caption = QLabel(text)
        font = QFont(caption.font())
        font.setBold(True)
        caption.setFont(font)
        return caption

    def _total_label(self, name: str) -> QLabel:
        shown = QLabel()
        shown.setObjectName(name)
        shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._totals[name] = shown
        return shown

    def _rebuild_grid(self) -> None:
        """(Re)create the grid for the draft's years, with the draft's values."""
        years = self.hub.session.draft.budget.years
        for name in [key for key in self._totals if key.startswith("budget.total")]:
            del self._totals[name]
        self._cells.clear()
        self._year_boxes.clear()
        if self.grid_widget is not None:
            self.grid_holder.removeWidget(self.grid_widget)
            # hidden explicitly first, or a pending show from the layout would make it a window
            self.grid_widget.hide()
            self.grid_widget.setParent(None)
            self.grid_widget.deleteLater()
        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("budget.years")
        grid = QGridLayout(self.grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        last = len(years) + 1
        grid.addWidget(self._bold(_("Category")), 0, 0)
        for index, year in enumerate(years):
            grid.addWidget(self._year_header(index, year), 0, index + 1)
        grid.addWidget(self._bold(_("All years")), 0, last, Qt.AlignmentFlag.AlignRight)
        row = 1
        for source, _zh, _en in SOURCES:
            grid.addWidget(self._bold(bilingual(*SOURCE_TITLES[source])), row, 0, 1, last + 1)
            row += 1
            for category, zh, en in CATEGORIES:
                if category == "indirect":
                    row = self._computed_row(grid, row, source, "direct", _("Direct costs"))
                indent = "    " if category == "equipment_purchase" else ""
                grid.addWidget(QLabel(indent + bilingual(zh, en.capitalize())), row, 0)
                for index, year in enumerate(years):
                    grid.addWidget(self._cell(index, year, source, category), row, index + 1)
                grid.addWidget(self._total_label(f"budget.total.{source}.{category}"), row, last)
                row += 1
            row = self._computed_row(grid, row, source, "", _("Total"))
        grid.addWidget(self._bold(_("Total, both sources")), row, 0)
        for index in range(len(years)):
            grid.addWidget(self._total_label(f"budget.total.years.{index}"), row, index + 1)
        grid.addWidget(self._total_label("budget.total"), row, last)
        self.grid_holder.addWidget(self.grid_widget)
        self.grid_widget.show()  # now, not when the layout gets round to it: focus needs it
        self._built_years = len(years)
        self.add_year_button.setEnabled(len(years) < MAX_BUDGET_YEARS)

    def _computed_row(self, grid: QGridLayout, row: int, source: str, what: str, text: str) -> int:
        suffix = f".{what}" if what else ""
        grid.addWidget(self._bold(text), row, 0)
        count = self._built_columns()
        for index in range(count):
            name = f"budget.total.years.{index}.{source}{suffix}"
            grid.addWidget(self._total_label(name), row, index + 1)
        grid.addWidget(self._total_label(f"budget.total.{source}{suffix}"), row, count + 1)
        return row + 1

    def _built_columns(self) -> int:
        return len(self.hub.session.draft.budget.years)

    def _year_header(self, index: int, year: BudgetYear) -> QWidget:
        header = QWidget()
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        path = f"budget.years.{index}.year"
        box = QSpinBox()
        box.setObjectName(path)
        box.setAccessibleName(budget_label(path))
        box.setRange(NO_YEAR, 2199)
        box.setSpecialValueText(_("(year)"))
        box.setValue(NO_YEAR if year.year is None else year.year)
        box.valueChanged.connect(partial(self._year_edited, path))
        self._year_boxes[path] = box
        remove = QPushButton(_("Remove"))
        remove.setObjectName(f"budget.years.{index}#remove")
        shown = str(year.year) if year.year is not None else str(index + 1)
        remove.setAccessibleName(_("Remove budget year {year}").format(year=shown))
        remove.clicked.connect(partial(self.remove_year, index))
        layout.addWidget(box)
        layout.addWidget(remove)
        return header

    def _cell(self, index: int, year: BudgetYear, source: str, category: str) -> QLineEdit:
        path = amount_path(index, source, category)
        cell = QLineEdit()
        cell.setObjectName(path)
        cell.setAccessibleName(budget_label(path))
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        cell.setPlaceholderText("0")
        cell.setMinimumWidth(90)
        cell.setText(format(getattr(getattr(year, source), category), "f"))
        cell.textEdited.connect(partial(self._amount_edited, path))
        self._cells[path] = cell
        return cell

    # -- editing ----------------------------------------------------------------------
    def _commit(self, path: str, value: Any) -> None:
        try:
            self.hub.session.set_value(path, value)
        except EditRefusedError as error:
            self._refused[path] = bilingual(error.zh, error.en)
        else:
            self._refused.pop(path, None)
        self.hub.edited.emit()

    def _refuse(self, path: str, zh: str, en: str) -> None:
        self._refused[path] = bilingual(zh, en)
        self.hub.edited.emit()

    def _amount_edited(self, path: str, text: str) -> None:
        """An amount typed: blank is 0; anything the draft cannot hold is refused."""
        value = _amount_or_none(text)
        if value is None:
            self._refuse(path, f"“{text}”不是数字", f"“{text}” is not a number")
            return
        if not value.is_finite():
            self._refuse(path, f"“{text}”不是有限的数字", f"“{text}” is not a finite number")
        elif value < 0:
            self._refuse(path, "金额不能为负数", "an amount cannot be negative")
        elif value.as_tuple().exponent < -6:  # type: ignore[operator]
            self._refuse(
                path,
                "金额以万元计，最多保留 6 位小数（精确到分）",
                "amounts are in 10k CNY with at most 6 decimals (to the fen)",
            )
        else:
            self._commit(path, value)

    def _year_edited(self, path: str, value: int) -> None:
        self._commit(path, None if value == NO_YEAR else value)

    def _set_years(self, years: list[BudgetYear]) -> bool:
        try:
            self.hub.session.set_value("budget.years", years)
        except EditRefusedError as error:
            self._refuse("budget.years", error.zh, error.en)
            return False
        self._refused = {
            path: why for path, why in self._refused.items() if not path.startswith("budget.years")
        }
        self._rebuild_grid()
        self.hub.edited.emit()
        return True

    def add_year(self) -> None:
        """Add a year: the next calendar year within the project's dates, in year order."""
        draft = self.hub.session.draft
        years = list(draft.budget.years)
        if len(years) >= MAX_BUDGET_YEARS:
            self._refuse(
                "budget.years",
                f"至多 {MAX_BUDGET_YEARS} 个预算年度",
                f"at most {MAX_BUDGET_YEARS} budget years",
            )
            return
        chosen = next_budget_year(
            [year.year for year in years],
            draft.project.start_date,
            draft.project.end_date,
            QDate.currentDate().year(),
        )
        position = next(
            (i for i, year in enumerate(years) if year.year is not None and year.year > chosen),
            len(years),
        )
        years.insert(position, BudgetYear(year=chosen))
        if self._set_years(years):
            self.focus_field(amount_path(position, "central", "equipment"))

    def remove_year(self, index: int) -> None:
        """Remove a year (asking first when it holds any amount)."""
        years = list(self.hub.session.draft.budget.years)
        if not 0 <= index < len(years):
            return
        year = years[index]
        if (year.central.total or year.self_raised.total or year.central.equipment_purchase) and (
            not self.confirm_remove_year(year)
        ):
            return
        del years[index]
        self._set_years(years)

    def confirm_remove_year(self, year: BudgetYear) -> bool:
        """Ask before removing a year with amounts (tests replace this)."""
        shown = str(year.year) if year.year is not None else _("this year")
        answer = QMessageBox.question(
            self,
            _("Remove budget year"),
            _("Remove {year} and all its amounts?").format(year=shown),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- showing ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Entering the page: every cell shows the draft as it is now."""
        super().showEvent(event)
        self.sync_cells()

    def sync_cells(self) -> None:
        """Put the draft's amounts and years into cells that differ (not an edit).

        The draft can change while the page is hidden (a recovered draft, a
        year added on another device's copy, a script): a cell whose text the
        draft refused keeps the user's text and its message instead.
        """
        if self._built_years != len(self.hub.session.draft.budget.years):
            self._rebuild_grid()
        for path, cell in self._cells.items():
            if path in self._refused:
                continue
            amount = self.hub.session.value(path)
            if _amount_or_none(cell.text()) != amount:
                cell.setText(format(amount, "f"))
        for path, box in self._year_boxes.items():
            if path in self._refused:
                continue
            year = self.hub.session.value(path)
            shown = NO_YEAR if year is None else year
            if box.value() != shown:
                with QSignalBlocker(box):
                    box.setValue(shown)

    def reload(self) -> None:
        """Another draft: rebuild the grid for its years, then values and findings."""
        self._refused.clear()
        self._rebuild_grid()
        super().reload()

    def refresh(self) -> None:
        """Totals, the cap and the findings, from the draft as it is now."""
        if self._built_years != len(self.hub.session.draft.budget.years):
            self._rebuild_grid()
        super().refresh()
        findings = self.hub.session.findings
        self._show_totals()
        self._show_grid_findings(findings)
        self._show_findings_list(findings)

    def _set_total(self, name: str, amount: Decimal | None, severity: str = "") -> None:
        shown = self._totals.get(name)
        if shown is None:
            return
        shown.setText(wan(amount))
        shown.setProperty("severity", severity)
        style = {"error": ERROR_STYLE, "warning": WARNING_STYLE}.get(severity, "")
        shown.setStyleSheet(style + (" font-weight: bold;" if severity else ""))

    def _show_totals(self) -> None:
        draft = self.hub.session.draft
        budget = draft.budget
        years = budget.years
        for source, _zh, _en in SOURCES:
            amounts = [getattr(year, source) for year in years]
            for category, _czh, _cen in CATEGORIES:
                self._set_total(f"budget.total.{source}.{category}", sum_of(amounts, category))
            direct = sum((item.direct for item in amounts), Decimal(0))
            self._set_total(f"budget.total.{source}.direct", direct)
            self._set_total(
                f"budget.total.{source}", sum((item.total for item in amounts), Decimal(0))
            )
            for index, item in enumerate(amounts):
                self._set_total(f"budget.total.years.{index}.{source}.direct", item.direct)
                self._set_total(f"budget.total.years.{index}.{source}", item.total)
        for index, year in enumerate(years):
            self._set_total(
                f"budget.total.years.{index}", year.central.total + year.self_raised.total
            )
        spent = {"central": budget.central_total(), "self_raised": budget.self_raised_total()}
        self._set_total("budget.total", spent["central"] + spent["self_raised"])

        self._show_summary(spent)
        self._show_cap()

    def _show_summary(self, spent: dict[str, Decimal]) -> None:
        draft = self.hub.session.draft
        budget = draft.budget
        has_units = bool(draft.chinese_units)
        income = {
            "central": budget.income_central_wan,
            "self_raised": budget.income_self_raised_wan,
        }
        units = {
            "central": sum((unit.central_funds_wan for unit in draft.chinese_units), Decimal(0)),
            "self_raised": sum((unit.self_raised_wan for unit in draft.chinese_units), Decimal(0)),
        }
        mismatched: list[str] = []
        for key in ("central", "self_raised"):
            stated = income[key]
            off = stated is not None and stated != spent[key]
            self._set_total(f"budget.summary.{key}.income", stated, "error" if off else "")
            self._set_total(f"budget.summary.{key}.expenditure", spent[key], "error" if off else "")
            units_off = has_units and units[key] != spent[key]
            if units_off:
                mismatched.append(bilingual(*SOURCE_TITLES[key]))
            self._set_total(
                f"budget.summary.{key}.units",
                units[key] if has_units else None,
                "error" if units_off else "",
            )
        known = [amount for amount in income.values() if amount is not None]
        self._set_total("budget.summary.total.income", sum(known, Decimal(0)) if known else None)
        self._set_total("budget.summary.total.expenditure", spent["central"] + spent["self_raised"])
        self._set_total(
            "budget.summary.total.units",
            units["central"] + units["self_raised"] if has_units else None,
        )
        if not has_units:
            note = _("No Chinese units yet: their funds are entered on the Chinese units page.")
        elif mismatched:
            note = _(
                "The Chinese units' funds do not add up to the expenditure: {sources}."
            ).format(sources=joined(mismatched))
        else:
            note = ""
        self.units_note.setText(note)
        self.units_note.setVisible(bool(note))
        self.units_note.setStyleSheet(ERROR_STYLE if mismatched else "")

    def _show_cap(self) -> None:
        budget = self.hub.session.draft.budget
        policy = self.hub.session.book.guide.budget_policy
        base, cap, indirect = cap_figures(budget, policy)
        above = indirect > cap
        self._set_total("budget.indirect.base", base)
        self._set_total("budget.indirect.cap", cap)
        self._set_total("budget.indirect.total", indirect, "warning" if above else "")
        if budget.theoretical_basic_research:
            rule = _("flat rate {rate}% for theoretical basic research").format(
                rate=format((policy.theoretical_research_rate * 100).normalize(), "f")
            )
        else:
            rule = (
                _("tiered rates")
                + ": "
                + "; ".join(
                    (
                        _("up to {limit}: {rate}%").format(
                            limit=wan(tier.up_to_wan),
                            rate=format((tier.rate * 100).normalize(), "f"),
                        )
                        if tier.up_to_wan is not None
                        else _("above: {rate}%").format(
                            rate=format((tier.rate * 100).normalize(), "f")
                        )
                    )
                    for tier in policy.indirect_cost_tiers
                )
            )
        note = f"{rule} ({policy.source})"
        if above:
            note = (
                _("Indirect costs exceed the cap by {amount}.").format(amount=wan(indirect - cap))
                + " "
                + note
            )
        self.cap_note.setText(note)
        self.cap_note.setStyleSheet(WARNING_STYLE if above else "")

    def _show_grid_findings(self, findings: Sequence[Finding]) -> None:
        by_field: dict[str, Finding] = {}
        for finding in findings:
            by_field.setdefault(finding.field, finding)
        widgets: list[tuple[str, QWidget]] = [*self._cells.items(), *self._year_boxes.items()]
        for path, widget in widgets:
            found = by_field.get(path)
            if path in self._refused:
                severity, text = "error", f"✖ {self._refused[path]}"
            elif found is not None:
                severity = "error" if found.is_error else "warning"
                text = self._finding_text(found)
            else:
                severity, text = "", ""
            widget.setProperty("severity", severity)
            widget.setStyleSheet(CELL_STYLES.get(severity, ""))
            widget.setToolTip(text)
        refused = [
            f"{budget_label(path)}：{why}" if path != "budget.years" else why
            for path, why in self._refused.items()
        ]
        self.refusal.setText("\n".join(f"✖ {line}" for line in refused))
        self.refusal.setVisible(bool(refused))

    def _finding_text(self, finding: Finding) -> str:
        message = bilingual(finding.message, finding.message_en)
        citation = bilingual(finding.citation, finding.citation_en)
        return f"{'✖' if finding.is_error else '⚠'} {message}（{citation}）"

    def _show_findings_list(self, findings: Sequence[Finding]) -> None:
        bound = set(self.binder.paths())
        self.findings_list.clear()
        for finding in findings:
            path = finding.field
            if not (path == "budget" or path.startswith("budget.")) or path in bound:
                continue
            item = QListWidgetItem(f"{budget_label(path)}：{self._finding_text(finding)}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(item.text())
            item.setForeground(
                Qt.GlobalColor.darkRed if finding.is_error else Qt.GlobalColor.darkYellow
            )
            self.findings_list.addItem(item)
        self.findings_list.setVisible(self.findings_list.count() > 0)
        self.findings_caption.setVisible(self.findings_list.count() > 0)

    def _finding_activated(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    # -- going to a field -------------------------------------------------------------
    def field_widget(self, path: str) -> QWidget | None:
        """The widget editing ``path`` (or the nearest one for a year or the whole list)."""
        if path in self._cells:
            return self._cells[path]
        if path in self._year_boxes:
            return self._year_boxes[path]
        bound = self.binder.widget(path)
        if bound is not None:
            return bound
        parts = path.split(".")
        if parts[:2] == ["budget", "years"]:
            if len(parts) >= 3 and parts[2].isdigit():
                return self._year_boxes.get(f"budget.years.{parts[2]}.year")
            return self._cells.get(amount_path(0, "central", "equipment"), self.add_year_button)
        return None

    def focus_field(self, path: str) -> bool:
        """Show and focus the widget editing ``path``; False if it is not on this page."""
        widget = self.field_widget(path)
        if widget is None:
            return super().focus_field(path)
        return self.show_and_focus(widget)
