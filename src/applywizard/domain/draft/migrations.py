"""Migrations that bring a draft saved by an older ApplyWizard up to date.

``MIGRATIONS[n]`` turns the JSON object of schema version ``n`` into version
``n + 1``. Version 1 is the first schema, so the chain is empty today; each
future schema change adds one pure function here and a test that opens a
draft saved in the old shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]

MIGRATIONS: Mapping[int, Migration] = {}


class MigrationGapError(ValueError):
    """No migration leads from a version to the next one."""


def migrate(
    data: JsonObject,
    *,
    from_version: int,
    to_version: int,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> JsonObject:
    """Apply migrations one version at a time, and stamp the new version."""
    for version in range(from_version, to_version):
        step = migrations.get(version)
        if step is None:
            raise MigrationGapError(f"no migration from schema version {version} to {version + 1}")
        data = step(dict(data))
        data["schema_version"] = version + 1
    return data
