"""Recognise text hard-wrapped at a column width, and tell full lines from paragraph ends.

Newspaper columns hold 13-24 characters; text pasted from a PDF wraps at the page width.
On a real page every article is set at its own width, and an article continued from
another page may go on at another, so a draft pasted from a page holds several widths,
changing anywhere. The width is therefore read as a sequence: each line directly followed
by another is explained by a column of some width (a full line fills it, a paragraph's
last line or a headline falls short, no line of the column is longer) or by no column at
all, and the cheapest explanation of the whole sequence, paying for every change of
column, gives each run of lines its width (a hidden-Markov/Viterbi change-point
segmentation). The same states say whether the column indents every paragraph start (with
characters, or as white copying lost: a PDF viewer copies a page's indent as nothing, and a
paragraph's first line comes out the indent short), and whether it was wrapped at a width (a
half-width digit takes half a cell, as a layout system sets it) or at a number of characters
(every character a cell: full-width digits, or text wrapped by counting characters), so that a
line holding digits is full in either.

`line_columns` works on plain line widths and indents, so a reader that builds lines
itself (PDF import) can ask it too; `detect_columns` asks it for a document's paragraphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace

import numpy as np

from editor.core.document import Document
from editor.core.layout.shape import CLOSING_MARKS, as_set, carried, display_width

#: A full line may miss the column's edge by one half-width unit either way (an odd number of
#: half-width digits or letters), and overhang it by the punctuation marks hung past the edge
#: (禁则: no line starts with 。，、”); a line that overhangs by more is wider than its column.
_EDGE_SLACK = 1
_HANGING = "".join(CLOSING_MARKS)
#: A paragraph's indent is two full-width cells.
_INDENT_CELLS = 4
#: A width is a candidate column when this many lines fill it (overhanging it by a full-width mark
#: at most); narrower than this is no column.
_MIN_FULL_LINES, _MIN_WIDTH, _MARK = 3, 16, 2
#: What explaining a line costs. In a column: a line that fills it exactly nothing, a full line
#: off by its slack next to nothing (so the column is the width most lines fill), a short line
#: (a paragraph's end, a headline) a little, a line wider than the column much (a headline
#: across columns). Without a column every line costs the same, so a column must fill more
#: than half its lines.
_SLACK, _SHORT, _LONG, _UNWRAPPED = 0.05, 1.0, 3.0, 0.8
#: In a column that indents every paragraph: a paragraph end not followed by an indent, or an
#: indent after a full line, is unusual; in one that does not, any indent is, and so is an indent
#: typed in a column whose indents copying lost.
_UNINDENTED_START, _INDENT_AFTER_FULL, _STRAY_INDENT = 1.0, 0.3, 2.0
#: Where copying lost the indents, a line the indent short after a full line is no more likely a paragraph's
#: first line than a paragraph's last one (or a headline) that happens to be as wide: it is no evidence.
_OPENING_AFTER_FULL = _SHORT
#: A change of column (or from no column to one) costs as much as two short lines: a few lines
#: of an article continued at another width are a column of their own.
_CHANGE = 2.0


@dataclass(frozen=True)
class Columns:
    """The column width of a run of hard-wrapped lines (in half-width units), whether it indents paragraphs,
    and whether it was wrapped at a number of characters (`by_characters`) rather than at a width."""

    width: int
    indented: bool
    #: Every character took a cell, half-width digits and letters too: a layout set with full-width
    #: digits, or text wrapped by counting characters. A line of such a column holding digits is
    #: narrower than the column by their half cells, and full all the same.
    by_characters: bool = False
    #: The column indents every paragraph, but copying lost the indents (a PDF viewer copies the white
    #: of an indent as nothing): a paragraph's first line is the indent short, with nothing at its start.
    indent_lost: bool = False

    def is_full(self, width: int, hanging: int, carried: int) -> bool:
        """Does a line ``width`` wide fill the column, ending on marks ``hanging`` wide that may hang past the
        edge, and the next line opening on what ``carried`` wide the layout system may have carried down?
        Each is measured as the column measures (`text_width`). A paragraph's first line whose indent was
        lost fills it too (`opens`)."""
        return self._reaches_edge(width, hanging, carried) or self.opens(width, hanging, carried)

    def opens(self, width: int, hanging: int, carried: int) -> bool:
        """Is a line ``width`` wide, in a column whose indents copying lost, a paragraph's first line: full
        but for the indent?"""
        return (
            self.indent_lost
            and not self._reaches_edge(width, hanging, carried)
            and self._reaches_edge(width + _INDENT_CELLS, hanging, carried)
        )

    def _reaches_edge(self, width: int, hanging: int, carried: int) -> bool:
        return self.width - _EDGE_SLACK - carried <= width <= self.width + max(_EDGE_SLACK, hanging)


def text_width(text: str, by_characters: bool) -> int:
    """The width of ``text`` as set (`shape.as_set`) in half-width units: as displayed, or a cell for every
    character."""
    text = as_set(text)
    return 2 * len(text) if by_characters else display_width(text)


def line_width(document: Document, index: int, by_characters: bool = False) -> int:
    """The width paragraph ``index`` takes as a line: with its indent, or, joined by the user from lines as
    read, that of its last line (`Source.last_line`)."""
    paragraph = document.paragraphs[index]
    last_line = paragraph.source.last_line
    if last_line:
        return text_width(paragraph.text[last_line:], by_characters)
    return indent_width(paragraph.source.indent) + text_width(paragraph.text, by_characters)


#: The white space a line may start with that is no paragraph indent: the gap of a byline or between
#: two words that the line was cut at (通讯员 / 李明）).
CUT_GAP = " "


def indents(indent: str) -> bool:
    """Does a line's leading white space mark a paragraph start? A single half-width space is the gap
    the line was cut at, not an indent."""
    return bool(indent) and indent != CUT_GAP


def indent_width(indent: str) -> int:
    """The width a line's indent takes in its column: an indent copied as half-width spaces or a tab
    stands for the two cells it was set as; a single space is a gap the line was cut at, and
    ideographic spaces take a cell each, as set."""
    width = display_width(indent)
    copied = not indent.strip(" \t")
    return max(width, _INDENT_CELLS) if indents(indent) and copied else width


def hanging_width(text: str, by_characters: bool = False) -> int:
    """The width of the marks the line ends on that may hang past the column's edge (”。 of 说“好”。)."""
    marks = len(text) - len(text.rstrip(_HANGING))
    return text_width(text[len(text) - marks :], by_characters) if marks else 0


def carried_width(document: Document, index: int, by_characters: bool = False) -> int:
    """The width of what the layout system may have carried down from line ``index`` to the next (`shape.carried`);
    nothing when the next line starts a paragraph with an indent."""
    after = document.paragraphs[index + 1] if index + 1 < len(document.paragraphs) else None
    if after is None or indents(after.source.indent):
        return 0
    return text_width(carried(after.text), by_characters)


def fills(document: Document, index: int, columns: Columns) -> bool:
    """Does paragraph ``index``, a line of ``columns``, fill its column?"""
    return columns.is_full(*_measures(document, index, columns.by_characters))


def opens(document: Document, index: int, columns: Columns) -> bool:
    """Does paragraph ``index``, a line of ``columns``, start a paragraph of it: with an indent, or as a line
    full but for the indent copying lost (`Columns.opens`)?"""
    if indents(document.paragraphs[index].source.indent):
        return True
    return columns.opens(*_measures(document, index, columns.by_characters))


def _measures(document: Document, index: int, by_characters: bool) -> tuple[int, int, int]:
    """Paragraph ``index`` as a line of a column (`Columns.is_full`): its width, and those of the marks it may
    hang past the edge and of what the layout system may have carried down from it."""
    return (
        line_width(document, index, by_characters),
        hanging_width(document.paragraphs[index].text, by_characters),
        carried_width(document, index, by_characters),
    )


@dataclass(frozen=True)
class LineWidths:
    """Lines in one measure (`text_width`): each line's width with its indent, the width of the marks it
    ends on that may hang past the edge (`hanging_width`), and of what the layout system may have carried
    down from it (`carried_width`); ``after``, the same of the line after each, which shows a paragraph
    start in a column whose indents copying lost (`Columns.opens`); None: each line is followed by the
    next of the sequence, and the last by none."""

    widths: Sequence[int]
    hanging: Sequence[int]
    carried: Sequence[int]
    after: LineWidths | None = None


def keep_columns_as_read(
    as_read: Sequence[Columns | None], edited: Document, lines: Sequence[tuple[int, int] | None]
) -> Document:
    """``edited`` with every paragraph that ends in a line of its draft as read in the column the draft read
    that line in (``as_read``, what `detect_columns` found in the draft). ``lines`` gives, for each paragraph,
    that line and where it starts in the paragraph's text (0: the paragraph is the line, edited or not);
    None for a paragraph that ends in text typed anew.

    The editor checks the text after every edit: the lines of a column the user has joined are no
    lines any more, and a column left with a line or two reads as no column at all, so the rest of its
    joins would go, one accepted after the other. A paragraph joined from several lines is measured by
    its last line (`Source.last_line`): the next join rests on that line filling its column.

    A paragraph typed anew (pasted into a new document, say) keeps no column: it is read in the
    column its lines make now.
    """
    paragraphs = []
    for paragraph, line in zip(edited.paragraphs, lines, strict=True):
        if line is not None:
            origin, start = line
            found = as_read[origin]
            kept = astuple(found) if found else _NO_COLUMN
            paragraph = replace(paragraph, source=replace(paragraph.source, wrapped_as=kept, last_line=start))
        paragraphs.append(paragraph)
    return replace(edited, paragraphs=paragraphs)


#: A draft was copied double-spaced when this share of its line ends have one blank line after them, this share
#: of its lines are as wide as a line beside them (a column's full lines; whole paragraphs a line, as blank-line
#: fragments come, seldom are), and, read without those blank lines, this share of its lines stand in a column.
_DOUBLE_SPACED, _EVEN, _IN_COLUMNS = 0.9, 0.4, 0.6


def as_single_spaced(document: Document) -> Document:
    """The draft with one blank line fewer before each line where it was copied double-spaced, a blank line after
    every line of its columns (as some PDF viewers and converters copy a page): its columns and cuts then read as
    the page's. Any other draft is itself. (Only a draft of blank-line separated lines as even as a column's is
    read for its columns twice.)"""
    paragraphs = document.paragraphs
    gaps = [paragraph.source.blank_before for paragraph in paragraphs[1:]]
    if len(gaps) < 4 or sum(gap == 1 for gap in gaps) < _DOUBLE_SPACED * len(gaps):
        return document
    widths = [line_width(document, index) for index in range(len(paragraphs))]
    pairs = [abs(a - b) <= 2 for a, b in zip(widths, widths[1:], strict=False)]
    even = sum(left or right for left, right in zip([False, *pairs], [*pairs, False], strict=True))
    if even < _EVEN * len(widths):
        return document
    single = [
        replace(paragraph, source=replace(paragraph.source, blank_before=max(0, paragraph.source.blank_before - 1)))
        for paragraph in paragraphs
    ]
    closed = replace(document, paragraphs=single)
    in_columns = sum(columns is not None for columns in _found_columns(closed))
    return closed if in_columns >= _IN_COLUMNS * len(paragraphs) else document


def detect_columns(document: Document) -> list[Columns | None]:
    """For every paragraph as read, the column its line is set in, or None where lines are not wrapped.

    Only a line directly followed by another (no blank line between, `as_single_spaced`) is set in a column.
    Columns wrapped by counting characters are looked for only where some line holds a half-width character:
    elsewhere both measures are one. A document whose lines keep the columns they were read in
    (`keep_columns_as_read`) is read in those, the lines that keep none in the columns they make.
    """
    document = as_single_spaced(document)
    paragraphs = document.paragraphs
    kept = [paragraph.source.wrapped_as for paragraph in paragraphs]
    if all(column is not None for column in kept):
        return [_kept_column(column) for column in kept]
    found = _found_columns(document)
    return [found[index] if column is None else _kept_column(column) for index, column in enumerate(kept)]


def _found_columns(document: Document) -> list[Columns | None]:
    """The columns of the document's lines as their widths and indents show them now."""
    paragraphs = document.paragraphs
    followed = [i for i in range(len(paragraphs) - 1) if paragraphs[i + 1].source.blank_before == 0]
    lines = sorted({*followed, *(i + 1 for i in followed)})

    def measured(by_characters: bool) -> LineWidths:
        found = dict(zip(lines, (_measures(document, i, by_characters) for i in lines), strict=True))

        def of(rows: list[int], after: LineWidths | None = None) -> LineWidths:
            widths, hanging, carried = zip(*(found[i] for i in rows), strict=True) if rows else ((), (), ())
            return LineWidths(widths, hanging, carried, after)

        return of(followed, of([i + 1 for i in followed]))

    displayed = measured(False)
    counted = measured(True)
    found = line_columns(
        displayed,
        counted if counted != displayed else None,
        [indents(paragraphs[i].source.indent) for i in followed],
        [indents(paragraphs[i + 1].source.indent) for i in followed],
    )
    layout: list[Columns | None] = [None] * len(paragraphs)
    for index, columns in zip(followed, found, strict=True):
        layout[index] = columns
    return layout


#: What `Source.wrapped_as` keeps for a line read in no column.
_NO_COLUMN = (0, False, False, False)


def _kept_column(kept: tuple[int, bool, bool, bool] | None) -> Columns | None:
    return Columns(*kept) if kept and kept[0] else None


def line_columns(
    displayed: LineWidths,
    counted: LineWidths | None,
    indented: Sequence[bool],
    next_indented: Sequence[bool],
) -> list[Columns | None]:
    """The column of each line of a sequence of lines each followed directly by the next.

    ``displayed`` measures the lines as displayed, ``counted`` (or None) a cell for every character;
    ``indented`` says whether each line starts with an indent, ``next_indented`` whether the line
    after it does. The lines are read in the measure that explains them more cheaply, the displayed
    one when both do as well: a draft is wrapped one way throughout, and a column counted from a few
    lines holding digits would otherwise make a headline as wide as it look full.
    """
    explained = [_explain(displayed, False, indented, next_indented)]
    if counted is not None:
        explained.append(_explain(counted, True, indented, next_indented))
    return min(explained, key=lambda found: found[0])[1]


def _explain(
    lines: LineWidths, by_characters: bool, indented: Sequence[bool], next_indented: Sequence[bool]
) -> tuple[float, list[Columns | None]]:
    """The cheapest columns of the lines in one measure, and what that explanation costs."""
    candidates = _candidate_widths(lines.widths)
    if not candidates:
        return _UNWRAPPED * len(lines.widths), [None] * len(lines.widths)
    after = lines.after if lines.after is not None else _next_of(lines)
    costs = _costs(
        _arrays(lines),
        _arrays(after),
        np.asarray(indented, dtype=bool)[:, None],
        np.asarray(next_indented, dtype=bool)[:, None],
        np.array(candidates, dtype=np.int32)[None, :],
    )
    states: list[Columns | None] = [
        Columns(width, indented=style != _BARE, by_characters=by_characters, indent_lost=style == _LOST)
        for width in candidates
        for style in _STYLES
    ]
    states.append(None)
    cost, path = _cheapest_path(costs)
    return cost, [states[state] for state in path]


#: The ways a column marks its paragraphs' starts: not at all, with an indent, with an indent copying lost.
_BARE, _INDENTED, _LOST = "bare", "indented", "indent lost"
_STYLES = (_BARE, _INDENTED, _LOST)


def _next_of(lines: LineWidths) -> LineWidths:
    """The line after each of a sequence of lines, each followed by the next: the last by none (no width)."""
    return LineWidths(*(list(values[1:]) + [0] for values in (lines.widths, lines.hanging, lines.carried)))


def _arrays(lines: LineWidths) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return tuple(np.asarray(values, dtype=np.int32)[:, None] for values in (lines.widths, lines.hanging, lines.carried))


def _candidate_widths(widths: Sequence[int]) -> list[int]:
    counts = Counter(widths)
    return sorted(
        width
        for width in counts
        if width >= _MIN_WIDTH
        and sum(counts[w] for w in range(width - _EDGE_SLACK, width + _MARK + 1)) >= _MIN_FULL_LINES
    )


def _costs(
    lines: tuple[np.ndarray, np.ndarray, np.ndarray],
    after: tuple[np.ndarray, np.ndarray, np.ndarray],
    typed_here: np.ndarray,
    typed_after: np.ndarray,
    width: np.ndarray,
) -> np.ndarray:
    """Cost of each line (rows) under each state: every candidate ``width`` in each of `_STYLES`, then no column.

    ``lines`` and ``after`` are the widths, hanging and carried widths of each line and of the line after it
    (a column each), ``typed_here`` and ``typed_after`` whether each and the line after it start with an indent.
    """
    short, long = _beside_edge(lines, width)
    exact = lines[0] == width
    stray = np.where(typed_here | typed_after, _STRAY_INDENT, 0.0)
    fit = _fit(short, long, exact)
    bare = fit + stray
    indented = fit + _starts(short, typed_after, _INDENT_AFTER_FULL)
    opening = _opens(lines, width, short)  # where the column's indents were lost
    short &= ~opening
    exact = np.where(opening, lines[0] + _INDENT_CELLS == width, exact)
    opens_after = _opens(after, width, _beside_edge(after, width)[0])
    lost = _fit(short, long, exact) + _starts(short, opens_after, _OPENING_AFTER_FULL) + stray
    states = np.stack([bare, indented, lost], axis=2).reshape(len(short), -1)  # in the order of `_STYLES`
    return np.hstack([states, np.full((len(short), 1), _UNWRAPPED)])


def _fit(short: np.ndarray, long: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """What explaining each line by each column costs, as wide as it, off by its slack, short, or too long."""
    return np.where(short, _SHORT, np.where(long, _LONG, np.where(exact, 0.0, _SLACK)))


def _starts(short: np.ndarray, start_after: np.ndarray, after_full: float) -> np.ndarray:
    """In a column that marks paragraph starts: what a paragraph end without a start after it costs, and a
    start after a full line (``after_full``)."""
    return np.where(short & ~start_after, _UNINDENTED_START, np.where(~short & start_after, after_full, 0.0))


def _beside_edge(lines: tuple[np.ndarray, np.ndarray, np.ndarray], width: np.ndarray, indent: int = 0):
    """Which lines (``indent`` wider) fall short of each column's edge, and which go past it (`Columns.is_full`)."""
    widths, hanging, carried = lines
    widths = widths + indent
    return widths < width - _EDGE_SLACK - carried, widths > width + np.maximum(hanging, _EDGE_SLACK)


def _opens(lines: tuple[np.ndarray, np.ndarray, np.ndarray], width: np.ndarray, short: np.ndarray) -> np.ndarray:
    """Which lines, ``short`` of each column's edge, are full but for an indent (`Columns.opens`)."""
    short_of_indent, past_indent = _beside_edge(lines, width, _INDENT_CELLS)
    return short & ~short_of_indent & ~past_indent


def _cheapest_path(costs: np.ndarray) -> tuple[float, list[int]]:
    """Viterbi: the sequence of states of least total cost, each change of state costing `_CHANGE`, and that cost.

    A state is entered from itself or, at the price of a change, from the cheapest state of the
    line before; so each line keeps only which states stayed and which state was cheapest.
    """
    rows = len(costs)
    total = costs[0].copy()
    stayed = np.empty(costs.shape, dtype=bool)
    cheapest = np.empty(rows, dtype=np.int64)
    for row in range(1, rows):
        best = total.argmin()
        cheapest[row] = best
        switch = total[best] + _CHANGE
        np.less_equal(total, switch, out=stayed[row])
        np.minimum(total, switch, out=total)
        total += costs[row]
    state = int(total.argmin())
    cost = float(total[state])
    path = [state]
    for row in range(rows - 1, 0, -1):
        if not stayed[row, state]:
            state = int(cheapest[row])
        path.append(state)
    return cost, path[::-1]
