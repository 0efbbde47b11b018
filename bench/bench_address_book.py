"""How fast the address book answers a keystroke, and imports drafts.

1. A prefix or substring query (the completer's query as the user types) over
   10,000 unit entries: median and 95th percentile per query (target: <= 16 ms
   per keystroke), and the ratio to a plain Python scan of a list of the same
   entries, measured in the same run.
2. Importing 1,000 drafts (copies of the 18 examples, each with its own team
   names, so that units and partners merge and people are added).

Run: .venv/bin/python bench/bench_address_book.py [--entries N] [--drafts N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from applywizard.adapters.address_book.importing import import_drafts
from applywizard.adapters.address_book.store import AddressBook, open_address_book
from applywizard.domain.address_book import Entry, normalise

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
SYLLABLES = "华中南北东西科技工业大学研究院所材料能源信息生物医药农业海洋环境电子机械化学物理"
KINDS = ["大学", "研究院", "研究所", "有限公司", "实验室"]


def _units(count: int, rng: random.Random) -> list[Entry]:
    units = []
    for number in range(count):
        core = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 7)))
        name = f"{core}{rng.choice(KINDS)}{number}"
        units.append({"name": name, "name_en": f"Unit {number} of {core}", "credit_code": ""})
    return units


def _fill(book: AddressBook, units: list[Entry]) -> None:
    with book.transaction():
        for unit in units:
            book.put("unit", unit)


def _list_scan(units: list[Entry], text: str, limit: int = 20) -> list[Entry]:
    wanted = text.casefold()
    found = [
        unit
        for unit in units
        if wanted in normalise(unit["name"])
        or wanted in unit["name_en"].casefold()
        or wanted in unit["credit_code"].casefold()
    ]
    found.sort(key=lambda unit: not normalise(unit["name"]).startswith(wanted))
    return found[:limit]


def _times(query: Callable[[str], object], texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        query(text)
        times.append(time.perf_counter() - start)
    return times


def _quantile(times: list[float], share: float) -> float:
    return sorted(times)[min(len(times) - 1, int(len(times) * share))]


def bench_queries(folder: Path, count: int) -> None:
    rng = random.Random(14)
    units = _units(count, rng)
    with open_address_book(folder / "queries.sqlite3") as book:
        _fill(book, units)
        texts = []
        for unit in rng.sample(units, 100):
            name = unit["name"]
            start = rng.randint(0, max(0, len(name) - 3))
            texts += [name[:1], name[:2], name[:3], name[start : start + 2]]  # as typed
        book.search("unit", texts[0])  # warm-up
        sqlite_times = _times(lambda text: book.search("unit", text), texts)
    scan_times = _times(lambda text: _list_scan(units, text), texts)
    median, p95 = statistics.median(sqlite_times), _quantile(sqlite_times, 0.95)
    scan = statistics.median(scan_times)
    print(f"query over {count:,} units, {len(texts)} keystroke queries (prefix and substring):")
    print(
        f"  SQLite: median {median * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
        f"max {max(sqlite_times) * 1000:.2f} ms (target <= 16 ms)"
    )
    print(
        f"  Python list scan: median {scan * 1000:.2f} ms; "
        f"ratio SQLite / list scan {median / scan:.2f}"
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
    with open_address_book(folder / "import.sqlite3") as book:
        start = time.perf_counter()
        report = import_drafts(book, paths)
        seconds = time.perf_counter() - start
        counts = {kind: book.count(kind) for kind in ("unit", "partner", "person")}
    print(
        f"import of {count:,} drafts: {seconds:.2f} s ({seconds / count * 1000:.1f} ms a draft); "
        f"entries {counts}, merged {report.merged}, conflicts {len(report.conflicts)}"
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
