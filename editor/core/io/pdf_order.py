"""The reading order of a newspaper page: articles in rows, columns left to right, top to bottom in each.

A recursive cut of the page along its white space (the XY-cut that page-segmentation work has used
since Nagy and Seth): a region is cut across where a row of articles ends (white space with body
or captions above and a headline, or the 引题 over one, below), else down its gutters (columns, or articles side by
side), else across below its top row (a headline over its columns), the rest cut anew. Cutting
columns before any other white space keeps two articles whose headlines stand level from being
read headline, headline, body, body, and taking only the top row off keeps paragraphs that happen
to end level in two columns from cutting the columns across.
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
    if len(rows) > 1:  # the top row (a headline over its columns) first, then the rest cut anew
        return reading_order(rows[0]) + reading_order([block for row in rows[1:] for block in row])
    return sorted(blocks, key=lambda block: (block.top, block.x0))


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
