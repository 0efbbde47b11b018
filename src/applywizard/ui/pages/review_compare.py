"""The Review page's third tab: the pre-application beside the formal application.

Rows and text runs come from ``presenters.compare``; this module only lays
them out, colours the rows that differ, and highlights the runs of a
research text that the other side does not have (user text escaped, never
read as markup).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from applywizard.presenters.compare import CompareRow, Segment, TextDiff
from applywizard.ui.text import _

BACKGROUNDS = {"error": QColor("#f8d7da"), "warning": QColor("#fff3cd"), "": QColor("#e8eef8")}
REMOVED, ADDED = "#f8d7da", "#d4edda"


def _runs(segments: tuple[Segment, ...], colour: str) -> str:
    parts = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        parts.append(
            f'<span style="background:{colour}">{text}</span>' if segment.changed else text
        )
    return "".join(parts)


class ComparePanel(QWidget):
    """The frozen parts side by side, and each research text's differences."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setObjectName("review.comparison")
        self.tree.setAccessibleName(_("Pre-application vs formal"))
        self.tree.setHeaderLabels([_("Part"), _("Pre-application"), _("Formal application")])
        self.tree.setColumnWidth(0, 160)
        self.tree.setColumnWidth(1, 380)
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree, 1)
        self.texts = QTextBrowser()
        self.texts.setObjectName("review.text_diffs")
        self.texts.setAccessibleName(_("Research content, pre-application vs formal"))
        layout.addWidget(self.texts, 1)

    def show_comparison(self, rows: list[CompareRow], diffs: list[TextDiff]) -> None:
        """Fill the rows and the texts (both empty without a pre-application record)."""
        self.tree.clear()
        for row in rows:
            marker = (
                ""
                if row.severity is None
                else {"error": "✖ ", "warning": "⚠ "}.get(row.severity, "≠ ")
            )
            item = QTreeWidgetItem([f"{marker}{row.part}", row.before, row.after])
            item.setToolTip(1, row.before)
            item.setToolTip(2, row.after)
            if row.severity is not None:
                for column in range(3):
                    item.setBackground(column, QBrush(BACKGROUNDS[row.severity]))
            self.tree.addTopLevelItem(item)
        blocks = []
        for diff in diffs:
            status = _("changed") if diff.changed else _("unchanged")
            blocks.append(
                f"<h4>{html.escape(diff.part)} ({html.escape(status)})</h4>"
                '<table width="100%" cellspacing="4"><tr>'
                f'<th align="left">{html.escape(_("Pre-application"))}</th>'
                f'<th align="left">{html.escape(_("Formal application"))}</th></tr>'
                f'<tr><td valign="top">{_runs(diff.before, REMOVED)}</td>'
                f'<td valign="top">{_runs(diff.after, ADDED)}</td></tr></table>'
            )
        self.texts.setHtml("".join(blocks))
