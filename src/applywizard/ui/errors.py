"""Errors inside the program: logged to the user's log folder and shown, never swallowed.

An exception in a Qt slot does not stop the event loop, so a program could
"succeed" having done nothing. The hook installed here writes the traceback
to ``applywizard.log`` and shows a dialog naming that file.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import QtWidgets

from applywizard.ui.text import _

LOG = logging.getLogger("applywizard")
_log_files: list[Path] = []
"""The log file set up, once ``setup_logging`` has run (after the first paint)."""


def setup_logging(folder: Path) -> Path:
    """Log to ``folder/applywizard.log`` (rotated at 1 MB, three kept)."""
    from logging.handlers import RotatingFileHandler  # noqa: PLC0415 - after the first paint

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "applywizard.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    _log_files[:] = [path]
    return path


def install_exception_hook(log_path: Path | None = None) -> None:
    """Show and log any exception that reaches the event loop.

    Installed before the window shows; the log file it names is ``log_path``,
    or the one ``setup_logging`` set up by the time of the error (before
    that, the traceback goes to the standard error stream).
    """

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, trace))
        LOG.error("unexpected error:\n%s", text)
        if QtWidgets.QApplication.instance() is not None:
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Critical,
                _("ApplyWizard"),
                _(
                    "Something went wrong inside ApplyWizard. Your draft is kept; "
                    "save it, and send the log file to support."
                ),
            )
            where = log_path or (_log_files[0] if _log_files else "stderr")
            box.setInformativeText(f"{error}\n\n{_('Log file')}: {where}")
            box.setDetailedText(text)
            box.exec()

    sys.excepthook = hook
