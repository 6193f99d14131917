"""Recognise text hard-wrapped at a column width, and tell full lines from paragraph ends.

Newspaper columns hold 13-24 characters; text pasted from a PDF wraps at the page
width. When most lines that are followed directly by another line share one width,
the draft is hard-wrapped: a line that fills the column continues on the next one,
a shorter line ends its paragraph. A long draft may be pasted from pages of several
widths, so the width is read afresh for every stretch of lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from editor.core.document import Document
from editor.core.layout.shape import display_width

#: Share of the directly-followed lines that must fill one width for the draft to count as wrapped.
_MIN_SHARE = 0.5
_MIN_LINES = 4
#: A full line may fall short of the column by one half-width unit, or overhang it by a
#: hanging punctuation mark (禁则: no line starts with 。，、).
_SHORT_SLACK, _HANG_SLACK = 1, 2
#: Lines per stretch whose width is estimated together: a page or two of a column.
_STRETCH = 80


@dataclass(frozen=True)
class Columns:
    """The column width of a hard-wrapped draft (in half-width units), and whether it indents paragraphs."""

    width: int
    indented: bool

    def is_full(self, width: int) -> bool:
        return self.width - _SHORT_SLACK <= width <= self.width + _HANG_SLACK


def line_width(document: Document, index: int) -> int:
    paragraph = document.paragraphs[index]
    return display_width(paragraph.source.indent + paragraph.text)


def detect_columns(document: Document) -> list[Columns | None]:
    """For every paragraph as read, the column layout of its stretch, or None where lines are not wrapped."""
    paragraphs = document.paragraphs
    layout: list[Columns | None] = []
    for start in range(0, len(paragraphs), _STRETCH):
        stretch = range(start, min(start + _STRETCH, len(paragraphs)))
        layout.extend([_columns_of(document, stretch)] * len(stretch))
    return layout


def _columns_of(document: Document, stretch: range) -> Columns | None:
    paragraphs = document.paragraphs
    followed = [i for i in stretch if i + 1 < len(paragraphs) and paragraphs[i + 1].source.blank_before == 0]
    if len(followed) < _MIN_LINES:
        return None
    widths = Counter(line_width(document, i) for i in followed)
    best_width, best_count = 0, 0
    for width in widths:
        count = sum(widths[w] for w in range(width - _SHORT_SLACK, width + _HANG_SLACK + 1))
        if count > best_count or (count == best_count and width > best_width):
            best_width, best_count = width, count
    if best_count < _MIN_SHARE * len(followed):
        return None
    indented = sum(1 for i in stretch if paragraphs[i].source.indent) >= 2
    return Columns(best_width, indented)
