"""``applywizard guide check PACK`` and ``applywizard guide new --from PACK -o NEW``.

``guide check`` prints every problem of a pack as ``FILE:LINE:COLUMN: reason``
and exits 0 when it has none (warnings are printed), 1 when it has problems,
2 when it cannot be read at all. ``guide new`` copies a pack under a new id.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from applywizard.adapters.app_settings import installed_packs
from applywizard.adapters.guide_check import PackReport, PackUnreadable, check_pack
from applywizard.adapters.guide_copy import PackCopyError, new_pack
from applywizard.cli.output import counted, emit_json
from applywizard.cli.packs import PackChoiceError, Packs
from applywizard.domain.guide.edition import EDITION_NAMES, Edition
from applywizard.domain.rules.engine import RuleBook

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def add_guide_parser(commands: Any) -> None:
    """The ``guide`` command and its ``check`` and ``new`` subcommands."""
    guide = commands.add_parser("guide", help="check or start a guide pack / 检查或新建指南包")
    actions = guide.add_subparsers(dest="guide_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="every problem of a pack, with file, line and column / 检查指南包"
    )
    check.add_argument("pack", metavar="PACK", type=Path, help="a pack folder, or its guide.yaml")
    check.add_argument("--json", action="store_true")
    new = actions.add_parser("new", help="a new pack copied from another / 由现有指南包新建")
    new.add_argument(
        "--from",
        dest="source",
        metavar="PACK",
        required=True,
        help="a pack folder (or its guide.yaml), or an installed pack's id",
    )
    new.add_argument("-o", "--output", metavar="NEW", required=True, type=Path)
    new.add_argument("--id", dest="new_id", metavar="ID", help="default: the old id + -copy")
    new.add_argument("--title", help="the new pack's Chinese title (default: unchanged)")
    new.add_argument("--title-en", help="its English title (default: unchanged)")
    new.add_argument(
        "--edition",
        choices=[edition.value for edition in Edition],
        default=Edition.AMENDED.value,
        help="default: amended",
    )


def _error(message: str) -> None:
    sys.stderr.write(f"applywizard: {message}\n")


def cmd_guide(_: RuleBook, args: argparse.Namespace) -> int:
    """Run ``guide check`` or ``guide new``."""
    if args.guide_command == "check":
        return _check(args)
    return _new(args)


def _summary(report: PackReport, *, english: bool) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    name = report.pack_id or str(report.guide_file)
    if english:
        verdict = "passes" if errors == 0 else "has problems"
        problems = f"{counted(errors, 'problem')}, {counted(warnings, 'warning')}"
        return f"guide pack {name} {verdict}: {problems}"
    verdict = "检查通过" if errors == 0 else "有问题"
    return f"指南包 {name} {verdict}：{errors} 个问题，{warnings} 个警告"


def _check(args: argparse.Namespace) -> int:
    try:
        report = check_pack(args.pack)
    except PackUnreadable as error:
        if args.json:
            emit_json({"pack": str(args.pack), "error": error.zh, "error_en": error.en})
        _error(error.en if args.en else error.zh)
        return EXIT_UNREADABLE
    if args.json:
        emit_json([problem.as_json() for problem in report.problems])
    else:
        for problem in report.problems:
            print(problem.line_text(english=args.en))
        print(_summary(report, english=args.en))
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    try:
        source = Packs().named(args.source)
    except PackChoiceError as error:
        _error(str(error))
        return EXIT_UNREADABLE
    catalogue, _ = installed_packs()
    taken = {pack.pack_id for pack in catalogue.packs} | {source.pack_id}
    new_id = args.new_id or f"{source.pack_id}-copy"
    try:
        made = new_pack(
            source.folder,
            args.output,
            new_id=new_id,
            taken_ids=taken,
            edition=Edition(args.edition),
            title=args.title,
            title_en=args.title_en,
        )
    except PackCopyError as error:
        for problem in error.problems:
            _error(problem.line_text(english=args.en))
        _error(error.en if args.en else error.zh)
        return EXIT_UNREADABLE
    edition = EDITION_NAMES[made.edition][1 if args.en else 0]
    if args.en:
        print(f"new guide pack {made.pack_id} ({edition}), from {made.based_on}: {made.folder}")
        print(
            f"next: edit {made.folder / 'guide.yaml'}, then: applywizard guide check {made.folder}"
        )
    else:
        print(f"已新建指南包 {made.pack_id}（{edition}），基于 {made.based_on}：{made.folder}")
        print(
            f"下一步：编辑 {made.folder / 'guide.yaml'}，"
            f"然后运行 applywizard guide check {made.folder}"
        )
    return EXIT_OK
