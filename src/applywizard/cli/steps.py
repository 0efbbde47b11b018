"""The self-test's steps: each prints one line, ``ok`` or ``FAIL`` and why.

Standard library only, so that a missing library is itself reported as a
failed step rather than a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


class SelfTestError(Exception):
    """A check that found something wrong; the message says what."""


def expect(condition: bool, message: str) -> None:  # noqa: FBT001 - reads like assert
    """Raise SelfTestError with ``message`` unless ``condition`` holds."""
    if not condition:
        raise SelfTestError(message)


@dataclass
class Report:
    """Runs steps, prints one line for each, remembers the failures."""

    stream: TextIO = field(default_factory=lambda: sys.stdout)
    title: str = "self-test"
    failures: list[str] = field(default_factory=list)
    passed: int = 0

    def step(self, name: str, action: Callable[[], str]) -> bool:
        """Run ``action``; print ``ok`` and what it returned, or ``FAIL`` and why."""
        try:
            detail = action()
        except Exception as error:  # noqa: BLE001 - every failure becomes one clear line
            reason = str(error) if isinstance(error, SelfTestError) else _describe(error)
            self.failures.append(name)
            self._print(f"FAIL  {name}: {reason}")
            return False
        self.passed += 1
        self._print(f"ok    {name}: {detail}")
        return True

    def finish(self) -> int:
        """Print the summary line; 0 if every step passed, 1 otherwise."""
        if self.failures:
            self._print(
                f"{self.title} FAILED: {len(self.failures)} failed, {self.passed} passed "
                f"({', '.join(self.failures)})"
            )
            return 1
        self._print(f"{self.title} passed: {self.passed} passed, 0 failed")
        return 0

    def _print(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()


def _describe(error: BaseException) -> str:
    text = str(error) or "(no message)"
    return f"{type(error).__name__}: {text}"
