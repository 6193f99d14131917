"""The article date of a page PDF kept in the DOCX saved from it, as the custom document property 稿件日期.

A page's running head gives its date, which the officials checks read the register on (`Document.date`);
a district daily's copy seldom has a dateline of its own, so a DOCX saved from the PDF and checked later
would be read as of today. The date travels as a custom document property (``docProps/custom.xml``,
ECMA-376 Part 1 §22.3), the documented place for a document's own metadata: Word shows it under
文件 › 属性 › 自定义 as 稿件日期 (where the desk can correct it), LibreOffice keeps it through its own DOCX
export, and nothing in the text changes. It is written as ``2026-12-01``; read are that, a date as typed
(2026年12月1日) and Word's date type (``vt:filetime``), anything else is ignored, logged.

Only a draft read from a PDF carries one: a text draft's DOCX stays as it always was.
"""

from __future__ import annotations

import datetime as dt
import logging

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from editor.core.document import Document
from editor.core.officials.article_date import parse_date

logger = logging.getLogger(__name__)

NAME = "稿件日期"
_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property has (ECMA-376 Part 1 §22.3.2.2); ids start at 2.
_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def date_to_keep(draft: Document) -> dt.date | None:
    """The date a DOCX written from ``draft`` keeps: a PDF draft's article date; None for any other draft."""
    return draft.date if draft.pages else None


def keep_article_date(document: DocxDocument, day: dt.date) -> None:
    """Give a new document (it has no custom properties yet) the property 稿件日期 = ``day``."""
    root = etree.Element(f"{{{_PROPERTIES}}}Properties", nsmap={None: _PROPERTIES, "vt": _TYPES})
    prop = etree.SubElement(root, f"{{{_PROPERTIES}}}property", fmtid=_USER_DEFINED, pid="2", name=NAME)
    etree.SubElement(prop, f"{{{_TYPES}}}lpwstr").text = day.isoformat()
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    package.relate_to(
        Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package), RT.CUSTOM_PROPERTIES
    )


def article_date_of(document: DocxDocument, name: str) -> dt.date | None:
    """The 稿件日期 a DOCX keeps; None when it has none or it is not a date (logged, never an error)."""
    try:
        parts = [rel.target_part for rel in document.part.package.rels.values() if rel.reltype == RT.CUSTOM_PROPERTIES]
        for part in parts:
            for prop in etree.fromstring(part.blob).iterchildren(f"{{{_PROPERTIES}}}property"):
                if prop.get("name") == NAME:
                    return _day(prop, name)
    except (etree.XMLSyntaxError, ValueError, KeyError) as error:
        logger.warning("%s: 自定义属性已损坏，未读取稿件日期（%s）", name, error)
    return None


def _day(prop: etree._Element, name: str) -> dt.date | None:
    """The date a property's value gives: text (``lpwstr``) as `parse_date` reads it, or Word's ``filetime``."""
    value = next(iter(prop), None)
    kind = "" if value is None else etree.QName(value).localname
    text = "" if value is None else (value.text or "").strip()
    day = parse_date(text[:10] if kind == "filetime" else text) if kind in ("lpwstr", "filetime") else None
    if day is None:
        logger.warning("%s: 稿件日期“%s”不是日期，未采用", name, text)
    return day
