"""Rendering the Word templates with docxtpl, safely and reproducibly.

Templates run in Jinja's sandbox with undefined names raising and
autoescaping on, so ``< > &`` in a draft render literally and a draft's text
(which is only ever data) cannot run template code. After rendering, every
run gets an East Asian font (宋体, or 黑体 in headings) so Chinese never
falls back to a Latin face; the document declares Simplified Chinese and its
faces (typefaces.py), even if a research office restyled the template; every
table's columns are fitted to what they hold (table_fit.py); document
properties name the program, the guide and the draft; and the package is
written with fixed timestamps so the same draft always gives the same bytes.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

from applywizard.adapters.documents.ooxml import child
from applywizard.adapters.documents.packages import reproducible_zip
from applywizard.adapters.documents.table_fit import fit_tables
from applywizard.adapters.documents.typefaces import HEI, SONG, declare_chinese

FIXED_TIME = datetime(2000, 1, 1)  # noqa: DTZ001 - a placeholder, not a moment


@dataclass(frozen=True)
class Properties:
    """What the document's properties say about where it came from."""

    title: str
    subject: str
    keywords: str
    comments: str


class _CompilingOnce(SandboxedEnvironment):
    """The sandbox, compiling each template source once per process.

    docxtpl hands Jinja the document's whole XML on every render; compiling
    it was a quarter of the time a render took. A compiled template holds no
    state between renders, so the same one serves every draft.
    """

    MAX_SOURCES = 32

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self._compiled: dict[str, Template] = {}

    def from_string(
        self, source: str | Any, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= self.MAX_SOURCES:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


@functools.cache
def jinja_environment() -> SandboxedEnvironment:
    """The environment every template renders in (one per process)."""
    return _CompilingOnce()


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, its XML clean-up done once per distinct part."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)


@functools.lru_cache(maxsize=32)
def _patched_xml(src_xml: str) -> str:
    # patch_xml is regular expressions over the text; it reads nothing of the instance.
    return str(DocxTemplate.patch_xml(None, src_xml))


def _east_asian_font(style_name: str) -> str:
    return HEI if style_name.startswith(("Heading", "Title")) else SONG


def ensure_east_asian_fonts(document: Document) -> None:
    """Give every run without an East Asian font the one its paragraph style calls for."""
    body = document.element.body
    parts = [body] + [section.header._element for section in document.sections]
    parts += [section.footer._element for section in document.sections]
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = style.get(qn("w:val")) if style is not None else ""
            font = _east_asian_font(style_id or "")
            for run in paragraph.iter(qn("w:r")):
                fonts = child(child(run, "w:rPr", first=True), "w:rFonts", first=True)
                fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
                if fonts.get(qn("w:eastAsia")) is None:
                    fonts.set(qn("w:eastAsia"), font)


def _set_properties(document: Document, properties: Properties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.keywords = properties.keywords
    core.comments = properties.comments
    core.author = "ApplyWizard"
    core.last_modified_by = "ApplyWizard"
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.revision = 1


def render_docx(template: Path, context: dict[str, Any], properties: Properties) -> bytes:
    """A rendered template as .docx bytes."""
    document = _Template(str(template))
    document.render(context, jinja_env=jinja_environment(), autoescape=True)
    ensure_east_asian_fonts(document.docx)
    declare_chinese(document.docx)
    fit_tables(document.docx)
    _set_properties(document.docx, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())
