"""The draft's tables, declared once: the columns of units, partners, team, indicators….

Each list of the draft that is shown as a table (the Chinese units, the
foreign partners, the team, the leader's other projects, the attachments,
the assessment indicators) is declared here as a ``Table`` of ``Column`` s:
the item's field, how it is edited (``kind``), where its choices come from,
whether blank is allowed, how typed text is tidied, a width hint, and its
heading in the window (the field's label, ``paths.LABELS``) and in the
generated documents. The window's table model (``presenters.table``), the
documents (``adapters.documents``, ``scripts/make_templates.py``) and the
tests all read these declarations.

The budget's grid is declared here too: its sources of funds and its
expenditure categories (国办发〔2021〕32号).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from applywizard.domain.draft.model import (
    Degree,
    ProjectRole,
    ProjectStatus,
    Region,
    Role,
    TeamRole,
    TitleLevel,
    UnitType,
)
from applywizard.domain.draft.paths import label

Kind = Literal["text", "suggest", "choice", "date", "money", "decimal", "yes_no", "long", "file"]
"""How a column is shown and edited: ``suggest`` is free text offered choices,
``long`` is shown shortened and edited in a multi-line field, ``file`` is set
by attaching a file, never typed."""

Source = Literal[
    "answer", "countries", "unit_names", "currencies", "attachment_kinds", "indicator_units"
]
"""Choices that are not an enumeration of the draft model: an unanswered/yes/no
answer, the chosen direction's countries, the draft's Chinese units' names, the
usual currencies, the guide's attachment kinds, the usual units of an
indicator's count."""

Clean = Literal["upper", "upper_or_none"]
"""How typed text is tidied: stripped and upper-cased (codes), and blank as None."""

CURRENCIES = ("EUR", "GBP", "USD", "CHF", "ILS", "KRW", "ZAR", "SGD", "ARS", "RUB", "BRL", "INR")
"""The currencies offered for a foreign partner's own budget (any code may be typed)."""

INDICATOR_UNITS = ("篇", "项", "件", "套", "个", "种", "台", "名", "人", "人次", "次", "份", "期")
"""The units offered for an indicator's count: papers, patents, items, sets, people,
visits, reports… (any unit may be typed)."""


@dataclass(frozen=True)
class Column:
    """A column: the field of each item it shows, how it is edited, and its headings."""

    field: str
    kind: Kind = "text"
    choices: type[Enum] | Source | None = None
    optional: bool = True
    """Blank means None; otherwise a blank number is 0 and choices have no "—"."""
    clean: Clean | None = None
    width: float = 8.0
    """A width hint in ems: the window's column while the table is empty (rows size it
    after that; documents fit their own)."""
    document: tuple[str, str] | None = None
    """The heading in the documents, where it is other than the field's label (mostly shorter)."""


@dataclass(frozen=True)
class Table:
    """A list of the draft shown as a table: a row per item, a column per field."""

    collection: str
    columns: tuple[Column, ...]
    lead: tuple[str, Enum] | None = None
    """The field and value that mark the one item that leads (shown ★ and bold)."""
    long_field: str | None = None
    """The column edited in the multi-line field under the table."""

    def column(self, field: str) -> Column:
        """The column showing ``field``."""
        found = next((column for column in self.columns if column.field == field), None)
        if found is None:
            raise KeyError(f"{self.collection} has no column {field!r}")
        return found

    def header(self, field: str) -> tuple[str, str]:
        """A column's heading in the window: its field's label, Chinese and English."""
        zh, en = label(f"{self.collection}.*.{field}")
        return zh, en[:1].upper() + en[1:]

    def document_header(self, field: str) -> tuple[str, str]:
        """A column's heading in the generated documents."""
        return self.column(field).document or self.header(field)


UNITS = Table(
    "chinese_units",
    (
        Column("name", width=14, document=("单位名称", "Name")),
        Column("credit_code", clean="upper", width=12),
        Column("type", "choice", UnitType, width=8, document=("类型", "Type")),
        Column("role", "choice", Role, optional=False, width=6, document=("角色", "Role")),
        # what the call's notice admits units by, where it shows without scrolling
        Column("region", "choice", Region, width=8),
        Column("registered_on", "date", width=7),
        Column(
            "independent_legal_entity",
            "choice",
            "answer",
            optional=False,
            width=6,
            document=("独立法人", "Legal person"),
        ),
        Column(
            "state_organ",
            "choice",
            "answer",
            optional=False,
            width=6,
            document=("国家机关", "State organ"),
        ),
        Column("central_funds_wan", "money", optional=False, width=8),
        Column("self_raised_wan", "money", optional=False, width=8),
        Column("name_en", width=14, document=("英文名称", "Name in English")),
        Column("parent", width=10, document=("上级单位", "Parent unit")),
        Column("tasks", "long", width=16),
    ),
    lead=("role", Role.LEAD),
    long_field="tasks",
)

PARTNERS = Table(
    "foreign_partners",
    (
        Column("name", width=14),
        Column("name_zh", width=12, document=("中文名称", "Name (Chinese)")),
        Column("country", "choice", "countries", width=8),
        Column("type", "choice", UnitType, width=8, document=("类型", "Type")),
        Column("registered_on", "date", width=7),
        Column(
            "independent_legal_entity", "yes_no", width=6, document=("独立法人", "Legal person")
        ),
        Column("registration_number", width=10),
        Column("role", "choice", Role, optional=False, width=6, document=("角色", "Role")),
        Column("leader_name", width=8),
        Column(
            "budget_amount",
            "money",
            width=8,
            # shown with its currency in the form
            document=("外方经费（外方自筹，原币）", "Own budget (own funds, own currency)"),
        ),
        Column("budget_currency", "suggest", "currencies", clean="upper_or_none", width=5),
        Column("tasks", "long", width=16),
    ),
    lead=("role", Role.LEAD),
    long_field="tasks",
)

TEAM = Table(
    "team",
    (
        Column("name", width=6),
        Column("role", "choice", TeamRole, optional=False, width=7),
        Column("unit", "suggest", "unit_names", width=14),
        Column("title", width=7),
        Column("title_level", "choice", TitleLevel, width=6),
        Column("degree", "choice", Degree, width=5),
        Column("birth_date", "date", width=7),
        Column("field_of_science", width=8),
        Column("task", width=10),
        Column("months_per_year", "decimal", width=5, document=("月/年", "Months/year")),
    ),
    lead=("role", TeamRole.LEADER),
)

LEADER_PROJECTS = Table(
    "leader_projects",
    (
        Column("programme", width=10),
        Column("title", width=16),
        Column("role", "choice", ProjectRole, width=8),
        Column("status", "choice", ProjectStatus, width=6),
        Column("ends_on", "date", width=7),
    ),
)

ATTACHMENTS = Table(
    "attachments",
    (
        Column("kind", "choice", "attachment_kinds", optional=False, width=14),
        Column("file_name", "file", width=16),
        Column("signed_on", "date", width=7),
        Column("valid_until", "date", width=7),
        Column(
            "signed_by_all_parties",
            "yes_no",
            width=6,
            document=("各方均已签署", "Signed by all parties"),
        ),
        Column("contains_ip_clauses", "yes_no", width=6),
        Column("note", width=12, document=("备注", "Note")),
    ),
)

INDICATORS = Table(
    "form.indicators",
    (
        Column("text", "long", width=30, document=("考核指标", "Indicator")),
        Column("quantity", "decimal", width=6),
        Column("unit", "suggest", "indicator_units", width=5, document=("单位", "Unit")),
    ),
    long_field="text",
)
"""The assessment indicators (考核指标): each one's words, and the count it states."""

TABLES = (UNITS, PARTNERS, TEAM, LEADER_PROJECTS, ATTACHMENTS, INDICATORS)
"""Every table of the draft."""

SOURCES: tuple[tuple[str, str, str], ...] = (
    ("central", "中央财政资金", "central funds"),
    ("self_raised", "自筹资金", "self-raised"),
)
"""The budget's sources of funds: field, Chinese and English names."""

CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("equipment", "设备费", "equipment"),
    ("equipment_purchase", "其中：设备购置费", "of which equipment purchase"),
    ("business", "业务费", "business"),
    ("labour", "劳务费", "labour"),
    ("indirect", "间接费用", "indirect costs"),
)
"""The budget's expenditure categories (国办发〔2021〕32号): field, Chinese and English."""
