"""Read a newspaper page PDF as a draft: its articles' paragraphs in reading order, the furniture aside.

The way through, one module a step: characters with positions and sizes (`pdf_chars`) → lines
(`pdf_lines`) → the furniture taken aside (`pdf_furniture`) → blocks and their kinds by type size
(`pdf_blocks`) → reading order (`pdf_order`) → articles and paragraphs (`pdf_paragraphs`) → jumped
articles joined (`pdf_jumps`). The evidence is the page's geometry, which text pasted out of a PDF
no longer has. Each paragraph is one paragraph of the draft, as an author's paragraph is
(``authored``), and knows the page (版次) and column it starts in; the date of the first running
head is the draft's date (`Document.date`), the day the political checks read the register on.
A PDF is never written back: the fix and the editor save the text as DOCX or TXT.
"""

from __future__ import annotations

from editor.core.document import Document, Paragraph, Source
from editor.core.io.pdf_blocks import blocks_of, body_size, classify, picture_blocks
from editor.core.io.pdf_chars import read_pages
from editor.core.io.pdf_furniture import split_furniture
from editor.core.io.pdf_jumps import join_jumps
from editor.core.io.pdf_lines import lines_of
from editor.core.io.pdf_order import reading_order
from editor.core.io.pdf_paragraphs import articles_of, column_lefts, indents_paragraphs
from editor.core.officials.article_date import parse_date


def read_pdf(data: bytes, name: str) -> Document:
    """The draft a text PDF holds; `InputError` for an encrypted, damaged or scanned one."""
    pages = read_pages(data, name)
    laid_out = []
    for page in pages:
        lines, info = split_furniture(lines_of(page.chars), page.height, page.index + 1)
        blocks = blocks_of(lines)
        body = body_size(blocks)
        classify(blocks, body)
        lefts = column_lefts(blocks, body)
        indents = indents_paragraphs(blocks, lefts, body)
        ordered = reading_order(blocks + picture_blocks(page.pictures))
        laid_out.append((info, articles_of(ordered, lefts, indents, info.label)))
    pieces = join_jumps(laid_out)
    paragraphs = [
        Paragraph(piece.text, piece.kind, Source(block=index, authored=index > 0, page=piece.page, column=piece.column))
        for index, piece in enumerate(pieces)
    ]
    infos = tuple(info for info, _ in laid_out)
    dates = [day for day in (parse_date(info.date) for info in infos if info.date) if day]
    return Document(paragraphs, name=name, date=dates[0] if dates else None, pages=infos)
