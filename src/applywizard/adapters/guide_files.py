"""Loading a guide data file into checked, frozen models and a compiled rule book."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from applywizard.domain.guide.model import Guide
from applywizard.domain.rules.engine import GuideRuleError, RuleBook
from applywizard.resources import guide_path

PACK_FILE = "guide.yaml"
"""The file of a guide pack's folder that holds the guide as data."""
MAX_PACK_FILE_BYTES = 8 * 1024 * 1024
"""A guide file or source text larger than this is refused unread (a guide is ~100 KB)."""


class GuideFileError(ValueError):
    """A guide data file that cannot be used, and why."""


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 5x faster


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe YAML loader that refuses duplicate keys instead of keeping the last."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise GuideFileError(f"line {key_node.start_mark.line + 1}: the key {key!r} repeats")
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node)
    return mapping


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def load_yaml(text: str, *, origin: str) -> Any:
    """Safe YAML with duplicate keys refused; GuideFileError names the file."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise GuideFileError(f"{origin}: not valid YAML: {error}") from error
    except GuideFileError as error:
        raise GuideFileError(f"{origin}: {error}") from error


def parse_guide(text: str, *, origin: str = "<guide>") -> RuleBook:
    """A guide's YAML text as a compiled rule book; GuideFileError if it is wrong."""
    return compile_guide_data(load_yaml(text, origin=origin), origin=origin)


def compile_guide_data(data: Any, *, origin: str = "<guide>") -> RuleBook:
    """A guide's parsed YAML as a compiled rule book; GuideFileError if it is wrong."""
    try:
        guide = Guide.model_validate(data)
        return RuleBook.compile(guide)
    except (ValidationError, GuideRuleError) as error:
        raise GuideFileError(f"{origin}: {error}") from error


def load_guide(path: Path | None = None) -> RuleBook:
    """Load and compile a guide file (the shipped guide by default)."""
    path = path or guide_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GuideFileError(f"cannot read the guide file {path}: {error}") from error
    return parse_guide(text, origin=str(path))
