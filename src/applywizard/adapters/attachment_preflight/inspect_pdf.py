"""What a PDF holds: whether it opens, encryption, pages, text layer, fonts.

Runs in the pre-flight's child process (no pydantic, plain values out).
pypdf's own limits guard each stream (decompressed output, declared length);
the child's memory and time limits guard the rest. A page tree deeper or
wider than pypdf accepts, a cycle, a stream that decompresses past the limit
all come back as a failure with pypdf's words, never as a crash here.
"""

from __future__ import annotations

import re
from typing import Any

MAX_PAGES_INSPECTED = 2_000
"""Pages looked at for text and fonts (the page count itself covers every page)."""

MAX_STREAM_BYTES = 32 * 1024 * 1024
"""The most one decompressed stream may hold (pypdf's default is 75 MB)."""

MAX_FORM_DEPTH = 3
"""How deep form XObjects inside a page are followed."""

HEAD_BYTES = 1024
TAIL_BYTES = 2048

TEXT_OPERATOR = re.compile(rb"(?<![A-Za-z0-9_])(?:Tj|TJ)(?![A-Za-z0-9_])")
INLINE_IMAGE = re.compile(rb"(?<![A-Za-z0-9_])BI(?![A-Za-z0-9_])")
EMBEDDED_FONT_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


def damaged(detail: str) -> dict[str, Any]:
    """The facts of a file that is not a readable PDF."""
    return {"failure": "damaged", "detail": detail}


def check_envelope(head: bytes, tail: bytes) -> str | None:
    """Why the first and last bytes are not those of a whole PDF (None if they are)."""
    if b"%PDF-" not in head:
        return "no PDF header (%PDF-): not a PDF file"
    if b"%%EOF" not in tail:
        return "no end-of-file marker (%%EOF): the file is cut short"
    return None


def inspect_pdf(path: str) -> dict[str, Any]:
    """Facts about the PDF at ``path``: a dict of PreflightFacts fields."""
    from pypdf import PasswordType, PdfReader, apply_configuration  # noqa: PLC0415 - in the child
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError  # noqa: PLC0415

    with open(path, "rb") as stream:  # noqa: PTH123 - a plain path string in the child
        head = stream.read(HEAD_BYTES)
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - TAIL_BYTES))
        tail = stream.read()
    problem = check_envelope(head, tail)
    if problem is not None:
        return damaged(problem)
    try:
        with apply_configuration(
            None,
            zlib_maximum_output_length=MAX_STREAM_BYTES,
            maximum_declared_stream_length=MAX_STREAM_BYTES,
            array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
            lzw_maximum_output_length=MAX_STREAM_BYTES,
            run_length_maximum_output_length=MAX_STREAM_BYTES,
        ):
            reader = PdfReader(path, strict=False)
            encrypted = reader.is_encrypted
            if encrypted:
                try:
                    opened = reader.decrypt("") is not PasswordType.NOT_DECRYPTED
                except (DependencyError, NotImplementedError):
                    opened = False
                if not opened:
                    return {"failure": "encrypted", "encrypted": True, "detail": "needs a password"}
            facts = _pages(reader)
            facts["encrypted"] = encrypted
            return facts
    except (LimitReachedError, MemoryError, RecursionError) as error:
        return {"failure": "hostile", "detail": _words(error)}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        return damaged(_words(error))
    except Exception as error:  # noqa: BLE001 - any other reader failure is a damaged file
        return damaged(_words(error))


def printable(text: str, limit: int) -> str:
    """Text from inside a file made safe to keep: one line, printable characters, bounded."""
    return "".join(char for char in " ".join(text.split()) if char.isprintable())[:limit]


def _words(error: BaseException) -> str:
    text = printable(str(error), 200)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _pages(reader: Any) -> dict[str, Any]:
    pages = reader.pages
    count = len(pages)
    with_text = without_text = 0
    fonts: dict[Any, tuple[str, bool]] = {}
    for index in range(min(count, MAX_PAGES_INSPECTED)):
        page = pages[index]
        text, images = _look(page, page.get_contents(), fonts, depth=0, seen=set())
        if text:
            with_text += 1
        elif images:
            without_text += 1
    missing = sorted({name for name, embedded in fonts.values() if not embedded})
    return {
        "pages": count,
        "pages_with_text": with_text,
        "pages_without_text": without_text,
        "fonts_not_embedded": missing[:50],
    }


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _look(
    holder: Any, contents: Any, fonts: dict[Any, tuple[str, bool]], *, depth: int, seen: set[int]
) -> tuple[bool, bool]:
    """Whether a page (or form) draws text, and whether it draws images; notes its fonts."""
    resources = _resolved(holder.get("/Resources")) or {}
    font_dict = _resolved(resources.get("/Font")) or {}
    for reference in font_dict.values():
        key = getattr(reference, "idnum", None) or id(reference)
        if key not in fonts:
            font = _resolved(reference)
            fonts[key] = (_font_name(font), _embedded(font))
    data = contents.get_data() if contents is not None else b""
    text = bool(font_dict) and TEXT_OPERATOR.search(data) is not None
    images = INLINE_IMAGE.search(data) is not None
    xobjects = _resolved(resources.get("/XObject")) or {}
    for reference in xobjects.values():
        number = getattr(reference, "idnum", None)
        if number is not None and number in seen:
            continue
        if number is not None:
            seen.add(number)
        xobject = _resolved(reference)
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            images = True
        elif subtype == "/Form" and depth < MAX_FORM_DEPTH and not text:
            inner_text, inner_images = _look(xobject, xobject, fonts, depth=depth + 1, seen=seen)
            text, images = text or inner_text, images or inner_images
    return text, images


def _font_name(font: Any) -> str:
    name = printable(str(font.get("/BaseFont", "") or font.get("/Name", "")).lstrip("/"), 100)
    return name or "(unnamed)"


def _embedded(font: Any) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # its glyphs are drawn by the file itself
    if subtype == "/Type0":
        descendants = _resolved(font.get("/DescendantFonts")) or []
        if not descendants:
            return False
        font = _resolved(descendants[0])
    descriptor = _resolved(font.get("/FontDescriptor"))
    return descriptor is not None and any(key in descriptor for key in EMBEDDED_FONT_KEYS)
