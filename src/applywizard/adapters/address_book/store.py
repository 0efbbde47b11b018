"""Opening the address book file, and reading and writing its entries.

The file is SQLite with a busy timeout, so that two windows (or a window and
the command line) can write at once, and a write killed halfway leaves the
last committed state. The user's own file (in the user data folder, on this
machine) is in WAL mode; any other file, which may be on a shared drive, keeps
the rollback journal: WAL keeps its index in shared memory, which programs on
two machines cannot share (SQLite: "WAL does not work over a network
filesystem"), while the rollback journal needs only the drive's file locks.
Which file is used, when none is named: ``app_settings.address_book_path``.
A file that is not an address book (corrupt, or written by a newer program)
raises ``AddressBookError`` and is not changed; the program then runs without
the address book.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from applywizard.adapters.address_book.initials import entry_initials
from applywizard.adapters.address_book.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    TABLES,
    USES,
    run_migration,
)
from applywizard.adapters.app_settings import address_book_path, own_address_book
from applywizard.domain.address_book import FIELDS, Entry, Kind, identity, name_key, normalise

OTHER_NAME: dict[Kind, str] = {"unit": "name_en", "partner": "name_zh", "person": "unit"}
"""The field searched besides the name: a unit's English name, a partner's Chinese name,
a person's unit."""
CODE: dict[Kind, str] = {"unit": "credit_code", "partner": "registration_number", "person": "title"}
"""The identifier searched: credit code, registration number (a person's title)."""
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class AddressBookError(Exception):
    """The address book file cannot be used; why, in Chinese and English."""

    def __init__(self, path: Path, zh: str, en: str) -> None:
        super().__init__(f"{path}: {zh} / {en}")
        self.path, self.zh, self.en = path, zh, en

    def message(self, *, english: bool) -> str:
        """The reason in one language, naming the file."""
        return f"{self.path}: {self.en if english else self.zh}"


def default_path() -> Path:
    """The address book used when none is named: ``address_book_path().path`` (kept for
    callers written before the setting; ``address_book_path`` also says why)."""
    return address_book_path().path


@dataclass(frozen=True)
class StoredEntry:
    """An entry as stored, with its row id, when it was last used (UTC, ISO 8601, to the
    second) and the pinyin initials it is found by (``initials.entry_initials``)."""

    kind: Kind
    id: int
    fields: Entry
    last_used: str
    initials: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise AddressBookError(path, f"无法读取：{error}", f"cannot read: {error}") from error
    if head and head != SQLITE_HEADER:
        raise AddressBookError(
            path,
            "不是通讯录文件（文件已损坏或不是 SQLite 数据库）；文件未改动",
            "not an address book (the file is corrupt or not SQLite); the file was left as is",
        )


class AddressBook:
    """An open address book file."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    def close(self) -> None:
        """Close the file."""
        self.connection.close()

    def __enter__(self) -> AddressBook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``: waits up to the busy timeout)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def find(self, kind: Kind, entry: Mapping[str, str]) -> StoredEntry | None:
        """The stored entry that is the same as ``entry``: same identity, else same name
        (when exactly one entry has that name and no different identity)."""
        table = TABLES[kind]
        key = identity(kind, entry)
        same = self.with_identity(kind, entry)
        if same is not None:
            return same
        rows = self._select(
            kind,
            f"SELECT * FROM {table} WHERE name_key = ?",  # noqa: S608
            (name_key(kind, entry),),
        )
        if not key.startswith("name:"):  # only an entry with no identifier of its own
            rows = [row for row in rows if identity(kind, row.fields).startswith("name:")]
        return rows[0] if len(rows) == 1 else None

    def _select(self, kind: Kind, sql: str, params: tuple[object, ...]) -> list[StoredEntry]:
        cursor = self.connection.execute(sql, params)
        names = [column[0] for column in cursor.description]
        found = []
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            fields = {field: str(values[field]) for field in FIELDS[kind]}
            found.append(
                StoredEntry(
                    kind,
                    int(values["id"]),
                    fields,
                    str(values["last_used"]),
                    str(values.get("initials", "")),
                )
            )
        return found

    def put(self, kind: Kind, entry: Mapping[str, str], *, entry_id: int | None = None) -> int:
        """Insert ``entry``, or replace the fields of entry ``entry_id``; its id."""
        fields = FIELDS[kind]
        values = [entry.get(field, "") for field in fields]
        keys = [identity(kind, entry), name_key(kind, entry), entry_initials(kind, entry)]
        table = TABLES[kind]
        if entry_id is None:
            columns = ", ".join(("identity", "name_key", "initials", *fields, "last_used"))
            marks = ", ".join("?" * (len(fields) + 4))
            cursor = self.connection.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                (*keys, *values, _now()),
            )
            return int(cursor.lastrowid or 0)
        assigned = ("identity", "name_key", "initials", *fields)
        assignments = ", ".join(f"{column} = ?" for column in assigned)
        self.connection.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?",  # noqa: S608
            (*keys, *values, entry_id),
        )
        return entry_id

    def used_in(self, kind: Kind, entry_id: int, draft: str) -> None:
        """Record that the entry was used in ``draft`` now."""
        now = _now()
        self.connection.execute(
            f"INSERT OR REPLACE INTO {USES[kind]} (entry_id, draft, used_at) VALUES (?, ?, ?)",  # noqa: S608
            (entry_id, draft, now),
        )
        self.connection.execute(
            f"UPDATE {TABLES[kind]} SET last_used = ? WHERE id = ?",  # noqa: S608
            (now, entry_id),
        )

    def drafts_of(self, kind: Kind, entry_id: int) -> list[str]:
        """The drafts the entry was used in."""
        cursor = self.connection.execute(
            f"SELECT draft FROM {USES[kind]} WHERE entry_id = ? ORDER BY draft",  # noqa: S608
            (entry_id,),
        )
        return [str(row[0]) for row in cursor.fetchall()]

    def get(self, kind: Kind, entry_id: int) -> StoredEntry | None:
        """Entry ``entry_id`` of a kind, if there is one."""
        rows = self._select(kind, f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (entry_id,))  # noqa: S608
        return rows[0] if rows else None

    def with_identity(self, kind: Kind, entry: Mapping[str, str]) -> StoredEntry | None:
        """The stored entry with the same identity as ``entry`` (``identity``), if any."""
        table, key = TABLES[kind], identity(kind, entry)
        rows = self._select(kind, f"SELECT * FROM {table} WHERE identity = ?", (key,))  # noqa: S608
        return rows[0] if rows else None

    def remove(self, kind: Kind, entry_id: int) -> int:
        """Delete an entry and the record of the drafts it was used in; how many those were
        (-1 when there was no such entry)."""
        uses = len(self.drafts_of(kind, entry_id))
        cursor = self.connection.execute(f"DELETE FROM {TABLES[kind]} WHERE id = ?", (entry_id,))  # noqa: S608
        self.connection.execute(f"DELETE FROM {USES[kind]} WHERE entry_id = ?", (entry_id,))  # noqa: S608
        return uses if cursor.rowcount else -1

    def use_counts(self, kind: Kind) -> dict[int, int]:
        """How many drafts each entry of a kind was used in, by id (entries used in none
        are left out)."""
        cursor = self.connection.execute(
            f"SELECT entry_id, count(*) FROM {USES[kind]} GROUP BY entry_id"  # noqa: S608
        )
        return {int(entry_id): int(count) for entry_id, count in cursor.fetchall()}

    def entries(self, kind: Kind) -> list[StoredEntry]:
        """Every entry of a kind, by name."""
        return self._select(kind, f"SELECT * FROM {TABLES[kind]} ORDER BY name_key, id", ())  # noqa: S608

    def entry(self, kind: Kind, entry_id: int) -> Entry | None:
        """The fields of entry ``entry_id``; None if there is none (removed meanwhile)."""
        rows = self._select(kind, f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (entry_id,))  # noqa: S608
        return rows[0].fields if rows else None

    def count(self, kind: Kind) -> int:
        """How many entries of a kind."""
        row = self.connection.execute(f"SELECT count(*) FROM {TABLES[kind]}").fetchone()  # noqa: S608
        return int(row[0])

    def search(self, kind: Kind, text: str, limit: int | None = 20) -> list[StoredEntry]:
        """Entries whose name, other name or identifier contains ``text``, or whose pinyin
        initials start with it (``cqd`` finds 重庆大学): those whose name starts with
        ``text`` first, then those whose initials do, then the rest; each group most
        recently used first. ``limit`` None: every match."""
        table = TABLES[kind]
        wanted = normalise(text)
        pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        typed = wanted.replace(" ", "")
        letters = typed if typed.isascii() and typed.isalnum() else ""
        other, code = OTHER_NAME[kind], CODE[kind]
        sql = (
            f"SELECT * FROM {table} WHERE name_key LIKE ?1 ESCAPE '\\' "  # noqa: S608
            f"OR lower({other}) LIKE ?1 ESCAPE '\\' OR lower({code}) LIKE ?1 ESCAPE '\\' "
            "OR (?4 <> '' AND substr(initials, 1, length(?4)) = ?4) "
            "ORDER BY CASE WHEN substr(name_key, 1, length(?2)) = ?2 THEN 0 "
            "WHEN ?4 <> '' AND substr(initials, 1, length(?4)) = ?4 THEN 1 ELSE 2 END, "
            "last_used DESC, name_key LIMIT ?3"
        )
        return self._select(kind, sql, (pattern, wanted, -1 if limit is None else limit, letters))


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _corrupt(path: Path, error: sqlite3.Error) -> AddressBookError:
    return AddressBookError(
        path,
        f"通讯录文件已损坏，无法打开（{error}）；文件未改动",
        f"the address book file is corrupt and cannot be opened ({error}); it was left as is",
    )


def _quick_check(path: Path, connection: sqlite3.Connection) -> None:
    result = [str(row[0]) for row in connection.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise _corrupt(path, sqlite3.DatabaseError("; ".join(result[:3])))


def _migrate(path: Path, connection: sqlite3.Connection) -> None:
    """Every pending migration, in one transaction: all of them, or none."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        for number in range(version + 1, SCHEMA_VERSION + 1):
            run_migration(connection, MIGRATIONS[number - 1])
            connection.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (number, _now()),
            )
            connection.execute(f"PRAGMA user_version = {number}")
    except sqlite3.Error as error:
        connection.execute("ROLLBACK")
        raise _corrupt(path, error) from error
    except (ImportError, OSError) as error:  # pypinyin or its data missing from the install
        connection.execute("ROLLBACK")
        raise AddressBookError(
            path,
            f"通讯录无法升级到本程序的格式（{error}）；文件未改动",
            f"the address book cannot be brought up to this program's format ({error}); "
            "the file was left as is",
        ) from error
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


Journal = Literal["wal", "rollback"]


def journal_for(path: Path) -> Journal:
    """WAL for the user's own file, the rollback journal for any other."""
    own = os.path.normcase(own_address_book().expanduser().absolute())
    return "wal" if os.path.normcase(path.expanduser().absolute()) == own else "rollback"


def _set_journal(connection: sqlite3.Connection, mode: str) -> None:
    # Refused while another program has the file open in WAL mode: it stays so until all close.
    with suppress(sqlite3.OperationalError):
        connection.execute(f"PRAGMA journal_mode = {mode}")


def open_address_book(path: Path | None = None, *, journal: Journal | None = None) -> AddressBook:
    """Open (creating or migrating when needed) the address book at ``path``, by default
    the one ``address_book_path()`` names; ``journal`` by default ``journal_for(path)``
    (WAL only for a file no other machine opens).

    Raises ``AddressBookError`` for a corrupt file or one of a newer schema, without
    changing it.
    """
    path = path or address_book_path().path
    mode = {"wal": "WAL", "rollback": "DELETE"}[journal or journal_for(path)]
    _check_header(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = _connect(path)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise AddressBookError(
                path,
                f"通讯录由较新版本的程序创建（格式版本 {version}，本程序支持 {SCHEMA_VERSION}）；"
                "文件未改动，请升级程序",
                f"the address book was written by a newer program (schema {version}, this "
                f"program knows {SCHEMA_VERSION}); the file was left as is, please upgrade",
            )
        connection.execute("PRAGMA foreign_keys = ON")
        if version > 0:
            _quick_check(path, connection)
        _set_journal(connection, mode)
        if version < SCHEMA_VERSION:
            _migrate(path, connection)
    except sqlite3.Error as error:
        connection.close()
        raise _corrupt(path, error) from error
    except AddressBookError:
        connection.close()
        raise
    return AddressBook(path, connection)
