"""Unpacking a checked pack into a new or empty folder, all at once.

The target must not exist or be an empty folder: a pack never mixes its files
with others, nor overwrites any. The pack is checked first (``reading``);
then its files are streamed into a temporary folder beside the target, each
capped at the size the manifest records (never the header's) and hashed as it
is written; only when every file matches is the temporary folder renamed to
the target. Any refusal removes the temporary folder: the target and its
parent are as they were.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from applywizard.adapters.file_errors import os_reason
from applywizard.adapters.handover.directory import open_directory
from applywizard.adapters.handover.entries import entry_chunks
from applywizard.adapters.handover.manifest import LeftOutEntry, PackedEntry
from applywizard.adapters.handover.reading import (
    CheckedPack,
    check_pack,
    digest_mismatch,
)
from applywizard.adapters.handover.refusals import PackError, Refusal
from applywizard.adapters.handover.writing import fsync_folder
from applywizard.adapters.windows_files import operation_path
from applywizard.domain.draft.model import Draft


@dataclass(frozen=True)
class UnpackReport:
    """A pack unpacked: the folder, the draft in it, the files, and what the pack lacked."""

    folder: Path
    draft_path: Path
    draft: Draft
    files: tuple[PackedEntry, ...]
    left_out: tuple[LeftOutEntry, ...]
    program_version: str


def check_target(target: Path, pack: Path) -> None:
    """Refuse a target that is a file, a link, or a folder with anything in it."""
    final = operation_path(target)
    try:
        facts = final.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        zh, en = os_reason(error, final)
        raise PackError(pack, Refusal.WRITE_FAILED, zh, en) from error
    if not stat.S_ISDIR(facts.st_mode):
        raise PackError(
            pack,
            Refusal.TARGET_NOT_FOLDER,
            f"“{target}”已存在且不是文件夹；请选择新的或空的文件夹",
            f"“{target}” exists and is not a folder; choose a new or empty folder",
        )
    if any(final.iterdir()):
        raise PackError(
            pack,
            Refusal.TARGET_NOT_EMPTY,
            f"文件夹“{target}”不是空的；解包只写入新的或空的文件夹，不覆盖也不混入其他文件",
            f"the folder “{target}” is not empty; a pack is unpacked only into a new or empty "
            "folder, never over or among other files",
        )


def _extract_one(
    stream: IO[bytes], info: zipfile.ZipInfo, entry: PackedEntry, path: Path, pack: Path
) -> None:
    """Stream one entry into ``path``, capped at its recorded size, hashed as it goes."""
    digest = hashlib.sha256()
    with path.open("xb") as target:
        for chunk in entry_chunks(stream, info, entry.size_bytes, pack):
            digest.update(chunk)
            target.write(chunk)
        target.flush()
        os.fsync(target.fileno())
    if digest.hexdigest() != entry.sha256:
        raise digest_mismatch(pack, entry.name)


def _write_draft(path: Path, content: bytes) -> None:
    with path.open("xb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())


def _move_into_place(work: Path, final: Path) -> None:
    """Rename the finished folder to the target (an empty target is replaced)."""
    if os.name == "posix":
        work.replace(final)  # an empty folder is replaced in one step; one with files is not
        return
    existed = final.exists()
    if existed:
        final.rmdir()
    try:
        work.rename(final)
    except OSError:
        if existed:
            with contextlib.suppress(OSError):
                final.mkdir()
        raise


def _work_folder(final: Path) -> Path:
    """A new hidden folder beside ``final``, with the usual permissions (not mkdtemp's 0700)."""
    for _attempt in range(100):
        work = final.with_name(f".{final.name}.unpacking-{secrets.token_hex(4)}")
        try:
            work.mkdir()
        except FileExistsError:
            continue
        return work
    raise FileExistsError(errno.EEXIST, "no free name for a temporary folder", str(final.parent))


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its ancestors that do not exist, deepest first."""
    missing: list[Path] = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _extract(stream: IO[bytes], checked: CheckedPack, pack: Path, target: Path) -> Path:
    final = operation_path(target)
    made = _missing_folders(final.parent)
    work: Path | None = None
    done = False
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        work = _work_folder(final)
        for entry in checked.manifest.files:
            info = checked.entries[entry.name]
            _extract_one(stream, info, entry, work / entry.name, pack)
        _write_draft(work / checked.manifest.draft.name, checked.draft_bytes)
        _move_into_place(work, final)
        done = True
        with contextlib.suppress(OSError):  # in place already: a failed fsync is no refusal
            fsync_folder(final.parent)
    except OSError as error:
        zh, en = os_reason(error, final)
        raise PackError(
            pack, Refusal.WRITE_FAILED, f"无法解包：{zh}", f"cannot unpack: {en}"
        ) from error
    finally:
        if not done:
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
            for folder in made:  # the folders made for the target, if still empty
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return target / checked.manifest.draft.name


def unpack(pack: Path, target: Path) -> UnpackReport:
    """Check ``pack`` and unpack it into ``target`` (new or empty); PackError says why not."""
    check_target(target, pack)
    try:
        with operation_path(pack).open("rb") as stream:
            package = open_directory(stream, pack)
            with package:
                checked = check_pack(package, stream, pack)
                draft_path = _extract(stream, checked, pack, target)
    except OSError as error:
        zh, en = os_reason(error, pack)
        raise PackError(
            pack, Refusal.UNREADABLE, f"无法读取申报包：{zh}", f"cannot read the pack: {en}"
        ) from error
    manifest = checked.manifest
    return UnpackReport(
        folder=target,
        draft_path=draft_path,
        draft=checked.draft,
        files=tuple(manifest.files),
        left_out=tuple(manifest.left_out),
        program_version=manifest.program_version,
    )
