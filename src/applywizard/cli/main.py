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
from applywizard.adapters.documents.render import (
    IncompleteDraftError,
    RenderFileError,
    render_all,
)
from applywizard.adapters.draft_files import DraftFileError, read_draft, save_draft
from applywizard.adapters.guide_files import GuideFileError, shipped_guide
from applywizard.cli.console import make_output_safe
from applywizard.cli.output import (
    direction_json,
    emit_json,
    print_coverage,
    print_directions,
    print_findings,
)
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.coverage import coverage
from applywizard.domain.rules.engine import RuleBook

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

    directions = commands.add_parser("directions", help="the guide's directions / 指南方向")
    directions.add_argument("--json", action="store_true")

    rules = commands.add_parser("rules", help="every clause and the rules enforcing it / 条款覆盖")
    rules.add_argument("--direction", metavar="CODE")
    rules.add_argument("--json", action="store_true")

    commands.add_parser("schema", help="the JSON Schema of a draft / 草稿格式")

    new = commands.add_parser("new", help="an empty draft for a direction / 新建草稿")
    new.add_argument("--direction", metavar="CODE", required=True)
    new.add_argument("-o", "--output", metavar="FILE", required=True, type=Path)
    new.add_argument("--force", action="store_true", help="overwrite FILE (a backup is kept)")

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
    return parser


def _error(message: str) -> None:
    sys.stderr.write(f"applywizard: {message}\n")


def _unknown_direction(book: RuleBook, code: str) -> str:
    codes = ", ".join(direction.code for direction in book.guide.directions)
    return f"指南中没有方向 {code}（可选：{codes}） / the guide has no direction {code}"


def _cmd_directions(book: RuleBook, args: argparse.Namespace) -> int:
    if args.json:
        emit_json([direction_json(book.guide, item) for item in book.guide.directions])
    else:
        print_directions(book.guide, english=args.en)
    return EXIT_OK


def _cmd_rules(book: RuleBook, args: argparse.Namespace) -> int:
    if args.direction is not None and book.guide.direction(args.direction) is None:
        _error(_unknown_direction(book, args.direction))
        return EXIT_BAD_INPUT
    entries = coverage(book, args.direction)
    if args.json:
        emit_json([entry.as_json() for entry in entries])
    else:
        print_coverage(entries, english=args.en)
    return EXIT_OK


def _cmd_schema(_: RuleBook, __: argparse.Namespace) -> int:
    emit_json(Draft.model_json_schema())
    return EXIT_OK


def _cmd_new(book: RuleBook, args: argparse.Namespace) -> int:
    if book.guide.direction(args.direction) is None:
        _error(_unknown_direction(book, args.direction))
        return EXIT_BAD_INPUT
    path: Path = args.output
    if path.exists() and not args.force:
        _error(
            f"{path} 已存在，未覆盖（加 --force 覆盖并保留备份） / {path} exists; not overwritten"
        )
        return EXIT_BAD_INPUT
    try:
        save_draft(Draft(guide_id=book.guide.id, direction=args.direction), path)
    except DraftFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    print(f"{path}")
    return EXIT_OK


def _read_for_guide(book: RuleBook, path: Path) -> Draft | str:
    """A draft of this guide, or the reason it is not one (also said on stderr)."""
    try:
        draft = read_draft(path)
    except DraftFileError as error:
        _error(str(error))
        return f"{error.zh} / {error.en}"
    if draft.direction and book.guide.direction(draft.direction) is None:
        reason = _unknown_direction(book, draft.direction)
        _error(f"{path}: {reason}")
        return reason
    return draft


def _cmd_render(book: RuleBook, args: argparse.Namespace) -> int:
    draft = _read_for_guide(book, args.draft)
    if isinstance(draft, str):
        return EXIT_BAD_INPUT

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
    for path in args.drafts:
        draft = _read_for_guide(book, path)
        if isinstance(draft, str):
            results.append({"draft": str(path), "error": draft})
            worst = EXIT_BAD_INPUT
            continue
        findings = book.evaluate(draft)
        if any(finding.is_error for finding in findings) and worst == EXIT_OK:
            worst = EXIT_ERRORS
        if args.json:
            results.append(
                {
                    "draft": str(path),
                    "direction": draft.direction or None,
                    "findings": [finding.as_json() for finding in findings],
                }
            )
        else:
            print_findings(str(path), findings, english=args.en)
    if args.json:
        emit_json(results)
    return worst


COMMANDS = {
    "directions": _cmd_directions,
    "rules": _cmd_rules,
    "schema": _cmd_schema,
    "new": _cmd_new,
    "check": _cmd_check,
    "render": _cmd_render,
}


def main(argv: Sequence[str] | None = None) -> int:
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
    try:
        book = shipped_guide()
        return COMMANDS[args.command](book, args)
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
