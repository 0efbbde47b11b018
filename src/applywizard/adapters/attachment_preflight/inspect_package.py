"""What a .docx/.xlsx holds: whether it is a whole OOXML package, and macros.

Runs in the pre-flight's child process. Only the zip's directory and
``[Content_Types].xml`` (at most 1 MB, parsed with defusedxml) are read, so
a zip bomb is never decompressed: its declared sizes give it away.
"""

from __future__ import annotations

import zipfile
from typing import Any

MAX_ENTRIES = 5_000
MAX_DECLARED_BYTES = 1024 * 1024 * 1024
"""More than 1 GB uncompressed in a document package is a zip bomb, not a document."""
MAX_RATIO = 200
"""An entry that expands more than 200 times (and past 10 MB) is a bomb."""
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
MAX_CONTENT_TYPES_BYTES = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MAIN_PARTS = {
    "docx": ("wordprocessingml.document.main", "ms-word.document.macroenabled.main"),
    "xlsx": ("spreadsheetml.sheet.main", "ms-excel.sheet.macroenabled.main"),
}
"""The main part's content type of each kind of package (lower case, a part of it)."""

MACRO_MARKS = ("macroenabled", "vbaproject", "ms-office.vba")


def inspect_package(path: str, extension: str) -> dict[str, Any]:
    """Facts about the Office package at ``path`` (``extension`` is docx or xlsx)."""
    with open(path, "rb") as stream:  # noqa: PTH123 - a plain path string in the child
        head = stream.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        return {
            "failure": "encrypted",
            "encrypted": True,
            "detail": "an encrypted Office file (or an old .doc/.xls renamed)",
        }
    try:
        with zipfile.ZipFile(path) as package:
            return _package_facts(package, extension)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        return {"failure": "damaged", "detail": f"not a whole zip package ({error})"[:200]}


def _package_facts(package: zipfile.ZipFile, extension: str) -> dict[str, Any]:
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        return {"failure": "hostile", "detail": f"{len(entries)} entries in the package"}
    declared = sum(entry.file_size for entry in entries)
    if declared > MAX_DECLARED_BYTES or any(_bomb(entry) for entry in entries):
        return {
            "failure": "hostile",
            "detail": f"a zip bomb: {declared / 2**20:.0f} MB declared uncompressed",
        }
    names = {entry.filename.lower() for entry in entries}
    if "[content_types].xml" not in names:
        return {"failure": "damaged", "detail": "no [Content_Types].xml: not an Office document"}
    types = _content_types(package)
    if isinstance(types, dict):
        return types
    macros = any(name.endswith("vbaproject.bin") for name in names) or any(
        mark in kind for kind in types for mark in MACRO_MARKS
    )
    wanted = MAIN_PARTS.get(extension, ())
    if wanted and not any(part in kind for kind in types for part in wanted):
        return {
            "failure": "damaged",
            "macros": macros,
            "detail": f"the package holds no {extension} main part",
        }
    return {"macros": macros}


def _bomb(entry: zipfile.ZipInfo) -> bool:
    if entry.file_size <= RATIO_FLOOR_BYTES:
        return False
    return entry.file_size > MAX_RATIO * max(entry.compress_size, 1)


def _content_types(package: zipfile.ZipFile) -> list[str] | dict[str, Any]:
    """The content types the package declares, lower case (or the failure facts)."""
    from defusedxml import DefusedXmlException  # noqa: PLC0415 - in the child
    from defusedxml.ElementTree import ParseError, fromstring  # noqa: PLC0415

    name = next(n for n in package.namelist() if n.lower() == "[content_types].xml")
    try:
        with package.open(name) as stream:
            data = stream.read(MAX_CONTENT_TYPES_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        return {"failure": "damaged", "detail": f"[Content_Types].xml unreadable ({error})"[:200]}
    if len(data) > MAX_CONTENT_TYPES_BYTES:
        return {"failure": "hostile", "detail": "[Content_Types].xml larger than 1 MB"}
    try:
        root = fromstring(data)
    except DefusedXmlException as error:
        return {"failure": "hostile", "detail": f"[Content_Types].xml: {type(error).__name__}"}
    except ParseError as error:
        return {"failure": "damaged", "detail": f"[Content_Types].xml: {error}"[:200]}
    return [
        element.get("ContentType", "").lower()
        for element in root.iter()
        if element.get("ContentType") is not None
    ]
