"""What the author of a Word document marked each paragraph as, read from the XML for layout repair.

A Word document's paragraphs are the author's: a heading, a list item, a line of the
table of contents, a form's question, a caption are paragraphs because the author made
them so, and layout repair must never glue them to their neighbours. The reader asks
`AuthorMarks` for each paragraph, in reading order, and records the answer in its
`Source` (``marks``, ``container``); the layout analysis only reads those.

Marks come from the paragraph and from its style, following base styles (a heading
style or outline level, ``w:numPr`` also when the style numbers it, Word's caption
and contents styles), from fields (a field's result may span many paragraphs, as a
table of contents does), from form layout (tabs, underlined blanks), and from pictures
(the paragraph holding one, and the text a picture separates from what came before), and from
the author's revisions (a paragraph mark tracked as deleted is a join already made, as a review
copy tracks one, which layout repair must not propose again nor `fix` rewrite).
"""

from __future__ import annotations

import re

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Mark
from editor.core.io.docx_revisions import tracked_mark

#: Base-style chains are short; a longer one is a loop in a damaged styles part.
_MAX_STYLE_DEPTH = 20
_HEADING_NAME = re.compile(r"^(title|subtitle|heading \d|标题 ?\d?|副标题)$", re.IGNORECASE)
_CONTENTS_NAME = re.compile(r"^(toc \d|toc heading|目录 ?\d?|index \d|索引 ?\d?)$", re.IGNORECASE)
_CAPTION_NAME = re.compile(r"^(caption|题注)$", re.IGNORECASE)
_BLANK = re.compile(r"_{3,}|＿{2,}")
_PPR, _STYLE, _NUMBERING, _OUTLINE = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:outlineLvl")
_NUM_ID, _VAL, _TYPE = qn("w:numId"), qn("w:val"), qn("w:fldCharType")
_FIELD_CHAR, _SIMPLE_FIELD, _UNDERLINE = qn("w:fldChar"), qn("w:fldSimple"), qn("w:u")
_TAB, _TEXT = qn("w:tab"), qn("w:t")
_PICTURES = {qn("w:drawing"), qn("w:pict"), qn("w:object")}
#: Where a paragraph sits apart from the text around it: a table cell, a block content control.
_CONTAINERS = {qn("w:tc"), qn("w:sdtContent")}


class AuthorMarks:
    """Marks of a document's paragraphs, asked for one paragraph after the other in reading order."""

    def __init__(self, document: DocxDocument) -> None:
        self._styles = _style_marks(document)
        self._field_depth = 0
        self._picture_pending = False
        self._containers: dict[etree._Element, int] = {}

    def of(self, paragraph: etree._Element, shows_text: bool) -> frozenset[Mark]:
        """The marks of a ``w:p``; ``shows_text`` says whether it shows any text (a picture-only one does not)."""
        properties = paragraph.find(_PPR)
        found = set(self._styles.get(_style_id(properties), ()))
        _apply(found, properties)
        if self._field_depth > 0 or paragraph.find(f".//{_SIMPLE_FIELD}") is not None:
            found.add(Mark.FIELD)
        for char in paragraph.iter(_FIELD_CHAR):
            found.add(Mark.FIELD)
            self._field_depth += {"begin": 1, "end": -1}.get(char.get(_TYPE), 0)
        self._field_depth = max(self._field_depth, 0)
        if _is_form(paragraph):
            found.add(Mark.FORM)
        if tracked_mark(paragraph):
            found.add(Mark.REVISED)  # already joined (or formatted) by a revision, which fix must not rewrite
        holds_picture = any(element.tag in _PICTURES for element in paragraph.iter())
        if holds_picture or (self._picture_pending and shows_text):
            found.add(Mark.PICTURE)
        if holds_picture and not shows_text:
            self._picture_pending = True
        elif shows_text:
            self._picture_pending = False
        return frozenset(found)

    def container(self, paragraph: etree._Element) -> int:
        """The innermost table cell or content control holding the paragraph, numbered from 1; 0 for none."""
        for ancestor in paragraph.iterancestors():
            if ancestor.tag in _CONTAINERS:
                return self._containers.setdefault(ancestor, len(self._containers) + 1)
        return 0


def _style_id(properties: etree._Element | None) -> str | None:
    style = None if properties is None else properties.find(_STYLE)
    return None if style is None else style.get(_VAL)


def _numbered(properties: etree._Element | None) -> bool | None:
    """Does a paragraph's (or a style's) own ``w:numPr`` number it? None when it says nothing;
    False for ``w:numId`` 0, which takes away the numbering a style gives."""
    number = None if properties is None else properties.find(f"{_NUMBERING}/{_NUM_ID}")
    return None if number is None else number.get(_VAL) != "0"


def _apply(found: set[Mark], properties: etree._Element | None) -> None:
    """Add (or take away) what a paragraph's own properties say over its style: an outline level, numbering."""
    outline = None if properties is None else properties.find(_OUTLINE)
    if outline is not None and outline.get(_VAL, "9").isdigit() and int(outline.get(_VAL, "9")) < 9:
        found.add(Mark.HEADING)
    numbered = _numbered(properties)
    if numbered is True:
        found.add(Mark.LIST)
    elif numbered is False:
        found.discard(Mark.LIST)


def _style_marks(document: DocxDocument) -> dict[str, frozenset[Mark]]:
    """Marks by paragraph style id, from each style and its base styles."""
    by_id = {style.get(qn("w:styleId")): style for style in document.styles.element.iterchildren(qn("w:style"))}
    return {style_id: frozenset(_chain_marks(by_id, style)) for style_id, style in by_id.items() if style_id}


def _chain_marks(by_id: dict[str | None, etree._Element], style: etree._Element) -> set[Mark]:
    found: set[Mark] = set()
    chain: list[etree._Element] = []
    seen, depth = style, 0
    while seen is not None and depth < _MAX_STYLE_DEPTH:
        chain.append(seen)
        name_element = seen.find(qn("w:name"))
        name = (name_element.get(_VAL, "") if name_element is not None else "").strip()
        if _HEADING_NAME.match(name):
            found.add(Mark.HEADING)
        if _CONTENTS_NAME.match(name):
            found.add(Mark.FIELD)
        if _CAPTION_NAME.match(name):
            found.add(Mark.CAPTION)
        based = seen.find(qn("w:basedOn"))
        seen, depth = (by_id.get(based.get(_VAL)) if based is not None else None), depth + 1
    for ancestor in reversed(chain):  # a style's own properties override its base style's
        _apply(found, ancestor.find(_PPR))
    return found


def _is_form(paragraph: etree._Element) -> bool:
    """Laid out as a form: tabs between its parts, blanks to write in (underlined spaces, underscores).

    A tab before any text is the paragraph's indent, as many authors type it, not form layout.
    """
    started = False
    for run in paragraph.iter(qn("w:r")):
        for item in run:
            if item.tag == _TAB and started:
                return True
            started = started or (item.tag == _TEXT and bool((item.text or "").strip()))
        text = "".join(t.text or "" for t in run.iter(_TEXT))
        underline = run.find(f"{qn('w:rPr')}/{_UNDERLINE}")
        if underline is not None and underline.get(_VAL, "single") != "none" and text and not text.strip():
            return True
        if _BLANK.search(text):
            return True
    return False
