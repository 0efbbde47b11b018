"""``guide new``: a new guide pack started from an existing one, written whole or not at all.

The copy keeps every file of the pack (its source text too) and the YAML's
comments and layout: only the values of ``id``, ``edition`` and, when asked,
``title`` / ``title_en`` are replaced in the text, at the positions the YAML
parser gives. The copy is written into a temporary folder beside the target,
checked, and renamed into place; a failure leaves nothing behind.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from applywizard.adapters.guide_check import PackProblem, PackUnreadable, check_pack
from applywizard.adapters.guide_files import PACK_FILE
from applywizard.domain.guide.edition import Edition

PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class PackCopyError(ValueError):
    """The new pack cannot be made, and why (Chinese and English)."""

    def __init__(self, zh: str, en: str, problems: tuple[PackProblem, ...] = ()) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.problems = problems


@dataclass(frozen=True)
class NewPack:
    """The pack ``guide new`` wrote."""

    folder: Path
    pack_id: str
    edition: Edition
    based_on: str


def _top_level_values(text: str) -> dict[str, yaml.ScalarNode]:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise PackCopyError("guide.yaml 不是映射", "guide.yaml is not a mapping")
    return {
        key.value: value
        for key, value in root.value
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
    }


def _with_values(text: str, values: dict[str, str]) -> str:
    """``text`` with the top-level scalars named in ``values`` replaced (as YAML strings)."""
    nodes = _top_level_values(text)
    missing = sorted(set(values) - set(nodes))
    if missing:
        names = ", ".join(missing)
        raise PackCopyError(f"guide.yaml 缺少 {names}", f"guide.yaml has no {names}")
    edits = sorted(
        (
            (nodes[key].start_mark.index, nodes[key].end_mark.index, value)
            for key, value in values.items()
        ),
        reverse=True,
    )
    for start, end, value in edits:
        shown = value if PACK_ID.match(value) else json.dumps(value, ensure_ascii=False)
        text = text[:start] + shown + text[end:]
    return text


def _copy_files(source: Path, target: Path) -> None:
    """The pack's files (contents only: a bundled pack's read-only mode is not copied)."""
    for path in sorted(source.rglob("*")):
        if "__pycache__" in path.parts or path.is_symlink():
            continue
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def _check_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PackCopyError(
            f"{target} 已存在且不是空文件夹，未覆盖",
            f"{target} exists and is not an empty folder; nothing was written",
        )


def new_pack(
    source: Path,
    target: Path,
    *,
    new_id: str,
    taken_ids: Iterable[str],
    edition: Edition = Edition.AMENDED,
    title: str | None = None,
    title_en: str | None = None,
) -> NewPack:
    """Copy the pack in ``source`` to ``target`` with a new id; PackCopyError if it cannot be."""
    if not PACK_ID.match(new_id):
        raise PackCopyError(
            f"编号“{new_id}”不可用：只能含小写字母、数字和连字符",
            f"the id “{new_id}” cannot be used: lowercase letters, digits and hyphens only",
        )
    if new_id in set(taken_ids):
        raise PackCopyError(
            f"已有编号为“{new_id}”的指南包；请用 --id 另取一个",
            f"a guide pack with the id “{new_id}” is installed; choose another with --id",
        )
    _check_target(target)
    try:
        guide_text = (source / PACK_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PackCopyError(
            f"无法读取 {source}：{error}", f"cannot read {source}: {error}"
        ) from error
    values = {"id": new_id, "edition": edition.value}
    if title is not None:
        values["title"] = title
    if title_en is not None:
        values["title_en"] = title_en
    new_text = _with_values(guide_text, values)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        reason = error.strerror or str(error)
        raise PackCopyError(
            f"无法写入 {target}：{reason}", f"cannot write {target}: {reason}"
        ) from error
    try:
        _copy_files(source, staging)
        (staging / PACK_FILE).write_text(new_text, encoding="utf-8")
        try:
            report = check_pack(staging)
        except PackUnreadable as error:
            raise PackCopyError(error.zh, error.en) from error
        if report.errors:
            raise PackCopyError(
                "新指南包未通过检查，未写入",
                "the new pack does not pass the check; nothing was written",
                report.errors,
            )
        _check_target(target)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror or str(error)
        raise PackCopyError(
            f"无法写入 {target}：{reason}", f"cannot write {target}: {reason}"
        ) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    based_on = _top_level_values(guide_text)["id"].value
    return NewPack(target, new_id, edition, based_on)
