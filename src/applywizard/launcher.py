"""``applywizard``: with no arguments the wizard window, otherwise the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window when no command is given; run the command line otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        from applywizard.ui.app import run_wizard  # noqa: PLC0415 - Qt loads only for the window

        return run_wizard()
    from applywizard.cli.main import main as cli_main  # noqa: PLC0415 - as above, the other way

    return cli_main(args)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
