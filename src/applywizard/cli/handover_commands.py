"""``pack`` and ``unpack``: a draft handed on with its attached files, in one file.

``applywizard pack DRAFT -o FILE.awpack [--attachments-folder DIR] [--force]``
prints the pack's path; each attachment whose file is not packed (missing,
changed, or no file chosen) is listed on the standard error, by name, with
the places looked at. Exit 0: every attached file is in the pack; 1: the pack
is written but lacks files the draft attaches (listed); 2: no pack was written
(the draft cannot be read, FILE exists without ``--force``, a write failed).

``applywizard unpack FILE --to DIR`` unpacks into DIR, new or empty, and
prints the draft's path. Exit 0: the draft and all its files; 1: unpacked, but
the pack lacks files the draft attaches (listed, as the packer said why);
2: refused, with why, and nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from applywizard.adapters.file_errors import DraftFileError
from applywizard.domain.rules.engine import RuleBook
from applywizard.workflow.handover import (
    KindWords,
    PackError,
    found_words,
    left_out_line,
    pack_draft,
    read_draft_file,
    serious,
    unpack,
)

EXIT_OK, EXIT_INCOMPLETE, EXIT_REFUSED = 0, 1, 2


def add_handover_parsers(commands: Any) -> None:
    """The ``pack`` and ``unpack`` commands."""
    pack = commands.add_parser(
        "pack",
        help="one file with the draft and its attached files, to hand on / 打包草稿及附件",
    )
    pack.add_argument("draft", metavar="DRAFT", type=Path)
    pack.add_argument("-o", "--output", metavar="FILE", required=True, type=Path)
    pack.add_argument(
        "--attachments-folder",
        metavar="DIR",
        type=Path,
        help="also look for the attached files here (after beside the draft, before where "
        "they were attached from) / 另在此文件夹查找附件",
    )
    pack.add_argument("--force", action="store_true", help="replace FILE if it exists")
    unpack_ = commands.add_parser(
        "unpack", help="restore a draft and its files from a pack / 解包申报包"
    )
    unpack_.add_argument("pack", metavar="FILE", type=Path)
    unpack_.add_argument(
        "--to",
        metavar="DIR",
        required=True,
        type=Path,
        help="a new or empty folder / 新的或空的文件夹",
    )


def _error(message: str) -> None:
    sys.stderr.write(f"applywizard: {message}\n")


def _kind_words(book: RuleBook) -> KindWords:
    def words(kind_id: str) -> tuple[str, str]:
        kind = book.guide.attachment_kind(kind_id)
        return (kind.zh, kind.en) if kind is not None else (kind_id, kind_id)

    return words


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def cmd_pack(book: RuleBook, args: argparse.Namespace) -> int:
    """Write the pack; list what is not in it."""
    target: Path = args.output
    if target.exists() and not args.force:
        _error(f"{target} 已存在，未覆盖（加 --force 覆盖） / {target} exists; not overwritten")
        return EXIT_REFUSED
    try:
        on_disk = read_draft_file(args.draft)
        report = pack_draft(on_disk, target, named_folder=args.attachments_folder)
    except (DraftFileError, PackError) as error:
        _error(str(error))
        return EXIT_REFUSED
    words = _kind_words(book)
    for item in report.left_out:
        zh, en = left_out_line(item, words)
        _error(f"{args.draft}: {en if args.en else zh}")
    attached = len(report.packed) + serious(report.left_out)
    for entry in report.packed:
        zh, en = found_words(entry.found_in)
        sys.stderr.write(
            f"  {entry.name} ({_megabytes(entry.size_bytes)}; {en if args.en else zh})\n"
        )
    if args.en:
        sys.stderr.write(
            f"packed the draft and {len(report.packed)} of {attached} attached files "
            f"({_megabytes(report.size_bytes)})\n"
        )
    else:
        sys.stderr.write(
            f"已打包草稿及 {len(report.packed)}/{attached} 个附件"
            f"（{_megabytes(report.size_bytes)}）\n"
        )
    print(report.path)
    return EXIT_INCOMPLETE if serious(report.left_out) else EXIT_OK


def cmd_unpack(book: RuleBook, args: argparse.Namespace) -> int:
    """Unpack into a new or empty folder; say what the pack lacks."""
    try:
        report = unpack(args.pack, args.to)
    except PackError as error:
        _error(str(error))
        return EXIT_REFUSED
    words = _kind_words(book)
    for item in report.left_out:
        zh, en = left_out_line(item, words)
        if args.en:
            _error(f"{args.pack}: not in the pack: {en}")
        else:
            _error(f"{args.pack}: 包中没有：{zh}")
    count = len(report.files)
    if args.en:
        sys.stderr.write(
            f"unpacked the draft and {count} files into {report.folder} "
            f"(packed by ApplyWizard {report.program_version})\n"
        )
    else:
        sys.stderr.write(
            f"已将草稿及 {count} 个附件解包到 {report.folder}"
            f"（由 ApplyWizard {report.program_version} 打包）\n"
        )
    print(report.draft_path)
    return EXIT_INCOMPLETE if serious(report.left_out) else EXIT_OK


HANDOVER_COMMANDS = {"pack": cmd_pack, "unpack": cmd_unpack}
