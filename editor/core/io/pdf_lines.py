"""Printed lines from characters: one baseline, no gap wider than the type leaves between its characters.

Characters on one baseline belong to one line until a gap opens that is wider than type is set
with (more than half a character): that gap is a gutter between columns, or the space between the
parts of a running head. A line justified wide (a line that may not start with the mark after it
spreads its characters) has such gaps too; there the page draws the characters one after the other,
so characters drawn in succession stay one line across a gap of up to two and a half characters
(two full-width spaces a page drawing each character by itself leaves as white), each as wide as the
line spreads its characters.
A space the page prints inside a line is kept, once; a line never starts or ends with one. A
full-width space (U+3000) is a character of the copy, as a typesetter keys it (本报记者　李明): it
is kept as it is, where it stands; only at a paragraph's head it is the indent (`pdf_paragraphs`).
A page that draws each character as its own text object (as 方正 systems do) draws no space: an
em of white between two text objects of a line is read as the full-width space it is (inside one
text object, white is the font's own advance), and white of an eighth of an em or more beyond the
line's spacing between two letters, digits or ideographs is a half-width space (本报记者 王岚,
iPhone 15: inside a word the letters stand tight); beside a mark, or between Chinese and Latin where
the layout system leaves its own gap, it is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from editor.core.io.pdf_chars import Char

#: A gap wider than this share of the type size ends a line: the text beyond it is another column;
#: between characters drawn in succession, a gap wider than the second. Beside type of two sizes the gap is
#: measured by the smaller: a gutter is no narrower for a headline in the next column standing level with a body line.
_GAP, _SPREAD = 0.6, 2.5
#: Between characters the page does not draw one after the other, white this much wider than the line's spacing (a
#: share of the type size) is a gutter too: a mark hanging past its column's edge leaves less of a narrow gutter
#: than ``_GAP`` (ReportLab's paragraphs hang ，。 so).
_DRAWN_APART = 0.25
#: Characters whose baselines differ by less than this share of the type size stand on one line.
_BASELINE = 0.3
FULL_WIDTH_SPACE = "\u3000"
#: A gap wider than the line's usual one by a whole em, give or take this share of it, with nothing drawn in
#: it, is a full-width space: a page that draws each character by itself draws no space at all.
_EM_SLACK = 0.15
#: On a page drawing each character by itself, white wider than the line's usual spacing by this share of the
#: type size between two letters, digits or ideographs is a half-width space (STSong's is 0.2 em, a Latin
#: word space 0.25 em, which the glyphs' boxes narrow).
_WORD_SPACE, _HALF_WIDTH = 0.12, 0.6


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
    rows = [sorted(row, key=lambda char: char.x0) for row in _rows(sorted(chars, key=lambda char: char.baseline))]
    alone = _one_by_one(chars)
    lines: list[Line] = []
    for index, row in enumerate(rows):
        near = [other for other in rows[max(0, index - 1) : index + 2] if other is not row] if alone else None
        lines.extend(_split_at_gaps(row, near))
    return sorted(lines, key=lambda line: (round(line.baseline, 1), line.x0))


def _one_by_one(chars: list[Char]) -> bool:
    """Does the page draw each character as a text object of its own (as 方正 systems do)?"""
    drawn = sorted(chars, key=lambda char: char.order)
    alone = sum(before.run != char.run for before, char in zip(drawn, drawn[1:], strict=False))
    return alone > 0.5 * len(chars)


def _rows(chars: list[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    for char in chars:
        if rows and char.baseline - rows[-1][0].baseline <= _BASELINE * max(char.size, rows[-1][0].size):
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _split_at_gaps(row: list[Char], near: list[list[Char]] | None) -> list[Line]:
    """The row cut at its gutters. Characters drawn one after the other in one text object are one line
    across a wide gap; on a page drawing each character by itself, so are characters drawn one after the
    other unless white runs down the gap through the rows above or below (``near``): a gutter."""
    lines, current = [], [row[0]]
    pairs = list(zip(row, row[1:], strict=False))
    spacing = [c.x0 - b.x1 for b, c in pairs if c.x0 - b.x1 <= _GAP * max(b.size, c.size)]
    usual = max(0.0, median(spacing)) if spacing else 0.0  # what a justified line adds between its characters
    for before, char in pairs:
        gap, size = char.x0 - before.x1, max(char.size, before.size)
        apart = char.order != before.order + 1
        if (apart and gap - usual > _DRAWN_APART * min(char.size, before.size)) or (
            gap > _GAP * min(char.size, before.size)
            and (
                gap - usual > _SPREAD * (size + usual)
                or apart
                or (char.run != before.run if near is None else _gutter_at(near, (before.x1 + char.x0) / 2, char))
            )
        ):
            lines.append(current)
            current = []
        current.append(char)
    lines.append(current)
    return [line for line in (_line(chars, alone=near is not None) for chars in lines) if line is not None]


def _gutter_at(rows: list[list[Char]], x: float, char: Char) -> bool:
    """Does white run down ``x`` through the rows of ``char``'s size within two lines of it: type reaching up to
    it from the left and none over it? (A full-width space has type above or below it; a one-line paragraph,
    none near.)"""
    near = [
        other
        for row in rows
        for other in row
        if abs(other.baseline - char.baseline) <= 2.2 * char.size and abs(other.size - char.size) <= 0.08 * char.size
    ]
    if any(other.x0 <= x <= other.x1 for other in near):
        return False
    return any(x - 1.5 * char.size <= other.x1 <= x for other in near)


def _whole_ems(white: float, em: float) -> int:
    """How many full-width spaces ``white`` is, each ``em`` wide with the line's spacing: one or two, or none
    (other white a layout program leaves, as LibreOffice does in a justified line, is no character)."""
    ems = white / em
    return round(ems) if round(ems) in (1, 2) and abs(ems - round(ems)) <= _EM_SLACK else 0


def _word_space(before: Char, char: Char, usual: float) -> bool:
    """On a page drawing each character by itself, is the white between two letters, digits or ideographs a
    half-width space? (Elsewhere white between text objects may be a justified line's: LibreOffice leaves it.)"""
    if not (before.text.isalnum() and char.text.isalnum()) or before.text.isascii() != char.text.isascii():
        return False
    white = char.x0 - before.x1 - usual
    return _WORD_SPACE * max(char.size, before.size) <= white <= _HALF_WIDTH * min(char.size, before.size)


def _line(chars: list[Char], alone: bool = False) -> Line | None:
    """The line the characters make; ``alone``: the page draws each character by itself, and no space."""
    printed = [char for char in chars if not char.text.isspace()]
    if not printed:
        return None
    gaps = [after.x0 - before.x1 for before, after in zip(printed, printed[1:], strict=False)]
    usual = median(gaps) if gaps else 0.0
    text, space, before = [], False, None
    for char in chars:
        if char.text.isspace() and char.text != FULL_WIDTH_SPACE:
            space = True
            continue
        if before is not None and FULL_WIDTH_SPACE not in (char.text, before.text):
            if space or (alone and _word_space(before, char, usual)):
                text.append(" ")
            elif char.run != before.run and (ems := _whole_ems(char.x0 - before.x1 - usual, char.size + usual)):
                text.append(FULL_WIDTH_SPACE * ems)  # nothing drawn there
        text.append(char.text)
        space, before = False, char
    return Line(
        "".join(text),
        printed[0].x0,
        max(printed[-1].x1, chars[-1].x1 if chars[-1].text == FULL_WIDTH_SPACE else 0.0),  # a space keyed fills it
        median(char.baseline for char in printed),
        median(char.size for char in printed),
    )
