"""Office files (zip packages) written reproducibly: equal content, equal bytes."""

from __future__ import annotations

import io
import re
import zipfile

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STAMPS = re.compile(
    rb"<(dcterms:(?:created|modified))([^>]*)>[^<]*</dcterms:(?:created|modified)>"
)


def _fixed_stamps(core: bytes) -> bytes:
    return _STAMPS.sub(rb"<\1\2>2000-01-01T00:00:00Z</\1>", core)


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and fixed created/modified stamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fixed_stamps(content)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            # "Made by Unix" whichever system writes it (zipfile says 0 on Windows):
            # the Windows and Linux programs give the same bytes.
            entry.create_system = 3
            target.writestr(entry, content)
    return out.getvalue()
