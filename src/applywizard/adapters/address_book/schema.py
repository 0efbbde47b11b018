"""The address book's tables, as a numbered sequence of migrations.

``PRAGMA user_version`` is the number of migrations applied; each one is also
recorded in ``schema_migrations`` with when it was applied. A file whose
version is higher than this program knows was written by a newer program and
is left alone.
"""

from __future__ import annotations

from applywizard.domain.address_book import FIELDS, KINDS, Kind

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


MIGRATIONS: tuple[str, ...] = (
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);\n"
    + "".join(_entry_table(kind) for kind in KINDS),
)
SCHEMA_VERSION = len(MIGRATIONS)
