"""Apply fixes to a document while remembering where every character came from.

The same code serves every caller that changes text: `proofdesk fix` writes the repaired
document, the editor's accept and apply-all actions take its result as one undo step,
saving applies the user's typing through it, and the engine lets the non-layout checks
read the draft *as it will be after layout repair* and maps what they find (and their
fixes) back onto the paragraphs as read. Which fixes go together is decided once, by
`editor.core.fixes.choose_fixes`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from editor.core.document import Document, Paragraph
from editor.core.fixes import Fix, choose_fixes, fixes_of
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
    """The repaired document, for each of its paragraphs the pieces it is made of, and the fixes applied.

    ``applied`` holds the candidates given to `apply_fixes` that it applied, in document order.
    """

    document: Document
    pieces: list[list[Piece]]
    draft: Document
    applied: list[Issue | Fix]

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
        """The issue found in the repaired text, pointing into the draft instead (its fixes too)."""
        paragraph, start, end = self.to_draft(issue.paragraph, issue.start, issue.end)
        text = self.draft.paragraphs[paragraph].text[start:end]
        fixes = tuple(mapped for fix in issue.fixes for mapped in self.map_fix(fix))
        return issue.moved(paragraph, start, end, text, fixes)

    def carry(self, issue: Issue) -> Issue | None:
        """A finding of the draft, at its place in the repaired text; None if an applied fix changed what it covers.

        The editor keeps the findings it did not apply on screen after an accept (and can
        say which one comes next) without waiting for the next check: what they flag and
        what their fixes change are verbatim pieces, so they move with them. A cut whose
        paragraph has been joined meanwhile is gone.
        """
        span = self._forward(issue.paragraph, issue.start, issue.end)
        if span is None:
            return None
        fixes = []
        for fix in issue.fixes:
            moved = self._forward(fix.paragraph, fix.start, fix.end)
            if moved is None:
                return None
            paragraph, start, end = moved
            if fix.joins_next and end != len(self.document.paragraphs[paragraph].text):
                return None
            fixes.append(Fix(paragraph, start, end, fix.replacement, fix.joins_next))
        return issue.moved(*span, issue.text, tuple(fixes))

    def position_of(self, paragraph: int, offset: int) -> tuple[int, int]:
        """Where a position of the draft is in the repaired text (in a replaced span: where its replacement starts)."""
        for number, position, piece in self._placed[paragraph]:
            if piece.start <= offset <= piece.end:
                return number, position + (offset - piece.start if piece.verbatim else 0)
        number, position, piece = self._placed[paragraph][-1]
        return number, position + len(piece.text)

    def _forward(self, paragraph: int, start: int, end: int) -> tuple[int, int, int] | None:
        for number, position, piece in self._placed[paragraph]:
            if piece.verbatim and piece.start <= start and end <= piece.end:
                return number, position + start - piece.start, position + end - piece.start
        return None

    @cached_property
    def _placed(self) -> dict[int, list[tuple[int, int, Piece]]]:
        """For each draft paragraph, its pieces with the repaired paragraph and position each one is at."""
        placed: dict[int, list[tuple[int, int, Piece]]] = defaultdict(list)
        for number, pieces in enumerate(self.pieces):
            position = 0
            for piece in pieces:
                placed[piece.paragraph].append((number, position, piece))
                position += len(piece.text)
        return placed

    def map_fix(self, fix: Fix) -> tuple[Fix, ...]:
        """A fix of the repaired text as fixes of the draft.

        A fix across a repaired cut becomes one fix per draft paragraph it covers: the
        first takes the replacement, the others delete what they cover, and the cut's own
        join (a layout fix) brings them together.
        """
        length = len(self.document.paragraphs[fix.paragraph].text)
        if fix.start == fix.end:
            paragraph, offset = self._locate(fix.paragraph, fix.start, at_end=fix.start == length)
            return (Fix(paragraph, offset, offset, fix.replacement, fix.joins_next),)
        first, start = self._locate(fix.paragraph, fix.start, at_end=False)
        last, end = self._locate(fix.paragraph, fix.end, at_end=True)
        if first == last:
            return (Fix(first, start, max(start, end), fix.replacement, fix.joins_next),)
        texts = self.draft.texts
        mapped = [Fix(first, start, len(texts[first]), fix.replacement)]
        mapped += [Fix(between, 0, len(texts[between]), "") for between in range(first + 1, last)]
        mapped.append(Fix(last, 0, end, "", fix.joins_next))
        return tuple(part for part in mapped if part.end > part.start or part.replacement or part.joins_next)


def apply_fixes(draft: Document, candidates: Iterable[Issue | Fix]) -> RepairedDocument:
    """Choose a non-overlapping set of ``candidates`` (`choose_fixes`) and apply it to ``draft``.

    A finding's fixes are applied all or nothing; a bare `Fix` (the user's typing) on its
    own. Within a paragraph the fixes apply in order of position, an insertion before a
    replacement that starts where it is. A joined paragraph keeps the kind and source of
    its first fragment. ``applied`` of the result says which candidates were applied.
    """
    applied = choose_fixes(candidates)
    by_paragraph: dict[int, list[Fix]] = defaultdict(list)
    for candidate in applied:
        for fix in fixes_of(candidate):
            by_paragraph[fix.paragraph].append(fix)

    paragraphs: list[Paragraph] = []
    all_pieces: list[list[Piece]] = []
    first: Paragraph | None = None
    pieces: list[Piece] = []
    last = len(draft.paragraphs) - 1
    for index, paragraph in enumerate(draft.paragraphs):
        own_pieces, joins_next = _pieces_of(index, paragraph.text, by_paragraph.get(index, []))
        first = first or paragraph
        pieces.extend(own_pieces or [Piece(index, 0, 0, "", True)])  # an empty paragraph is still a source
        if joins_next and index < last:
            continue
        text = "".join(piece.text for piece in pieces)
        paragraphs.append(first.with_text(text))
        all_pieces.append(pieces)
        first, pieces = None, []
    repaired = Document(paragraphs, name=draft.name, encoding=draft.encoding, origin=draft.origin, date=draft.date)
    return RepairedDocument(repaired, all_pieces, draft, applied)


def _pieces_of(index: int, text: str, fixes: list[Fix]) -> tuple[list[Piece], bool]:
    """The pieces of one draft paragraph under its (non-overlapping) fixes, and whether it joins the next."""
    pieces: list[Piece] = []
    position = 0
    for fix in sorted(fixes):
        if fix.start > position:
            pieces.append(Piece(index, position, fix.start, text[position : fix.start], True))
        if fix.replacement or fix.end > fix.start:
            pieces.append(Piece(index, fix.start, fix.end, fix.replacement, False))
        position = max(position, fix.end)
    if position < len(text):
        pieces.append(Piece(index, position, len(text), text[position:], True))
    return pieces, any(fix.joins_next for fix in fixes)
