"""Every flow of text a DOCX shows, in one order: the body, text boxes, headers, footers, footnotes, endnotes.

A Word document keeps text in several parts, and inside a part in several flows
("stories"): the body, each text box, each header and footer, each footnote and
endnote. A slip in a footnote is as much the author's as one in the body, so the
reader reads them all and the writers write back into the very part each came from.
Both number the paragraphs by `story_blocks`, so that ``Source.block`` means the same
paragraph to both; ``Source.story`` names the flow, because the text of one flow
never runs on into another (the layout does not join them).

A text box is written twice by Word, as DrawingML (``mc:Choice``) and as VML for
older readers (``mc:Fallback``); the first is read and fixed, and `sync_fallbacks`
gives the fallback the same text after `fix` (the review leaves the fallback as read:
its tracked changes and comment marks would be copied with their ids). Notes of a
``w:type`` (the separator lines) show no text of the author and are not read.

python-docx loads headers and footers as XML parts, but footnotes and endnotes only
as bytes: they are registered as XML parts here, so that edits to them are saved.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import qn
from lxml import etree

BODY_STORY = ""
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TEXT_BOX, _FALLBACK, _CHOICE = qn("w:txbxContent"), f"{{{_MC}}}Fallback", f"{{{_MC}}}Choice"
_ALTERNATE = f"{{{_MC}}}AlternateContent"
_NOTES = (
    (RELATIONSHIP_TYPE.FOOTNOTES, qn("w:footnote"), "脚注"),
    (RELATIONSHIP_TYPE.ENDNOTES, qn("w:endnote"), "尾注"),
)
_HEADERS_AND_FOOTERS = ((qn("w:headerReference"), "页眉"), (qn("w:footerReference"), "页脚"))
_RELATION_ID = qn("r:id")
_P = qn("w:p")
#: Elements between a flow and its paragraphs: tables (also nested), content controls, custom XML.
_BLOCK_CONTAINERS = {qn(tag) for tag in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml")}

for _content_type in (CONTENT_TYPE.WML_FOOTNOTES, CONTENT_TYPE.WML_ENDNOTES):
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)


@dataclass(frozen=True)
class Block:
    """A paragraph of the document and the flow it belongs to (``""`` for the body, else e.g. ``"脚注2"``)."""

    element: etree._Element
    story: str


def story_blocks(document: DocxDocument) -> list[Block]:
    """Every paragraph of every flow: the body, then headers, footers, footnotes and endnotes, each
    followed by the text boxes anchored in it."""
    blocks: list[Block] = []
    counts: dict[str, int] = {}

    def add(container: etree._Element, kind: str | None) -> None:
        story = BODY_STORY
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
            story = f"{kind}{counts[kind]}"
        blocks.extend(Block(element, story) for element in reading_order(container))

    def add_part(root: etree._Element, flows: list[tuple[etree._Element, str | None]]) -> None:
        for container, kind in flows:
            add(container, kind)
        for box in text_boxes(root):
            add(box, "文本框")

    body = document.element.body
    add_part(body, [(body, None)])
    for root, kind in _headers_and_footers(document):
        add_part(root, [(root, kind)])
    for root, tag, kind in _notes(document):
        add_part(root, [(note, kind) for note in root.iterchildren(tag) if note.get(qn("w:type")) is None])
    return blocks


def reading_order(container: etree._Element) -> list[etree._Element]:
    """Every ``w:p`` of one flow in reading order, into tables (also nested) and content controls."""
    found: list[etree._Element] = []

    def walk(parent: etree._Element) -> None:
        for child in parent:
            if child.tag == _P:
                found.append(child)
            elif child.tag in _BLOCK_CONTAINERS:
                walk(child)

    walk(container)
    return found


def text_boxes(root: etree._Element) -> list[etree._Element]:
    """The text boxes of a part, in document order, without the fallback copies."""
    return [box for box in root.iter(_TEXT_BOX) if not any(a.tag == _FALLBACK for a in box.iterancestors())]


def sync_fallbacks(document: DocxDocument) -> None:
    """Give every text box's fallback copy the text box as it now is (after a write changed it).

    Only a fallback that holds one text box like its choice is replaced; any other shape
    is left as it is.
    """
    for root in part_roots(document):
        for alternate in list(root.iter(_ALTERNATE)):
            choice, fallback = alternate.find(_CHOICE), alternate.find(_FALLBACK)
            if choice is None or fallback is None:
                continue
            boxes = list(choice.iter(_TEXT_BOX))
            copies = list(fallback.iter(_TEXT_BOX))
            if len(boxes) == 1 and len(copies) == 1:
                copies[0].getparent().replace(copies[0], copy.deepcopy(boxes[0]))


def part_roots(document: DocxDocument) -> list[etree._Element]:
    """The root of every part that holds flows: the body, headers, footers, the notes parts."""
    return [
        document.element.body,
        *(root for root, _ in _headers_and_footers(document)),
        *(root for root, _, _ in _notes(document)),
    ]


def _headers_and_footers(document: DocxDocument) -> list[tuple[etree._Element, str]]:
    """Every header part, then every footer part, once each, in the order the sections name them."""
    found: list[tuple[etree._Element, str]] = []
    seen: set[int] = set()
    related = document.part.related_parts
    for tag, kind in _HEADERS_AND_FOOTERS:
        for reference in document.element.body.iter(tag):
            part = related.get(reference.get(_RELATION_ID))
            if isinstance(part, XmlPart) and id(part) not in seen:
                seen.add(id(part))
                found.append((part.element, kind))
    return found


def _notes(document: DocxDocument) -> list[tuple[etree._Element, str, str]]:
    """The footnotes part and the endnotes part, when the document has them."""
    found = []
    for relationship, tag, kind in _NOTES:
        for rel in document.part.rels.values():
            if rel.reltype == relationship and not rel.is_external and isinstance(rel.target_part, XmlPart):
                found.append((rel.target_part.element, tag, kind))
                break
    return found
