"""The characters of a text PDF with where each stands and in what size: the evidence the page gives.

Copying text out of a PDF loses the geometry that says where a line ends because the column ends
and where a paragraph does; PDFium (through pypdfium2) reads every character's origin, advance box
and font size, fast enough for a 16-page newspaper in well under a second. Coordinates here run
from the top of the page down, as a reader of the page counts them. The characters PDFium makes
up itself (spaces and line ends it guesses between text objects) are left out: only what the page
prints is evidence. A character whose font gives no Unicode for its glyph (a font embedded
without a ToUnicode entry for it, as layout systems do for characters of their own) is not
guessed: PDFium's guess from the glyph's code would be another character, which a check would
then read as the author's. It is U+FFFD, the character Unicode keeps for one that could not be
decoded, and the page counts it. A PDF that needs a password, is damaged, or holds only images (a
scan) cannot be read: one Chinese line says which, and nothing is read.
"""

from __future__ import annotations

import ctypes
import logging
import math
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from editor.core.io.errors import InputError

logger = logging.getLogger(__name__)

#: What a printed character whose Unicode the PDF does not say is read as (U+FFFD REPLACEMENT CHARACTER).
UNMAPPED = "\ufffd"


@dataclass(frozen=True, slots=True)
class Char:
    """One printed character: its left and right edge, its baseline and font size (points), its place
    in the order the page draws its characters, and which text object draws it (0: not known)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    order: int
    run: int = 0


@dataclass(frozen=True)
class PdfPage:
    """The printed characters of one page in the order the PDF draws them, the boxes (left, top, right, bottom)
    of its pictures and of its paths (rules among them), and the page's size."""

    index: int
    width: float
    height: float
    chars: list[Char]
    pictures: list[tuple[float, float, float, float]]
    paths: list[tuple[float, float, float, float]]

    @property
    def unmapped(self) -> int:
        """How many of its printed characters have no Unicode the PDF says."""
        return sum(char.text == UNMAPPED for char in self.chars)


def read_pages(data: bytes, name: str) -> list[PdfPage]:
    """Every page's characters; `InputError` for an encrypted, damaged or image-only PDF."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError(f"{name}: PDF 已加密（需要密码才能打开），请导出不加密的 PDF") from None
        raise InputError(f"{name}: PDF 文件已损坏，无法读取") from None
    try:
        pages = [_read_page(document, index) for index in range(len(document))]
    finally:
        document.close()
    if not any(page.chars for page in pages):
        raise InputError(
            f"{name}: PDF 中没有文字层（可能是扫描件，只有图像），请用排版系统导出的文字版 PDF，或先做文字识别"
        )
    return pages


def _read_page(document: pdfium.PdfDocument, index: int) -> PdfPage:
    page = document[index]
    try:
        trim = _trim_of(page)
        textpage = page.get_textpage()
        try:
            chars = list(_chars(textpage, trim))
            pictures, paths = (
                _boxes(page, trim, pdfium_c.FPDF_PAGEOBJ_IMAGE),
                _boxes(page, trim, pdfium_c.FPDF_PAGEOBJ_PATH),
            )
            return PdfPage(index, trim.width, trim.height, chars, pictures, paths)
        finally:
            textpage.close()
    finally:
        page.close()


@dataclass(frozen=True)
class _Trim:
    """The page as the knife leaves it. A page output for print lies on a larger sheet (its media box), with crop
    marks and a slug line (the file, the time, the inks) outside its trim box: only what stands inside is the
    page's, measured from the trim box's top left, down."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def _trim_of(page: pdfium.PdfPage) -> _Trim:
    """The page's trim box (its crop box, or its media box, where it names none); the media box where the trim
    box given is no box on the sheet (empty, or outside it)."""
    sheet = _Trim(*page.get_mediabox())
    trim = _Trim(*page.get_trimbox())
    inside = _Trim(
        max(trim.left, sheet.left),
        max(trim.bottom, sheet.bottom),
        min(trim.right, sheet.right),
        min(trim.top, sheet.top),
    )
    return inside if inside.width > 0 and inside.height > 0 else sheet


def _chars(textpage: pdfium.PdfTextPage, trim: _Trim):
    """The page's printed characters, with a box as tall as the font and as wide as the character's advance.

    The type size is the size the page prints, the font's size scaled by the text and page matrices: InDesign
    and Acrobat set type at 1 point and scale it up by the text matrix (``/F1 1 Tf 9 0 0 9 x y Tm``), and a
    browser prints a page at three quarters of its CSS pixels.
    """
    raw = textpage.raw
    x, y = pdfium_c.c_double(), pdfium_c.c_double()
    matrix = pdfium_c.FS_MATRIX()
    printed = 0
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in (0x0D, 0x0A):
            continue
        if code == 0x02:  # PDFium's mark for a hyphen that ends a line: the hyphen is printed
            code = ord("-")
        if code in (0, 0xFFFE, 0xFFFF) or pdfium_c.FPDFText_HasUnicodeMapError(raw, index):
            code = ord(UNMAPPED)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        points = pdfium_c.FPDFText_GetFontSize(raw, index)
        size = points * math.hypot(matrix.c, matrix.d)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        if not trim.holds(x.value, y.value):
            continue
        left, right = _advance_box(textpage, index, chr(code), x.value, points * math.hypot(matrix.a, matrix.b))
        run = ctypes.cast(pdfium_c.FPDFText_GetTextObject(raw, index), ctypes.c_void_p).value or 0
        yield Char(chr(code), left - trim.left, right - trim.left, trim.top - y.value, size, printed, run)
        printed += 1


def _advance_box(textpage: pdfium.PdfTextPage, index: int, text: str, origin: float, em: float) -> tuple[float, float]:
    """Where the character's advance starts and ends across the line.

    PDFium's loose box is the advance, except where the font gives it none to read (some Type 3 glyphs, as
    Chromium prints a CJK font): the box is then the ink alone, narrower than the advance, and the white
    either side of it would read as a space. There the advance starts at the origin, and a full-width
    character's is an em wide.
    """
    left, bottom, right, top = textpage.get_charbox(index, loose=True)
    if (left, bottom, right, top) != textpage.get_charbox(index, loose=False) or text.isspace():
        return left, right
    full_width = unicodedata.east_asian_width(text) in ("W", "F")
    return origin, max(right, origin + em) if full_width else right


def _boxes(page: pdfium.PdfPage, trim: _Trim, kind: int) -> list[tuple[float, float, float, float]]:
    """The boxes of the page's objects of one ``kind`` inside its trim box: its images (a picture stands between an
    article's columns and its caption) or its paths (the rules of a table)."""
    boxes = []
    for found in page.get_objects(filter=(kind,), max_depth=2):
        left, bottom, right, top = found.get_bounds()
        if trim.holds((left + right) / 2, (bottom + top) / 2):
            boxes.append((left - trim.left, trim.top - top, right - trim.left, trim.top - bottom))
    return boxes
