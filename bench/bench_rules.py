"""How fast the rules judge drafts: the figures the wizard's live validation needs.

Prints, for each measurement, the median time and the ratio to a baseline
measured in the same run (parsing the same draft with pydantic, the floor any
validation pays), so figures compare across machines:

1. full validation of each realistic example draft (target: median <= 1 ms);
2. a 200-partner draft (target: median <= 10 ms);
3. ``applywizard check`` over 1,000 draft files in one process (target: <= 3 s).

Run: .venv/bin/python bench/bench_rules.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.cli.main import main as cli_main
from applywizard.domain.draft.codec import decode_draft, encode_draft
from applywizard.domain.draft.model import Draft
from timing import median_seconds

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def with_partners(draft: Draft, count: int) -> Draft:
    """The draft with ``count`` foreign partners, all distinct."""
    wide = draft.model_copy(deep=True)
    template = wide.foreign_partners[0]
    wide.foreign_partners = [
        template.model_copy(
            update={
                "name": f"{template.name} {index}",
                "name_zh": f"{template.name_zh}{index}",
                "registration_number": "",
            }
        )
        for index in range(count)
    ]
    return wide


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    if not EXAMPLES:
        print("no examples/*.json to measure", file=sys.stderr)
        return 1
    book = shipped_guide()

    print("1. full validation of each example draft")
    medians = []
    for path in EXAMPLES:
        raw = path.read_bytes()
        draft = decode_draft(raw)
        rules = median_seconds(partial(book.evaluate, draft), args.repeat) * 1000
        parse = median_seconds(partial(Draft.model_validate_json, raw), args.repeat) * 1000
        medians.append(rules)
        ratio = rules / parse
        print(f"   {path.stem:>4}: {rules:6.3f} ms  ({ratio:4.2f}x parsing it, {parse:.3f} ms)")
    print(
        f"   median over {len(EXAMPLES)} examples: {statistics.median(medians):.3f} ms "
        f"(target <= 1 ms); slowest {max(medians):.3f} ms"
    )

    wide = with_partners(read_draft(EXAMPLES[0]), 200)
    wide_raw = encode_draft(wide)
    rules = median_seconds(lambda: book.evaluate(wide), max(20, args.repeat // 4)) * 1000
    parse = (
        median_seconds(lambda: Draft.model_validate_json(wide_raw), max(20, args.repeat // 4))
        * 1000
    )
    print(
        f"2. 200-partner draft ({EXAMPLES[0].stem}): {rules:.3f} ms (target <= 10 ms), "
        f"{rules / parse:.2f}x parsing it ({parse:.3f} ms)"
    )

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(1000):
            source = read_draft(EXAMPLES[index % len(EXAMPLES)])
            source.project.title_zh = f"{source.project.title_zh[:20]}{index}"
            path = Path(folder) / f"draft-{index:04d}.json"
            save_draft(source, path)
            paths.append(str(path))
        start = time.perf_counter()
        for path_text in paths:
            Draft.model_validate_json(Path(path_text).read_bytes())
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()) as sink:
            code = cli_main(["check", "--json", *paths])
        elapsed = time.perf_counter() - start
        print(
            f"3. check over 1,000 drafts in one process: {elapsed:.2f} s (target <= 3 s), "
            f"{elapsed / baseline:.1f}x reading and parsing them ({baseline:.2f} s); "
            f"exit {code}, {len(sink.getvalue()) // 1024} KiB of JSON"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
