"""The one timer the bench scripts share, and the environment their child processes get."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` in seconds over ``repeat`` runs, after a warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def user_environment() -> dict[str, str]:
    """The environment a fresh program starts with on a user's machine, offscreen.

    Python's bytecode cache is allowed (a sandbox may forbid it with
    PYTHONDONTWRITEBYTECODE, which a user never sets): without it every start
    compiles every module again, which is not what a PI sees from the second
    start on, and which a frozen bundle never does.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
