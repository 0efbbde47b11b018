"""How fast the address book answers a keystroke, and imports drafts.

1. Queries as the completer sends them while the user types, over 10,000
   units with Chinese names (place, field, kind: 重庆材料研究院...,
   polyphones among them): name prefixes and substrings (重, 重庆, 庆材...)
   and pinyin initials (cq, cqcl...). Median and 95th percentile per query
   for each (target: <= 16 ms per keystroke), each against a plain Python
   scan of a list of the same entries with the same matching (initials
   computed beforehand), measured in the same run; and the name queries
   through the search as it was before initials (no initials clause), to
   show what initials cost.
2. Importing 1,000 drafts (copies of the 18 examples, each with its own team
   names, so that units and partners merge and people are added; every put
   computes initials), into a WAL book (the user's own) and a rollback-journal
   one (a book named in the settings, perhaps on a shared drive).

Run: .venv/bin/python bench/bench_address_book.py [--entries N] [--drafts N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from applywizard.adapters.address_book.importing import import_drafts
from applywizard.adapters.address_book.initials import initials
from applywizard.adapters.address_book.store import AddressBook, Journal, open_address_book
from applywizard.domain.address_book import Entry, normalise

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
PLACES = (  # noqa: SIM905 - names as a line of text
    "重庆 长沙 长春 厦门 银川 北京 上海 天津 南京 杭州 成都 武汉 西安 广州 深圳 合肥 济南 "
    "青岛 大连 沈阳 哈尔滨 郑州 昆明 贵阳 南宁 海口 兰州 西宁 拉萨 乌鲁木齐 呼和浩特 太原 "
    "石家庄 南昌 福州 宁波 苏州 无锡 长安 蚌埠"
).split()
FIELDS = (  # noqa: SIM905 - names as a line of text
    "材料 能源 信息 生物 医药 农业 海洋 环境 电子 机械 化学 物理 航空 交通 水利 地质 "
    "气象 测绘 纺织 食品 冶金 建筑 林业 畜牧 渔业"
).split()
KINDS = ("大学", "研究院", "研究所", "有限公司", "实验室", "银行", "医院", "学院", "中心", "集团")
# The search before initials (the previous commit's query), to show what initials cost.
NAME_ONLY = (
    "SELECT * FROM units WHERE name_key LIKE ?1 ESCAPE '\\' "
    "OR lower(name_en) LIKE ?1 ESCAPE '\\' OR lower(credit_code) LIKE ?1 ESCAPE '\\' "
    "ORDER BY substr(name_key, 1, length(?2)) <> ?2, last_used DESC LIMIT ?3"
)


def _units(count: int) -> list[Entry]:
    """``count`` units named place + field + kind (10,000 names; beyond, numbered)."""
    names = [f"{p}{f}{k}" for p, f, k in itertools.product(PLACES, FIELDS, KINDS)]
    units = []
    for number in range(count):
        cycle, index = divmod(number, len(names))
        name = names[index] + (str(cycle) if cycle else "")
        units.append({"name": name, "name_en": f"Unit {number}", "credit_code": ""})
    return units


def _fill(book: AddressBook, units: list[Entry]) -> None:
    with book.transaction():
        for unit in units:
            book.put("unit", unit)


def _list_scan(units: list[tuple[Entry, str]], text: str, limit: int = 20) -> list[Entry]:
    """The same matching and ranking as ``AddressBook.search``, over a Python list."""
    wanted = normalise(text)
    letters = wanted if wanted.isascii() and wanted.isalnum() else ""
    found = []
    for unit, unit_initials in units:
        name = normalise(unit["name"])
        if name.startswith(wanted):
            rank = 0
        elif letters and unit_initials.startswith(letters):
            rank = 1
        elif (
            wanted in name
            or wanted in unit["name_en"].casefold()
            or wanted in unit["credit_code"].casefold()
        ):
            rank = 2
        else:
            continue
        found.append((rank, unit))
    found.sort(key=lambda pair: pair[0])
    return [unit for _, unit in found[:limit]]


def _times(query: Callable[[str], object], texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        query(text)
        times.append(time.perf_counter() - start)
    return times


def _quantile(times: list[float], share: float) -> float:
    return sorted(times)[min(len(times) - 1, int(len(times) * share))]


def _report(label: str, sqlite_times: list[float], scan_times: list[float]) -> None:
    median, p95 = statistics.median(sqlite_times), _quantile(sqlite_times, 0.95)
    scan = statistics.median(scan_times)
    print(
        f"  {label}: SQLite median {median * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
        f"max {max(sqlite_times) * 1000:.2f} ms (target <= 16 ms); "
        f"list scan median {scan * 1000:.2f} ms; ratio SQLite / list scan {median / scan:.2f}"
    )


def bench_queries(folder: Path, count: int) -> None:
    rng = random.Random(14)
    units = _units(count)
    scanned = [(unit, initials(unit["name"])) for unit in units]
    with open_address_book(folder / "queries.sqlite3") as book:
        start = time.perf_counter()
        _fill(book, units)
        fill = time.perf_counter() - start
        names, letters = [], []
        for unit, unit_initials in rng.sample(scanned, min(100, len(scanned))):
            name = unit["name"]
            middle = rng.randint(1, max(1, len(name) - 2))
            names += [name[:1], name[:2], name[:3], name[middle : middle + 2]]  # as typed
            letters += [unit_initials[:2], unit_initials[:3], unit_initials[:4]]
        book.search("unit", names[0])  # warm-up

        def before(text: str) -> object:
            wanted = normalise(text)
            pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%")
            pattern = pattern.replace("_", "\\_") + "%"
            return book.connection.execute(NAME_ONLY, (pattern, wanted, 20)).fetchall()

        name_times = _times(lambda text: book.search("unit", text), names)
        letter_times = _times(lambda text: book.search("unit", text), letters)
        before_times = _times(before, names)
    name_scan = _times(lambda text: _list_scan(scanned, text), names)
    letter_scan = _times(lambda text: _list_scan(scanned, text), letters)
    print(
        f"query over {len(units):,} units with Chinese names ({fill:.1f} s to put them, "
        f"initials included), {len(names)} name and {len(letters)} initials queries as typed:"
    )
    _report("name prefix/substring", name_times, name_scan)
    _report("pinyin initials      ", letter_times, letter_scan)
    _report("all                  ", name_times + letter_times, name_scan + letter_scan)
    print(
        f"  name queries through the search before initials: median "
        f"{statistics.median(before_times) * 1000:.2f} ms (with initials "
        f"{statistics.median(name_times) * 1000:.2f} ms)"
    )


def bench_import(folder: Path, count: int) -> None:
    drafts = folder / "drafts"
    drafts.mkdir()
    paths = []
    for number in range(count):
        draft = json.loads(EXAMPLES[number % len(EXAMPLES)].read_text(encoding="utf-8"))
        for member in draft["team"]:
            member["name"] = f"{member['name']}{number}"
        path = drafts / f"draft-{number:04}.json"
        path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    journals: tuple[Journal, ...] = ("wal", "rollback")
    for journal in journals:
        with open_address_book(folder / f"import-{journal}.sqlite3", journal=journal) as book:
            start = time.perf_counter()
            report = import_drafts(book, paths)
            seconds = time.perf_counter() - start
            counts = {kind: book.count(kind) for kind in ("unit", "partner", "person")}
        where = "the user's own" if journal == "wal" else "a named (shared) book"
        print(
            f"import of {count:,} drafts into {where}, {journal} journal: {seconds:.2f} s "
            f"({seconds / count * 1000:.1f} ms a draft); entries {counts}, "
            f"merged {report.merged}, conflicts {len(report.conflicts)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--drafts", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_queries(Path(folder), args.entries)
        bench_import(Path(folder), args.drafts)


if __name__ == "__main__":
    main()
