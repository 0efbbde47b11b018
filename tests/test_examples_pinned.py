"""The example drafts are pinned to the bundled guide pack as it is now."""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.draft_files import read_draft
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.pinning import clause_changes, clauses_for

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_every_example_names_the_bundled_packs_hash_and_clauses(book: RuleBook) -> None:
    stale = []
    for path in sorted(EXAMPLES.glob("*.json")):
        draft = read_draft(path)
        if (
            draft.guide_hash != book.content_hash
            or draft.guide_clauses != clauses_for(book.guide, draft.direction)
            or clause_changes(draft, book.guide)
        ):
            stale.append(path.name)
    assert not stale, f"run .venv/bin/python scripts/pin_examples.py; stale: {stale}"
