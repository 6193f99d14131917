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

#: The widest gap between the lines of one block (bottom to top) and the farthest a line may start
#: left or right of the block's edge (an indent), as shares of the type size.
_PITCH_GAP, _INDENT_REACH = 0.8, 2.6
#: Type sizes of the same block differ by less than this share.
_SAME_SIZE = 0.08
#: Marks set at the end of a full line, hanging past the column edge.
HANGING = frozenset("，。、；：？！）》」』”’…—")


@dataclass
class Block:
    """Lines of type, or a picture (no lines, its ``box``: left, top, right, bottom), which only takes room."""

    lines: list[Line] = field(default_factory=list)
    kind: ParagraphKind = ParagraphKind.BODY
    box: tuple[float, float, float, float] | None = None

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

    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def blocks_of(lines: list[Line]) -> list[Block]:
    """The blocks the lines of one page make (``lines`` top to bottom)."""
    blocks: list[Block] = []
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        below = [block for block in blocks if _continues(block, line)]
        if below:
            min(below, key=lambda block: line.top - block.bottom).lines.append(line)
        else:
            blocks.append(Block([line]))
    return blocks


def _continues(block: Block, line: Line) -> bool:
    last = block.lines[-1]
    size = max(line.size, last.size)
    return (
        abs(line.size - last.size) <= _SAME_SIZE * size
        and -0.2 * size <= line.top - last.bottom <= _PITCH_GAP * size
        and abs(line.x0 - block.x0) <= _INDENT_REACH * size
    )


def picture_blocks(boxes: list[tuple[float, float, float, float]]) -> list[Block]:
    return [Block(box=box) for box in boxes]


def body_size(blocks: list[Block]) -> float:
    """The type size most lines of the page are set in (of two as common, the smaller)."""
    sizes = Counter(round(line.size * 2) / 2 for block in blocks for line in block.lines)
    return min(sizes, key=lambda size: (-sizes[size], size)) if sizes else 10.0


def classify(blocks: list[Block], body: float) -> None:
    """Set each block's kind by its size against the body type ``body`` (a picture has none to set)."""
    for block in blocks:
        if block.box is not None:
            continue
        ratio = block.size / body
        if ratio >= 1.4:
            block.kind = ParagraphKind.HEADLINE
        elif ratio >= 1.12:
            block.kind = ParagraphKind.SUBHEADLINE
        elif ratio <= 0.92:
            block.kind = ParagraphKind.CAPTION
        else:
            block.kind = ParagraphKind.BODY
