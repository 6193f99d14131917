"""Tables ruled on the page: read cell by cell, row by row, each cell a paragraph of its own.

A bulletin's or a report's table (项目 / 2026年 / 2028年, a figure in each cell) is drawn as text between
thin rules. Read as columns, its cells' figures run together (40 and 10 read as 4010) and its first
column is read into the paragraph before it. Where the page's thin rules cross into a grid of two
columns or more (of one row or more: a table may run on over a page break), the characters inside it
are the table's: each cell's lines are one paragraph, read row by row, left to right, and no layout
repair joins one cell to another. A grid whose cells hold whole paragraphs is no table but the rules
between a page's articles and columns, and stays text. A table without rules is read as text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

from editor.core.io.pdf_chars import Char
from editor.core.io.pdf_lines import lines_of

#: A rule is thinner than this (points) and at least ``_RULE_LENGTH`` long.
_RULE_WIDTH, _RULE_LENGTH = 2.5, 6.0
#: Rules meet within this many points (a table's rules are drawn end to end, or a hair apart).
_MEETS = 3.0
#: A table's cell holds a few lines: a grid whose cells hold more (by the median) frames articles, not figures.
_CELL_LINES = 3

Box = tuple[float, float, float, float]  # left, top, right, bottom, from the page's top


@dataclass(frozen=True)
class Table:
    """A ruled table: where it stands, and its cells' texts, row by row (empty cells left out)."""

    box: Box
    cells: tuple[str, ...]


def tables_of(chars: list[Char], rules: list[Box], join: Callable[[list[str]], str]) -> tuple[list[Table], list[Char]]:
    """The ruled tables among the page's characters, and the characters outside them. ``join`` makes a cell's
    lines one text (`pdf_paragraphs.join_lines`)."""
    tables: list[Table] = []
    for grid in _grids(rules):
        cells: dict[tuple[int, int], list[Char]] = {}
        for char in chars:
            cell = grid.cell_of(char)
            if cell is not None:
                cells.setdefault(cell, []).append(char)
        lines = {cell: lines_of(members) for cell, members in cells.items()}
        if not lines or median(len(found) for found in lines.values()) > _CELL_LINES:
            continue
        texts = tuple(join([line.text for line in lines[cell]]) for cell in sorted(lines))
        tables.append(Table((grid.down[0], grid.across[0], grid.down[-1], grid.across[-1]), texts))
        taken = {id(char) for members in cells.values() for char in members}
        chars = [char for char in chars if id(char) not in taken]
    return tables, chars


@dataclass(frozen=True)
class _Grid:
    """Where a table's rules run across (heights, top to bottom) and down (places, left to right), and which cell
    of the grid each space between them is part of: a cell merged over two columns or rows (合计, a 项目 over two
    rows) is the space between them no rule parts, known by its top left one."""

    across: list[float]
    down: list[float]
    cells: dict[tuple[int, int], tuple[int, int]]

    def cell_of(self, char: Char) -> tuple[int, int] | None:
        """The cell the character's middle stands in; None outside the grid."""
        row = bisect_right(self.across, char.baseline - 0.35 * char.size) - 1
        column = bisect_right(self.down, (char.x0 + char.x1) / 2) - 1
        inside = 0 <= row < len(self.across) - 1 and 0 <= column < len(self.down) - 1
        return self.cells[row, column] if inside else None


def _grids(rules: list[Box]) -> list[_Grid]:
    """The grids the rules make where two rules or more run across and three or more down, and the outer ones
    frame the grid from edge to edge (the rules inside may stop where a merged cell is)."""
    across = _joined([rule for rule in rules if rule[3] - rule[1] <= _RULE_WIDTH < rule[2] - rule[0]], across=True)
    down = _joined([rule for rule in rules if rule[2] - rule[0] <= _RULE_WIDTH < rule[3] - rule[1]], across=False)
    across = [rule for rule in across if rule[2] - rule[0] >= _RULE_LENGTH]
    down = [rule for rule in down if rule[3] - rule[1] >= _RULE_LENGTH]
    grids = []
    for group_across, group_down in _connected(across, down):
        ys = _distinct(_middle(rule, True) for rule in group_across)
        xs = _distinct(_middle(rule, False) for rule in group_down)
        if len(ys) < 2 or len(xs) < 3:  # a row of two cells or more: a table's rows may run on to the next page
            continue
        framed = all(
            _parts(group_across, True, y, (xs[0] + xs[1]) / 2) and _parts(group_across, True, y, (xs[-2] + xs[-1]) / 2)
            for y in (ys[0], ys[-1])
        )
        framed = framed and all(
            _parts(group_down, False, x, (ys[0] + ys[1]) / 2) and _parts(group_down, False, x, (ys[-2] + ys[-1]) / 2)
            for x in (xs[0], xs[-1])
        )
        if framed:
            grids.append(_Grid(ys, xs, _cells(ys, xs, group_across, group_down)))
    return grids


def _cells(
    ys: list[float], xs: list[float], across: list[Box], down: list[Box]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Each space of the grid with the top left space of the cell it is part of: spaces side by side that no rule
    down parts, or one over the other that no rule across parts, are one cell."""
    spaces = [(row, column) for row in range(len(ys) - 1) for column in range(len(xs) - 1)]
    unparted = []
    for row, column in spaces:
        middle_y, middle_x = (ys[row] + ys[row + 1]) / 2, (xs[column] + xs[column + 1]) / 2
        if column + 1 < len(xs) - 1 and not _parts(down, False, xs[column + 1], middle_y):
            unparted.append(((row, column), (row, column + 1)))
        if row + 1 < len(ys) - 1 and not _parts(across, True, ys[row + 1], middle_x):
            unparted.append(((row, column), (row + 1, column)))
    return _firsts(spaces, unparted)


def _parts(rules: list[Box], across: bool, at: float, where: float) -> bool:
    """Does one of the ``rules`` (across, or down) stand at ``at`` and reach ``where`` along it?"""
    start, end = (0, 2) if across else (1, 3)
    return any(
        abs(_middle(rule, across) - at) <= _MEETS and rule[start] - _MEETS <= where <= rule[end] + _MEETS
        for rule in rules
    )


def _joined(rules: list[Box], across: bool) -> list[Box]:
    """The rules with those that go on one another in one line joined into one (a browser draws each cell's border
    by itself)."""
    start, end = (0, 2) if across else (1, 3)  # where a rule starts and ends along its length
    joined: list[Box] = []
    for line in _lines(rules, across):
        pieces: list[list[float]] = []
        for rule in sorted(line, key=lambda rule: rule[start]):
            if pieces and rule[start] <= pieces[-1][end] + _MEETS:
                pieces[-1][end] = max(pieces[-1][end], rule[end])
            else:
                pieces.append(list(rule))
        joined += [(piece[0], piece[1], piece[2], piece[3]) for piece in pieces]
    return joined


def _lines(rules: list[Box], across: bool) -> list[list[Box]]:
    """The rules in groups standing in one line (at one height, for rules across; at one place, for rules down)."""
    lines: list[list[Box]] = []
    for rule in sorted(rules, key=lambda rule: _middle(rule, across)):
        if lines and _middle(rule, across) - _middle(lines[-1][-1], across) <= _MEETS:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    return lines


def _middle(rule: Box, across: bool) -> float:
    return (rule[1] + rule[3]) / 2 if across else (rule[0] + rule[2]) / 2


def _connected(across: list[Box], down: list[Box]) -> list[tuple[list[Box], list[Box]]]:
    """The rules in groups of those that cross or meet one another, each group's rules across and down."""
    rules = across + down
    meeting = [
        (a, len(across) + d) for a, one in enumerate(across) for d, other in enumerate(down) if _meet(one, other)
    ]
    groups: dict[int, tuple[list[Box], list[Box]]] = {}
    for index, first in _firsts(list(range(len(rules))), meeting).items():
        groups.setdefault(first, ([], []))[index >= len(across)].append(rules[index])
    return list(groups.values())


def _firsts(items: list, pairs: list[tuple]) -> dict:
    """Each item with the first (the least) of the items it is joined to, through ``pairs`` that join two."""
    first = {item: item for item in items}

    def least(item):
        while first[item] != item:
            first[item] = first[first[item]]
            item = first[item]
        return item

    for one, other in pairs:
        a, b = sorted((least(one), least(other)))
        first[b] = a
    return {item: least(item) for item in items}


def _meet(across: Box, down: Box) -> bool:
    x, y = _middle(down, False), _middle(across, True)
    return across[0] - _MEETS <= x <= across[2] + _MEETS and down[1] - _MEETS <= y <= down[3] + _MEETS


def _distinct(values) -> list[float]:
    """The values sorted, those within `_MEETS` of the one before taken as one."""
    found: list[float] = []
    for value in sorted(values):
        if not found or value - found[-1] > _MEETS:
            found.append(value)
    return found
