"""A new, clean DOCX from paragraphs of text: what `proofdesk fix` writes for a text or PDF draft.

One DOCX paragraph per paragraph, styled by its kind (see `docx_styles`), with no
empty paragraphs; a paragraph read from a page PDF carries its printed place as a hidden
bookmark (`docx_places`), so a DOCX saved from a PDF draft still names "A2 版 第2栏", and
such a DOCX keeps the page's date as its 稿件日期 (`docx_article_date`).
The body XML depends only on the paragraphs, so exports can be compared with reference
files; the core properties carry the export time.
"""

from __future__ import annotations

import copy
import datetime as dt

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Paragraph, ParagraphKind
from editor.core.io.docx_article_date import keep_article_date
from editor.core.io.docx_places import mark_place
from editor.core.io.docx_styles import STYLES, prepare_newsroom_document
from editor.core.io.docx_text import set_text

AUTHOR = "校对台 Proofdesk"


def build_clean_document(
    paragraphs: list[Paragraph], now: dt.datetime | None = None, article_date: dt.date | None = None
) -> DocxDocument:
    """A python-docx document holding ``paragraphs`` (blank ones left out) in newsroom styles; a PDF draft's
    ``article_date`` (`docx_article_date.date_to_keep`) is kept as its 稿件日期."""
    document = docx.Document()
    prepare_newsroom_document(document)
    templates = {kind: _template(document.styles[spec.name].style_id) for kind, spec in STYLES.items()}
    end_of_body = document.element.body.find(qn("w:sectPr"))
    for serial, paragraph in enumerate(paragraphs):
        if paragraph.text.strip():
            element = _copy_with_text(templates[paragraph.kind], paragraph.text)
            if paragraph.source.place is not None:
                mark_place(element, paragraph.source.place, serial)
            end_of_body.addprevious(element)
    _set_properties(document, paragraphs, now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    if article_date is not None:
        keep_article_date(document, article_date)
    return document


def _template(style_id: str):
    """An empty paragraph of one style: copying it is much faster than python-docx's add_paragraph."""
    element, run = OxmlElement("w:p"), OxmlElement("w:r")
    element.style = style_id
    element.append(run)
    return element


def _copy_with_text(template, text: str):
    element = copy.deepcopy(template)
    run = element.find(qn("w:r"))
    if "\t" in text:
        run.text = text  # python-docx turns tabs into w:tab
    else:
        set_text(etree.SubElement(run, qn("w:t")), text)
    return element


def _set_properties(document: DocxDocument, paragraphs: list[Paragraph], now: dt.datetime) -> None:
    properties = document.core_properties
    headlines = [paragraph.text for paragraph in paragraphs if paragraph.kind is ParagraphKind.HEADLINE]
    properties.title = headlines[0] if headlines else ""
    properties.author = properties.last_modified_by = AUTHOR
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = "zh-CN"
