"""The text a DOCX paragraph shows, element by element, shared by the reader and the writers.

Reading and writing back must agree on every character: the reader numbers the
characters a paragraph shows, the writers find each numbered character's element
again to replace, delete or move it. Both walk the XML with `paragraph_atoms`.

Shown text is the text of ``w:t`` (also inside hyperlinks, smart tags, fields'
results, tracked insertions), ``w:tab`` as a tab, manual line breaks (``w:br``
without a page or column type, ``w:cr``) as ``"\\n"``. Deleted text (``w:del``,
``w:moveFrom``), field instructions, hidden runs and text boxes are not shown text
(a text box is a flow of its own, `docx_parts`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cached_property

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Paragraph
from editor.core.io.docx_parts import Block, story_blocks
from editor.core.io.errors import OutputError

LINE_BREAK = "\n"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P, _R, _T = qn("w:p"), qn("w:r"), qn("w:t")
_BR, _CR, _TAB, _PTAB, _NO_BREAK_HYPHEN = (qn(tag) for tag in ("w:br", "w:cr", "w:tab", "w:ptab", "w:noBreakHyphen"))
#: Elements whose content is never shown text of the paragraph they sit in.
_SKIPPED = {
    qn(tag)
    for tag in ("w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:sdtPr", "w:drawing", "w:pict", "w:object", "w:instrText")
} | {f"{{{_MC}}}Fallback"}


@dataclass(frozen=True)
class TextAtom:
    """One element that shows text: ``w:t`` (any length) or a one-character element (tab, break)."""

    element: etree._Element
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def run(self) -> etree._Element:
        return self.element.getparent()

    @property
    def is_text(self) -> bool:
        return self.element.tag == _T


def _is_hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val"), "true") not in {"0", "false", "off"}


def _atom_text(element: etree._Element) -> str | None:
    tag = element.tag
    if tag == _T:
        return element.text or ""
    if tag in (_TAB, _PTAB):
        return "\t"
    if tag == _CR:
        return LINE_BREAK
    if tag == _BR:
        return LINE_BREAK if element.get(qn("w:type"), "textWrapping") == "textWrapping" else ""
    if tag == _NO_BREAK_HYPHEN:
        return "\u2011"
    return None


def paragraph_atoms(paragraph: etree._Element) -> list[TextAtom]:
    """The shown-text elements of a ``w:p``, in order, with their offsets."""
    atoms: list[TextAtom] = []
    position = 0

    def walk(element: etree._Element) -> None:
        nonlocal position
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _SKIPPED:
                continue
            if child.tag == _R:
                if _is_hidden(child):
                    continue
                for item in child:
                    text = _atom_text(item)
                    if text:
                        atoms.append(TextAtom(item, position, text))
                        position += len(text)
            elif child.tag != _P:
                walk(child)

    walk(paragraph)
    return atoms


def set_text(element: etree._Element, text: str) -> None:
    """Set a ``w:t``'s text, keeping its spaces (Word drops leading and trailing ones otherwise)."""
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def shown_text(atoms: list[TextAtom]) -> str:
    return "".join(atom.text for atom in atoms)


def segment_starts(text: str) -> list[int]:
    """Where each manual-line-break segment of a paragraph's shown text starts."""
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == LINE_BREAK)
    return starts


@dataclass(frozen=True)
class DocxOrigin:
    """What a DOCX draft was read from: its bytes, parsed afresh for every write.

    Parsing again keeps every write independent of earlier ones (the GUI may save
    many times) and guarantees the writer sees exactly the XML the reader numbered.
    """

    data: bytes

    def open(self) -> OpenedDocx:
        return OpenedDocx(docx.Document(io.BytesIO(self.data)))


@dataclass
class OpenedDocx:
    """A parsed DOCX and the paragraphs of all its parts in reading order (the ``block`` numbers of `Source`)."""

    document: DocxDocument
    _segments: dict[int, list[int]] = field(default_factory=dict, repr=False)  # segment starts by block

    @cached_property
    def stories(self) -> list[Block]:
        """Every paragraph of every part, with its flow (`docx_parts.story_blocks`)."""
        return story_blocks(self.document)

    @cached_property
    def blocks(self) -> list[etree._Element]:
        return [block.element for block in self.stories]

    @cached_property
    def texts(self) -> list[str]:
        """The shown text of every block, as read (before any change)."""
        return [shown_text(paragraph_atoms(block)) for block in self.blocks]

    def start_of(self, paragraph: Paragraph, name: str) -> int:
        """Where a draft paragraph's text starts in its block's shown text.

        Raise `OutputError` if the draft does not match the DOCX (it was edited, or read from another file).
        """
        source = paragraph.source
        start = -1
        if 0 <= source.block < len(self.blocks):
            if source.block not in self._segments:
                self._segments[source.block] = segment_starts(self.texts[source.block])
            starts = self._segments[source.block]
            start = starts[source.line] + len(source.indent) if 0 <= source.line < len(starts) else -1
        if start < 0 or self.texts[source.block][start : start + len(paragraph.text)] != paragraph.text:
            raise OutputError(f"{name}: 稿件第{source.block + 1}段与原 DOCX 不一致，无法写回；请另存为 .txt")
        return start
