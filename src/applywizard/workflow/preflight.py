"""Attachment pre-flight for the window and the command line, without Qt.

A file is pre-flighted when it is attached (the window, off its UI thread)
and again before generating (the Generate page, ``render`` and ``check``).
Where the file is: where it was attached from in this session, else beside
the draft (the folder the draft is saved in), by its bare name. A file found
nowhere keeps the facts it was last checked with. Facts go into the draft's
attachment, so the rules read them like any other field, and a draft handed
on keeps what was checked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from applywizard.adapters.app_settings import read_attachment_limit
from applywizard.adapters.attachment_preflight.preflight import inspect_file
from applywizard.adapters.attachment_preflight.sandbox import ChildStartError
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.model import Attachment, Draft
from applywizard.domain.draft.preflight import Failure, FileType, PreflightFacts
from applywizard.workflow.session import DraftSession

log = logging.getLogger(__name__)

PARALLEL_CHECKS = 4
"""Files pre-flighted at once before generating (each in its own child process)."""

Inspect = Callable[[Path], PreflightFacts]


class AttachedSources:
    """Where each file attached in this session came from, by SHA-256 (thread-safe)."""

    def __init__(self) -> None:
        self._paths: dict[str, Path] = {}
        self._lock = threading.Lock()

    def remember(self, sha256: str, path: Path) -> None:
        """Note that the file with this SHA-256 was attached from ``path``."""
        with self._lock:
            self._paths[sha256] = path

    def path_of(self, sha256: str | None) -> Path | None:
        """Where a file attached in this session came from (None if not attached here)."""
        with self._lock:
            return self._paths.get(sha256) if sha256 else None


ATTACHED_SOURCES = AttachedSources()
"""The files attached in this run of the program."""


def default_inspect(path: Path) -> PreflightFacts:
    """Pre-flight one file against the size limit in the settings."""
    return inspect_file(path, size_limit_bytes=read_attachment_limit())


def source_of(
    attachment: Attachment, folder: Path | None, sources: AttachedSources = ATTACHED_SOURCES
) -> Path | None:
    """The file of an attachment: where it was attached from, else beside the draft."""
    remembered = sources.path_of(attachment.sha256)
    if remembered is not None and operation_path(remembered).is_file():
        return remembered
    if folder is None or not attachment.file_name:
        return None
    beside = folder / attachment.file_name
    return beside if operation_path(beside).is_file() else None


@dataclass(frozen=True)
class Checked:
    """The pre-flight of one attachment: its index, and its facts or why there are none."""

    index: int
    facts: PreflightFacts | None
    problem: str = ""


def check_one(index: int, path: Path, inspect: Inspect = default_inspect) -> Checked:
    """Pre-flight one file; a file that cannot be read, or a check that cannot start, says so."""
    try:
        return Checked(index, inspect(path))
    except OSError as error:
        return Checked(index, None, f"{path.name}: cannot be read ({error.strerror or error})")
    except ChildStartError as error:
        log.warning("pre-flight of %s: %s", path, error)
        return Checked(index, None, f"{path.name}: {error}")


def recheck(
    draft: Draft,
    folder: Path | None,
    *,
    inspect: Inspect = default_inspect,
    sources: AttachedSources = ATTACHED_SOURCES,
) -> list[Checked]:
    """Pre-flight every attachment whose file can be found (several at once)."""
    found = [
        (index, path)
        for index, attachment in enumerate(draft.attachments)
        if (path := source_of(attachment, folder, sources)) is not None
    ]
    if not found:
        return []
    with ThreadPoolExecutor(max_workers=min(PARALLEL_CHECKS, len(found))) as pool:
        return list(pool.map(lambda item: check_one(item[0], item[1], inspect), found))


def with_facts(draft: Draft, checked: Sequence[Checked]) -> Draft:
    """A copy of the draft with each checked attachment's new facts (others as they were)."""
    attachments = list(draft.attachments)
    for item in checked:
        if item.facts is not None and item.index < len(attachments):
            attachments[item.index] = attachments[item.index].model_copy(
                update={"preflight": item.facts}
            )
    return draft.model_copy(update={"attachments": attachments})


def summary(facts: PreflightFacts) -> tuple[str, str]:
    """What the pre-flight found, in a line of Chinese and one of English."""
    if facts.failure is Failure.ENCRYPTED:
        return "已加密，无法检查内容", "encrypted: its content cannot be checked"
    if facts.failure is not None:
        return f"无法检查：{facts.detail}", f"could not be checked: {facts.detail}"
    if facts.file_type is FileType.OTHER:
        return "仅检查了文件大小", "only its size was checked"
    if facts.file_type is FileType.OFFICE:
        if facts.macros:
            return "含宏", "contains macros"
        return "可以打开，不含宏", "opens, no macros"
    pages = facts.pages or 0
    text = facts.pages_with_text or 0
    zh = [f"PDF，{pages} 页，{text} 页有文字层"]
    en = [f"PDF, {pages} pages, {text} with a text layer"]
    if facts.fonts_not_embedded:
        zh.append(f"未嵌入字体：{', '.join(facts.fonts_not_embedded)}")
        en.append(f"fonts not embedded: {', '.join(facts.fonts_not_embedded)}")
    else:
        zh.append("字体均已嵌入")
        en.append("all fonts embedded")
    return "，".join(zh), ", ".join(en)


def recheck_session(session: DraftSession, *, inspect: Inspect = default_inspect) -> list[str]:
    """Before generating: pre-flight the session's attachments again, where found.

    New facts go into the draft as edits (so findings follow); returns why a
    file could not be checked, one line each.
    """
    folder = session.path.parent if session.path is not None else None
    checked = recheck(session.draft, folder, inspect=inspect)
    for item in checked:
        if item.facts is not None:
            session.set_value(f"attachments.{item.index}.preflight", item.facts)
    return [item.problem for item in checked if item.problem]


def store_facts(session: DraftSession, facts: PreflightFacts) -> int:
    """Put the facts into every attachment of the file they were taken from; how many."""
    stored = 0
    for index, attachment in enumerate(session.draft.attachments):
        if attachment.sha256 == facts.sha256 and attachment.preflight != facts:
            session.set_value(f"attachments.{index}.preflight", facts)
            stored += 1
    return stored


def apply_size_limit(session: DraftSession, limit_bytes: int) -> int:
    """Judge every checked attachment against a new size limit (no file is read); how many."""
    changed = 0
    for index, attachment in enumerate(session.draft.attachments):
        facts = attachment.preflight
        if facts is not None and facts.size_limit_bytes != limit_bytes:
            updated = facts.model_copy(update={"size_limit_bytes": limit_bytes})
            session.set_value(f"attachments.{index}.preflight", updated)
            changed += 1
    return changed
