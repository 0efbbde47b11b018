"""Direction: the guide's directions, searchable and filtered by partner country, in full."""

from __future__ import annotations

import html

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from applywizard.domain.guide.model import Direction, Guide
from applywizard.ui.pages.base import WizardPage
from applywizard.ui.text import _, bilingual, joined
from applywizard.workflow.flow import PageId

KIND_WORDS = {
    "checked": ("数据校验", "checked"),
    "attachment": ("附件", "attachment"),
    "declaration": ("申报承诺", "declaration"),
    "advice": ("建议", "advice"),
}


def matches(guide: Guide, direction: Direction, text: str, country: str | None) -> bool:
    """Whether a direction passes the search text and the partner-country filter."""
    if country and country not in direction.partner_countries:
        return False
    words = text.casefold().split()
    haystack = " ".join(
        [direction.code, direction.title, direction.title_en]
        + [area.title for area in direction.areas]
        + [field.title for field in direction.fields]
        + [c.zh + " " + c.en for c in guide.counterparts if c.code in direction.counterparts]
    ).casefold()
    return all(word in haystack for word in words)


def describe(guide: Guide, direction: Direction) -> str:
    """The direction in full, as HTML: figures, areas, fields, clauses."""
    duration = guide.duration_for(direction)
    parts = [f"<h3>{html.escape(direction.code)} {html.escape(direction.title)}</h3>"]
    parts.append(f"<p><i>{html.escape(direction.title_en)}</i></p>")
    figures = [f.projects.text + f.budget.text for f in direction.fields] or [
        (direction.projects.text if direction.projects else "")
        + (direction.budget.text if direction.budget else "")
    ]
    parts.append("<p>" + "<br>".join(html.escape(text) for text in figures) + "</p>")
    if direction.incomplete is not None:
        note = _("Incomplete in this guide pack: {what}").format(
            what=bilingual(direction.incomplete.zh, direction.incomplete.en)
        )
        parts.append(f"<p style='color:#a05a00'><b>{html.escape(note)}</b></p>")
    if duration is not None:
        parts.append(f"<p>{html.escape(_('Duration'))}: {html.escape(duration.text)}</p>")
    parts.append("<p>" + "<br>".join(html.escape(a) for a in direction.agreements) + "</p>")
    if direction.areas:
        items = "".join(f"<li>{html.escape(a.title)}</li>" for a in direction.areas)
        parts.append(f"<p><b>{html.escape(_('Research areas'))}</b></p><ul>{items}</ul>")
    for field in direction.fields:
        themes = "".join(
            f"<li>{html.escape(t.title)}"
            + (f" ({html.escape(t.eu_topic)})" if t.eu_topic else "")
            + "</li>"
            for t in field.themes
        )
        parts.append(f"<p><b>{html.escape(field.title)}</b></p><ul>{themes}</ul>")
    for sub in direction.sub_directions:
        parts.append(f"<p><b>{html.escape(sub.title)}</b><br>{html.escape(sub.content)}</p>")
    parts.append(f"<p><b>{html.escape(_('Other requirements (其他要求)'))}</b></p>")
    for clause in direction.clauses:
        number = f"（{clause.number}）" if clause.number else ""
        kind = bilingual(*KIND_WORDS[clause.kind.value])
        parts.append(
            f"<p>{number}{html.escape(clause.text)} <small>[{html.escape(kind)}]</small></p>"
        )
    return "".join(parts)


class DirectionPage(WizardPage):
    """Choose the direction, and inside it the field, theme or sub-direction."""

    page_id = PageId.DIRECTION

    def build(self) -> None:
        guide = self.hub.session.book.guide
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("direction.search")
        self.search.setAccessibleName(_("Search directions"))
        self.search.setPlaceholderText(_("Search: code, title, country, area…"))
        self.search.textChanged.connect(self._filter)
        self.country = QComboBox()
        self.country.setObjectName("direction.country")
        self.country.setAccessibleName(_("Partner country"))
        self.country.addItem(_("Any partner country"), None)
        open_to = {code for d in guide.directions for code in d.partner_countries}
        for country in guide.countries:
            if country.code in open_to:
                self.country.addItem(
                    f"{bilingual(country.zh, country.en)} ({country.code})", country.code
                )
        self.country.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.country, 1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = self._build_table(guide)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.details = QTextBrowser()
        self.details.setObjectName("direction.details")
        self.details.setAccessibleName(_("Direction in full"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([640, 340])  # the table gets the spare width: titles wrap less
        layout.addWidget(splitter, 1)

        self.direction_finding = QLabel()
        self.direction_finding.setObjectName("direction" + "#finding")
        layout.addWidget(self.direction_finding)
        form = QFormLayout()
        self.field_box, field_finding = self.binder.choice("selection.field", [])
        self.theme_box, theme_finding = self.binder.choice("selection.theme", [])
        self.sub_box, sub_finding = self.binder.choice("selection.sub_direction", [])
        self.binder.row(form, "selection.field", self.field_box, field_finding)
        self.binder.row(form, "selection.theme", self.theme_box, theme_finding)
        self.binder.row(form, "selection.sub_direction", self.sub_box, sub_finding)
        self.field_box.activated.connect(lambda _index: self._fill_options())
        layout.addLayout(form)
        self._fill_options()

    def _build_table(self, guide: Guide) -> QTableWidget:
        """The directions, one per row."""
        table = QTableWidget(len(guide.directions), 6)
        table.setObjectName("direction")
        table.setAccessibleName(_("Guide direction"))
        table.setHorizontalHeaderLabels(
            [
                _("Code"),
                _("Direction"),
                _("Partners"),
                _("Projects"),
                _("Budget (10k CNY)"),
                _("Duration"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for row, direction in enumerate(guide.directions):
            duration = guide.duration_for(direction)
            partners = joined(
                bilingual(c.zh, c.en)
                for c in guide.counterparts
                if c.code in direction.counterparts
            )
            for column, text in enumerate(
                [
                    direction.code,
                    bilingual(direction.title, direction.title_en),
                    partners,
                    str(direction.project_count),
                    f"{direction.budget_wan:,}",
                    # the guide's words are in the details
                    bilingual(*duration.summary()) if duration else "—",
                ]
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, direction.code)
                table.setItem(row, column, item)
        # Every column in view without scrolling: the title takes what is left and wraps,
        # partners wrap in a set width, codes, figures and durations fit their text.
        header = table.horizontalHeader()
        fitted = QHeaderView.ResizeMode.ResizeToContents
        for column, mode in enumerate(
            (fitted, QHeaderView.ResizeMode.Stretch, None, fitted, fitted, fitted)
        ):
            if mode is not None:
                header.setSectionResizeMode(column, mode)
        table.setColumnWidth(2, 120)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _filter(self) -> None:
        guide = self.hub.session.book.guide
        country = self.country.currentData()
        for row, direction in enumerate(guide.directions):
            self.table.setRowHidden(row, not matches(guide, direction, self.search.text(), country))

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        session = self.hub.session
        if session.draft.direction != code:
            session.set_value("direction", code)
            session.set_value("selection.field", None)
            session.set_value("selection.theme", None)
            session.set_value("selection.sub_direction", None)
            self._fill_options()
            self.hub.edited.emit()
        self._show_details(code)

    def _show_details(self, code: str) -> None:
        guide = self.hub.session.book.guide
        direction = guide.direction(code)
        self.details.setHtml(describe(guide, direction) if direction else "")

    def _fill_options(self) -> None:
        guide = self.hub.session.book.guide
        draft = self.hub.session.draft
        direction = guide.direction(draft.direction)
        fields = list(direction.fields) if direction else []
        field = next((f for f in fields if f.id == draft.selection.field), None)
        themes = list(field.themes) if field else []
        subs = list(direction.sub_directions) if direction else []
        for box, options in (
            (self.field_box, [(f.id, f.title) for f in fields]),
            (self.theme_box, [(t.id, t.title) for t in themes]),
            (self.sub_box, [(s.id, s.title) for s in subs]),
        ):
            with QSignalBlocker(box):
                box.clear()
                box.addItem("—", None)
                for value, text in options:
                    box.addItem(text, value)
                box.setEnabled(bool(options))
        self.binder.load()

    def reload(self) -> None:
        """Select the draft's direction and refill the choices inside it."""
        code = self.hub.session.draft.direction
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 0)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                    self.table.selectRow(row)
        if code:
            self._show_details(code)
        self._fill_options()
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        found = next((f for f in self.hub.session.findings if f.field == "direction"), None)
        self.direction_finding.setText(
            f"✖ {bilingual(found.message, found.message_en)}" if found else ""
        )
        self.direction_finding.setStyleSheet("color: #b00020;")

    def focus_field(self, path: str) -> bool:
        if path == "direction":
            self.table.setFocus()
            return True
        return super().focus_field(path)


__all__ = ["DirectionPage", "QWidget"]
