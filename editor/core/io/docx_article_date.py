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
    _set_day(root, day)
    _store(document, root)


def carry_article_date(document: DocxDocument, draft: Document) -> None:
    """Bring an opened DOCX's 稿件日期 to ``draft``'s date, which the desk may have changed since it was read
    (干部登记表 › 稿件日期); with no date set, the property goes, and the draft is read by its dateline again.

    Only a DOCX that keeps the property (it was saved from a page PDF) is touched: an author's document
    gets no part it did not have.
    """
    try:
        found = _date_property(document)
    except (etree.XMLSyntaxError, ValueError, KeyError):
        return  # damaged: left as it was, and said so when it was read (`article_date_of`)
    if found is None:
        return
    root, prop = found
    if _day(prop, draft.name, quiet=True) == draft.date:
        return
    root.remove(prop)
    if draft.date is not None:
        _set_day(root, draft.date)
    _store(document, root)


def _set_day(root: etree._Element, day: dt.date) -> None:
    """Add the property 稿件日期 = ``day`` to custom properties ``root``, numbered after those it holds."""
    pids = [
        int(p.get("pid", "1")) for p in root.iterchildren(f"{{{_PROPERTIES}}}property") if p.get("pid", "").isdigit()
    ]
    number = str(max(pids, default=1) + 1)
    prop = etree.SubElement(root, f"{{{_PROPERTIES}}}property", fmtid=_USER_DEFINED, pid=number, name=NAME)
    etree.SubElement(prop, f"{{{_TYPES}}}lpwstr").text = day.isoformat()


def _store(document: DocxDocument, root: etree._Element) -> None:
    """Make ``root`` the document's custom properties part, in place of the one it had."""
    package = document.part.package
    for rel_id in [rel_id for rel_id, rel in package.rels.items() if rel.reltype == RT.CUSTOM_PROPERTIES]:
        package.rels.pop(rel_id)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package.relate_to(
        Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package), RT.CUSTOM_PROPERTIES
    )


def _date_property(document: DocxDocument) -> tuple[etree._Element, etree._Element] | None:
    """The custom properties the document keeps and its 稿件日期 among them, or None (a damaged part too)."""
    parts = [rel.target_part for rel in document.part.package.rels.values() if rel.reltype == RT.CUSTOM_PROPERTIES]
    for part in parts:
        root = etree.fromstring(part.blob)
        for prop in root.iterchildren(f"{{{_PROPERTIES}}}property"):
            if prop.get("name") == NAME:
                return root, prop
    return None


def article_date_of(document: DocxDocument, name: str) -> dt.date | None:
    """The 稿件日期 a DOCX keeps; None when it has none or it is not a date (logged, never an error)."""
    try:
        found = _date_property(document)
    except (etree.XMLSyntaxError, ValueError, KeyError) as error:
        logger.warning("%s: 自定义属性已损坏，未读取稿件日期（%s）", name, error)
        return None
    return None if found is None else _day(found[1], name)


def _day(prop: etree._Element, name: str, quiet: bool = False) -> dt.date | None:
    """The date a property's value gives: text (``lpwstr``) as `parse_date` reads it, or Word's ``filetime``;
    None logged unless ``quiet``."""
    value = next(iter(prop), None)
    kind = "" if value is None else etree.QName(value).localname
    text = "" if value is None else (value.text or "").strip()
    day = parse_date(text[:10] if kind == "filetime" else text) if kind in ("lpwstr", "filetime") else None
    if day is None and not quiet:
        logger.warning("%s: 稿件日期“%s”不是日期，未采用", name, text)
    return day
