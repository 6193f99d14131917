"""Word documents as authors write them, built with python-docx and raw XML.

Layout repair must leave an authored document's paragraphs alone: a heading and the
body under it, list items, the lines of a table of contents, a form's questions and
blanks, a caption under its picture, a two-line headline typed with Shift+Enter are
all where the author put them. `WordDraft` writes each of those the way Word stores
it (styles, ``w:numPr``, ``w:outlineLvl``, field characters, tabs, underlined blanks,
table cells, content controls, ``w:br``), so that the tests of the reader and the
layout benchmark (`bench/docx_layout_bench.py`) read the same kinds of documents.
"""

from __future__ import annotations

import io
import struct
import zlib
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm


def tiny_png() -> bytes:
    """A 2×2 grey PNG, written here so that no image file is needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _run(text: str, properties: str = "") -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field_char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


class WordDraft:
    """An authored Word document, one call per thing the author wrote; `bytes()` saves it."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self._list_numbering = self.document.styles["List Number"].element.pPr.numPr.numId.val

    def bytes(self) -> bytes:
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()

    def _append(self, xml: str) -> None:
        self.document.element.body._insert_p(parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"))

    def body(self, text: str) -> None:
        self.document.add_paragraph(text)

    def plain_heading(self, text: str) -> None:
        """A heading typed as a bold Normal paragraph: nothing but its shape says it is one."""
        self.document.add_paragraph().add_run(text).bold = True

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level)

    def outline(self, text: str, level: int = 0) -> None:
        """A Normal paragraph given an outline level (how Chinese templates often mark chapter titles)."""
        self._append(f'<w:pPr><w:outlineLvl w:val="{level}"/></w:pPr>{_run(text)}')

    def numbered(self, text: str, level: int = 0) -> None:
        """A list item numbered directly (``w:numPr`` in the paragraph)."""
        numbering = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{self._list_numbering}"/></w:numPr>'
        self._append(f"<w:pPr>{numbering}</w:pPr>{_run(text)}")

    def styled_item(self, text: str, bullet: bool = False) -> None:
        """A list item numbered by its style (List Number / List Bullet carry the ``w:numPr``)."""
        self.document.add_paragraph(text, "List Bullet" if bullet else "List Number")

    def contents(self, entries: list[str]) -> None:
        """A table of contents: one TOC field whose result is a paragraph per entry ("1 范围\\t1")."""
        for index, entry in enumerate(entries):
            start = _field_char("begin") + '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>'
            start += _field_char("separate")
            end = _field_char("end") if index == len(entries) - 1 else ""
            self._append((start if index == 0 else "") + _run(entry) + end)

    def form_line(self, label: str, blank: int = 12) -> None:
        """A form's question with its answer space: a label and an underlined run of spaces."""
        self._append(_run(label) + _run(" " * blank, '<w:rPr><w:u w:val="single"/></w:rPr>'))

    def tabbed(self, *cells: str) -> None:
        """A line laid out with tabs (姓名\\t性别\\t年龄), as forms and contents are typed."""
        self.document.add_paragraph("\t".join(cells))

    def table(self, rows: list[list[str]]) -> None:
        """A table, one paragraph per cell (a form's questions and answers)."""
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text

    def content_control(self, text: str) -> None:
        """A paragraph inside a block content control (a template's fill-in field)."""
        control = (
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="填写项"/></w:sdtPr>'
            f"<w:sdtContent><w:p>{_run(text)}</w:p></w:sdtContent></w:sdt>"
        )
        self.document.element.body._insert_p(parse_xml(control))

    def picture(self) -> None:
        self.document.add_picture(io.BytesIO(tiny_png()), width=Cm(1))

    def caption(self, text: str, styled: bool = True) -> None:
        """A caption under a picture: in Word's Caption style, or typed as a plain paragraph."""
        self.picture()
        self.document.add_paragraph(text, "Caption" if styled else None)

    def lines(self, *lines: str, style: str | None = None) -> None:
        """One paragraph of several lines typed with Shift+Enter (a two-line headline, an address)."""
        paragraph = self.document.add_paragraph(style=style)
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
