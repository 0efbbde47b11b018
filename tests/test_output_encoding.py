"""Output that Windows would encode with its ANSI code page still shows every character.

On Windows a redirected ``applywizard check x.json > report.txt`` (or the
self-test read through a pipe) gets cp936 or cp1252, which cannot encode ✔ or,
for cp1252, any Chinese: Python stops with UnicodeEncodeError half-way. Seen
in the Windows build under Wine before ``make_output_safe`` existed.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

from applywizard.cli.console import make_output_safe

TEXT = "ok    申报书 ✔ 1.1（欧盟）\n"


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def test_redirected_output_in_an_ansi_code_page_becomes_utf8() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    make_output_safe([stream])
    stream.write(TEXT)
    stream.flush()
    assert raw.getvalue().decode("utf-8") == TEXT


def test_a_narrow_console_gets_question_marks_not_an_error() -> None:
    raw = _Terminal()
    stream = io.TextIOWrapper(raw, encoding="cp936")
    make_output_safe([stream])
    stream.write(TEXT)
    stream.flush()
    # GBK has the Chinese and the full-width brackets, not the tick.
    assert raw.getvalue().decode("cp936") == TEXT.replace("✔", "?")


def test_utf8_output_is_left_alone() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
    make_output_safe([stream, None])
    assert stream.errors == "strict"


def test_the_self_test_reports_through_a_cp1252_pipe() -> None:
    # What the Windows build did under Wine: the first Chinese line stopped it.
    result = subprocess.run(
        [sys.executable, "-c", "from applywizard.launcher import run; run()", "--self-test"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
        timeout=300,
    )
    output = result.stdout.decode("utf-8")
    assert result.returncode == 0, output + result.stderr.decode("utf-8", "replace")
    assert "self-test passed" in output
    assert "中文" in output or "政府间" in output or "指南" in output
