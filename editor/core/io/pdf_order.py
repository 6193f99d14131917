"""The reading order of a newspaper page: articles in rows, columns left to right, top to bottom in each.

A recursive cut of the page along its white space (the XY-cut that page-segmentation work has used
since Nagy and Seth): a region is cut across where a row of articles ends (white space with body
or captions above and a headline, or the 引题 over one, below), else down its gutters (columns, or articles side by
side), else across around the longest run of rows that stands in columns (a headline over the
columns, a picture or caption under them), each part cut anew. Cutting columns before any other
white space keeps two articles whose headlines stand level from being read headline, headline,
body, body, and keeping the columns' rows together keeps paragraphs that happen to end level in two
columns (more often where a page sets space between paragraphs) from cutting the columns across.
"""

from __future__ import annotations

from typing import NamedTuple

from editor.core.document import ParagraphKind
from editor.core.io.pdf_blocks import Block

_TITLES = (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE)


def reading_order(blocks: list[Block]) -> list[Block]:
    """``blocks`` in the order the page is read."""
    if len(blocks) <= 1:
        return list(blocks)
    rows = _split(blocks, across=True)
    article_rows = _article_rows(rows)
    if len(article_rows) > 1:
        return [block for row in article_rows for block in reading_order(row)]
    columns = _columns(blocks)
    if len(columns) > 1:
        return [block for column in _upright_headlines_first(columns) for block in reading_order(column)]
    if len(rows) > 1:  # what spans the columns (a headline over them, a picture under them) apart, the columns whole
        start, end = _columned(rows)
        parts = [rows[:start], rows[start:end], rows[end:]] if end > start else [rows[:1], rows[1:]]
        return [block for part in parts if part for block in reading_order([b for row in part for b in row])]
    return sorted(blocks, key=lambda block: (block.top, block.x0))


def _columns(blocks: list[Block]) -> list[list[Block]]:
    """The region's columns: its groups between the gutters running down it, each with the columns it heads."""
    return _under_their_heads(_split(blocks, across=False))


def _under_their_heads(columns: list[list[Block]]) -> list[list[Block]]:
    """The ``columns`` (groups between the region's gutters, left to right) with each that starts under the head of
    an article beside it (its headline, with the 引题 and subheadlines), level with that article's text, put back
    with that article: a headline centred over its columns, or a short one, reaches across none of their gutters,
    and the columns it heads would be read before it. A head set flush left heads no column on its left. Of two
    heads that could, the one whose text starts nearer the column's level takes it, then the one nearer across
    by a whole em, then the one on its left (a column goes on with the article on its left).
    A column that starts level with a head (another article's text, or one beside a 竖题) is none of its."""
    heads = [_head(group) for group in columns]
    owners = list(range(len(columns)))
    for index, group in enumerate(columns):
        first = min(group, key=lambda block: block.top)
        if heads[index] is not None or first.kind in _TITLES or first.box is not None:
            continue
        left, right = _titled(heads, index, -1), _titled(heads, index, 1)
        near = [at for at in (left, right) if at is not None and (at == left or not heads[at].flush_left)]
        fits = [
            at for at in near if heads[at].bottom - 0.5 * first.size <= first.top <= heads[at].text + 3 * first.size
        ]
        if fits:
            x0, x1 = min(block.x0 for block in group), max(block.x1 for block in group)
            owners[index] = min(
                fits,
                key=lambda at: (abs(first.top - heads[at].text), _ems_apart(heads[at], x0, x1, first.size), at > index),
            )
    merged: list[list[Block]] = []
    for index, group in enumerate(columns):
        if merged and owners[index] == owners[index - 1]:
            merged[-1].extend(group)
        else:
            merged.append(list(group))
    return merged


def _ems_apart(head: _Head, x0: float, x1: float, size: float) -> int:
    """How many whole ems of white stand across between a head and a column from ``x0`` to ``x1``."""
    return max(0, round(max(head.x0 - x1, x0 - head.x1) / size))


class _Head(NamedTuple):
    """The head of an article: where its titles stand across and end, where its text under them starts, and
    whether the titles start where the text does (flush left)."""

    x0: float
    x1: float
    bottom: float
    text: float
    flush_left: bool


def _titled(heads: list[_Head | None], index: int, step: int) -> int | None:
    """The nearest group from ``index`` on (``step``: left or right) with a head, past groups without one."""
    at = index + step
    while 0 <= at < len(heads):
        if heads[at] is not None:
            return at
        at += step
    return None


def _head(group: list[Block]) -> _Head | None:
    """The head of the article a group opens with (its titles at the top, none set upright: a headline, a 引题, a
    subheadline); None for a group that opens with none."""
    ordered = sorted(group, key=lambda block: block.top)
    count = 0
    while count < len(ordered) and ordered[count].kind in _TITLES and not ordered[count].upright:
        count += 1
    titles, text = ordered[:count], ordered[count:]
    if not titles or not text:
        return None
    x0, left = min(block.x0 for block in titles), min(block.x0 for block in text)
    flush = abs(x0 - left) <= 0.5 * text[0].size  # a layout system sets a flush-left head on its text's edge
    return _Head(x0, max(b.x1 for b in titles), max(b.bottom for b in titles), text[0].top, flush)


def _upright_headlines_first(columns: list[list[Block]]) -> list[list[Block]]:
    """The ``columns`` (left to right) with each headline set upright moved before the text it heads.

    A 竖排 headline stands beside its article's text, on either side (the text of its article has no
    headline over it). Set left of the text, it is read first as it stands; set right of it, it goes
    before the columns of its text: those on its left that start level with it, back to the first that
    has a headline of its own, a headline set upright or another article's top, or that an upright
    headline on its left heads. Which side its text is on, `_text_on_left` says.
    """
    right = _text_on_left(columns)
    headed = {
        id(columns[index + 1])
        for index, group in enumerate(columns[:-1])
        if _upright_title(group) and index not in right and _heads(group, columns[index + 1])
    }
    ordered = list(columns)
    for index in right:
        group, start = columns[index], index
        while start > 0 and _heads(group, columns[start - 1]) and id(columns[start - 1]) not in headed:
            start -= 1
        if start < index:
            ordered.remove(group)
            ordered.insert(ordered.index(columns[start]), group)
    return ordered


#: An upright headline is plainly nearer to the text on one side when the white to it is narrower by this share
#: of the headline's size.
_NEARER = 0.25


def _text_on_left(columns: list[list[Block]]) -> list[int]:
    """The upright headlines among ``columns`` whose text stands on their left: where text it could head stands
    on one side only, or plainly nearer on one side, that side; where it stands as near on both, the side the
    plain ones of the row keep (a page sets its 竖题 alike), else its right."""
    plain: dict[int, bool] = {}
    unsure: list[int] = []
    for index, group in enumerate(columns):
        if not _upright_title(group):
            continue
        title = group[0]
        left = (
            title.x0 - max(block.x1 for block in columns[index - 1])
            if index and _heads(group, columns[index - 1])
            else None
        )
        after = index + 1 < len(columns) and _heads(group, columns[index + 1])
        right = min(block.x0 for block in columns[index + 1]) - title.x1 if after else None
        if left is None or right is None:
            plain[index] = left is not None
        elif abs(left - right) >= _NEARER * title.size:
            plain[index] = left < right
        else:
            unsure.append(index)
    keep = sum(plain.values()) > len(plain) / 2
    return sorted([index for index, on_left in plain.items() if on_left] + (unsure if keep else []))


def _upright_title(group: list[Block]) -> bool:
    return len(group) == 1 and group[0].kind is ParagraphKind.HEADLINE and group[0].upright


def _heads(upright: list[Block], column: list[Block]) -> bool:
    """Could the upright headline head ``column``: text that starts level with it, with no headline of its own?"""
    title, first = upright[0], min(column, key=lambda block: block.top)
    return (
        not _upright_title(column)
        and first.kind is not ParagraphKind.HEADLINE
        and first.kind is not ParagraphKind.SUBHEADLINE
        and abs(first.top - title.top) <= title.size
    )


def _columned(rows: list[list[Block]]) -> tuple[int, int]:
    """The longest run of rows (``rows[start:end]``) that stands in columns, the first of such runs; (0, 0) if none.

    Where a headline spans the columns above and a picture or a caption below, the white that runs across
    between paragraphs that happen to end level in two columns must not cut the columns across."""
    best = (0, 0)
    for start in range(len(rows)):
        for end in range(len(rows), start + best[1] - best[0], -1):
            if len(_columns([block for row in rows[start:end] for block in row])) > 1:
                best = (start, end)
                break
    return best


def _split(blocks: list[Block], across: bool) -> list[list[Block]]:
    """The groups of ``blocks`` between the white spaces running across (or down) the whole region."""
    start = (lambda b: b.top) if across else (lambda b: b.x0)
    end = (lambda b: b.bottom) if across else (lambda b: b.x1)
    groups: list[list[Block]] = []
    reach = float("-inf")
    for block in sorted(blocks, key=start):
        if groups and start(block) < reach:
            groups[-1].append(block)
        else:
            groups.append([block])
        reach = max(reach, end(block))
    return groups


def _article_rows(rows: list[list[Block]]) -> list[list[Block]]:
    """The rows merged back where the white space between them does not start a row of articles:
    a headline stands at the top of the row below, and none at the foot of the row above (a headline
    set upright beside its text may reach the foot of its row, over nothing)."""
    merged: list[list[Block]] = []
    for row in rows:
        foot = [block for block in _edge(merged[-1], top=False) if not block.upright] if merged else []
        if merged and not (_has_title(_edge(row, top=True)) and not _has_title(foot)):
            merged[-1].extend(row)
        else:
            merged.append(list(row))
    return merged


def _edge(blocks: list[Block], top: bool) -> list[Block]:
    if top:
        first = min(block.top for block in blocks)
        return [block for block in blocks if block.top <= first + 1]
    last = max(block.bottom for block in blocks)
    return [block for block in blocks if block.bottom >= last - 1]


def _has_title(blocks: list[Block]) -> bool:
    """Does a headline stand among ``blocks``, or a 引题 (a subheadline, over its headline)?"""
    return any(block.kind in _TITLES for block in blocks)
