"""Write a repaired document as DOCX: the same document back, or a clean new one.

A DOCX draft is written back with the repairs applied and nothing else changed:
every repaired paragraph is known as pieces of draft paragraphs (`editor.core.repair`),
and every draft paragraph as a stretch of one DOCX paragraph's shown text
(`docx_text`). So a repair becomes character edits on the ``w:t`` elements that
show those characters: kept characters keep their run, a replacement takes the
formatting of the first run it touches, the manual line breaks and stripped spaces
between joined fragments are deleted, and a DOCX paragraph joined to the one
before it hands over its runs and disappears (with the empty paragraphs between).
An empty paragraph between joined fragments goes only if it holds nothing: the marks in
it (bookmarks, comment anchors) move into the joined paragraph, and one that holds
anything else (an equation, ruby, a picture, a field, a page break, what this module
does not know) stays where it is. A repair that would change what the author tracked
(`docx_revisions`) is refused with the reason: nothing is lost without a word.
The text of headers, footers, notes and text boxes is repaired in its own part (a text
box's fallback copy gets the repaired text box); images and section properties are never touched.

A text draft becomes a clean document in newsroom styles (`docx_clean`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Document
from editor.core.io.atomic import write_atomically
from editor.core.io.docx_article_date import carry_article_date, date_to_keep
from editor.core.io.docx_clean import build_clean_document
from editor.core.io.docx_parts import sync_fallbacks
from editor.core.io.docx_protection import refuse_if_protected
from editor.core.io.docx_revisions import in_revision, tracked_mark
from editor.core.io.docx_text import DocxOrigin, OpenedDocx, TextAtom, paragraph_atoms, set_text
from editor.core.io.errors import OutputError
from editor.core.repair import RepairedDocument

logger = logging.getLogger(__name__)

_PPR, _RPR, _SECT_PR = qn("w:pPr"), qn("w:rPr"), qn("w:sectPr")
#: Zero-width marks of an empty paragraph that move into the joined paragraph, at the place they held.
_MARKS = {
    qn(tag)
    for tag in (
        "w:bookmarkStart",
        "w:bookmarkEnd",
        "w:commentRangeStart",
        "w:commentRangeEnd",
        "w:permStart",
        "w:permEnd",
    )
}
#: What a run of an empty paragraph may hold and still be nothing to keep a paragraph for.
_EMPTY_RUN_CONTENT = {
    qn(tag) for tag in ("w:rPr", "w:t", "w:tab", "w:cr", "w:lastRenderedPageBreak", "w:commentReference")
}
_DROPPED = {qn("w:proofErr")}  # spelling-check state, recomputed by Word
_T, _BR, _R = qn("w:t"), qn("w:br"), qn("w:r")


def write_docx(repaired: RepairedDocument, path: str | Path, ignore_protection: bool = False) -> None:
    """Write ``repaired`` to ``path`` atomically (see the module docstring for what is written).

    A draft protected against editing is refused (`ProtectedDocument`) unless ``ignore_protection``.
    """
    document = build_docx(repaired, ignore_protection)
    write_atomically(path, document.save)


def build_docx(repaired: RepairedDocument, ignore_protection: bool = False) -> DocxDocument:
    """The python-docx document `write_docx` saves."""
    origin = repaired.draft.origin
    if isinstance(origin, DocxOrigin):
        opened = origin.open()
        if not ignore_protection:
            refuse_if_protected(opened.document, repaired.draft.name)
        _apply_repairs(opened, repaired)
        sync_fallbacks(opened.document)
        carry_article_date(opened.document, repaired.draft)
        return opened.document
    return build_clean_document(repaired.document.paragraphs, article_date=date_to_keep(repaired.draft))


@dataclass
class _Edit:
    """Character edits on one DOCX paragraph's shown text: deletions, and insertions by host character."""

    deleted: set[int] = field(default_factory=set)
    before: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    after: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class _Place:
    """Where a block's shown text now lives: in which paragraph element, from which offset."""

    element: etree._Element
    base: int


def _apply_repairs(opened: OpenedDocx, repaired: RepairedDocument) -> None:
    """Join the blocks each repaired paragraph spans, then edit their characters piece by piece.

    Everything between the start of a repaired paragraph's first draft paragraph and
    the end of its last is deleted, except its verbatim pieces; replacements are
    inserted where the text they replace begins (or after the character before).
    """
    draft = repaired.draft
    texts = opened.texts
    starts = [opened.start_of(paragraph, draft.name) for paragraph in draft.paragraphs]
    spans = [
        (draft.paragraphs[min(sources)].source.block, draft.paragraphs[max(sources)].source.block)
        for sources in (repaired.sources_of(index) for index in range(len(repaired.pieces)))
    ]
    places = _merge_blocks(opened.blocks, texts, spans, draft.name)
    edits: dict[etree._Element, _Edit] = defaultdict(_Edit)

    def at(paragraph: int, offset: int) -> tuple[_Edit, int]:
        place = places[draft.paragraphs[paragraph].source.block]
        return edits[place.element], place.base + starts[paragraph] + offset

    for index, pieces in enumerate(repaired.pieces):
        sources = repaired.sources_of(index)
        _delete_region(places, texts, draft, starts, sources[0], sources[-1], edits)
        for piece in pieces:
            edit, position = at(piece.paragraph, piece.start)
            if piece.verbatim:
                edit.deleted.difference_update(range(position, position + piece.end - piece.start))
            elif piece.text and piece.end > piece.start:
                edit.before[position].append(piece.text)
            elif piece.text:
                (edit.after[position - 1] if position > 0 else edit.before[position]).append(piece.text)
    for element, edit in edits.items():
        _apply_edit(element, edit, draft.name)


def _delete_region(
    places: dict[int, _Place],
    texts: list[str],
    draft: Document,
    starts: list[int],
    first: int,
    last: int,
    edits: dict[etree._Element, _Edit],
) -> None:
    """Mark as deleted everything from the start of draft paragraph ``first`` to the end of ``last``."""
    begin_block, end_block = draft.paragraphs[first].source.block, draft.paragraphs[last].source.block
    for block in range(begin_block, end_block + 1):
        place = places.get(block)
        if place is None:
            continue
        low = starts[first] if block == begin_block else 0
        high = starts[last] + len(draft.paragraphs[last].text) if block == end_block else len(texts[block])
        edits[place.element].deleted.update(range(place.base + low, place.base + high))


def _merge_blocks(
    blocks: list[etree._Element], texts: list[str], spans: list[tuple[int, int]], name: str
) -> dict[int, _Place]:
    """Join the DOCX paragraphs each repaired paragraph spans; say where every block's text now lives.

    Blocks that were removed (empty paragraphs between joined fragments) have no place.
    Raise `OutputError` where a paragraph mark to remove is a revision of the author.
    """
    places = {block: _Place(element, 0) for block, element in enumerate(blocks)}
    lengths = {element: len(text) for element, text in zip(blocks, texts, strict=True)}
    for first, last in spans:
        target = places[first].element
        for block in range(first + 1, last + 1):
            element = blocks[block]
            if element.getparent() is not target.getparent():
                logger.warning("not joining paragraphs %d and %d: they are in different cells", first, block)
                target = element
                continue
            if tracked_mark(element) or tracked_mark(target):
                raise OutputError(
                    f"{name}: “{texts[first][:12]}”后的段落标记是作者的修订，连接段落会改动它；"
                    "请先在 Word 中接受或拒绝修订，或写出审阅稿"
                )
            if not texts[block].strip() and block < last:
                if _holds_nothing(element):
                    _move_marks(element, target)
                    del places[block]
                continue
            places[block] = _Place(target, lengths[target])
            _move_content(element, target)
            lengths[target] += len(texts[block])
    return places


def _holds_nothing(paragraph: etree._Element) -> bool:
    """Does an empty paragraph hold only marks, white space and empty runs, nothing to keep it for?"""
    for child in paragraph:
        if child.tag == _R:
            for item in child:
                if item.tag == _BR and item.get(qn("w:type"), "textWrapping") == "textWrapping":
                    continue
                if item.tag not in _EMPTY_RUN_CONTENT or (item.tag == _T and (item.text or "").strip()):
                    return False
        elif child.tag not in _MARKS and child.tag not in _DROPPED and child.tag != _PPR:
            return False
    return True


def _move_marks(source: etree._Element, target: etree._Element) -> None:
    """Move an empty paragraph's marks and comment references to the end of ``target``; remove it."""
    for child in list(source):
        if child.tag in _MARKS:
            target.append(child)
        elif child.tag == _R and child.find(qn("w:commentReference")) is not None:
            for item in list(child):
                if item.tag not in (_RPR, qn("w:commentReference")):
                    child.remove(item)
            target.append(child)
    _move_section(source, target)
    source.getparent().remove(source)


def _move_content(source: etree._Element, target: etree._Element) -> None:
    """Append ``source``'s content to ``target`` and remove ``source``, keeping its section break if any."""
    for child in list(source):
        if child.tag != _PPR:
            target.append(child)
    _move_section(source, target)
    source.getparent().remove(source)


def _move_section(source: etree._Element, target: etree._Element) -> None:
    section = source.find(f"{_PPR}/{_SECT_PR}")
    if section is None or target.find(f"{_PPR}/{_SECT_PR}") is not None:
        return
    target.get_or_add_pPr().insert_element_before(section, "w:pPrChange")


def _apply_edit(paragraph: etree._Element, edit: _Edit, name: str) -> None:
    """Make ``edit``'s character edits; raise `OutputError` where they touch text the author tracked."""
    touched_runs = []
    for atom in paragraph_atoms(paragraph):
        positions = range(atom.start, atom.end)
        if not any(p in edit.deleted or p in edit.before or p in edit.after for p in positions):
            continue
        if in_revision(atom, paragraph):
            raise OutputError(
                f"{name}: “{atom.text[:12]}”在作者的修订痕迹里，自动修改会改动它；"
                "请先在 Word 中接受或拒绝修订，或写出审阅稿"
            )
        touched_runs.append(atom.run)
        if atom.is_text:
            _rewrite_text(atom, edit)
        else:
            _rewrite_single(atom, edit)
    for run in touched_runs:
        if run.getparent() is not None and all(child.tag == _RPR for child in run):
            run.getparent().remove(run)


def _rewrite_text(atom: TextAtom, edit: _Edit) -> None:
    parts = []
    for position, char in enumerate(atom.text, start=atom.start):
        parts.extend(edit.before.get(position, ()))
        if position not in edit.deleted:
            parts.append(char)
        parts.extend(edit.after.get(position, ()))
    text = "".join(parts)
    if text:
        set_text(atom.element, text)
    else:
        atom.run.remove(atom.element)


def _rewrite_single(atom: TextAtom, edit: _Edit) -> None:
    """A tab or break: insert text beside it in its run, delete it if asked."""
    for texts, offset in ((edit.before.get(atom.start), 0), (edit.after.get(atom.start), 1)):
        if texts:
            text = OxmlElement("w:t")
            set_text(text, "".join(texts))
            atom.run.insert(atom.run.index(atom.element) + offset, text)
    if atom.start in edit.deleted:
        atom.run.remove(atom.element)
