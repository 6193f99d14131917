"""A new, clean DOCX from paragraphs of text: what `proofdesk fix` writes for a text draft.

One DOCX paragraph per paragraph, styled by its kind (see `docx_styles`), with no
empty paragraphs. The body XML depends only on the paragraphs, so exports can be
compared with reference files; the core properties carry the export time.
"""

from __future__ import annotations

import datetime as dt

import docx
from docx.document import Document as DocxDocument

from editor.core.document import Paragraph, ParagraphKind
from editor.core.io.docx_styles import STYLES, prepare_newsroom_document

AUTHOR = "校对台 Proofdesk"


def build_clean_document(paragraphs: list[Paragraph], now: dt.datetime | None = None) -> DocxDocument:
    """A python-docx document holding ``paragraphs`` (blank ones left out) in newsroom styles."""
    document = docx.Document()
    prepare_newsroom_document(document)
    for paragraph in paragraphs:
        if paragraph.text.strip():
            document.add_paragraph(paragraph.text, STYLES[paragraph.kind].name)
    _set_properties(document, paragraphs, now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    return document


def _set_properties(document: DocxDocument, paragraphs: list[Paragraph], now: dt.datetime) -> None:
    properties = document.core_properties
    headlines = [paragraph.text for paragraph in paragraphs if paragraph.kind is ParagraphKind.HEADLINE]
    properties.title = headlines[0] if headlines else ""
    properties.author = properties.last_modified_by = AUTHOR
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = "zh-CN"
