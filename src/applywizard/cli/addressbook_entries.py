"""``addressbook list | show | set | remove``: correcting the address book by hand.

A wrong entry is copied into every draft that takes it, so a secretary can
list the entries (``list [--kind K] [--search TEXT]``, the search the window
uses: name, other name, code, pinyin initials), see one whole (``show KIND
ID``: every field, the drafts it was used in, what its checks find), change
fields (``set KIND ID FIELD=VALUE...``) and remove one (``remove KIND ID``,
with the record of its uses). Drafts already written are never changed.

``set`` refuses (exit 2) an unknown kind, entry or field, a value a draft row
could not hold (a unit type not on the form), an empty name, and a change
that makes the entry the same as another one (same credit code, registration
number, or name): it names the other entry. It refuses (exit 1) an entry
whose credit code, registration number or date fails its check, unless
``--force``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from typing import Any

from applywizard.adapters.address_book.store import CODE, OTHER_NAME, AddressBook, StoredEntry
from applywizard.domain.address_book import (
    FIELDS,
    KIND_NAMES,
    KINDS,
    Kind,
    as_row_writes_it,
    entry_findings,
    field_label,
    identity,
)
from applywizard.domain.draft.paths import enum_label

EXIT_OK, EXIT_REPORTED, EXIT_REFUSED = 0, 1, 2
SAME: dict[str, tuple[str, str]] = {
    "code": ("统一社会信用代码", "unified social credit code"),
    "reg": ("国别和注册号", "country and registration number"),
    "name": ("名称", "name"),
}
"""What made two entries the same, by the start of their identity (``identity``)."""
NAME_CELLS = 32
"""The widest a name is shown in ``list`` (a Chinese character takes two cells)."""


def say(args: argparse.Namespace, zh: str, en: str) -> None:
    """One line on standard output, in the language asked for."""
    sys.stdout.write(f"{en if args.en else zh}\n")


def refuse(args: argparse.Namespace, zh: str, en: str, code: int = EXIT_REFUSED) -> int:
    """Why a command did nothing, on standard error; the exit code."""
    sys.stderr.write(f"applywizard: {en if args.en else zh}\n")
    return code


def add_entry_actions(actions: Any) -> None:
    """The ``list``, ``show``, ``set`` and ``remove`` actions of ``addressbook``."""
    listing = actions.add_parser("list", help="the entries, as a table / 列出条目")
    listing.add_argument("--kind", choices=KINDS)
    listing.add_argument("--search", metavar="TEXT", help="name, code or pinyin initials")
    show = actions.add_parser("show", help="one entry, its drafts and findings / 查看条目")
    change = actions.add_parser("set", help="change fields of an entry / 修改条目")
    remove = actions.add_parser("remove", help="remove an entry and its uses / 删除条目")
    for parser in (show, change, remove):
        parser.add_argument("kind", metavar="KIND", help="unit, partner or person")
        parser.add_argument("entry_id", metavar="ID", type=int)
    change.add_argument("assignments", metavar="FIELD=VALUE", nargs="+")
    change.add_argument("--force", action="store_true", help="save despite failed checks")


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (with …) and padded to them."""
    if _cells(text) > width:
        while _cells(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _cells(text))


def _when(stored: StoredEntry) -> str:
    try:
        return dt.datetime.fromisoformat(stored.last_used).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stored.last_used


def _code(stored: StoredEntry) -> str:
    if stored.kind == "partner":
        return f"{stored.fields['country']} {stored.fields['registration_number']}".strip()
    return stored.fields[CODE[stored.kind]]


def _shown(value: str) -> tuple[str, str]:
    """A stored value in words, with what ``set`` takes: ``高校（university）``."""
    if not value:
        return "—", "—"
    zh, en = {"true": ("是", "yes"), "false": ("否", "no")}.get(value) or enum_label(value)
    return (
        value if zh == value else f"{zh}（{value}）",
        value if en == value else f"{en} ({value})",
    )


def _named(args: argparse.Namespace, stored: StoredEntry) -> tuple[str, str]:
    zh_kind, en_kind = KIND_NAMES[stored.kind]
    name = stored.fields["name"]
    return f"{zh_kind} #{stored.id}“{name}”", f"{en_kind} #{stored.id} “{name}”"


def list_entries(args: argparse.Namespace, book: AddressBook) -> int:
    """The entries of one kind or all, those matching ``--search`` in its order."""
    header = (
        ("id", "kind", "name", "other name", "code", "last used", "drafts")
        if args.en
        else ("编号", "类别", "名称", "其他名称", "代码", "最近使用", "草稿数")
    )
    widths = (6, 16 if args.en else 12, NAME_CELLS, NAME_CELLS, 22, 16, 6)
    rows = []
    for kind in (args.kind,) if args.kind else KINDS:
        found = book.search(kind, args.search, limit=None) if args.search else book.entries(kind)
        uses = book.use_counts(kind)
        label = KIND_NAMES[kind][1 if args.en else 0]
        rows += [
            (
                str(e.id),
                label,
                e.fields["name"],
                e.fields[OTHER_NAME[kind]],
                _code(e),
                _when(e),
                str(uses.get(e.id, 0)),
            )
            for e in found
        ]
    for row in (header, *rows):
        sys.stdout.write("  ".join(_fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
        sys.stdout.write("\n")
    say(args, f"共 {len(rows)} 条", f"{len(rows)} entries")
    return EXIT_OK


def _kind(args: argparse.Namespace) -> Kind | None:
    for kind in KINDS:
        if args.kind == kind:
            return kind
    return None


def _entry(args: argparse.Namespace, book: AddressBook) -> StoredEntry | int:
    """The entry KIND ID names, or the exit code of a refusal."""
    kind = _kind(args)
    if kind is None:
        return refuse(
            args,
            f"没有类别“{args.kind}”；可选：unit（中方单位）、partner（外方合作单位）、person（人员）",
            f"no kind “{args.kind}”; one of unit, partner, person",
        )
    stored = book.get(kind, args.entry_id)
    if stored is None:
        zh_kind, en_kind = KIND_NAMES[kind]
        return refuse(
            args,
            f"通讯录中没有{zh_kind} #{args.entry_id}（用 addressbook list 查看编号）",
            f"the address book has no {en_kind} #{args.entry_id} (addressbook list shows ids)",
        )
    return stored


def show_entry(args: argparse.Namespace, book: AddressBook) -> int:
    """Every field of one entry, the drafts it was used in, and what its checks find."""
    stored = _entry(args, book)
    if isinstance(stored, int):
        return stored
    kind = stored.kind
    say(args, *_named(args, stored))
    for field in FIELDS[kind]:
        zh, en = field_label(kind, field)
        zh_value, en_value = _shown(stored.fields[field])
        say(args, f"  {zh}：{zh_value}", f"  {en}: {en_value}")
    say(
        args,
        f"  拼音首字母：{stored.initials or '—'}",
        f"  pinyin initials: {stored.initials or '—'}",
    )
    say(args, f"  最近使用：{_when(stored)}", f"  last used: {_when(stored)}")
    drafts = book.drafts_of(kind, stored.id)
    say(args, f"用于 {len(drafts)} 份草稿：", f"used in {len(drafts)} drafts:")
    for draft in drafts:
        sys.stdout.write(f"  {draft}\n")
    _, problems = as_row_writes_it(kind, stored.fields)
    findings = [*problems, *entry_findings(kind, stored.fields, dt.date.today())]  # noqa: DTZ011
    if not findings:
        say(args, "检查：无问题", "checks: nothing found")
    for finding in findings:
        say(args, f"检查：{finding.zh}", f"check: {finding.en}")
    return EXIT_OK


def _changes(args: argparse.Namespace, kind: Kind) -> dict[str, str] | int:
    """The fields FIELD=VALUE sets, or the exit code of a refusal."""
    changes = {}
    for assignment in args.assignments:
        field, equals, value = assignment.partition("=")
        if not equals or field.strip() not in FIELDS[kind]:
            fields = ", ".join(FIELDS[kind])
            return refuse(
                args,
                f"“{assignment}”不是 字段=值，或{KIND_NAMES[kind][0]}没有此字段；"
                f"可用字段：{fields}",
                f"“{assignment}” is not FIELD=VALUE with a field a {kind} has: {fields}",
            )
        changes[field.strip()] = value
    return changes


def set_fields(args: argparse.Namespace, book: AddressBook) -> int:  # noqa: PLR0911 - one return per refusal
    """Change fields of one entry, after the checks a draft row gets."""
    stored = _entry(args, book)
    if isinstance(stored, int):
        return stored
    kind = stored.kind
    changes = _changes(args, kind)
    if isinstance(changes, int):
        return changes
    wanted, problems = as_row_writes_it(kind, {**stored.fields, **changes})
    if not wanted["name"]:
        return refuse(args, "名称不能为空", "the name cannot be empty")
    for problem in problems:
        refuse(args, problem.zh, problem.en)
    if problems:
        return EXIT_REFUSED
    if wanted == stored.fields:
        say(args, "没有改动", "nothing changed")
        return EXIT_OK
    findings = entry_findings(kind, wanted, dt.date.today())  # noqa: DTZ011 - the user's day
    for finding in findings:
        say(args, f"检查：{finding.zh}", f"check: {finding.en}")
    if findings and not args.force:
        return refuse(
            args,
            "未保存：检查未通过；确认无误请加 --force",
            "not saved: the checks failed; add --force if the value is right",
            EXIT_REPORTED,
        )
    with book.transaction():
        other = book.with_identity(kind, wanted)
        if other is not None and other.id != stored.id:
            zh, en = _named(args, other)
            zh_same, en_same = SAME[identity(kind, wanted).split(":", 1)[0]]
            if kind == "person":
                zh_same, en_same = "姓名和所在单位", "name and unit"
            return refuse(
                args,
                f"未保存：改后与{zh}的{zh_same}相同，是同一{KIND_NAMES[kind][0]}；"
                f"请改用其他值，或先删除其中一条（addressbook remove {kind} {other.id}）",
                f"not saved: the change gives it the same {en_same} as {en}; use another "
                f"value, or remove one of them first (addressbook remove {kind} {other.id})",
            )
        book.put(kind, wanted, entry_id=stored.id)
    for field in FIELDS[kind]:
        if wanted[field] != stored.fields[field]:
            zh, en = field_label(kind, field)
            old, new = stored.fields[field] or "—", wanted[field] or "—"
            say(args, f"  {zh}：{old} → {new}", f"  {en}: {old} → {new}")
    zh, en = _named(args, StoredEntry(kind, stored.id, wanted, stored.last_used))
    say(args, f"已保存{zh}（已有草稿不变）", f"{en} saved (drafts already written are not changed)")
    return EXIT_OK


def remove_entry(args: argparse.Namespace, book: AddressBook) -> int:
    """Remove one entry and the record of the drafts it was used in."""
    with book.transaction():
        stored = _entry(args, book)
        if isinstance(stored, int):
            return stored
        uses = book.remove(stored.kind, stored.id)
    zh, en = _named(args, stored)
    say(
        args,
        f"已删除{zh}及其 {uses} 条使用记录（草稿不变）",
        f"{en} removed, with the record of its {uses} uses (the drafts are not changed)",
    )
    return EXIT_OK


ENTRY_ACTIONS = {
    "list": list_entries,
    "show": show_entry,
    "set": set_fields,
    "remove": remove_entry,
}
