"""The frozen program's entry point (PyInstaller runs this file)."""

import multiprocessing

# The attachment pre-flight inspects files in a child process started with
# "spawn": in the frozen program that child is this same executable, and
# freeze_support() turns it into the child before anything else runs.
multiprocessing.freeze_support()

from applywizard.launcher import run  # noqa: E402 - after freeze_support, as it must be

run()
