"""Migrations that bring a draft saved by an older ApplyWizard up to date.

``MIGRATIONS[n]`` turns the JSON object of schema version ``n`` into version
``n + 1``; each schema change adds one pure function here and a test that
opens a draft saved in the old shape.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]


def _declarations_tri_state(data: JsonObject) -> JsonObject:
    """Version 2: a declaration is answered yes, answered no, or not answered.

    Version 1 had one tick box per declaration, so ``false`` meant a box not
    ticked, not a considered “no”: it becomes “not answered”. The guide pack's
    content hash and the pinned clauses are new and start empty (the draft is
    pinned when it is next saved). The eligibility facts are new optional
    fields and need nothing.
    """
    declarations = data.get("declarations")
    if isinstance(declarations, dict):
        data["declarations"] = {
            key: value for key, value in declarations.items() if value is not False
        }
    return data


def _project_summary(data: JsonObject) -> JsonObject:
    """Version 3: the project has a summary (项目摘要), which starts empty.

    Nothing in a version-2 draft changes; the version is raised so that an
    older ApplyWizard refuses a draft holding a summary as “from a newer
    version” instead of as “an unknown key”.
    """
    return data


def _attachment_preflight(data: JsonObject) -> JsonObject:
    """Version 4: an attachment may carry what the pre-flight found in its file.

    Older drafts have no such facts (their files were never checked); the
    field is optional and they need nothing. The version changes so that an
    older ApplyWizard says "saved by a newer version" instead of refusing the
    new key as unknown.
    """
    return data


def _attachment_source(data: JsonObject) -> JsonObject:
    """Version 5: an attachment may record where its file was attached from.

    Older drafts do not know (the path was kept in memory only, for one
    session): the field starts empty and they need nothing. The version
    changes so that an older ApplyWizard says "saved by a newer version"
    instead of refusing the new key as unknown.
    """
    return data


def _stage_and_indicators(data: JsonObject) -> JsonObject:
    """Version 6: a draft has a stage, and its assessment indicators are a list of items.

    Before, ApplyWizard wrote only the formal application, so an older draft
    is at the formal stage. Its indicators (考核指标) were one text: a text
    with anything in it becomes one item holding that text as it was, with no
    quantity or unit (nothing is guessed from the words); an empty or blank
    one becomes no item. A value of another type is left for the model to
    refuse.
    """
    data.setdefault("stage", "formal")
    form = data.get("form")
    if isinstance(form, dict) and isinstance(form.get("indicators"), str):
        text = form["indicators"]
        form = dict(form)
        form["indicators"] = [{"text": text}] if text.strip() else []
        data["form"] = form
    return data


def _innovation_and_route(data: JsonObject) -> JsonObject:
    """Version 7: the form has a part for the innovative ideas and technical route.

    The pre-application asks to state them briefly (创新思路、技术路线;
    docs/pre-application-sources.md, §1.2); an older draft has none written,
    so the part starts empty. A ``form`` of another type is left for the
    model to refuse.
    """
    form = data.get("form")
    if isinstance(form, dict):
        data["form"] = {**form, "innovation_and_route": form.get("innovation_and_route", "")}
    return data


def _indicator_keys(data: JsonObject) -> JsonObject:
    """Version 8: each assessment indicator has its own key; a draft may hold what was promised.

    An indicator saved before has no key, so it gets one here. The key is
    worked out from the item's place and words (the first 8 hex digits of
    their SHA-256), not drawn at random, so the same old file always opens
    as the same draft (and renders byte-identical documents); a new item
    gets a random key. A key already there is kept, and two items never get
    one key. The record of a pre-application's promises (``promised``) is
    new and optional: an older draft has none. A value of another type is
    left for the model to refuse.
    """
    form = data.get("form")
    if not isinstance(form, dict) or not isinstance(form.get("indicators"), list):
        return data
    items = list(form["indicators"])
    taken = {item["key"] for item in items if isinstance(item, dict) and "key" in item}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or "key" in item:
            continue
        seed = f"{index}\u0000{item.get('text', '')}"
        key = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        while key in taken:
            key = hashlib.sha256(key.encode("ascii")).hexdigest()[:8]
        taken.add(key)
        items[index] = {**item, "key": key}
    data["form"] = {**form, "indicators": items}
    return data


MIGRATIONS: Mapping[int, Migration] = {
    1: _declarations_tri_state,
    2: _project_summary,
    3: _attachment_preflight,
    4: _attachment_source,
    5: _stage_and_indicators,
    6: _innovation_and_route,
    7: _indicator_keys,
}


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
