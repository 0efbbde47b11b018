"""``guide check``: a guide pack's every problem, each at its file, line and column.

The pack's ``guide.yaml`` is composed with PyYAML's safe loader, which keeps
each node's position; ``domain.pack_checks`` reports problems at paths
in the data, and this module turns each path into the line and column of the
offending node. YAML that does not parse, a key that repeats and a tag that
would build a Python object are found here, before the data exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from applywizard.adapters.guide_files import MAX_PACK_FILE_BYTES, PACK_FILE
from applywizard.domain.guide.plain_errors import Path as DataPath
from applywizard.domain.pack_checks.check import check_guide_data
from applywizard.domain.pack_checks.data import ERROR, WARNING, DataProblem

AUTHORING_ONLY = frozenset(
    {
        "clause-numbering",
        "clause-not-in-source",
        "figures-count",
        "budget-total",
        "projects-total",
        "not-iso-country",
    }
)
"""Problems ``guide check`` reports but that do not keep a pack from loading."""

YAML_PROBLEMS = frozenset({"duplicate-key", "yaml-tag", "empty", "not-a-mapping"})
"""Problems of the YAML itself, which the loader meets before the guide's data."""


@dataclass(frozen=True)
class PackProblem:
    """One problem of a pack, where it is and why, in Chinese and English."""

    file: str
    line: int
    column: int
    code: str
    message: str
    message_en: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        """Errors make ``guide check`` fail; warnings are printed only."""
        return self.severity == ERROR

    def as_json(self) -> dict[str, Any]:
        """The problem as ``guide check --json`` prints it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "message_en": self.message_en,
        }

    def line_text(self, *, english: bool) -> str:
        """``FILE:LINE:COLUMN: reason`` (warnings say so)."""
        if english:
            label = "warning: " if self.severity == WARNING else ""
            return f"{self.file}:{self.line}:{self.column}: {label}{self.message_en}"
        label = "警告：" if self.severity == WARNING else ""
        return f"{self.file}:{self.line}:{self.column}: {label}{self.message}"


@dataclass(frozen=True)
class PackReport:
    """What ``guide check`` found in one pack."""

    guide_file: Path
    pack_id: str | None
    problems: tuple[PackProblem, ...]

    @property
    def errors(self) -> tuple[PackProblem, ...]:
        """The problems that make the pack wrong."""
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[PackProblem, ...]:
        """The remarks that do not."""
        return tuple(problem for problem in self.problems if not problem.is_error)


class PackUnreadable(ValueError):  # noqa: N818 - it reads as what happened
    """The pack cannot be read at all (no folder, not UTF-8, not YAML)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


def guide_file_of(pack: Path) -> Path:
    """A pack's ``guide.yaml``, from the folder or the file itself."""
    return pack if pack.name == PACK_FILE or pack.suffix in {".yaml", ".yml"} else pack / PACK_FILE


def _read_text(path: Path, what: tuple[str, str]) -> str:
    try:
        if not path.is_file():
            raise PackUnreadable(f"没有{what[0]} {path}", f"no {what[1]} {path}")
        size = path.stat().st_size
        if size > MAX_PACK_FILE_BYTES:
            raise PackUnreadable(
                f"{path}：{size} 字节，超过指南包文件的上限（{MAX_PACK_FILE_BYTES} 字节）",
                f"{path}: {size} bytes, more than a pack's file may hold ({MAX_PACK_FILE_BYTES})",
            )
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise PackUnreadable(
            f"无法读取 {path}：{reason}", f"cannot read {path}: {reason}"
        ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackUnreadable(
            f"{path}：不是 UTF-8 文本（第 {error.start} 字节）；请另存为 UTF-8",
            f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8",
        ) from error


class _Nodes:
    """The composed YAML document: the node (and its position) at a path of the data."""

    def __init__(self, root: yaml.Node, file: str) -> None:
        self.root = root
        self.file = file

    def node_at(self, path: DataPath, *, key: bool = False) -> yaml.Node:
        """The deepest node along ``path`` (the key's node for ``key``)."""
        node = self.root
        for depth, part in enumerate(path):
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                        last = depth == len(path) - 1
                        child = key_node if key and last else value_node
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                child = node.value[part] if 0 <= part < len(node.value) else None
            if child is None:
                break
            node = child
        return node

    def problem(self, item: DataProblem) -> PackProblem:
        mark = self.node_at(item.path, key=item.at_key).start_mark
        return PackProblem(
            self.file, mark.line + 1, mark.column + 1, item.code, item.zh, item.en, item.severity
        )


def _mark_problem(file: str, mark: Any, code: str, zh: str, en: str) -> PackProblem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return PackProblem(file, line, column, code, zh, en)


def _duplicate_keys(node: yaml.Node, file: str) -> list[PackProblem]:
    """Every key that repeats in a mapping (YAML would keep the last silently)."""
    found: list[PackProblem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    name = key_node.value
                    if name in seen:
                        found.append(
                            _mark_problem(
                                file,
                                key_node.start_mark,
                                "duplicate-key",
                                f"键“{name}”重复（第一次在第 {seen[name]} 行）；每个键只能写一次",
                                f"the key “{name}” repeats (first on line {seen[name]}); "
                                "write each key once",
                            )
                        )
                    else:
                        seen[name] = key_node.start_mark.line + 1
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found, key=lambda problem: (problem.line, problem.column))


def _yaml_error(file: str, error: yaml.YAMLError) -> PackUnreadable:
    mark = getattr(error, "problem_mark", None)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark is not None else file
    reason = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    detail = f"{reason} ({context})" if context else reason
    return PackUnreadable(
        f"{where}: 不是有效的 YAML：{detail}", f"{where}: not valid YAML: {detail}"
    )


def _compose(text: str, file: str) -> tuple[yaml.Node | None, Any, list[PackProblem]]:
    """The document's nodes and data, and the problems found on the way.

    PackUnreadable if it is not YAML. A tag that would build a Python object
    (``!!python/object``) is a problem and leaves no data: a pack is data only.
    """
    loader = yaml.SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as error:
            raise _yaml_error(file, error) from error
        if root is None:
            return None, None, []
        problems = _duplicate_keys(root, file)
        try:
            data = loader.construct_document(root)
        except yaml.constructor.ConstructorError as error:
            mark = error.problem_mark
            problems.append(
                _mark_problem(
                    file,
                    mark,
                    "yaml-tag",
                    f"不允许的 YAML 内容：{error.problem}；"
                    "指南包只能是数据（不能用 !!python 等标签）",
                    f"not valid YAML for a guide pack: {error.problem}; a pack is data only "
                    "(no !!python or other tags)",
                )
            )
            return root, None, problems
        return root, data, problems
    finally:
        loader.dispose()


@cache
def _iso_codes() -> frozenset[str]:
    import pycountry  # noqa: PLC0415 - 60 ms to import: only guide check needs it

    return frozenset(country.alpha_2 for country in pycountry.countries)


def is_iso_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (pycountry's database)."""
    return code in _iso_codes()


def check_pack(pack: Path) -> PackReport:
    """Every problem of the pack at ``pack`` (its folder or its guide.yaml).

    PackUnreadable when there is no such pack, or it is not UTF-8 or not YAML.
    """
    guide_file = guide_file_of(pack)
    if pack != guide_file and not pack.is_dir():
        raise PackUnreadable(f"没有文件夹 {pack}", f"no such folder: {pack}")
    file = str(guide_file)
    text = _read_text(guide_file, ("指南包文件", "guide pack file"))
    root, data, problems = _compose(text, file)
    if root is None or data is None:
        if root is None:
            problems.append(
                _mark_problem(
                    file,
                    None,
                    "empty",
                    "文件为空：指南需要 format、id、title、directions 等",
                    "the file is empty: a Guide needs format, id, title, directions, …",
                )
            )
        return PackReport(guide_file, None, tuple(problems))
    nodes = _Nodes(root, file)
    if not isinstance(data, dict):
        problems.append(
            nodes.problem(
                DataProblem(
                    (),
                    "not-a-mapping",
                    "guide.yaml 应为“键: 值”的映射（format、id、title、directions …）",
                    "guide.yaml should be a mapping of keys "
                    "(a Guide: format, id, title, directions, …)",
                )
            )
        )
        return PackReport(guide_file, None, tuple(problems))
    source_name = data.get("source_text")
    source_text = None
    if (
        isinstance(source_name, str)
        and source_name
        and "/" not in source_name
        and "\\" not in source_name
    ):
        source_file = guide_file.parent / source_name
        if source_file.is_file():
            source_text = _read_text(source_file, ("原文文件", "source text file"))
        else:
            problems.append(
                nodes.problem(
                    DataProblem(
                        ("source_text",),
                        "source-text-missing",
                        f"source_text 指向的原文文件 {source_name} 不在指南包文件夹中",
                        f"the source text {source_name} named by source_text "
                        "is not in the pack's folder",
                    )
                )
            )
    found = check_guide_data(
        data,
        source_text=source_text,
        source_name=str(source_name),
        is_iso_country=is_iso_country,
    )
    problems.extend(nodes.problem(item) for item in found)
    unique = dict.fromkeys(problems)
    ordered = sorted(unique, key=lambda problem: (problem.line, problem.column))
    pack_id = data.get("id") if isinstance(data.get("id"), str) else None
    return PackReport(guide_file, pack_id, tuple(ordered))


def first_problem(pack: Path) -> str | None:
    """The first problem that keeps a pack from loading, as ``FILE:LINE:COLUMN: 原因 / reason``."""
    try:
        report = check_pack(pack)
    except PackUnreadable as error:
        return str(error)
    blocking = [problem for problem in report.errors if problem.code not in AUTHORING_ONLY]
    blocking.sort(key=lambda problem: problem.code not in YAML_PROBLEMS)  # the YAML's first
    if not blocking:
        return None
    first = blocking[0]
    return f"{first.line_text(english=False)} / {first.message_en}"
