"""``versions``: a draft's earlier saves on the command line, compared and restored.

``applywizard versions DRAFT`` lists the versions kept (newest first, numbered
from 1: when saved, size, short SHA-256). ``--compare N`` lists what changed
from version N to the draft as it is on disk, field by field;
``--restore N`` puts version N back (the draft as it is now is kept as a
version first), unless someone has the draft open (its lock file says who).
Exit 0, or 2 with why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from applywizard.adapters.draft_files import read_draft
from applywizard.adapters.draft_history import Version, list_versions, read_version, restore_version
from applywizard.adapters.draft_lock import inspect_lock
from applywizard.adapters.file_errors import DraftFileError
from applywizard.domain.rules.engine import RuleBook
from applywizard.presenters.versions import compare_drafts

EXIT_OK, EXIT_REFUSED = 0, 2


def add_versions_parser(commands: Any) -> None:
    """The ``versions`` command."""
    versions = commands.add_parser(
        "versions", help="a draft's earlier saves: list, compare, restore / 历史版本"
    )
    versions.add_argument("draft", metavar="DRAFT", type=Path)
    chosen = versions.add_mutually_exclusive_group()
    chosen.add_argument("--compare", metavar="N", type=int, help="what changed since version N")
    chosen.add_argument("--restore", metavar="N", type=int, help="put version N back")


def _say(args: argparse.Namespace, zh: str, en: str) -> None:
    sys.stderr.write(f"applywizard: {en if args.en else zh}\n")


def _numbered(args: argparse.Namespace, versions: list[Version], number: int) -> Version | None:
    if 1 <= number <= len(versions):
        return versions[number - 1]
    _say(
        args,
        f"没有第 {number} 个历史版本（共 {len(versions)} 个）",
        f"there is no version {number} ({len(versions)} kept)",
    )
    return None


def _when(version: Version) -> str:
    return version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def cmd_versions(book: RuleBook, args: argparse.Namespace) -> int:
    """List, compare or restore."""
    draft: Path = args.draft
    versions = list_versions(draft)
    try:
        if args.compare is not None:
            version = _numbered(args, versions, args.compare)
            if version is None:
                return EXIT_REFUSED
            changes = compare_drafts(book.guide, read_version(version), read_draft(draft))
            for change in changes:
                print(change.en if args.en else change.zh)
            if not changes:
                _say(args, "与当前草稿相同", "the same as the draft now")
            return EXIT_OK
        if args.restore is not None:
            return _restore(args, draft, versions)
    except DraftFileError as error:
        _say(args, f"{error.path}：{error.zh}", f"{error.path}: {error.en}")
        return EXIT_REFUSED
    for number, version in enumerate(versions, start=1):
        print(f"{number}\t{_when(version)}\t{version.size}\t{version.short_hash}")
    if not versions:
        _say(args, "尚无历史版本（每次再次保存时保留一个）", "no earlier version yet")
    return EXIT_OK


def _restore(args: argparse.Namespace, draft: Path, versions: list[Version]) -> int:
    version = _numbered(args, versions, args.restore)
    if version is None:
        return EXIT_REFUSED
    lock = inspect_lock(draft)
    if lock is not None and not lock.stale and lock.owner is not None:
        who, since = lock.owner.who, lock.owner.since
        _say(
            args,
            f"{who} 自 {since} 起正在编辑 {draft.name}，未恢复",
            f"{draft.name} is open by {who} since {since}; nothing restored",
        )
        return EXIT_REFUSED
    restore_version(draft, version)
    _say(args, f"已恢复 {_when(version)} 的版本", f"restored the version of {_when(version)}")
    return EXIT_OK


VERSION_COMMANDS = {"versions": cmd_versions}
