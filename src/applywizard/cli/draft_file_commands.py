"""The commands on draft files as files: handing them on (``pack``, ``unpack``), versions,
and the address book filled from them (``addressbook``)."""

from __future__ import annotations

from typing import Any

from applywizard.cli.addressbook_commands import ADDRESSBOOK_COMMANDS, add_addressbook_parser
from applywizard.cli.handover_commands import HANDOVER_COMMANDS, add_handover_parsers
from applywizard.cli.version_commands import VERSION_COMMANDS, add_versions_parser

DRAFT_FILE_COMMANDS = {**HANDOVER_COMMANDS, **VERSION_COMMANDS, **ADDRESSBOOK_COMMANDS}


def add_draft_file_parsers(commands: Any) -> None:
    """The ``pack``, ``unpack``, ``versions`` and ``addressbook`` commands."""
    add_handover_parsers(commands)
    add_versions_parser(commands)
    add_addressbook_parser(commands)
