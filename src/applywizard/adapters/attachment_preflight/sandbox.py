"""Running the inspection in a child process with a time and a memory bound.

The child is started with the ``spawn`` method on every system (no fork of a
process that runs Qt), so the frozen program calls
``multiprocessing.freeze_support()`` first (packaging/entry.py). The clock for
the inspection starts when the child says it is ready; a child still busy
when it runs out is killed, and so is one that never gets ready.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from typing import Any

from applywizard.adapters.attachment_preflight.child import child_main

INSPECT_SECONDS = 2.0
"""How long one file may take to inspect once the child is ready."""

START_SECONDS = 30.0
"""How long the child may take to start (a cold start of the frozen program on Windows)."""

MEMORY_BYTES = 200 * 1024 * 1024
"""The child's address space on Linux: 200 MB (its libraries take about 35 MB of it)."""


class ChildStartError(RuntimeError):
    """The child process could not be started: the file is not to blame, nothing is known."""


@dataclass(frozen=True)
class ChildAnswer:
    """What the child said (or what became of it), and how long the inspection took."""

    facts: dict[str, Any]
    seconds: float
    peak_rss_kb: int


def run_in_child(
    path: str,
    file_type: str,
    extension: str,
    *,
    seconds: float = INSPECT_SECONDS,
    memory_bytes: int = MEMORY_BYTES,
) -> ChildAnswer:
    """Inspect one file in a child process; a child out of time or memory is a hostile file."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=child_main,
        args=(sender, path, file_type, extension, memory_bytes),
        name="applywizard-preflight",
        daemon=True,
    )
    try:
        process.start()
    except OSError as error:
        raise ChildStartError(f"cannot start the pre-flight process: {error}") from error
    sender.close()
    try:
        if not _ready(receiver):
            raise ChildStartError("the pre-flight process did not start")
        started = time.perf_counter()
        answer = _answer(receiver, process, seconds)
        elapsed = time.perf_counter() - started
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()
    peak = int(answer.pop("peak_rss_kb", 0) or 0)
    return ChildAnswer(answer, elapsed, peak)


def _ready(receiver: Any) -> bool:
    try:
        if not receiver.poll(START_SECONDS):
            return False
        message, _ = receiver.recv()
    except (EOFError, OSError):
        return False
    return bool(message == "ready")


def _answer(receiver: Any, process: Any, seconds: float) -> dict[str, Any]:
    try:
        if not receiver.poll(seconds):
            process.kill()
            return {"failure": "hostile", "detail": f"still not read through after {seconds:g} s"}
        message, facts = receiver.recv()
    except (EOFError, OSError):
        process.join(1)
        return {
            "failure": "hostile",
            "detail": f"the check stopped abruptly (exit code {process.exitcode})",
        }
    if message != "facts" or not isinstance(facts, dict):
        return {"failure": "hostile", "detail": "the check gave no answer"}
    return facts
