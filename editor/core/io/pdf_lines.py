"""Printed lines from characters: one baseline, no gap wider than the type leaves between its characters.

Characters on one baseline belong to one line until a gap opens that is wider than type is set
with (more than half a character): that gap is a gutter between columns, or the space between the
parts of a running head. A line justified wide (a line that may not start with the mark after it
spreads its characters) has such gaps too; there the page draws the characters one after the other,
so characters drawn in succession stay one line across a gap of up to one and a half characters.
A space the page prints inside a line is kept, once; a line never starts or ends with one.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from editor.core.io.pdf_chars import Char

#: A gap wider than this share of the type size ends a line: the text beyond it is another column;
#: between characters drawn in succession, a gap wider than the second.
_GAP, _SPREAD = 0.6, 1.5
#: Characters whose baselines differ by less than this share of the type size stand on one line.
_BASELINE = 0.3


@dataclass(frozen=True)
class Line:
    """One printed line: its text, its left and right edge, baseline and type size."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float

    @property
    def top(self) -> float:
        return self.baseline - 0.88 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + 0.12 * self.size


def lines_of(chars: list[Char]) -> list[Line]:
    """The lines the characters of one page make, top to bottom and left to right."""
    lines: list[Line] = []
    for row in _rows(sorted(chars, key=lambda char: char.baseline)):
        lines.extend(_split_at_gaps(sorted(row, key=lambda char: char.x0)))
    return sorted(lines, key=lambda line: (round(line.baseline, 1), line.x0))


def _rows(chars: list[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    for char in chars:
        if rows and char.baseline - rows[-1][0].baseline <= _BASELINE * max(char.size, rows[-1][0].size):
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _split_at_gaps(row: list[Char]) -> list[Line]:
    lines, current = [], [row[0]]
    for before, char in zip(row, row[1:], strict=False):
        gap, size = char.x0 - before.x1, max(char.size, before.size)
        if gap > (_SPREAD if char.order == before.order + 1 else _GAP) * size:
            lines.append(current)
            current = []
        current.append(char)
    lines.append(current)
    return [line for line in map(_line, lines) if line is not None]


def _line(chars: list[Char]) -> Line | None:
    printed = [char for char in chars if not char.text.isspace()]
    if not printed:
        return None
    text, space = [], False
    for char in chars:
        if char.text.isspace():
            space = True
            continue
        if space and text:
            text.append(" ")
        text.append(char.text)
        space = False
    return Line(
        "".join(text),
        printed[0].x0,
        printed[-1].x1,
        median(char.baseline for char in printed),
        median(char.size for char in printed),
    )
