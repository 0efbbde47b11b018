"""The commands on draft files as files: handing them on (``pack``, ``unpack``), versions."""

from __future__ import annotations

from typing import Any

from applywizard.cli.handover_commands import HANDOVER_COMMANDS, add_handover_parsers
from applywizard.cli.version_commands import VERSION_COMMANDS, add_versions_parser

DRAFT_FILE_COMMANDS = {**HANDOVER_COMMANDS, **VERSION_COMMANDS}


def add_draft_file_parsers(commands: Any) -> None:
    """The ``pack``, ``unpack`` and ``versions`` commands."""
    add_handover_parsers(commands)
    add_versions_parser(commands)
