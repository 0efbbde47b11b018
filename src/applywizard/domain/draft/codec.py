"""Drafts to and from JSON bytes, parsed strictly because drafts are shared.

Decoding refuses, with a message a lab secretary can act on: files too large,
text that is not UTF-8 (UTF-16 from a Windows editor, say), broken or
truncated JSON, duplicate keys, NaN and Infinity, a draft from a newer
ApplyWizard, and anything the draft model refuses. Encoding is canonical
(sorted keys, UTF-8, a final newline), so one draft always gives one file.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from typing import Any, NoReturn

from pydantic import ValidationError

from applywizard.domain.draft.migrations import MigrationGapError, migrate
from applywizard.domain.draft.model import SCHEMA_VERSION, Draft

MAX_DRAFT_BYTES = 8 * 1024 * 1024
"""A draft with every form part full is about 2 MB; anything larger is not a draft."""

_MAX_REPORTED_ERRORS = 5


@dataclass(frozen=True)
class DraftDecodeError(ValueError):
    """Why bytes are not a draft, in Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


def _fail(zh: str, en: str) -> NoReturn:
    raise DraftDecodeError(zh=zh, en=en)


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            _fail(f"JSON 中键“{key}”出现了两次", f'the key "{key}" appears twice in the JSON')
        result[key] = value
    return result


def _refuse_constant(name: str) -> NoReturn:
    _fail(f"JSON 中出现了非数字值 {name}", f"the JSON holds the non-number {name}")


def _text_of(raw: bytes) -> str:
    if len(raw) > MAX_DRAFT_BYTES:
        _fail(
            f"文件过大（{len(raw) / 1048576:.1f} MB），草稿最大 {MAX_DRAFT_BYTES // 1048576} MB",
            f"the file is too large ({len(raw) / 1048576:.1f} MB); "
            f"a draft is at most {MAX_DRAFT_BYTES // 1048576} MB",
        )
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        _fail("文件是 UTF-32 编码，草稿须为 UTF-8", "the file is UTF-32; a draft is UTF-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in raw[:64]:
        _fail(
            "文件是 UTF-16 编码（常见于 Windows 记事本另存），草稿须为 UTF-8",
            "the file is UTF-16 (as some Windows editors save); a draft is UTF-8",
        )
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        _fail(
            f"文件不是有效的 UTF-8 文本（第 {error.start} 字节）",
            f"the file is not valid UTF-8 text (byte {error.start})",
        )


def _object_of(text: str) -> dict[str, Any]:
    if not text.strip():
        _fail("文件是空的", "the file is empty")
    try:
        data = json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as error:
        _fail(
            f"不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列：{error.msg}），"
            "文件可能不完整或已损坏",
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "the file may be truncated or damaged",
        )
    except RecursionError:
        _fail("JSON 嵌套过深", "the JSON is nested too deeply")
    if not isinstance(data, dict) or "schema_version" not in data:
        _fail(
            "不是 ApplyWizard 草稿（缺少 schema_version）",
            "not an ApplyWizard draft (no schema_version)",
        )
    return data


def _surrogate_path(value: Any, path: str = "") -> str | None:
    """The path of the first string holding a lone surrogate (JSON allows "\\ud800")."""
    if isinstance(value, str):
        return path if any("\ud800" <= char <= "\udfff" for char in value) else None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = _surrogate_path(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def _version_of(data: dict[str, Any]) -> int:
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        _fail(f"schema_version 无效：{version!r}", f"invalid schema_version: {version!r}")
    if version > SCHEMA_VERSION:
        _fail(
            f"此草稿由较新版本的 ApplyWizard 保存（格式版本 {version}，本程序支持到 "
            f"{SCHEMA_VERSION}），请升级程序后再打开",
            f"this draft was saved by a newer ApplyWizard (schema {version}; this program "
            f"reads up to {SCHEMA_VERSION}); update the program to open it",
        )
    return version


def describe_validation_error(error: ValidationError) -> tuple[str, str]:
    """A validation error as one line per problem (the first few), zh and en."""
    lines = []
    for item in error.errors()[:_MAX_REPORTED_ERRORS]:
        path = ".".join(str(part) for part in item["loc"]) or "(draft)"
        lines.append(f"{path}: {item['msg']}")
    more = error.error_count() - len(lines)
    detail = "; ".join(lines)
    return (
        f"草稿内容不合规：{detail}" + (f"（另有 {more} 处）" if more > 0 else ""),
        f"the draft's content is invalid: {detail}" + (f" (and {more} more)" if more > 0 else ""),
    )


def decode_draft(raw: bytes) -> Draft:
    """Parse a draft file's bytes, migrating older schema versions."""
    data = _object_of(_text_of(raw))
    bad_text = _surrogate_path(data)
    if bad_text is not None:
        _fail(
            f"{bad_text}：含有无效的 Unicode 字符（孤立的代理码位），请删除后重试",
            f"{bad_text}: holds an invalid Unicode character (a lone surrogate); remove it",
        )
    version = _version_of(data)
    if version < SCHEMA_VERSION:
        try:
            data = migrate(data, from_version=version, to_version=SCHEMA_VERSION)
        except MigrationGapError as error:
            _fail(f"无法升级旧版草稿：{error}", f"cannot upgrade this old draft: {error}")
    try:
        return Draft.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as error:
        zh, en = describe_validation_error(error)
        _fail(zh, en)


def encode_draft(draft: Draft) -> bytes:
    """The canonical UTF-8 JSON of a draft, Chinese kept readable.

    Line ends are LF on every system: multi-line text is stored with ``\\n``
    (the model turns a pasted CR LF into LF), and any CR in a value is written
    as the escape ``\\r``, so the bytes never hold 0x0D.
    """
    data = draft.model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
