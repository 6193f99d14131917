"""Read a newspaper page PDF as a draft: its articles' paragraphs in reading order, the furniture aside.

The way through, one module a step: characters with positions and sizes (`pdf_chars`), ruled tables
taken aside cell by cell (`pdf_tables`) → lines (`pdf_lines`) → the furniture taken aside
(`pdf_furniture`) → blocks and their kinds by type size (`pdf_blocks`) → reading order (`pdf_order`)
→ articles and paragraphs (`pdf_paragraphs`) → jumped articles joined (`pdf_jumps`). The evidence is
the page's geometry, which text pasted out of a PDF no longer has. Each paragraph is one paragraph
of the draft, as an author's paragraph is (``authored``), and knows the page (版次) and column it
starts in; the date of the first running head is the draft's date (`Document.date`), the day the
political checks read the register on. A PDF is never written back: the fix and the editor save the
text as DOCX or TXT.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from itertools import count

from editor.core.document import Document, PageInfo, Paragraph, Source
from editor.core.io.pdf_blocks import Block, blocks_of, body_size, classify, line_reach, picture_blocks
from editor.core.io.pdf_chars import UNMAPPED, read_pages
from editor.core.io.pdf_furniture import split_furniture
from editor.core.io.pdf_jumps import join_jumps
from editor.core.io.pdf_lines import lines_of
from editor.core.io.pdf_order import reading_order
from editor.core.io.pdf_paragraphs import articles_of, column_lefts, join_lines, paragraph_marks
from editor.core.io.pdf_tables import tables_of
from editor.core.officials.article_date import parse_date

__all__ = ["UNMAPPED", "lost_characters", "read_pdf"]

logger = logging.getLogger(__name__)


def read_pdf(data: bytes, name: str) -> Document:
    """The draft a text PDF holds; `InputError` for an encrypted, damaged or scanned one."""
    pages = read_pages(data, name)
    found = []
    for page in pages:
        tables, chars = tables_of(page.chars, page.paths, join_lines)
        lines, info = split_furniture(lines_of(chars), page.height, page.index + 1)
        body = body_size(lines)
        reach = line_reach(lines, body)
        blocks = blocks_of(lines, body, reach)
        classify(blocks, body)
        others = picture_blocks(page.pictures, blocks) + [Block(box=table.box, cells=table.cells) for table in tables]
        found.append((replace(info, unmapped=page.unmapped), blocks, column_lefts(blocks, body), reach, others))
    marks = paragraph_marks([(blocks, lefts, reach) for _, blocks, lefts, reach, _ in found])
    laid_out = [
        (info, articles_of(reading_order(blocks + others), lefts, marks, info.label, reach))
        for info, blocks, lefts, reach, others in found
    ]
    pieces = join_jumps(laid_out)
    cells = count(1)  # each cell of a table a container of its own, which no layout repair joins across
    paragraphs = [
        Paragraph(
            piece.text,
            piece.kind,
            Source(
                block=index,
                authored=index > 0,
                container=next(cells) if piece.cell else 0,
                page=piece.page,
                column=piece.column,
            ),
        )
        for index, piece in enumerate(pieces)
    ]
    infos = tuple(info for info, _ in laid_out)
    dates = [day for day in (parse_date(info.date) for info in infos if info.date) if day]
    lost = lost_characters(name, infos)
    if lost:
        logger.warning(lost)
    return Document(paragraphs, name=name, date=dates[0] if dates else None, pages=infos)


def lost_characters(name: str, pages: tuple[PageInfo, ...]) -> str:
    """What the reader could not read, in one line for the CLI's warning and the editor's notes; empty if nothing."""
    lost = [page for page in pages if page.unmapped]
    if not lost:
        return ""
    where = "、".join(f"{page.label} 版 {page.unmapped} 个" for page in lost)
    return (
        f"{name}: {sum(page.unmapped for page in lost)} 个字读不出（{where}；PDF 的字体没有给出这些字形的 Unicode），"
        f"文中以 {UNMAPPED} 标出，请对照 PDF 补上"
    )
