"""The Direction page without Qt: the guide's directions as rows, searching, the detail, choosing.

A row per direction (code, title, partners, projects, budget, duration),
the search and the partner-country filter over them, a direction in full
(figures, areas, fields and themes, sub-directions, every 其他要求 clause
with how it is handled) as HTML, and what choosing one does: the draft
takes its code and forgets the field, theme and sub-direction chosen
inside another; the choices offered inside follow the direction.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from applywizard.domain.guide.model import Direction, Guide
from applywizard.presenters.text import _, bilingual, joined
from applywizard.workflow.session import DraftSession

KIND_WORDS = {
    "checked": ("数据校验", "checked"),
    "attachment": ("附件", "attachment"),
    "declaration": ("申报承诺", "declaration"),
    "advice": ("建议", "advice"),
}
SELECTION = ("selection.field", "selection.theme", "selection.sub_direction")
"""The choices inside a direction, forgotten when another direction is chosen."""

Choices = list[tuple[str | None, str]]


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


def headers() -> list[str]:
    """The headings of the directions' columns."""
    return [
        _("Code"),
        _("Direction"),
        _("Partners"),
        _("Projects"),
        _("Budget (10k CNY)"),
        _("Duration"),
    ]


@dataclass(frozen=True)
class DirectionRow:
    """A direction as the list shows it: its code, and the text of each column."""

    code: str
    cells: tuple[str, ...]


def direction_row(guide: Guide, direction: Direction) -> DirectionRow:
    """One direction's row."""
    duration = guide.duration_for(direction)
    partners = joined(
        bilingual(c.zh, c.en) for c in guide.counterparts if c.code in direction.counterparts
    )
    return DirectionRow(
        direction.code,
        (
            direction.code,
            bilingual(direction.title, direction.title_en),
            partners,
            str(direction.project_count),
            f"{direction.budget_wan:,}",
            # the guide's words are in the details
            bilingual(*duration.summary()) if duration else "—",
        ),
    )


@dataclass(frozen=True)
class Options:
    """The choices inside the draft's direction: its fields, the chosen field's themes, subs."""

    fields: Choices
    themes: Choices
    sub_directions: Choices


class DirectionPresenter:
    """The guide's directions and the draft's choice among them."""

    def __init__(self, session: Callable[[], DraftSession]) -> None:
        self._session = session

    @property
    def session(self) -> DraftSession:
        """The session being edited (the window may replace it)."""
        return self._session()

    @property
    def guide(self) -> Guide:
        """The guide of the draft's pack."""
        return self.session.book.guide

    def rows(self) -> list[DirectionRow]:
        """Every direction of the guide, in its order."""
        guide = self.guide
        return [direction_row(guide, direction) for direction in guide.directions]

    def countries(self) -> Choices:
        """The partner-country filter: any, then each country some direction is open to."""
        guide = self.guide
        open_to = {code for d in guide.directions for code in d.partner_countries}
        return [(None, _("Any partner country"))] + [
            (country.code, f"{bilingual(country.zh, country.en)} ({country.code})")
            for country in guide.countries
            if country.code in open_to
        ]

    def shown(self, text: str, country: str | None) -> list[bool]:
        """For each row, whether its direction passes the search and the country filter."""
        guide = self.guide
        return [matches(guide, direction, text, country) for direction in guide.directions]

    def chosen_row(self) -> int:
        """The row of the draft's direction, -1 if none is chosen."""
        code = self.session.draft.direction
        return next((row for row, d in enumerate(self.guide.directions) if d.code == code), -1)

    def choose(self, code: str) -> bool:
        """Make ``code`` the draft's direction, forgetting the choices inside; False if it was."""
        session = self.session
        if session.draft.direction == code:
            return False
        session.set_value("direction", code)
        for path in SELECTION:
            session.set_value(path, None)
        return True

    def details(self, code: str) -> str:
        """The direction ``code`` in full, as HTML (blank if the guide has no such direction)."""
        guide = self.guide
        direction = guide.direction(code)
        return describe(guide, direction) if direction else ""

    def options(self) -> Options:
        """The fields, themes and sub-directions the draft's direction offers."""
        draft = self.session.draft
        direction = self.guide.direction(draft.direction)
        fields = list(direction.fields) if direction else []
        field = next((f for f in fields if f.id == draft.selection.field), None)
        themes = list(field.themes) if field else []
        subs = list(direction.sub_directions) if direction else []
        return Options(
            fields=[(f.id, f.title) for f in fields],
            themes=[(t.id, t.title) for t in themes],
            sub_directions=[(s.id, s.title) for s in subs],
        )

    def finding(self) -> str:
        """What is wrong with the choice of direction, in one line (blank if nothing)."""
        found = next((f for f in self.session.findings if f.field == "direction"), None)
        return f"✖ {bilingual(found.message, found.message_en)}" if found else ""
