"""Which guide pack a command uses: the one named, the one a draft is pinned to, the default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from applywizard.adapters.app_settings import installed_packs
from applywizard.adapters.draft_packs import place_draft
from applywizard.adapters.guide_packs import (
    ORIGIN_NAMES,
    InstalledPack,
    PackCatalogue,
    load_pack,
    short_hash,
)
from applywizard.domain.draft.model import Draft
from applywizard.domain.guide.edition import EDITION_NAMES
from applywizard.domain.rules.engine import RuleBook
from applywizard.domain.rules.pinning import ClauseChange


class PackChoiceError(ValueError):
    """No usable pack answers to what was asked, and why (Chinese / English)."""


@dataclass
class Packs:
    """The installed packs, read once per command when first needed."""

    _catalogue: PackCatalogue | None = None
    problems: tuple[str, ...] = ()

    @property
    def catalogue(self) -> PackCatalogue:
        """Every pack on this machine (bundled, user folder, shared folders)."""
        if self._catalogue is None:
            self._catalogue, folders = installed_packs()
            self.problems = folders.problems
        return self._catalogue

    def named(self, spec: str) -> InstalledPack:
        """The pack a user named: a pack folder (or its guide.yaml), or an installed pack's id."""
        path = Path(spec)
        if path.name == "guide.yaml":
            path = path.parent
        if path.is_dir():
            pack = load_pack(path)
        else:
            found = self.catalogue.find(spec)
            if found is None:
                ids = ", ".join(dict.fromkeys(p.pack_id for p in self.catalogue.usable)) or "—"
                raise PackChoiceError(
                    f"没有指南包“{spec}”（已安装：{ids}） / no guide pack {spec} (installed: {ids})"
                )
            pack = found
        if pack.book is None:
            raise PackChoiceError(f"指南包有误 / the guide pack is broken: {pack.problem}")
        return pack

    def default(self) -> InstalledPack:
        """The pack a new draft starts with (newest published first)."""
        pack = self.catalogue.default()
        if pack is None:
            raise PackChoiceError("没有可用的指南包 / no usable guide pack is installed")
        return pack


@dataclass(frozen=True)
class DraftPack:
    """The pack a draft is judged by, and the clauses that changed since it was saved."""

    book: RuleBook
    changes: tuple[ClauseChange, ...]


def pack_for_draft(draft: Draft, packs: Packs, fallback: RuleBook) -> DraftPack:
    """The draft's own pack (same id and hash; else same id, with its changes).

    A draft naming no pack (saved before packs existed) is judged by
    ``fallback``; one naming a pack that is not installed raises PackChoiceError.
    """
    if not draft.guide_id:
        return DraftPack(fallback, ())
    if draft.guide_id == fallback.guide.id and draft.guide_hash in {"", fallback.content_hash}:
        return DraftPack(fallback, ())
    placement = place_draft(draft, packs.catalogue)
    pack = placement.pack
    if pack is None or pack.book is None:
        short = short_hash(draft.guide_hash)
        raise PackChoiceError(
            f"草稿所用的指南包“{draft.guide_id}”（{short}）未安装；可用 --guide 对照其他指南检查 / "
            f"the draft's guide pack {draft.guide_id} ({short}) is not installed; "
            "use --guide to check it against another"
        )
    return DraftPack(pack.book, placement.changes)


def pack_json(pack: InstalledPack) -> dict[str, Any]:
    """A pack as ``guides --json`` prints it."""
    guide = pack.guide
    return {
        "id": pack.pack_id,
        "title": guide.title if guide else None,
        "title_en": guide.title_en if guide else None,
        "edition": guide.edition.value if guide else None,
        "issued": guide.issued.isoformat() if guide and guide.issued else None,
        "directions": len(guide.directions) if guide else None,
        "incomplete_directions": [d.code for d in guide.incomplete_directions] if guide else [],
        "notices": [notice.id for notice in guide.notices] if guide else [],
        "source": guide.source if guide else None,
        "origin": pack.origin.value,
        "folder": str(pack.folder),
        "content_hash": pack.content_hash or None,
        "problem": pack.problem,
    }


def pack_line(pack: InstalledPack, *, english: bool) -> str:
    """A pack in one or two lines for ``guides``."""
    origin = ORIGIN_NAMES[pack.origin][1 if english else 0]
    guide = pack.guide
    if guide is None:
        broken = "broken, not used" if english else "有误，未使用"
        return f"✖ {pack.pack_id}  [{origin}, {broken}]  {pack.folder}\n    {pack.problem}"
    edition = EDITION_NAMES[guide.edition][1 if english else 0]
    issued = guide.issued.isoformat() if guide.issued else "—"
    count = len(guide.directions)
    incomplete = len(guide.incomplete_directions)
    if english:
        directions = f"{count} directions" + (f" ({incomplete} incomplete)" if incomplete else "")
    else:
        directions = f"{count} 个方向" + (f"（{incomplete} 个不完整）" if incomplete else "")
    title = guide.title_en if english else guide.title
    return (
        f"{pack.pack_id}  [{edition}, {issued}, {directions}, {origin}, {pack.short_hash}]\n"
        f"    {title}\n    {guide.source}"
    )
