"""``applywizard``: with no arguments the wizard window, otherwise the command line.

Two options are handled here because they need both sides: ``--self-test``
(the checks without Qt, then the window's, offscreen; exit 1 on any failure)
and the developer option ``--screenshot PATH`` (the window grabbed to a PNG).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path


def self_test() -> int:
    """Check this installation end to end; 0 if all is well."""
    from applywizard.cli.steps import Report  # noqa: PLC0415 - loads on demand

    report = Report()
    try:
        from applywizard.cli.self_test import run_core  # noqa: PLC0415 - documents' libraries
    except ImportError as error:  # a library is missing from this installation
        report.step("libraries", partial(_raise, error))
    else:
        run_core(report)
    try:
        from applywizard.ui.self_test import run_window_checks  # noqa: PLC0415 - Qt on demand
    except ImportError as error:  # Qt's libraries are missing on this machine
        report.step("Qt", partial(_raise, error))
    else:
        run_window_checks(report.step)
    return report.finish()


def _raise(error: Exception) -> str:
    raise error


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window when no command is given; run the command line otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        from applywizard.ui.app import run_wizard  # noqa: PLC0415 - Qt loads only for the window

        return run_wizard()
    if args == ["--version"]:  # answered before the command line and its libraries load
        from applywizard import __version__  # noqa: PLC0415 - nothing else is needed

        print(f"applywizard {__version__}")
        return 0
    if args == ["--self-test"]:
        return self_test()
    if len(args) in (2, 3) and args[0] == "--screenshot":
        from applywizard.ui.self_test import screenshot  # noqa: PLC0415 - as above

        return screenshot(Path(args[1]), *args[2:])
    from applywizard.cli.main import main as cli_main  # noqa: PLC0415 - as above, the other way

    return cli_main(args)


def run() -> None:
    """Console-script entry point."""
    from applywizard.cli.console import make_output_safe  # noqa: PLC0415 - light, no libraries

    make_output_safe()
    sys.exit(main())
