"""Where a draft stands among the installed guide packs: its own, a changed one, or none.

One answer for the window (which asks what to do when the pack changed or is
missing) and the command line (which reports it and stops).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from applywizard.adapters.guide_packs import InstalledPack, PackCatalogue
from applywizard.domain.draft.model import Draft
from applywizard.domain.rules.pinning import ClauseChange, clause_changes


class Fit(StrEnum):
    """How a draft stands to the installed packs."""

    SAME = "same"  # its pack, unchanged (or a pack with its id, when it records no hash)
    CHANGED = "changed"  # its pack's id, with other contents
    MISSING = "missing"  # no pack with its id
    UNPINNED = "unpinned"  # saved before drafts named their pack


@dataclass(frozen=True)
class Placement:
    """The pack a draft is judged by, and the clauses that apply differently under it."""

    fit: Fit
    pack: InstalledPack | None
    changes: tuple[ClauseChange, ...] = ()


def place_draft(draft: Draft, catalogue: PackCatalogue) -> Placement:
    """Find the draft's pack by id and content hash; None as the pack when it is missing."""
    if not draft.guide_id:
        return Placement(Fit.UNPINNED, catalogue.default())
    exact = catalogue.find(draft.guide_id, draft.guide_hash or None)
    if exact is not None:
        return Placement(Fit.SAME, exact)
    same_id = catalogue.find(draft.guide_id)
    if same_id is not None:
        return Placement(Fit.CHANGED, same_id, changes_under(draft, same_id))
    return Placement(Fit.MISSING, None)


def changes_under(draft: Draft, pack: InstalledPack) -> tuple[ClauseChange, ...]:
    """The clauses that apply differently when the draft is judged by ``pack``."""
    return tuple(clause_changes(draft, pack.guide)) if pack.guide is not None else ()
