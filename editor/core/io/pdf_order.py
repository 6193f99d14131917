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

from editor.core.document import ParagraphKind
from editor.core.io.pdf_blocks import Block


def reading_order(blocks: list[Block]) -> list[Block]:
    """``blocks`` in the order the page is read."""
    if len(blocks) <= 1:
        return list(blocks)
    rows = _split(blocks, across=True)
    article_rows = _article_rows(rows)
    if len(article_rows) > 1:
        return [block for row in article_rows for block in reading_order(row)]
    columns = _split(blocks, across=False)
    if len(columns) > 1:
        return [block for column in columns for block in reading_order(column)]
    if len(rows) > 1:  # what spans the columns (a headline over them, a picture under them) apart, the columns whole
        start, end = _columned(rows)
        parts = [rows[:start], rows[start:end], rows[end:]] if end > start else [rows[:1], rows[1:]]
        return [block for part in parts if part for block in reading_order([b for row in part for b in row])]
    return sorted(blocks, key=lambda block: (block.top, block.x0))


def _columned(rows: list[list[Block]]) -> tuple[int, int]:
    """The longest run of rows (``rows[start:end]``) that stands in columns, the first of such runs; (0, 0) if none.

    Where a headline spans the columns above and a picture or a caption below, the white that runs across
    between paragraphs that happen to end level in two columns must not cut the columns across."""
    best = (0, 0)
    for start in range(len(rows)):
        for end in range(len(rows), start + best[1] - best[0], -1):
            if len(_split([block for row in rows[start:end] for block in row], across=False)) > 1:
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
    a headline stands at the top of the row below, and none at the foot of the row above."""
    merged: list[list[Block]] = []
    for row in rows:
        if merged and not (_has_title(_edge(row, top=True)) and not _has_title(_edge(merged[-1], top=False))):
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
    return any(block.kind in (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE) for block in blocks)
