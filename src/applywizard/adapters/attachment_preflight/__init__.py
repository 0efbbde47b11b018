"""Attachment pre-flight: look inside an attached file, bounded in time and memory.

``inspect_file`` (``preflight.py``) is the entry point: it reads the file's
size and SHA-256 here, then opens it in a child process (``sandbox.py``),
which runs ``inspect_pdf`` or ``inspect_package`` under a memory limit and a
time limit, and gives back plain facts. This package's ``__init__`` imports
nothing, so the child starts light.
"""
