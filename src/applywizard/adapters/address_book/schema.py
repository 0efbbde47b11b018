"""The address book's tables, as a numbered sequence of migrations.

``PRAGMA user_version`` is the number of migrations applied; each one is also
recorded in ``schema_migrations`` with when it was applied. A file whose
version is higher than this program knows was written by a newer program and
is left alone.

A migration is SQL, or a function given the connection when it needs Python
(filling a new column from the rows already there). Every pending migration
runs inside the one transaction ``store`` opens: a migration that fails
leaves the file as it was.

1. the tables of units, partners and people, and of the drafts each was used in;
2. ``initials`` on each: the pinyin initials of the Chinese name
   (``initials.py``), filled for the entries already there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from applywizard.adapters.address_book.initials import INITIALS_FROM, entry_initials
from applywizard.domain.address_book import FIELDS, KINDS, Kind

Migration = str | Callable[[sqlite3.Connection], None]

TABLES: dict[Kind, str] = {"unit": "units", "partner": "partners", "person": "people"}
USES: dict[Kind, str] = {"unit": "unit_uses", "partner": "partner_uses", "person": "person_uses"}


def _entry_table(kind: Kind) -> str:
    columns = ",\n".join(f"    {field} TEXT NOT NULL DEFAULT ''" for field in FIELDS[kind])
    table, uses = TABLES[kind], USES[kind]
    return f"""
CREATE TABLE {table} (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    name_key TEXT NOT NULL,
{columns},
    last_used TEXT NOT NULL
);
CREATE INDEX {table}_name_key ON {table}(name_key);
CREATE TABLE {uses} (
    entry_id INTEGER NOT NULL REFERENCES {table}(id) ON DELETE CASCADE,
    draft TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, draft)
);
"""


def _add_initials(connection: sqlite3.Connection) -> None:
    for kind in KINDS:
        table, source = TABLES[kind], INITIALS_FROM[kind]
        connection.execute(f"ALTER TABLE {table} ADD COLUMN initials TEXT NOT NULL DEFAULT ''")
        rows = connection.execute(f"SELECT id, {source} FROM {table}").fetchall()  # noqa: S608
        connection.executemany(
            f"UPDATE {table} SET initials = ? WHERE id = ?",  # noqa: S608
            [(entry_initials(kind, {source: str(text)}), entry_id) for entry_id, text in rows],
        )


MIGRATIONS: tuple[Migration, ...] = (
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);\n"
    + "".join(_entry_table(kind) for kind in KINDS),
    _add_initials,
)
SCHEMA_VERSION = len(MIGRATIONS)


def run_migration(connection: sqlite3.Connection, migration: Migration) -> None:
    """Apply one migration, inside the caller's transaction."""
    if callable(migration):
        migration(connection)
        return
    for statement in migration.split(";"):
        if statement.strip():
            connection.execute(statement)
