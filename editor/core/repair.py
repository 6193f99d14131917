"""Apply fixes to a document while remembering where every character came from.

The same code serves two purposes: `proofdesk fix` writes the repaired document,
and the engine lets the non-layout checks read the draft *as it will be after layout
repair* and maps what they find back onto the paragraphs as read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.document import Document, Paragraph
from editor.core.issue import Issue


@dataclass(frozen=True)
class Piece:
    """A run of repaired text: either a verbatim slice of a draft paragraph or a replacement.

    A replacement stands in for ``[start, end)`` of draft paragraph ``paragraph``.
    """

    paragraph: int
    start: int
    end: int
    text: str
    verbatim: bool


@dataclass
class RepairedDocument:
    """The repaired document, and for each of its paragraphs the pieces it is made of."""

    document: Document
    pieces: list[list[Piece]]
    draft: Document

    def sources_of(self, paragraph: int) -> list[int]:
        """The draft paragraphs joined into repaired paragraph ``paragraph``, in order."""
        return sorted({piece.paragraph for piece in self.pieces[paragraph]})

    def to_draft(self, paragraph: int, start: int, end: int) -> tuple[int, int, int]:
        """Map a span of a repaired paragraph to a span of one draft paragraph.

        A span that crosses a repaired cut is clipped to the draft paragraph where it
        starts: an issue can only point into one paragraph as read.
        """
        draft_paragraph, draft_start = self._locate(paragraph, start, at_end=False)
        end_paragraph, draft_end = self._locate(paragraph, end, at_end=True)
        if end_paragraph != draft_paragraph:
            draft_end = len(self.draft.paragraphs[draft_paragraph].text)
        return draft_paragraph, draft_start, max(draft_start, draft_end)

    def _locate(self, paragraph: int, offset: int, at_end: bool) -> tuple[int, int]:
        position = 0
        pieces = self.pieces[paragraph]
        for index, piece in enumerate(pieces):
            length = len(piece.text)
            inside = position <= offset < position + length or (at_end and position < offset <= position + length)
            if inside or index == len(pieces) - 1:
                if piece.verbatim:
                    return piece.paragraph, min(piece.start + offset - position, piece.end)
                return piece.paragraph, piece.end if at_end else piece.start
            position += length
        raise IndexError(f"paragraph {paragraph} has no pieces")

    def map_issue(self, issue: Issue) -> Issue:
        """The issue found in the repaired text, pointing into the draft instead."""
        paragraph, start, end = self.to_draft(issue.paragraph, issue.start, issue.end)
        text = self.draft.paragraphs[paragraph].text[start:end]
        return issue.moved(paragraph, start, end, text)


def apply_fixes(draft: Document, issues: Iterable[Issue]) -> RepairedDocument:
    """Apply the fixes of ``issues`` to ``draft``; overlapping fixes after the first are skipped.

    A joined paragraph keeps the kind and source of its first fragment.
    """
    by_paragraph: dict[int, list[Issue]] = defaultdict(list)
    for issue in issues:
        if issue.replacement is not None:
            by_paragraph[issue.paragraph].append(issue)

    paragraphs: list[Paragraph] = []
    all_pieces: list[list[Piece]] = []
    first: Paragraph | None = None
    pieces: list[Piece] = []
    last = len(draft.paragraphs) - 1
    for index, paragraph in enumerate(draft.paragraphs):
        own_pieces, joins_next = _pieces_of(index, paragraph.text, by_paragraph.get(index, []))
        first = first or paragraph
        pieces.extend(own_pieces)
        if joins_next and index < last:
            continue
        text = "".join(piece.text for piece in pieces)
        paragraphs.append(first.with_text(text))
        all_pieces.append(pieces or [Piece(index, 0, 0, "", True)])
        first, pieces = None, []
    repaired = Document(paragraphs, name=draft.name, encoding=draft.encoding, origin=draft.origin)
    return RepairedDocument(repaired, all_pieces, draft)


def _pieces_of(index: int, text: str, issues: list[Issue]) -> tuple[list[Piece], bool]:
    pieces: list[Piece] = []
    position = 0
    joins_next = False
    for issue in sorted(issues, key=lambda issue: (issue.start, issue.end)):
        if issue.start < position:
            continue
        if issue.start > position:
            pieces.append(Piece(index, position, issue.start, text[position : issue.start], True))
        replacement = issue.replacement or ""
        if replacement == issue.text:
            if issue.end > issue.start:
                pieces.append(Piece(index, issue.start, issue.end, issue.text, True))
        elif replacement or issue.end > issue.start:
            pieces.append(Piece(index, issue.start, issue.end, replacement, False))
        position = issue.end
        joins_next = joins_next or issue.joins_next
    if position < len(text):
        pieces.append(Piece(index, position, len(text), text[position:], True))
    return pieces, joins_next
