"""Reading a generated Word file back: all its text, as a reader of the file sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx


def docx_text(path: Path) -> tuple[Any, str]:
    """The opened document and its text: paragraphs, table cells, then page headers."""
    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
    return document, "\n".join(parts)
