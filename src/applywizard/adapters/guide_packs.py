"""Guide packs: finding them, loading them, and their content hash.

A guide pack is a folder holding ``guide.yaml`` (the guide as data, with its
id, title, edition, dates and the batch's notices) and, optionally, the
guide's text as a ``.txt`` file that ``guide.yaml`` names in ``source_text``
(see docs/guide-packs.md). Packs are found in three places, in this order:

1. bundled with the program (``resources/guides/*/``);
2. the user's own folder (platformdirs: ``~/.local/share/ApplyWizard/guides``,
   ``%LOCALAPPDATA%\\ApplyWizard\\guides``);
3. the folders named in the settings (e.g. a research office's shared drive),
   see ``adapters.app_settings``.

A pack that cannot be read or is wrong is listed with its problem and never
used; the bundled packs are checked by the tests and always load. Packs are
data only: YAML is read with a safe loader and nothing in a pack is run or
evaluated as a template.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from applywizard.adapters.guide_check import first_problem
from applywizard.adapters.guide_files import (
    MAX_PACK_FILE_BYTES,
    PACK_FILE,
    GuideFileError,
    compile_guide_data,
    load_yaml,
)
from applywizard.domain.guide.edition import Edition
from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.engine import RuleBook
from applywizard.resources import data_folder, guide_path


class PackOrigin(StrEnum):
    """Where a pack was found."""

    BUNDLED = "bundled"
    USER = "user"
    SHARED = "shared"


ORIGIN_NAMES: dict[PackOrigin, tuple[str, str]] = {
    PackOrigin.BUNDLED: ("程序自带", "bundled"),
    PackOrigin.USER: ("用户文件夹", "user folder"),
    PackOrigin.SHARED: ("共享文件夹", "shared folder"),
}


@dataclass(frozen=True)
class InstalledPack:
    """A pack found on this machine: its rule book, or the problem that keeps it out."""

    folder: Path
    origin: PackOrigin
    pack_id: str
    content_hash: str
    book: RuleBook | None
    problem: str | None = None

    @property
    def guide(self) -> Guide | None:
        """The pack's guide, when it loaded."""
        return self.book.guide if self.book is not None else None

    @property
    def short_hash(self) -> str:
        """The content hash as people are shown it."""
        return short_hash(self.content_hash)


SHORT_HASH_DIGITS = 12


def short_hash(digest: str) -> str:
    """The first 12 hex digits of a content hash, as people are shown it (— when there is none)."""
    return digest[:SHORT_HASH_DIGITS] or "—"


def _normalised(data: bytes) -> bytes:
    """Line endings made LF, so a pack copied through Windows keeps its hash."""
    return data.replace(b"\r\n", b"\n")


def content_hash(files: Sequence[tuple[str, bytes]]) -> str:
    """The SHA-256 of a pack's files (name and content; CRLF counted as LF)."""
    digest = hashlib.sha256(b"applywizard guide pack 1\n")
    for name, data in sorted(files):
        body = _normalised(data)
        digest.update(f"{name}\n{len(body)}\n".encode())
        digest.update(body)
    return digest.hexdigest()


def _read_bounded(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PACK_FILE_BYTES:
            raise GuideFileError(
                f"{path}: {size} bytes, more than a guide pack's file may hold "
                f"({MAX_PACK_FILE_BYTES} bytes)"
            )
        return path.read_bytes()
    except OSError as error:
        raise GuideFileError(f"cannot read {path}: {error.strerror or error}") from error


def _decoded(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GuideFileError(
            f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from error


@dataclass(frozen=True)
class PackFiles:
    """A pack's files as read: the guide's text and data, the source text, their hash.

    ``data`` is the parsed YAML, or None when it is not YAML (``yaml_problem`` says why).
    """

    guide_text: str
    source_text: str | None
    content_hash: str
    data: Any = None
    yaml_problem: str | None = None


def read_pack_files(folder: Path) -> PackFiles:
    """A pack folder's files, the YAML parsed once; GuideFileError if they cannot be read."""
    guide_file = folder / PACK_FILE
    if not guide_file.is_file():
        raise GuideFileError(f"{folder}: no {PACK_FILE} in this folder (not a guide pack)")
    guide_bytes = _read_bounded(guide_file)
    guide_text = _decoded(guide_file, guide_bytes)
    files = [(PACK_FILE, guide_bytes)]
    data: Any = None
    yaml_problem = None
    try:
        data = load_yaml(guide_text, origin=str(guide_file))
    except GuideFileError as error:
        yaml_problem = str(error)
    source_name = _source_name(data)
    source_text = None
    if source_name is not None:
        source_file = folder / source_name
        if source_file.is_file():
            source_bytes = _read_bounded(source_file)
            source_text = _decoded(source_file, source_bytes)
            files.append((source_name, source_bytes))
    return PackFiles(guide_text, source_text, content_hash(files), data, yaml_problem)


def _source_name(data: Any) -> str | None:
    name = data.get("source_text") if isinstance(data, dict) else None
    if isinstance(name, str) and name and "/" not in name and "\\" not in name:
        return name
    return None


def load_pack(folder: Path, origin: PackOrigin = PackOrigin.USER) -> InstalledPack:
    """One pack folder, loaded; a pack that is wrong comes back with its problem."""
    try:
        files = read_pack_files(folder)
    except GuideFileError as error:
        return InstalledPack(folder, origin, folder.name, "", None, str(error))
    data = files.data
    stated_id = data.get("id") if isinstance(data, dict) else None
    pack_id = stated_id if isinstance(stated_id, str) else folder.name
    try:
        if files.yaml_problem is not None:
            raise GuideFileError(files.yaml_problem)
        book = _compiled(data, str(folder / PACK_FILE), files.content_hash)
    except GuideFileError as error:
        problem = _first_problem(folder) or str(error)
        return InstalledPack(folder, origin, pack_id, files.content_hash, None, problem)
    guide = book.guide
    if guide.source_text is not None and files.source_text is None:
        problem = (
            f"{folder}: guide.yaml names the source text {guide.source_text}, which is missing"
        )
        return InstalledPack(folder, origin, pack_id, files.content_hash, None, problem)
    return InstalledPack(folder, origin, guide.id, files.content_hash, book)


def _first_problem(folder: Path) -> str | None:
    """A broken pack's first problem as ``FILE:LINE:COLUMN: 原因 / reason`` (guide check's)."""
    return first_problem(folder)


_COMPILED: dict[str, RuleBook] = {}


def _compiled(data: Any, origin: str, digest: str) -> RuleBook:
    """The pack's rule book, compiled once per process for each content hash."""
    book = _COMPILED.get(digest)
    if book is None:
        book = compile_guide_data(data, origin=origin)
        book.content_hash = digest
        _COMPILED[digest] = book
    return book


def bundled_packs_folder() -> Path:
    """Where the packs that ship with the program are."""
    return data_folder("resources") / "guides"


def _pack_folders(parent: Path) -> list[Path]:
    try:
        return sorted(child for child in parent.iterdir() if (child / PACK_FILE).is_file())
    except OSError:
        return []


@dataclass(frozen=True)
class PackCatalogue:
    """Every pack found, in the order a user chooses from: newest published first."""

    packs: tuple[InstalledPack, ...]

    @property
    def usable(self) -> tuple[InstalledPack, ...]:
        """The packs that loaded."""
        return tuple(pack for pack in self.packs if pack.book is not None)

    @property
    def broken(self) -> tuple[InstalledPack, ...]:
        """The packs that did not load, each with its problem."""
        return tuple(pack for pack in self.packs if pack.book is None)

    def find(self, pack_id: str, digest: str | None = None) -> InstalledPack | None:
        """The pack with this id (and this content hash, when given)."""
        for pack in self.usable:
            if pack.pack_id == pack_id and (digest is None or pack.content_hash == digest):
                return pack
        return None

    def default(self) -> InstalledPack | None:
        """The pack a new draft starts with: the first usable one."""
        usable = self.usable
        return usable[0] if usable else None


_EDITION_RANK = {Edition.AMENDED: 0, Edition.PUBLISHED: 1, Edition.DRAFT: 2}
_ORIGIN_RANK = {PackOrigin.SHARED: 0, PackOrigin.USER: 1, PackOrigin.BUNDLED: 2}


def _order(pack: InstalledPack) -> tuple[Any, ...]:
    guide = pack.guide
    if guide is None:
        return (1, 0, 0, 0, pack.pack_id, str(pack.folder))
    issued = guide.issued or date.min
    return (
        0,
        _EDITION_RANK[guide.edition] > 1,  # published and amended before drafts
        -issued.toordinal(),
        _EDITION_RANK[guide.edition],
        _ORIGIN_RANK[pack.origin],
        pack.pack_id,
    )


def catalogue(
    *,
    user_folder: Path | None = None,
    shared_folders: Iterable[Path] = (),
    bundled_folder: Path | None = None,
) -> PackCatalogue:
    """Every pack in the bundled, user and shared folders.

    The same pack (id and content hash) found twice is listed once, where it
    was found first (bundled, then user, then shared folders).
    """
    places: list[tuple[Path, PackOrigin]] = [
        (bundled_folder or bundled_packs_folder(), PackOrigin.BUNDLED)
    ]
    if user_folder is not None:
        places.append((user_folder, PackOrigin.USER))
    places.extend((folder, PackOrigin.SHARED) for folder in shared_folders)
    found: list[InstalledPack] = []
    seen: set[tuple[str, str]] = set()
    for parent, origin in places:
        for folder in _pack_folders(parent):
            pack = load_pack(folder, origin)
            key = (pack.pack_id, pack.content_hash)
            if pack.book is not None and key in seen:
                continue
            seen.add(key)
            found.append(pack)
    return PackCatalogue(tuple(sorted(found, key=_order)))


@cache
def shipped_guide() -> RuleBook:
    """The guide pack that ships with the program (2023 batch 1), loaded once per process."""
    pack = load_pack(guide_path().parent)
    if pack.book is None:
        raise GuideFileError(pack.problem or f"{guide_path()}: cannot be loaded")
    return pack.book
