"""Paragraphs from the blocks of a page in reading order: where a layout person sees one start.

A headline starts an article, or the 引题 over it (a subheadline just before a headline). Headlines,
subheadlines and captions are one paragraph per block;
a short line of the byline's shape (本报记者 …) under the headline is the byline. Body lines run
on, from column to column, until a paragraph starts. How a page marks its paragraphs (`Marks`), the
pages of a file answer together: where the page indents them (most newspapers do), a paragraph starts
exactly at an indented line (an enumeration's paragraph may end in "；"); where it sets space between
them instead (a page set from a word processor's or ReportLab's styles), at a line with that space
above it in its column, and at a column's head after a line that stops short; where it does neither,
after a line that stops short of the column edge and ends on a mark (not on "，", "、" or "；", where a
paragraph of news copy does not end, nor in a word, where a line set ragged right stops too).
The lines of a paragraph are joined without a space, as Chinese is set; a Latin word hyphenated
at a line end is whole again, and a Latin word and the word or number on the other side of a line
end keep their space (no layout system cuts a Latin word or a number without a hyphen, so a line
end there was a space). Full-width spaces at a paragraph's head are its indent, not its text.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from editor.core.document import ParagraphKind
from editor.core.io.pdf_blocks import Block
from editor.core.io.pdf_jumps import Article, Piece, take_jump
from editor.core.io.pdf_lines import FULL_WIDTH_SPACE, Line
from editor.core.marks import ends_with_sentence_mark

#: An indent is at least this share of the type size; a line stopping this far short of the edge is short.
_INDENT, _SHORT = 1.2, 0.8
#: A paragraph's first line is indented by two characters, by three at the most.
_MOST_INDENT = 3.0
#: A line set flush right in its column ends within this share of the type size of the column's edge.
_FLUSH = 0.2
_NEVER_ENDS = ("，", "、", "；", ",")
#: Between paragraphs set apart by space, the white from one line's foot to the next line's head is wider than
#: between a block's lines (`pdf_blocks.line_reach`), by at most this share of the type size: more is another
#: piece of type.
_PARAGRAPH_SPACE = 1.7


class Marks(Enum):
    """How the pages mark where a paragraph starts."""

    INDENT = "a first-line indent"
    SPACE = "space between paragraphs"
    SHORT = "neither: the line before stops short"


_BYLINE = re.compile(r"^(?:本报记者|本报通讯员|本报评论员|见习记者|特约记者|记者|通讯员|实习生|文/|图/|文\s*[|︱])")
_LATIN, _ALNUM = re.compile(r"[A-Za-z]"), re.compile(r"[A-Za-z0-9]")


def paragraph_marks(pages: list[tuple[list[Block], list[float], float]]) -> Marks:
    """How the pages (each its blocks, column edges and `line_reach`) mark paragraphs. A paper sets every page
    alike, so the pages answer together: a page holding only the unindented rest of a jumped paragraph follows
    the others."""
    body = [
        (block, _left(block, lefts, blocks))
        for blocks, lefts, _ in pages
        for block in blocks
        if block.kind is ParagraphKind.BODY
    ]
    lines = sum(len(block.lines) for block, _ in body)
    indented = sum(_indented(line, left) for block, left in body for line in block.lines)
    if indented >= max(1, 0.02 * lines):
        return Marks.INDENT
    stacked = sum(_spaced(upper.lines[-1], lower.lines[0], reach) for upper, lower, reach in _stacked(pages))
    return Marks.SPACE if stacked >= max(2, 0.02 * lines) else Marks.SHORT


def _stacked(pages: list[tuple[list[Block], list[float], float]]):
    """Each body block of a page with the body block next under it in its column (the two side by side across,
    as a centred 小标题 stands over its paragraph), and the page's `line_reach`."""
    for blocks, _, reach in pages:
        body = [block for block in blocks if block.kind is ParagraphKind.BODY]
        for upper in body:
            under = [
                lower for lower in body if lower.top > upper.bottom and lower.x0 < upper.x1 and upper.x0 < lower.x1
            ]
            if under:
                yield upper, min(under, key=lambda lower: lower.top), reach


def _spaced(before: Line, line: Line, reach: float) -> bool:
    """Is there a paragraph's space between ``before`` and ``line`` under it in its column: more white than the
    page's `line_reach` leaves between a block's lines?"""
    white = line.top - before.bottom
    return reach < white / line.size <= reach + _PARAGRAPH_SPACE


def column_lefts(blocks: list[Block], body: float) -> list[float]:
    """The left edges of the page's body columns (blocks of three lines or more), left to right."""
    lefts: list[float] = []
    for x in sorted(block.x0 for block in blocks if block.kind is ParagraphKind.BODY and len(block.lines) >= 3):
        if not lefts or x - lefts[-1] > body:
            lefts.append(x)
    return lefts


class _Placed(NamedTuple):
    """A body line with the edges of the column it is set in."""

    line: Line
    left: float
    right: float


def articles_of(blocks: list[Block], lefts: list[float], marks: Marks, page: str, reach: float) -> list[Article]:
    """The articles of one page's ``blocks`` (in reading order), each with its paragraphs (``reach``: the page's
    `line_reach`)."""
    articles: list[Article] = [Article()]
    last: _Placed | None = None  # the body line before
    above: tuple[float, float] | None = None  # the edges of the column it, or a table just read, stands in
    current: Piece | None = None  # the body paragraph it belongs to
    in_title = False  # the block before is a headline or a 引题
    texts = [block for block in blocks if block.box is None or block.cells]  # pictures only take room
    body = [block for block in texts if block.kind is ParagraphKind.BODY and not block.cells]
    edges = {id(block): _left(block, lefts, texts) for block in body}
    flow = [_Placed(line, edges[id(block)], block.right) for block in body for line in block.lines]
    below = {id(placed.line): following for placed, following in zip(flow, flow[1:], strict=False)}
    for index, block in enumerate(texts):
        article = articles[-1]
        following = texts[index + 1].kind if index + 1 < len(texts) else None
        title = block.kind is ParagraphKind.HEADLINE or (
            block.kind is ParagraphKind.SUBHEADLINE and following is ParagraphKind.HEADLINE
        )
        if title:
            if not in_title and article.pieces:
                article = Article()
                articles.append(article)
            last = current = above = None
        in_title = title
        if block.cells:  # a table, cell by cell: the text after it starts afresh
            column = _column(block.x0, lefts)
            article.pieces.extend(Piece(text, ParagraphKind.BODY, page, column, cell=True) for text in block.cells)
            last, current, above = None, None, above or (block.x0, block.x1)  # the column it stands in
            continue
        if block.kind is not ParagraphKind.BODY:
            text = take_jump(join_lines(line.text for line in block.lines), article)
            if text:
                article.pieces.append(Piece(text, block.kind, page, _column(block.x0, lefts)))
            if block.kind is ParagraphKind.SUBHEADLINE:
                last = current = above = None
            continue
        left, right = edges[id(block)], block.right
        if above is not None and len(block.lines) == 1 and _inside(block, *above):
            left, right = above  # a line set inside the column above (a centred 小标题, a signature flush right)
        for line in block.lines:
            text = take_jump(line.text, article)
            if not text:
                continue
            here = _Placed(line, left, right)
            short = len(block.lines) == 1 or _stops_short(line, right)
            if last is None and short and _BYLINE.match(text) and "。" not in text:
                article.pieces.append(Piece(text, ParagraphKind.BYLINE, page, _column(line.x0, lefts)))
                continue
            heading = last is not None and _intertitle(here, last, below.get(id(line)), marks, reach)
            if current is None or last is None or heading or _starts(here, last, marks, reach):
                continues = last is None and not (marks is Marks.INDENT and _indented(line, left))
                text = text.lstrip(FULL_WIDTH_SPACE)
                current = Piece(text, ParagraphKind.BODY, page, _column(line.x0, lefts), continues)
                article.pieces.append(current)
            else:
                current.text = join_lines((current.text, text))
            current.open_end = _left_open(line, left, right)
            last, above = here, (left, right)
    return [article for article in articles if article.pieces or article.jump_to or article.jump_from]


def _inside(block: Block, left: float, right: float) -> bool:
    """Does the block stand inside the column from ``left`` to ``right`` (a line set flush right ends at the edge,
    give or take its last glyph's advance)?"""
    return left <= block.x0 and block.x1 - _FLUSH * block.size <= right


def _starts(here: _Placed, last: _Placed, marks: Marks, reach: float) -> bool:
    line, before = here.line, last.line
    if marks is Marks.INDENT:
        return _indented(line, here.left)
    ends = _stops_short(before, last.right) and _may_end(before.text)
    if marks is Marks.SHORT:
        return ends
    if line.top > before.bottom and before.x0 < line.x1 and line.x0 < before.x1:  # above it in its column
        return _spaced(before, line, reach)
    return ends  # the head of a column: the line before ends the one to its left


def _intertitle(here: _Placed, last: _Placed, following: _Placed | None, marks: Marks, reach: float) -> bool:
    """Is ``here`` a 小标题 (an intertitle set at the body size, flush left or centred), a paragraph of its own:
    after a line ending a sentence, stopping short of its column's edge in a word, before a line that starts a
    paragraph by the page's marks (``following``; None: the page's text ends)? A paragraph's last line ends on a
    mark; a line stopping short in a word inside one (its last character taken down with a mark no line starts
    with, on a page set ragged) goes on into a line that starts none. A page marking paragraphs by neither shows
    none."""
    if marks is Marks.SHORT:
        return False
    return (
        _may_end(last.line.text)
        and _stops_short(here.line, here.right)
        and here.line.text[-1:].isalnum()
        and (following is None or _starts(following, here, marks, reach))
    )


def _may_end(text: str) -> bool:
    """Can a paragraph of news copy end with this line? It ends on a mark (。！？…”）：), never in a word or a number,
    nor on ，、；: a line of a column set ragged stops short there too."""
    return bool(text) and not text[-1].isalnum() and not text.endswith(_NEVER_ENDS)


def _left(block: Block, lefts: list[float], blocks: list[Block]) -> float:
    """The column edge the block is set from: a page column's left just left of it, else its own. A page column's
    left inside the text of a block level with it and left of it (``blocks``: the page's), or closer to that text
    than a gutter, is no edge of this one: the columns of an article beside a headline set upright stand off the
    page's grid."""
    size = block.size

    def clear(x: float) -> bool:
        return not any(
            other.x0 < block.x0 and other.x1 > x - 0.5 * size and other.top < block.bottom and block.top < other.bottom
            for other in blocks
            if other is not block
        )

    near = [x for x in lefts if block.x0 - 2.6 * size <= x <= block.x0 + 0.3 * size and clear(x)]
    return min(near + [block.x0])


def _indented(line: Line, left: float) -> bool:
    return line.x0 - left >= _INDENT * line.size


def _left_open(line: Line, left: float, right: float) -> bool:
    """Is a paragraph whose last line on the page is ``line`` left open, for the text at the head of the next page
    or of a jump's rest to carry on? It ends on ，、；, or it starts at its column's left edge (a first line's
    indent aside) and runs to the right edge, or stops short in mid-sentence (a mark no line starts with took it
    short). A line set apart in its column starts far right of the column's left: a signature set flush right
    reaches the edge, and ends its paragraph all the same."""
    if line.text.endswith(_NEVER_ENDS):
        return True
    starts = line.x0 - left <= _MOST_INDENT * line.size
    return starts and (not _stops_short(line, right) or not ends_with_sentence_mark(line.text))


def _stops_short(line: Line, right: float) -> bool:
    return line.x1 < right - _SHORT * line.size


def _column(x: float, lefts: list[float]) -> int:
    """The page column (from 1, left to right) a paragraph starting at ``x`` stands in."""
    return max(1, sum(left <= x + 1 for left in lefts))


def join_lines(parts) -> str:
    """The lines of one paragraph as one text: a Latin word hyphenated at a line end whole again, and a space
    between two words at a line end where one of them is Latin (the new / policy); Chinese runs on."""
    text = ""
    for part in parts:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        elif text and _ALNUM.match(text[-1]) and _ALNUM.match(part[:1]) and _LATIN.search(text[-1] + part[0]):
            text += " " + part
        else:
            text += part
    return text
