"""The command line's side of the attachment pre-flight.

``check`` and ``render`` pre-flight every attachment whose file lies beside
the draft (same folder, same bare name) before judging it; the draft file
itself is not changed. ``settings`` shows and sets the attachment size limit,
how many earlier versions of each draft are kept, and the address book file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from applywizard.adapters.app_settings import (
    DEFAULT_ATTACHMENT_LIMIT_MB,
    DEFAULT_VERSIONS_KEPT,
    SettingsError,
    address_book_path,
    attachment_limit_mb,
    set_address_book,
    set_attachment_limit,
    set_versions_kept,
    versions_kept,
)
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.preflight import recheck, with_facts


def prechecked(draft: Draft, draft_path: Path) -> Draft:
    """The draft with fresh pre-flight facts for the attachments found beside it."""
    checked = recheck(draft, draft_path.parent)
    for item in checked:
        if item.problem:
            sys.stderr.write(f"applywizard: {draft_path}: 附件预检 / pre-flight: {item.problem}\n")
    return with_facts(draft, checked) if checked else draft


def add_settings_parser(commands: Any) -> None:
    """The ``settings`` command."""
    settings = commands.add_parser("settings", help="show or change the settings / 设置")
    settings.add_argument(
        "--attachment-limit-mb",
        metavar="MB",
        type=int,
        help="the national system's attachment size limit; no source states it, default "
        f"{DEFAULT_ATTACHMENT_LIMIT_MB} / 申报系统附件大小上限（未找到官方来源，默认 "
        f"{DEFAULT_ATTACHMENT_LIMIT_MB} MB）",
    )
    settings.add_argument(
        "--versions-kept",
        metavar="N",
        type=int,
        help=f"earlier versions kept of each draft, 0 for none; default {DEFAULT_VERSIONS_KEPT} "
        f"/ 每份草稿保留的历史版本数（0 为不保留，默认 {DEFAULT_VERSIONS_KEPT}）",
    )
    settings.add_argument(
        "--address-book",
        metavar="FILE",
        help='the address book file, e.g. on a shared drive; "" for your own / '
        '通讯录文件（如共享盘上的）；"" 恢复为本用户自己的',
    )


def cmd_settings(_: RuleBook, args: argparse.Namespace) -> int:
    """Show the settings, after changing those given."""
    try:
        if args.attachment_limit_mb is not None:
            set_attachment_limit(args.attachment_limit_mb)
        if args.versions_kept is not None:
            set_versions_kept(args.versions_kept)
        if args.address_book is not None:
            set_address_book(Path(args.address_book) if args.address_book else None)
    except SettingsError as error:
        sys.stderr.write(f"applywizard: {error}\n")
        return 2
    limit, kept, book = attachment_limit_mb(), versions_kept(), address_book_path()
    for problem in book.problems:
        sys.stderr.write(f"applywizard: {problem}\n")
    zh_origin, en_origin = book.origin_words()
    made = book.path.exists()
    if args.en:
        print(f"attachment size limit: {limit} MB (default {DEFAULT_ATTACHMENT_LIMIT_MB} MB)")
        print(f"earlier versions kept of each draft: {kept} (default {DEFAULT_VERSIONS_KEPT})")
        print(f"address book: {book.path} ({en_origin}{'' if made else '; not made yet'})")
    else:
        print(f"附件大小上限：{limit} MB（默认 {DEFAULT_ATTACHMENT_LIMIT_MB} MB）")
        print(f"每份草稿保留的历史版本数：{kept}（默认 {DEFAULT_VERSIONS_KEPT}）")
        print(f"通讯录：{book.path}（{zh_origin}{'' if made else '；尚未创建'}）")
    return 0
