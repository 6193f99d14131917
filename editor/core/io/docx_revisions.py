"""What the author tracked in a DOCX: revisions that `fix` and the review must leave as they are.

A draft may come with its own tracked changes: insertions and deletions (``w:ins``,
``w:del``, moves), paragraph marks inserted or deleted (``w:pPr/w:rPr/w:ins``),
formatting changes (``w:rPrChange``, ``w:pPrChange``). Editing the text inside one, or
removing such a paragraph mark, silently rewrites the author's revision; so the
writer refuses such a repair, saying why, and the review leaves such a finding a comment.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from editor.core.io.docx_text import TextAtom, paragraph_atoms

REVISIONS = {qn(tag) for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo")}
_PPR, _RPR = qn("w:pPr"), qn("w:rPr")
_RPR_CHANGE, _PPR_CHANGE = qn("w:rPrChange"), qn("w:pPrChange")


def tracked_between(paragraph: etree._Element, start: int, end: int | None) -> bool:
    """Does a shown character of ``paragraph`` in ``[start, end)`` (to its end if None) lie in a revision?

    An empty span asks about the characters either side: text inserted there would join them.
    """
    low, high = (start - 1, start + 1) if end == start else (start, end)
    return any(
        in_revision(atom, paragraph)
        for atom in paragraph_atoms(paragraph)
        if atom.end > low and (high is None or atom.start < high)
    )


def in_revision(atom: TextAtom, paragraph: etree._Element) -> bool:
    """Is this shown text of ``paragraph`` inside a tracked change, or formatted by one?"""
    if atom.run.find(f"{_RPR}/{_RPR_CHANGE}") is not None:
        return True
    return any(ancestor.tag in REVISIONS for ancestor in ancestors_within(atom.run, paragraph))


def tracked_mark(paragraph: etree._Element) -> bool:
    """Is the paragraph mark, or the paragraph's formatting, a revision of the author?"""
    properties = paragraph.find(_PPR)
    if properties is None:
        return False
    mark = properties.find(_RPR)
    marked = mark is not None and any(child.tag in REVISIONS for child in mark)
    return marked or properties.find(_PPR_CHANGE) is not None


def ancestors_within(element: etree._Element, paragraph: etree._Element) -> list[etree._Element]:
    """The ancestors of ``element`` below ``paragraph``, innermost first."""
    found = []
    parent = element.getparent()
    while parent is not None and parent is not paragraph:
        found.append(parent)
        parent = parent.getparent()
    return found
