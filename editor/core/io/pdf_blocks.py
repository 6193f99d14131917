"""Blocks: the lines of one column of one article in one type size, and what each block is by its size.

A block is what a layout person sees as one piece of type: lines of one size, one under the other
at the line pitch, on one left edge (a first-line indent of two characters, or a paragraph's last
line that starts there, stays in it). A headline over several columns, a subheadline, a caption
and each column of body text are blocks of their own. What a block is, the size says against
the page's body type (the size most characters are set in): much larger is a headline, somewhat
larger a subheadline, smaller a caption.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from editor.core.document import ParagraphKind
from editor.core.io.pdf_lines import Line

#: The widest gap between the lines of one block (bottom to top) at the least, and the farthest a line may start
#: left or right of the block's edge (an indent), as shares of the type size.
_PITCH_GAP, _INDENT_REACH = 0.8, 2.6
#: How much more white than the page usually leaves between one line and the next may stand inside a block, and
#: how many pairs of lines of the body type show what it usually leaves.
_SLACK, _PAIRS = 0.3, 5
#: Type sizes of the same block differ by less than this share.
_SAME_SIZE = 0.08
#: Type this much larger than the body type is a subheadline's or larger (a headline's: `classify`).
TITLE_SIZE, HEADLINE_SIZE = 1.12, 1.4
#: The most characters a line of type set upright holds: two digits set across (纵中横排).
_UPRIGHT_WIDTH = 2
#: Marks set at the end of a full line, hanging past the column edge.
HANGING = frozenset("，。、；：？！）》」』”’…—")


@dataclass
class Block:
    """Lines of type, or a picture or a ruled table (no lines, its ``box``: left, top, right, bottom): a picture
    only takes room, a table is read cell by cell (its ``cells``, row by row)."""

    lines: list[Line] = field(default_factory=list)
    kind: ParagraphKind = ParagraphKind.BODY
    box: tuple[float, float, float, float] | None = None
    cells: tuple[str, ...] = ()

    @property
    def x0(self) -> float:
        return self.box[0] if self.box else min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return self.box[2] if self.box else max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return self.box[1] if self.box else self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.box[3] if self.box else self.lines[-1].bottom

    @property
    def size(self) -> float:
        return median(line.size for line in self.lines)

    @property
    def right(self) -> float:
        """The column's right edge: where full lines end, a mark hanging past it not counted (a line ending in
        one reaches at least a character short of the edge)."""
        return max(line.x1 - (line.size if line.text[-1] in HANGING else 0.0) for line in self.lines)

    @property
    def upright(self) -> bool:
        """Is it type set upright, a character a line (a 竖排 headline), a number of two digits across in one
        (纵中横排: 29人), taller than it is wide?"""
        return (
            len(self.lines) >= 2
            and _a_character_a_line(self.lines)
            and self.bottom - self.top > 2 * (self.x1 - self.x0)
        )

    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def line_reach(lines: list[Line], body: float) -> float:
    """The widest white (a share of the type size) between two lines of one block on this page: what the page
    usually leaves between a line of its body type and the next one under it in its column, and a little more.
    A page leaded generously (twice the type size) leaves more than a tightly leaded one sets between two
    paragraphs. Too few such pairs to tell (a headline and a line or two) keep the least. ``body``: the page's
    body type (`body_size`)."""
    ordered = sorted(lines, key=lambda line: line.top)
    whites = []
    for index, line in enumerate(ordered):
        if abs(line.size - body) > _SAME_SIZE * body:
            continue
        for under in ordered[index + 1 :]:
            if under.top > line.bottom + 3 * line.size:
                break
            if min(line.x1, under.x1) - max(line.x0, under.x0) > 0.5 * line.size:  # the next line under it
                if _one_size(line, under) and under.top > line.bottom - 0.2 * line.size:
                    whites.append((under.top - line.bottom) / line.size)
                break
    return max(_PITCH_GAP, median(whites) + _SLACK) if len(whites) >= _PAIRS else _PITCH_GAP


def blocks_of(lines: list[Line], body: float, reach: float = _PITCH_GAP) -> list[Block]:
    """The blocks the lines of one page make (``lines`` top to bottom), no more than ``reach`` (`line_reach`) of
    white between two lines of one; ``body``: the page's body type (`body_size`). A line goes on under the block
    above it where one is (a headline set upright goes on under its last character, not in the headline beside it
    that wraps to a second line level with it)."""
    blocks: list[Block] = []
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        below = [block for block in blocks if _continues(block, line, reach, body)]
        below = [block for block in below if min(block.x1, line.x1) > max(block.x0, line.x0)] or below
        if below:
            min(below, key=lambda block: line.top - block.bottom).lines.append(line)
        else:
            blocks.append(Block([line]))
    return blocks


def _continues(block: Block, line: Line, reach: float, body: float) -> bool:
    """Does ``line`` go on in ``block``: one size, under it at its line pitch, from its left edge, or a title's
    line centred under the one above (a headline centred in two lines)? Type set upright goes on only a character
    a line (the headline under it, or beside it, starts a block of its own)."""
    last = block.lines[-1]
    size = max(line.size, last.size)
    return (
        _one_size(line, last)
        and not (len(line.text.strip()) > _UPRIGHT_WIDTH and _upright_so_far(block, body))
        and -0.2 * size <= line.top - last.bottom <= reach * size
        and (abs(line.x0 - block.x0) <= _INDENT_REACH * size or _centred_title(line, last, body))
    )


def _upright_so_far(block: Block, body: float) -> bool:
    """Is the block type set upright, or a title's character or two standing alone, which may be a 竖题's first
    (no headline's first line holds so little): a wider title's line beside and under it is another headline's."""
    return block.upright or (block.size >= TITLE_SIZE * body and _a_character_a_line(block.lines))


def _a_character_a_line(lines: list[Line]) -> bool:
    """Does each line hold no more than type set upright does (a character, or two digits set across)?"""
    return all(len(line.text.strip()) <= _UPRIGHT_WIDTH for line in lines)


def _centred_title(line: Line, above: Line, body: float) -> bool:
    """Is ``line`` a title's (larger than the body type ``body``) centred on the axis of the line above it (within
    half an em)?"""
    return line.size >= TITLE_SIZE * body and abs(line.x0 + line.x1 - above.x0 - above.x1) / 2 <= 0.5 * line.size


def _one_size(line: Line, other: Line) -> bool:
    return abs(line.size - other.size) <= _SAME_SIZE * max(line.size, other.size)


#: A picture with this many lines of type standing on it is the ground they are printed on.
_PRINTED_OVER = 2


def picture_blocks(boxes: list[tuple[float, float, float, float]], blocks: list[Block]) -> list[Block]:
    """The pictures that take room on the page, among its ``blocks`` of type. A picture with lines of type standing
    on it is the ground they are printed on, not a picture beside them: a scan under its text layer, a page's
    background picture, a tinted panel behind a side bar."""
    lines = [line for block in blocks for line in block.lines]
    return [Block(box=box) for box in boxes if sum(_stands_on(line, box) for line in lines) < _PRINTED_OVER]


def _stands_on(line: Line, box: tuple[float, float, float, float]) -> bool:
    left, top, right, bottom = box
    return left <= (line.x0 + line.x1) / 2 <= right and top <= (line.top + line.bottom) / 2 <= bottom


def body_size(lines: list[Line]) -> float:
    """The type size most characters of the page's ``lines`` are set in (of two as common, the smaller): a
    headline set upright, a character a line, has as many lines as characters."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return min(sizes, key=lambda size: (-sizes[size], size)) if sizes else 10.0


def classify(blocks: list[Block], body: float) -> None:
    """Set each block's kind by its size against the body type ``body`` (a picture has none to set)."""
    for block in blocks:
        if block.box is not None:
            continue
        ratio = block.size / body
        if ratio >= HEADLINE_SIZE:
            block.kind = ParagraphKind.HEADLINE
        elif ratio >= TITLE_SIZE:
            block.kind = ParagraphKind.SUBHEADLINE
        elif ratio <= 0.92:
            block.kind = ParagraphKind.CAPTION
        else:
            block.kind = ParagraphKind.BODY
