"""PDFs and Office packages, sound and hostile, made on the spot for the pre-flight tests.

A PDF is written object by object with its cross-reference table, so the
tests can build what no writer would: a cyclic page tree, a tree nested
thousands deep, a stream that inflates to a gigabyte. The bench uses them too.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

TEXT_CONTENT = b"BT /F1 12 Tf 72 720 Td (Cooperation agreement) Tj ET"
IMAGE_CONTENT = b"q 500 0 0 700 50 50 cm /Im1 Do Q"


def pdf_bytes(objects: Sequence[bytes], *, root: int = 1) -> bytes:
    """A PDF of numbered objects (object n is ``objects[n - 1]``) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body, uncompressed."""
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def flate_stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body, FlateDecode-compressed."""
    packed = zlib.compress(data, 6)
    return stream(packed, b"/Filter /FlateDecode " + extra)


def text_pdf(
    pages: int = 1, *, embedded: bool = True, padding: int = 0, font: bytes | None = None
) -> bytes:
    """Pages of text in one font (embedded or not; named ``font``), ``padding`` image bytes each."""
    font_descriptor = (
        b"<< /Type /FontDescriptor /FontName /ABCDEF+NotoSerif /Flags 32 /FontFile2 5 0 R >>"
        if embedded
        else b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 >>"
    )
    base = font or (b"/ABCDEF+NotoSerif" if embedded else b"/Helvetica")
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /TrueType /BaseFont %s /FontDescriptor 4 0 R >>" % base,
        font_descriptor,
        stream(b"\x00\x01\x00\x00" + b"\x00" * 60),  # stands for the font program
        flate_stream(TEXT_CONTENT),
    ]
    kids = []
    for index in range(pages):
        resources = b"<< /Font << /F1 3 0 R >> >>"
        if padding:
            objects.append(
                stream(
                    bytes((index + n) % 251 for n in range(padding)),
                    b"/Type /XObject /Subtype /Image /Width %d /Height 1 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8" % padding,
                )
            )
            resources = b"<< /Font << /F1 3 0 R >> /XObject << /Im1 %d 0 R >> >>" % len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s "
            b"/Contents 6 0 R >>" % resources
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return pdf_bytes(objects)


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that each show an image and no text: a scan without a text layer."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        stream(
            b"\x80" * 64,
            b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8",
        ),
        flate_stream(IMAGE_CONTENT),
    ]
    kids = []
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>"
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return pdf_bytes(objects)


def encrypted_pdf(password: str = "secret") -> bytes:
    """A text PDF that opens only with a password (RC4, so no extra library is needed)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    """A sound PDF cut off two thirds of the way through."""
    whole = text_pdf(pages=3)
    return whole[: len(whole) * 2 // 3]


def garbage_pdf() -> bytes:
    """Bytes that are no PDF at all, named .pdf."""
    return bytes(range(256)) * 64


def bomb_pdf(inflated_bytes: int = 1024 * 1024 * 1024) -> bytes:
    """A page whose content stream inflates from about 1 MB to ``inflated_bytes`` of zeros."""
    packer = zlib.compressobj(9)
    chunk = b"\x00" * (1024 * 1024)
    packed = bytearray()
    for _ in range(inflated_bytes // len(chunk)):
        packed += packer.compress(chunk)
    packed += packer.flush()
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream(bytes(packed), b"/Filter /FlateDecode"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def cyclic_pdf() -> bytes:
    """A page tree whose node lists itself among its kids, and a self-referring resource."""
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 4 0 R >>",
            b"<< /Self 4 0 R /XObject << /X 4 0 R >> >>",
        ]
    )


def deep_pdf(depth: int = 5_000) -> bytes:
    """A page tree nested ``depth`` levels deep, with one page at the bottom."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (depth + 1))
    return pdf_bytes(objects)


def many_pages_pdf(pages: int = 5_000) -> bytes:
    """A flat page tree of ``pages`` empty pages."""
    return text_pdf(pages=pages)


def office_package(extension: str = "docx", *, macros: bool = False) -> bytes:
    """A minimal Word (or Excel) package, with or without a VBA project."""
    main = (
        "application/vnd.ms-word.document.macroEnabled.main+xml"
        if macros and extension == "docx"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        if extension == "docx"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )
    part = "/word/document.xml" if extension == "docx" else "/xl/workbook.xml"
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="{part}" ContentType="{main}"/>'
        "</Types>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr(part.lstrip("/"), "<document/>")
        if macros:
            folder = "word" if extension == "docx" else "xl"
            package.writestr(f"{folder}/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    return out.getvalue()


def zip_bomb_docx(inflated_bytes: int = 2 * 1024 * 1024 * 1024) -> bytes:
    """A .docx whose one big part declares ``inflated_bytes`` of zeros (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as package:
        package.writestr("[Content_Types].xml", office_package_types())
        info = zipfile.ZipInfo("word/media/zeros.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with package.open(info, "w", force_zip64=True) as part:
            chunk = b"\x00" * (4 * 1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
    return out.getvalue()


def office_package_types() -> str:
    """The content types of a plain Word document."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )


def write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``folder/name``; returns the path."""
    path = folder / name
    path.write_bytes(data)
    return path


def sound_file(name: str) -> bytes:
    """A small file of the type its name says that passes the pre-flight."""
    extension = name.rsplit(".", 1)[-1].lower()
    if extension == "pdf":
        return text_pdf()
    if extension in {"docx", "xlsx"}:
        return office_package(extension)
    return f"{name}\n".encode() * 40
