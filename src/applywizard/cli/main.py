"""The ``applywizard`` command line.

Exit codes: 0 all well; 1 a draft has errors; 2 a file cannot be read, is
not a draft, or the command was used wrongly; 3 an internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from applywizard import __version__
from applywizard.adapters.app_settings import SettingsError, add_guide_folder, remove_guide_folder
from applywizard.adapters.documents.render import IncompleteDraftError, RenderFileError, render_all
from applywizard.adapters.draft_files import DraftFileError, read_draft, save_draft
from applywizard.adapters.guide_files import GuideFileError
from applywizard.adapters.guide_packs import shipped_guide, short_hash
from applywizard.cli.comparison_output import comparison_json, print_comparison
from applywizard.cli.console import make_output_safe
from applywizard.cli.draft_file_commands import DRAFT_FILE_COMMANDS, add_draft_file_parsers
from applywizard.cli.guide_commands import add_guide_parser, cmd_guide
from applywizard.cli.output import (
    direction_json,
    emit_json,
    print_coverage,
    print_directions,
    print_findings,
)
from applywizard.cli.packs import (
    DraftPack,
    PackChoiceError,
    Packs,
    pack_for_draft,
    pack_json,
    pack_line,
)
from applywizard.cli.preflight_commands import add_settings_parser, cmd_settings, prechecked
from applywizard.domain.draft.model import Draft, first_stage
from applywizard.domain.rules.comparison import compare, under_other
from applywizard.domain.rules.coverage import coverage, eligibility_coverage
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.pinning import ClauseChange, pin

EXIT_OK, EXIT_ERRORS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="applywizard",
        description="准备“政府间国际科技创新合作”重点专项申报材料 / "
        "Prepare applications to the intergovernmental S&T cooperation call.",
    )
    parser.add_argument("--version", action="version", version=f"applywizard {__version__}")
    parser.add_argument("--en", action="store_true", help="English output / 英文输出")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    pack_help = "a guide pack: its id, or its folder / 指南包（编号或文件夹）"

    guides = commands.add_parser("guides", help="the installed guide packs / 已安装的指南包")
    guides.add_argument("--json", action="store_true")
    guides.add_argument(
        "--add-folder", metavar="DIR", type=Path, help="use the guide packs in DIR (shared folder)"
    )
    guides.add_argument("--remove-folder", metavar="DIR", type=Path, help="stop using DIR")

    directions = commands.add_parser("directions", help="the guide's directions / 指南方向")
    directions.add_argument("--json", action="store_true")
    directions.add_argument("--guide", metavar="PACK", help=pack_help)

    rules = commands.add_parser("rules", help="every clause and the rules enforcing it / 条款覆盖")
    rules.add_argument("--direction", metavar="CODE")
    rules.add_argument("--json", action="store_true")
    rules.add_argument("--guide", metavar="PACK", help=pack_help)

    commands.add_parser("schema", help="the JSON Schema of a draft / 草稿格式")
    add_settings_parser(commands)
    add_guide_parser(commands)
    add_draft_file_parsers(commands)

    new = commands.add_parser("new", help="an empty draft for a direction / 新建草稿")
    new.add_argument("--direction", metavar="CODE", required=True)
    new.add_argument("-o", "--output", metavar="FILE", required=True, type=Path)
    new.add_argument("--force", action="store_true", help="overwrite FILE (a backup is kept)")
    new.add_argument("--guide", metavar="PACK", help=pack_help + "; default: the newest published")

    render = commands.add_parser(
        "render",
        help="write the application form, IP checklist and bilateral tables / 生成申报材料",
    )
    render.add_argument("draft", metavar="DRAFT", type=Path)
    render.add_argument("--out", metavar="DIR", required=True, type=Path)
    render.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="render a draft that still has errors; every output is marked 草稿 / DRAFT",
    )

    check = commands.add_parser("check", help="check drafts against the guide / 检查草稿")
    check.add_argument("drafts", metavar="DRAFT", nargs="+", type=Path)
    check.add_argument("--json", action="store_true")
    check.add_argument(
        "--guide",
        metavar="PACK",
        help="also check against this guide pack, side by side; the draft is not changed / "
        "同时对照此指南包检查（不修改草稿）",
    )
    return parser


def _error(message: str) -> None:
    sys.stderr.write(f"applywizard: {message}\n")


def _unknown_direction(book: RuleBook, code: str) -> str:
    codes = ", ".join(direction.code for direction in book.guide.directions)
    return f"指南中没有方向 {code}（可选：{codes}） / the guide has no direction {code}"


def _chosen(book: RuleBook, args: argparse.Namespace) -> RuleBook:
    """The pack ``--guide`` names, else ``book``; PackChoiceError if it cannot be used."""
    if getattr(args, "guide", None):
        chosen = _packs(args).named(args.guide).book
        assert chosen is not None  # named() returns usable packs only
        return chosen
    return book


def _packs(args: argparse.Namespace) -> Packs:
    packs: Packs = args.packs
    return packs


def _cmd_guides(_: RuleBook, args: argparse.Namespace) -> int:
    try:
        if args.add_folder is not None:
            folder = add_guide_folder(args.add_folder)
            sys.stderr.write(f"已添加指南文件夹 / guide folder added: {folder}\n")
        if args.remove_folder is not None:
            removed = remove_guide_folder(args.remove_folder)
            if not removed:
                folder = args.remove_folder
                _error(f"设置中没有此文件夹 / not a guide folder in the settings: {folder}")
                return EXIT_BAD_INPUT
    except SettingsError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    packs = _packs(args)
    catalogue = packs.catalogue
    for problem in packs.problems:
        _error(problem)
    if args.json:
        emit_json([pack_json(pack) for pack in catalogue.packs])
        return EXIT_OK
    for pack in catalogue.packs:
        print(pack_line(pack, english=args.en))
    usable, broken = len(catalogue.usable), len(catalogue.broken)
    if args.en:
        print(f"\n{usable} usable guide packs, {broken} broken (not used)")
    else:
        print(f"\n{usable} 个可用指南包，{broken} 个有误（未使用）")
    return EXIT_OK


def _cmd_directions(book: RuleBook, args: argparse.Namespace) -> int:
    book = _chosen(book, args)
    if args.json:
        emit_json([direction_json(book.guide, item) for item in book.guide.directions])
    else:
        print_directions(book.guide, english=args.en)
    return EXIT_OK


def _cmd_rules(book: RuleBook, args: argparse.Namespace) -> int:
    book = _chosen(book, args)
    if args.direction is not None and book.guide.direction(args.direction) is None:
        _error(_unknown_direction(book, args.direction))
        return EXIT_BAD_INPUT
    entries = coverage(book, args.direction)
    eligibility = eligibility_coverage(book)
    if args.json:
        emit_json(
            {
                "eligibility": eligibility.as_json(),
                "clauses": [entry.as_json() for entry in entries],
            }
        )
        return EXIT_OK
    print_coverage(list(eligibility.entries), english=args.en)
    if eligibility.note is not None:
        print(
            f"\n{'eligibility' if args.en else '申报条件'}: {eligibility.note[1 if args.en else 0]}"
        )
    print_coverage(entries, english=args.en)
    return EXIT_OK


def _cmd_schema(_: RuleBook, __: argparse.Namespace) -> int:
    emit_json(Draft.model_json_schema())
    return EXIT_OK


def _cmd_new(_: RuleBook, args: argparse.Namespace) -> int:
    pack = _packs(args).named(args.guide) if args.guide else _packs(args).default()
    book = pack.book
    assert book is not None  # named() and default() return usable packs only
    direction = book.guide.direction(args.direction)
    if direction is None:
        _error(_unknown_direction(book, args.direction))
        return EXIT_BAD_INPUT
    path: Path = args.output
    if path.exists() and not args.force:
        _error(
            f"{path} 已存在，未覆盖（加 --force 覆盖并保留备份） / {path} exists; not overwritten"
        )
        return EXIT_BAD_INPUT
    try:
        stage = first_stage(pre_application=book.guide.pre_application)
        draft = Draft(guide_id=book.guide.id, direction=args.direction, stage=stage)
        save_draft(pin(draft, book.guide, book.content_hash), path)
    except DraftFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    sys.stderr.write(f"指南包 / guide pack: {book.guide.id} ({short_hash(book.content_hash)})\n")
    if direction.incomplete is not None:
        _error(
            f"方向 {direction.code} 在此指南包中不完整：{direction.incomplete.zh} / "
            f"direction {direction.code} is incomplete in this pack: {direction.incomplete.en}"
        )
    print(f"{path}")
    return EXIT_OK


def _read_for_guide(
    book: RuleBook, path: Path, args: argparse.Namespace, instead: RuleBook | None = None
) -> tuple[Draft, RuleBook, tuple[ClauseChange, ...]] | str:
    """A draft and the pack it is judged by, or the reason it cannot be (also on stderr).

    The pack is the one the draft is pinned to (same id and content hash), else
    the installed pack of that id, with the clauses changed since; ``book`` for
    a draft that names no pack. When the draft's pack is not installed, the
    draft is judged by ``instead`` (a copy with its direction mapped), if given.
    """
    try:
        draft = read_draft(path)
    except DraftFileError as error:
        _error(str(error))
        return f"{error.zh} / {error.en}"
    try:
        found = pack_for_draft(draft, _packs(args), book)
    except PackChoiceError as error:
        _error(f"{path}: {error}")
        if instead is None:
            return str(error)
        draft, mapping = under_other(draft, book.guide, instead.guide)
        zh, en = mapping.describe()
        _error(f"{path}: 仅按 {instead.guide.id} 检查 / checked against {instead.guide.id} only")
        _error(f"{path}: {en if args.en else zh}")
        found = DraftPack(instead, ())
    if draft.direction and found.book.guide.direction(draft.direction) is None:
        reason = _unknown_direction(found.book, draft.direction)
        _error(f"{path}: {reason}")
        return reason
    for change in found.changes:
        zh, en = change.describe(draft.direction)
        _error(f"{path}: 指南包已更新 / the guide pack changed: {en if args.en else zh}")
    return draft, found.book, found.changes


def _cmd_render(book: RuleBook, args: argparse.Namespace) -> int:
    read = _read_for_guide(book, args.draft, args)
    if isinstance(read, str):
        return EXIT_BAD_INPUT
    draft, book, _changes = read
    draft = prechecked(draft, args.draft)

    def progress(step: int, total: int, name: str) -> None:
        done = "写入" if step == total else "生成"
        sys.stderr.write(f"[{step}/{total}] {done} {name}\n")

    try:
        rendered = render_all(
            book, draft, args.out, allow_incomplete=args.allow_incomplete, progress=progress
        )
    except IncompleteDraftError as error:
        print_findings(str(args.draft), error.errors, english=args.en, stream=sys.stderr)
        _error(
            "草稿仍有错误，未生成文件；修正后重试，或加 --allow-incomplete 生成标有“草稿”的版本 / "
            "the draft has errors; nothing was written (use --allow-incomplete for marked drafts)"
        )
        return EXIT_ERRORS
    except RenderFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    for path in rendered.files:
        print(path)
    for cell in rendered.cut_cells:
        _error(f"{cell}：文字超出单元格容量，已截断并标注，全文见申报书 / text cut to fit the cell")
    if rendered.marked_draft:
        _error("输出已标注“草稿 / DRAFT”：草稿仍有错误 / outputs are marked as drafts")
    return EXIT_OK


def _cmd_check(book: RuleBook, args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    worst = EXIT_OK
    other = _packs(args).named(args.guide).book if args.guide else None
    for path in args.drafts:
        read = _read_for_guide(book, path, args, instead=other)
        if isinstance(read, str):
            results.append({"draft": str(path), "error": read})
            worst = EXIT_BAD_INPUT
            continue
        draft, own, changes = read
        draft = prechecked(draft, path)
        findings = own.evaluate(draft)
        if any(finding.is_error for finding in findings) and worst == EXIT_OK:
            worst = EXIT_ERRORS
        comparable = other is not None and own is not other
        comparison = compare(draft, own, other) if other is not None and comparable else None
        if args.json:
            result: dict[str, Any] = {
                "draft": str(path),
                "direction": draft.direction or None,
                "guide": {"id": own.guide.id, "content_hash": own.content_hash},
                "guide_changes": [
                    {
                        "change": change.change.value,
                        "source": change.source.value,
                        "notice": change.notice or None,
                        "clause": change.number,
                        "before": change.before,
                        "after": change.after,
                    }
                    for change in changes
                ],
                "findings": [finding.as_json() for finding in findings],
            }
            if comparison is not None:
                result["comparison"] = comparison_json(comparison)
            results.append(result)
        elif comparison is not None:
            print_comparison(str(path), comparison, english=args.en)
        else:
            print_findings(str(path), findings, english=args.en)
    if args.json:
        emit_json(results)
    return worst


COMMANDS = {
    "guides": _cmd_guides,
    "directions": _cmd_directions,
    "rules": _cmd_rules,
    "schema": _cmd_schema,
    "new": _cmd_new,
    "check": _cmd_check,
    "render": _cmd_render,
    "guide": cmd_guide,
    "settings": cmd_settings,
    **DRAFT_FILE_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one return per outcome
    """Run the command line; returns the exit code."""
    make_output_safe()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    args.packs = Packs()
    try:
        book = shipped_guide()
        return COMMANDS[args.command](book, args)
    except PackChoiceError as error:  # a pack named on the command line cannot be used
        _error(str(error))
        return EXIT_BAD_INPUT
    except GuideFileError as error:
        _error(f"指南数据文件有误 / the guide data file is broken: {error}")
        return EXIT_INTERNAL
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
