"""How long the attachment pre-flight takes, and how much memory its child uses.

Measures, in one run:
1. the pre-flight of a 20 MB, 200-page PDF (target: within 1 s);
2. the pre-flight of each hostile file (target: within 2 s, child peak RSS
   within 200 MB): truncated, garbage bytes named .pdf, a cyclic page tree, a
   page tree 5,000 deep, 5,000 pages, a stream of 1 GB of zeros deflated to
   about 1 MB, a password-protected PDF, a .docx zip bomb declaring 2 GB;
and the baselines, in the same run: reading each file's bytes and its SHA-256
(what attaching does anyway; "x read"), and a child that starts and inspects
a one-page PDF (the fixed cost of the child process; "x child"). "in child" is
the inspection alone, once the child is ready (the 2 s bound applies to it).
Figures are medians.
The child's peak RSS is its own VmHWM: ``RUSAGE_CHILDREN``'s ru_maxrss would
carry the parent's size over the child's exec.

Run: .venv/bin/python bench/bench_preflight.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the file makers live with the tests

from tests import preflight_files as made  # noqa: E402

from applywizard.adapters.attachment_preflight.preflight import (  # noqa: E402
    digest_of,
    file_type_of,
    inspect_file,
    inspect_in_child,
)
from timing import median_seconds  # noqa: E402

LIMIT = 20 * 1024 * 1024
MB = 1024 * 1024


def big_pdf() -> bytes:
    """200 pages of text, each with an image, about 20 MB in all."""
    return made.text_pdf(pages=200, padding=100_000)


CASES: list[tuple[str, Callable[[], bytes]]] = [
    ("20 MB, 200 pages.pdf", big_pdf),
    ("truncated.pdf", made.truncated_pdf),
    ("garbage.pdf", made.garbage_pdf),
    ("cyclic page tree.pdf", made.cyclic_pdf),
    ("page tree 5000 deep.pdf", made.deep_pdf),
    ("5000 pages.pdf", made.many_pages_pdf),
    ("1 GB deflate bomb.pdf", made.bomb_pdf),
    ("password.pdf", made.encrypted_pdf),
    ("2 GB zip bomb.docx", made.zip_bomb_docx),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        tiny = made.write(folder, "one page.pdf", made.text_pdf())
        one_page = partial(inspect_file, tiny, size_limit_bytes=LIMIT)
        child_cost = median_seconds(one_page, args.repeat)
        print(f"baseline: a child inspecting a one-page PDF: {child_cost * 1000:.0f} ms")
        print(
            f"{'file':26} {'size':>9} {'read+SHA':>9} {'pre-flight':>10} {'x read':>8} "
            f"{'x child':>8} {'in child':>9} {'peak RSS':>9}  outcome"
        )
        for label, make in CASES:
            path = made.write(folder, label.replace(" ", "-"), make())
            size = path.stat().st_size
            baseline = median_seconds(partial(digest_of, path), args.repeat)
            total = median_seconds(partial(inspect_file, path, size_limit_bytes=LIMIT), args.repeat)
            answer = inspect_in_child(
                path, file_type_of(path.name), seconds=2.0, memory_bytes=200 * MB
            )
            outcome = answer.facts.get("failure") or (
                f"ok, {answer.facts.get('pages', '-')} pages" if "pages" in answer.facts else "ok"
            )
            detail = answer.facts.get("detail", "")
            print(
                f"{label:26} {size / MB:7.2f}MB {baseline * 1000:7.1f}ms {total * 1000:8.0f}ms "
                f"{total / baseline:7.0f}x {total / child_cost:7.1f}x "
                f"{answer.seconds * 1000:7.0f}ms "
                f"{answer.peak_rss_kb / 1024:7.0f}MB  {outcome}"
                + (f" ({detail[:60]})" if detail else "")
            )


if __name__ == "__main__":
    main()
