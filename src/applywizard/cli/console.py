"""The program's standard output and error, made safe for any character it prints."""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Sequence
from typing import TextIO


def make_output_safe(streams: Sequence[TextIO | None] | None = None) -> None:
    """Let Chinese and symbols (✔ ✖) reach a redirected or narrow console.

    On Windows, output sent to a pipe or file is encoded with the ANSI code
    page (cp936 on a Chinese Windows, cp1252 on a Western one), which cannot
    encode every character the program prints: Python would raise
    UnicodeEncodeError in the middle of a report. Redirected output becomes
    UTF-8; a console whose encoding cannot show a character gets ``?``
    instead of an error. A real Windows console is left alone: Python writes
    to it in UTF-16 and every character shows.
    """
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        if not isinstance(stream, io.TextIOWrapper):
            continue  # no console (a double-clicked window), or a test's capture
        encoding = codecs.lookup(stream.encoding).name
        if encoding == "utf-8":
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors="replace")
