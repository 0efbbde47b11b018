"""``addressbook``: filling the address book from drafts and a CSV file, and exporting it.

``applywizard addressbook import DRAFT...`` collects the units, partners and
people of drafts; ``applywizard addressbook import --csv FILE`` the rows of a
research office's spreadsheet; ``applywizard addressbook export --csv FILE``
writes every entry (UTF-8 with BOM, formula-like cells neutralised).
``list``, ``show``, ``set`` and ``remove`` correct entries by hand
(``addressbook_entries``). ``--book FILE`` names another address book file
than the one ``app_settings.address_book_path`` gives (``$APPLYWIZARD_ADDRESS_BOOK``,
the setting, the user's own). Exit 0; 1 when conflicts, findings on entries
or rejected rows were reported; 2 when a file cannot be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from applywizard.adapters.address_book.csv_files import CsvFileError, export_csv, import_csv
from applywizard.adapters.address_book.importing import ImportReport, import_drafts
from applywizard.adapters.address_book.store import (
    AddressBook,
    AddressBookError,
    open_address_book,
)
from applywizard.cli.addressbook_entries import (
    ENTRY_ACTIONS,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_REPORTED,
    add_entry_actions,
    refuse,
    say,
)
from applywizard.domain.address_book import KIND_NAMES, KINDS
from applywizard.domain.rules.engine import RuleBook


def add_addressbook_parser(commands: Any) -> None:
    """The ``addressbook`` command: ``import``, ``export``, ``list``, ``show``, ``set``,
    ``remove``."""
    parser = commands.add_parser(
        "addressbook", help="units, partners and people reused across drafts / 通讯录"
    )
    parser.add_argument("--book", metavar="FILE", type=Path, help="another address book file")
    actions = parser.add_subparsers(dest="addressbook_action", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="from drafts, or a CSV file / 从草稿或 CSV 导入")
    importing.add_argument("drafts", metavar="DRAFT", nargs="*", type=Path)
    importing.add_argument("--csv", metavar="FILE", type=Path, help="a CSV file instead")
    exporting = actions.add_parser("export", help="to a CSV file / 导出为 CSV")
    exporting.add_argument("--csv", metavar="FILE", type=Path, required=True)
    add_entry_actions(actions)


def _print_report(args: argparse.Namespace, report: ImportReport) -> int:
    for kind in KINDS:
        zh_kind, en_kind = KIND_NAMES[kind]
        added, merged = report.added[kind], report.merged[kind]
        say(
            args,
            f"{zh_kind}：新增 {added}，合并 {merged}",
            f"{en_kind}: {added} added, {merged} merged",
        )
    for error in report.unreadable:
        say(args, f"无法读取 {error}", f"cannot read {error}")
    for _, zh, en in report.rejected:
        say(args, f"未导入：{zh}", f"not imported: {en}")
    for conflict in report.conflicts:
        say(
            args,
            "冲突：" + conflict.message(english=False),
            "conflict: " + conflict.message(english=True),
        )
    for entry in report.findings:
        for finding in entry.findings:
            say(args, f"{entry.source}：{finding.zh}", f"{entry.source}: {finding.en}")
    if report.unreadable:
        return EXIT_REFUSED
    if report.rejected or report.conflicts or report.findings:
        return EXIT_REPORTED
    return EXIT_OK


def _export(args: argparse.Namespace, book: AddressBook) -> int:
    try:
        count = export_csv(book, args.csv)
    except OSError as error:
        return refuse(args, f"无法写入 {args.csv}：{error}", f"cannot write {args.csv}: {error}")
    say(args, f"已导出 {count} 条到 {args.csv}", f"{count} entries exported to {args.csv}")
    return EXIT_OK


def cmd_addressbook(_: RuleBook, args: argparse.Namespace) -> int:
    """Import into, export from, list or correct the address book."""
    if args.addressbook_action == "import" and bool(args.drafts) == bool(args.csv):
        return refuse(
            args,
            "请给出草稿文件，或 --csv 文件（二者取一）",
            "name draft files, or --csv FILE (one of the two)",
        )
    try:
        book = open_address_book(args.book)
    except AddressBookError as error:
        return refuse(
            args,
            f"无法使用通讯录：{error.message(english=False)}",
            f"cannot use the address book: {error.message(english=True)}",
        )
    with book:
        say(args, f"通讯录：{book.path}", f"address book: {book.path}")
        if args.addressbook_action in ENTRY_ACTIONS:
            return ENTRY_ACTIONS[args.addressbook_action](args, book)
        return _transfer(args, book)


def _transfer(args: argparse.Namespace, book: AddressBook) -> int:
    """``import`` or ``export``."""
    if args.addressbook_action == "export":
        return _export(args, book)
    if args.csv:
        try:
            return _print_report(args, import_csv(book, args.csv))
        except CsvFileError as error:
            return refuse(args, f"{error.path}：{error.zh}", f"{error.path}: {error.en}")
    return _print_report(args, import_drafts(book, args.drafts))


ADDRESSBOOK_COMMANDS = {"addressbook": cmd_addressbook}
