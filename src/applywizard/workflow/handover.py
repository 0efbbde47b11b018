"""Handing a draft on with its attached files, for the window and the command line (no Qt).

Where an attachment's file is looked for, in this order: beside the draft
(the folder it is saved in, by its bare name), in a folder the user names,
and where it was attached from (``Attachment.attached_from``). The first file
there whose SHA-256 is the one the draft records is packed; the others are
listed, by name, with why (``adapters.handover``). Unpacking goes into a new
or empty folder; ``unpack_target`` picks one inside a folder the user chose.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from applywizard.adapters.file_errors import DraftFileError, os_reason
from applywizard.adapters.handover.manifest import (
    FOUND_WORDS,
    LEFT_WORDS,
    PACK_SUFFIX,
    FoundIn,
    Left,
    LeftOutEntry,
)
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.adapters.handover.unpacking import UnpackReport, unpack
from applywizard.adapters.handover.writing import (
    Candidate,
    LeftOut,
    PackReport,
    Survey,
    Wanted,
    survey,
    write_pack,
)
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.codec import MAX_DRAFT_BYTES, DraftDecodeError, decode_draft
from applywizard.domain.draft.model import Attachment, Draft

__all__ = [
    "PACK_SUFFIX",
    "DraftOnDisk",
    "KindWords",
    "LeftOut",
    "LeftOutEntry",
    "PackError",
    "PackReport",
    "Survey",
    "UnpackReport",
    "found_words",
    "is_pack",
    "left_out_line",
    "pack_draft",
    "pack_name_for",
    "read_draft_file",
    "serious",
    "survey_draft",
    "unpack",
    "unpack_target",
]

KindWords = Callable[[str], tuple[str, str]]
"""An attachment kind's id in words, Chinese and English (the guide's ``AttachmentKind``)."""


def _plain_kind(kind: str) -> tuple[str, str]:
    return kind, kind


@dataclass(frozen=True)
class DraftOnDisk:
    """A draft file read for packing: the draft, its bytes as they are, and where it is."""

    path: Path
    draft: Draft
    raw: bytes


def read_draft_file(path: Path) -> DraftOnDisk:
    """The draft in ``path`` and its bytes, read strictly; DraftFileError says why not."""
    source = operation_path(path)
    try:
        with source.open("rb") as stream:
            raw = stream.read(MAX_DRAFT_BYTES + 1)
    except OSError as error:
        zh, en = os_reason(error, source)
        raise DraftFileError(path, f"无法读取：{zh}", f"cannot read: {en}") from error
    try:
        return DraftOnDisk(path, decode_draft(raw), raw)
    except DraftDecodeError as error:
        raise DraftFileError(path, error.zh, error.en) from error


def candidates_for(
    attachment: Attachment, draft_folder: Path, named_folder: Path | None
) -> tuple[Candidate, ...]:
    """Where to look for an attachment's file, in order (each place once)."""
    if not attachment.file_name:
        return ()
    places = [Candidate(FoundIn.BESIDE_DRAFT, draft_folder / attachment.file_name)]
    if named_folder is not None:
        places.append(Candidate(FoundIn.NAMED_FOLDER, named_folder / attachment.file_name))
    if attachment.attached_from and Path(attachment.attached_from).is_absolute():
        places.append(Candidate(FoundIn.ATTACHED_FROM, Path(attachment.attached_from)))
    unique: dict[Path, Candidate] = {}
    for place in places:
        unique.setdefault(place.path, place)
    return tuple(unique.values())


def survey_draft(on_disk: DraftOnDisk, named_folder: Path | None = None) -> Survey:
    """Which of the draft's attached files are found, and which not (nothing is written)."""
    folder = Path(os.path.abspath(on_disk.path)).parent  # noqa: PTH100 - no file access
    wanted = [
        Wanted(
            kind=item.kind,
            name=item.file_name,
            sha256=item.sha256,
            size_bytes=item.size_bytes,
            candidates=candidates_for(item, folder, named_folder),
        )
        for item in on_disk.draft.attachments
    ]
    return survey(wanted, draft_name=on_disk.path.name)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return operation_path(one).resolve() == operation_path(other).resolve()
    except OSError:
        return False


def pack_draft(
    on_disk: DraftOnDisk,
    target: Path,
    *,
    found: Survey | None = None,
    named_folder: Path | None = None,
) -> PackReport:
    """Write the pack of a draft file to ``target``; PackError says why when it cannot.

    ``found`` is a survey made already (the window asks about a folder
    between looking and packing); without it the files are looked for here.
    """
    found = found if found is not None else survey_draft(on_disk, named_folder)
    sources = [on_disk.path, *(item.source for item in found.found)]
    if any(_same_file(target, source) for source in sources):
        raise PackError(
            target,
            Refusal.WOULD_REPLACE_SOURCE,
            "申报包不能写在草稿或其附件的位置上；请另选文件名",
            "the pack cannot be written over the draft or one of its files; choose another name",
        )
    return write_pack(target, draft_name=on_disk.path.name, draft=on_disk.raw, survey=found)


def serious(left_out: tuple[LeftOut, ...] | tuple[LeftOutEntry, ...]) -> int:
    """How many attachments name a file that is not in the pack (a row with no file is not one)."""
    return sum(
        1
        for item in left_out
        if (item.entry.reason if isinstance(item, LeftOut) else item.reason) is not Left.NO_FILE
    )


def left_out_line(
    item: LeftOut | LeftOutEntry, kind_words: KindWords = _plain_kind
) -> tuple[str, str]:
    """One attachment left out of a pack, by name, with why (and where looked), zh and en."""
    entry = item.entry if isinstance(item, LeftOut) else item
    kind_zh, kind_en = kind_words(entry.kind) if entry.kind else ("附件", "attachment")
    zh, en = LEFT_WORDS[entry.reason]
    if entry.name:
        zh, en = f"“{entry.name}”（{kind_zh}）：{zh}", f"“{entry.name}” ({kind_en}): {en}"
    else:
        zh, en = f"{kind_zh}：{zh}", f"{kind_en}: {en}"
    if isinstance(item, LeftOut):
        if item.detail is not None:
            zh, en = f"{zh}（{item.detail[0]}）", f"{en} ({item.detail[1]})"
        if item.places:
            where = "；".join(item.places)
            if entry.reason is Left.CHANGED:
                zh, en = f"{zh}；找到的文件：{where}", f"{en}; found: {where}"
            else:
                zh, en = f"{zh}；已查找：{where}", f"{en}; looked at: {where}"
    return zh, en


def found_words(where: FoundIn) -> tuple[str, str]:
    """Where a packed file was found, zh and en."""
    return FOUND_WORDS[where]


def is_pack(path: Path) -> bool:
    """Whether ``path`` names a pack (by its ending, as the Open dialog lists them)."""
    return path.suffix.lower() == PACK_SUFFIX


def pack_name_for(draft_path: Path | None) -> str:
    """The pack's file name suggested for a draft: its own name, ending ``.awpack``."""
    stem = draft_path.stem if draft_path is not None else "application"
    return f"{stem}{PACK_SUFFIX}"


def _is_empty_folder(folder: Path) -> bool:
    target = operation_path(folder)
    try:
        return target.is_dir() and not target.is_symlink() and not any(target.iterdir())
    except OSError:
        return False


def unpack_target(chosen: Path, pack: Path) -> Path:
    """Where to unpack ``pack`` when the user chose the folder ``chosen``.

    An empty folder is used as it is; in any other, a new folder named after
    the pack (``NAME``, else ``NAME (2)``, ``NAME (3)``…), never one that exists.
    """
    if _is_empty_folder(chosen):
        return chosen
    stem = pack.stem or "application"
    number = 1
    while True:
        candidate = chosen / (stem if number == 1 else f"{stem} ({number})")
        if not operation_path(candidate).exists() and not candidate.is_symlink():
            return candidate
        number += 1
