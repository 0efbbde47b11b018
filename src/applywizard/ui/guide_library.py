"""The guide packs the window offers, and which pack a draft being opened is judged by.

Loaded with the guide (``assembly``), never for the first paint. The list is
the adapters' catalogue (bundled, user folder, shared folders; newest
published first, broken packs last with their problem); the bundled pack is
the fallback when nothing else loads.
"""

from __future__ import annotations

from pathlib import Path

from applywizard.adapters.app_settings import (
    GuideFolders,
    add_guide_folder,
    installed_packs,
    remove_guide_folder,
)
from applywizard.adapters.guide_packs import (
    ORIGIN_NAMES,
    InstalledPack,
    PackCatalogue,
    shipped_guide,
    short_hash,
)
from applywizard.adapters.user_folders import UserFolders
from applywizard.domain.guide.edition import EDITION_NAMES
from applywizard.domain.rules.engine import RuleBook
from applywizard.ui.text import _, bilingual


class GuideLibrary:
    """The installed guide packs, read again when the folders change."""

    def __init__(self, folders: UserFolders | None = None) -> None:
        self.folders = folders
        """Where the user's packs and settings are (None: this system's folders, read now)."""
        self.catalogue = PackCatalogue(())
        self.shared = GuideFolders(())
        self.reload()

    def reload(self) -> None:
        """Look for packs again (after a folder was added or removed)."""
        self.catalogue, self.shared = installed_packs(self.folders)

    def default_book(self) -> RuleBook:
        """The pack a new draft starts with; the bundled one if no pack loads."""
        pack = self.catalogue.default()
        return pack.book if pack is not None and pack.book is not None else shipped_guide()

    def pack_of(self, book: RuleBook) -> InstalledPack | None:
        """The installed pack a rule book comes from."""
        return self.catalogue.find(book.guide.id, book.content_hash)

    def add_folder(self, folder: Path) -> None:
        """Name a shared folder of packs (SettingsError if the settings cannot be written)."""
        add_guide_folder(folder, self.folders)
        self.reload()

    def remove_folder(self, folder: Path) -> None:
        """Stop looking in a shared folder."""
        remove_guide_folder(folder, self.folders)
        self.reload()


def book_label(book: RuleBook) -> str:
    """Which guide a draft uses, in one line: title, edition, short hash."""
    guide = book.guide
    edition = bilingual(*EDITION_NAMES[guide.edition])
    title = bilingual(guide.title, guide.title_en)
    if edition.casefold() in title.casefold():  # “…申报指南（征求意见稿）” says it already
        return _("Guide: {title} · {hash}").format(title=title, hash=short_hash(book.content_hash))
    return _("Guide: {title} · {edition} · {hash}").format(
        title=title, edition=edition, hash=short_hash(book.content_hash)
    )


def pack_summary(pack: InstalledPack) -> tuple[str, str]:
    """A pack as a list row (two lines) and its tooltip."""
    origin = bilingual(*ORIGIN_NAMES[pack.origin])
    guide = pack.guide
    if guide is None:
        problem = pack.problem or ""
        text = _("{id} — cannot be used ({origin}, {hash})").format(
            id=pack.pack_id, origin=origin, hash=pack.short_hash
        )
        return f"{text}\n{problem}", f"{pack.folder}\n{problem}"
    facts = [
        guide.id,  # copies of a pack often keep its title: the id tells them apart
        bilingual(*EDITION_NAMES[guide.edition]),
        _("issued {date}").format(date=guide.issued.isoformat())
        if guide.issued
        else _("no issue date"),
        _("{count} directions").format(count=len(guide.directions)),
    ]
    if guide.incomplete_directions:
        facts.append(_("{count} incomplete").format(count=len(guide.incomplete_directions)))
    facts.extend([origin, pack.short_hash])
    title = bilingual(guide.title, guide.title_en)
    return f"{title}\n{' · '.join(facts)}", f"{guide.id}\n{pack.folder}"
