"""Pin the example drafts to the bundled guide pack (after the pack changed).

Each example records the pack's content hash and its direction's clauses, as
a saved draft does; tests/test_examples_pinned.py fails when they are stale.
Run with the project's Python: ``.venv/bin/python scripts/pin_examples.py``.
"""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.draft_files import read_draft, save_draft
from applywizard.adapters.guide_packs import shipped_guide
from applywizard.domain.rules.pinning import pin

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    """Rewrite every example draft pinned to the bundled pack."""
    book = shipped_guide()
    for path in sorted(EXAMPLES.glob("*.json")):
        draft = read_draft(path)
        pinned = pin(draft, book.guide, book.content_hash)
        if pinned != draft:
            save_draft(pinned, path)
            path.with_name(path.name + ".bak").unlink(missing_ok=True)
            print(f"pinned {path.name}")


if __name__ == "__main__":
    main()
