"""Write the table of check kinds into docs/guide-packs.md from the registry.

    .venv/bin/python scripts/make_guide_docs.py          # rewrite the table
    .venv/bin/python scripts/make_guide_docs.py --check  # exit 1 if the table is out of date

tests/test_guide_docs.py fails when the document's table is not the registry's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from applywizard.cli.kinds_table import with_table

DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "guide-packs.md"


def main() -> int:
    """Rewrite (or, with --check, compare) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = DOCUMENT.read_text(encoding="utf-8")
    wanted = with_table(text)
    if args.check:
        if wanted != text:
            print(f"{DOCUMENT}: the table of check kinds is out of date; run {sys.argv[0]}")
            return 1
        return 0
    DOCUMENT.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
