"""The pre-flight's child process: limits itself, inspects one file, sends back plain facts.

It speaks on a one-way pipe: ``("ready", None)`` once its libraries are
loaded (the parent starts the inspection clock then), then ``("facts", {...})``.
On Linux the child caps its own address space (``RLIMIT_AS``, its libraries
included) once they are loaded and before it reads a byte of the file, so a
decompression bomb ends in MemoryError, reported as a hostile file, not in a
machine short of memory.
"""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection
from typing import Any


def limit_memory(memory_bytes: int) -> bool:
    """Cap this process's address space where the system allows it; True if capped."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # Windows: the parent's timeout is the bound
        return False
    if sys.platform != "linux":  # macOS accepts RLIMIT_AS but does not enforce it
        return False
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    return True


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB (0 where the system does not say).

    On Linux it is VmHWM, this program's own: ``ru_maxrss`` would carry over the
    parent's size from before the child's exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123 - tiny
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def inspect(path: str, file_type: str, extension: str) -> dict[str, Any]:
    """The facts of one file, by its type (``pdf`` or ``office``)."""
    if file_type == "pdf":
        from applywizard.adapters.attachment_preflight.inspect_pdf import (  # noqa: PLC0415
            inspect_pdf,
        )

        return inspect_pdf(path)
    from applywizard.adapters.attachment_preflight.inspect_package import (  # noqa: PLC0415
        inspect_package,
    )

    return inspect_package(path, extension)


def child_main(
    connection: Connection, path: str, file_type: str, extension: str, memory_bytes: int
) -> None:
    """The child's whole life: limit, load, say ready, inspect, answer."""
    import defusedxml.ElementTree  # noqa: F401, PLC0415 - loaded before the clock starts
    import pypdf  # noqa: F401, PLC0415 - as above

    limit_memory(memory_bytes)
    connection.send(("ready", None))
    try:
        facts = inspect(path, file_type, extension)
    except MemoryError:
        facts = {"failure": "hostile", "detail": "reading it needed more memory than allowed"}
    except RecursionError:
        facts = {"failure": "hostile", "detail": "its structure nests too deeply"}
    except OSError as error:
        facts = {"failure": "damaged", "detail": f"cannot be read: {error.strerror or error}"}
    facts["peak_rss_kb"] = peak_rss_kb()
    connection.send(("facts", facts))
    connection.close()
