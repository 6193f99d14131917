"""Newspaper pages as PDF with known answers, for the PDF import tests and `bench/pdf_bench.py`.

A page is typeset here the way a layout system sets one: a running head (报名, date and weekday, 版次,
版名) over a rule, articles in rows, each over its own span of columns (so each has its own column
width) with a headline across the span, perhaps a subheadline and a byline, body text with a
two-character first-line indent flowing from column to column, a picture with its caption, jump
lines (（下转第3版）/（上接第1版）), and the 责任编辑 line and page number at the foot. ReportLab writes it with the
CID font STSong-Light, so the text is real text with positions and sizes.

What varies as on real pages: a 引题 above the headline (``kicker``), a headline set in two lines, an
article boxed in rules (a side bar), 小标题 between its paragraphs, flush left or centred
(``intertitles``), a page drawn one character per text object as 方正 systems write it
(``PageSpec.one_by_one``), type set at 1 point and scaled up by the text matrix as InDesign and
Acrobat write it (``PageSpec.scaled``), paragraphs set apart by space and not indented
(``PageSpec.spaced``), body type leaded generously (``PageSpec.leading``), marks hanging into the
gutter (``PageSpec.hanging``), lines ragged right (``PageSpec.ragged``), a headline set upright
beside its text (``ArticleSpec.upright``), a page output for print on a larger sheet with crop marks
and a slug line outside its trim box (``PageSpec.marks``), a picture under all of the page's type
(``PageSpec.background``), and characters set in a font of their own (``PageSpec.lost``) whose
ToUnicode map `without_unicode` takes out. A Latin word or a number is never cut at a line end, as
no layout system cuts one.

`make_pdf` returns what the import must give back: the paragraphs in reading order with their kinds,
furniture left out, a jumped article joined whole.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from reportlab.lib.pagesizes import A3
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from bench.authored_docx import tiny_png

FONT = "STSong-Light"
#: The font the page's ``lost`` characters are set in (any embedded TrueType font: what it draws does not matter).
LOST_FONT, LOST_FONT_FILE = "Lost", Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BODY, HEADLINE, SUBHEADLINE, CAPTION, HEAD, FOOT = 10.5, 22.0, 14.0, 8.5, 9.0, 8.0
LEADING = 1.5
MARGIN, GUTTER = 42.0, 14.0
#: The space between paragraphs on a page that sets them apart so, not by an indent.
PARAGRAPH_SPACE = 0.6 * BODY
#: How far a sheet printed with printer's marks reaches beyond the page all round.
SLUG = 36.0
#: Marks a line does not start with: set at the end of the line before, hanging into the gutter; nor with a
#: space: a layout system sets none at a line's head (a full-width one there would read as an indent).
_NO_LINE_START = set("，。、；：？！）》」』”’…— \u3000")
_NO_LINE_END = set("（《「『“‘")
#: The marks that hang past a column's edge where a page hangs them: one, never two.
_HANGS = set("，。、；：？！")
_PICTURE = ImageReader(io.BytesIO(tiny_png()))
#: A run a layout system keeps on one line: a Latin word, a number, a web address.
_UNBROKEN = re.compile(r"[A-Za-z0-9.%/:_-]")
#: The room between a box's rule and its text.
PAD = 6.0


@dataclass
class ArticleSpec:
    headline: str
    paragraphs: list[str]
    subheadline: str = ""
    #: the 引题 set above the headline, in the subheadline's size
    kicker: str = ""
    #: the headline is set in this many lines (a long one may wrap to more)
    headline_lines: int = 1
    #: the headline is set upright, a character a line, beside the article's text (竖排标题): "left" or "right" of it
    upright: str = ""
    #: the headline, its 引题 and its subheadline are centred over the article's span, not set flush left
    centred: bool = False
    #: the article stands in a box of rules, as a side bar does
    boxed: bool = False
    byline: str = ""
    caption: str = ""
    #: paragraphs that are 小标题 (intertitles): set on a line of their own at the body size, flush left or centred
    intertitles: tuple[str, ...] = ()
    #: the 小标题 are centred in the column, not set flush left
    centred_titles: bool = False
    columns: int = 2
    #: the body is set in this many columns over the span (0: one per page column), so each article has its own width
    body_columns: int = 0
    #: the 版次 number this article continues on, and where its text is cut for it (paragraph, character)
    jump_to: int = 0
    cut: tuple[int, int] = (0, 0)
    #: the 版次 number this article is continued from: its headline is a shortened repeat, and its
    #: text is the rest of the article there (``make_pdf`` fills it in)
    jump_from: int = 0
    #: set by ``make_pdf``: the continuation is in the file, so the answer holds the whole text here
    continued: bool = False
    #: how the jump lines name the other page (`JUMP_FORMS`)
    jump_form: int = 0
    #: set by ``make_pdf``: the continuation in the file that carries the rest of the text
    rest: ArticleSpec | None = None


@dataclass
class PageSpec:
    number: int
    articles: list[list[ArticleSpec]]  # rows of articles, left to right
    paper: str = "武进日报"
    date: str = "2026年12月1日"
    weekday: str = "星期二"
    section: str = "要闻"
    editors: str = "责任编辑：周敏  美编：陈力  校对：王芳"
    #: every character its own text object at its own place, as 方正 systems write a page
    one_by_one: bool = False
    #: characters set in a font of their own whose ToUnicode map `without_unicode` takes out
    lost: str = ""
    #: type set at 1 point and scaled to its size by the text matrix, as InDesign and Acrobat write a page
    scaled: bool = False
    #: a mark that may not start a line hangs past the column's edge into the gutter (as Word and ReportLab's
    #: paragraphs set it) rather than taking the character before it down
    hanging: bool = False
    #: the body type's line pitch, a multiple of its size (a page leaded generously sets two)
    leading: float = LEADING
    #: paragraphs start with a first-line indent of two characters (most newspapers set them so)
    indented: bool = True
    #: lines set ragged right, not justified to the column's edge (as ReportLab's paragraphs set Chinese by default)
    ragged: bool = False
    #: paragraphs set apart by space, as a page set from a word processor's styles (the space left out at a
    #: column's head, as they leave it)
    spaced: bool = False
    #: printed for the plate: the sheet larger than the page (its trim box), with crop marks and a slug line
    #: (the file, the time it was output, the inks) outside the page, as a layout system outputs it for print
    marks: bool = False
    #: a picture under all of the page's type: a page printed on a background picture, or a scan under its text layer
    background: bool = False

    @property
    def label(self) -> str:
        return f"A{self.number}"


@dataclass
class Answer:
    """The paragraphs an import must give: (kind, text), in reading order."""

    paragraphs: list[tuple[str, str]] = field(default_factory=list)


@functools.cache
def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    if LOST_FONT not in pdfmetrics.getRegisteredFontNames() and LOST_FONT_FILE.exists():
        pdfmetrics.registerFont(TTFont(LOST_FONT, str(LOST_FONT_FILE)))


def text_width(text: str, size: float) -> float:
    """How wide ``text`` is set in the pages' font at ``size``."""
    _register()
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, width: float, size: float, indent: float = 0.0, hang: bool = False) -> list[str]:
    """Cut ``text`` into lines no wider than ``width`` (the first ``indent`` narrower), as a layout system does:
    a closing mark never starts a line and an opening one never ends it (the character before moves down, or,
    ``hang``, the mark hangs past the column's edge, as Word and ReportLab's paragraphs set it)."""
    lines: list[str] = []
    start, room = 0, width - indent
    while start < len(text):
        end = start
        while end < len(text) and text_width(text[start : end + 1], size) <= room:
            end += 1
        end = max(end, start + 1)
        if hang and end < len(text) and text[end] in _HANGS and text[end - 1] not in _NO_LINE_END:
            end += 1
        while start + 1 < end < len(text) and (text[end] in _NO_LINE_START or text[end - 1] in _NO_LINE_END):
            end -= 1
        run = end
        while start < run - 1 and run < len(text) and _UNBROKEN.match(text[run]) and _UNBROKEN.match(text[run - 1]):
            run -= 1
        if run > start + 1 and run != end and not (_UNBROKEN.match(text[run - 1]) and _UNBROKEN.match(text[run])):
            end = run
        lines.append(text[start:end])
        start, room = end, width
    return lines


class _Setter:
    """Sets the articles of one page on a ReportLab canvas, row by row."""

    def __init__(self, canvas: Canvas, page: PageSpec, columns: int) -> None:
        self.canvas, self.page = canvas, page
        self.width, self.height = A3
        self.columns = columns
        self.column_width = (self.width - 2 * MARGIN - (columns - 1) * GUTTER) / columns

    def title_lines(self, x: float, y: float, lines: list[str], size: float, centred_in: float = 0.0) -> float:
        """Set the lines of a headline, 引题 or subheadline at type ``size`` from ``y`` down, each centred in a width
        of ``centred_in`` where one is given; the y below them."""
        for line in lines:
            indent = (centred_in - text_width(line, size)) / 2 if centred_in else 0.0
            self.text(x + max(0.0, indent), y + size * 0.9, line, size)
            y += size * 1.3
        return y

    def cut_at_line_end(self, article: ArticleSpec, column_width: float) -> None:
        """Move the cut of an article that jumps to the end of the line it falls in (in its last line: to that
        line's start), and give the rest what is left: a jump falls where a column ends, after a full line."""
        paragraph, character = article.cut
        if not character:
            return
        text = article.paragraphs[paragraph]
        indent = 2 * BODY if self.page.indented else 0.0
        ends = list(accumulate(len(part) for part in wrap(text, column_width, BODY, indent, hang=self.page.hanging)))
        end = next(end for end in ends if end >= character)
        article.cut = (paragraph, end if end < len(text) else ([0, *ends][-2]))
        if article.rest is not None:
            article.rest.paragraphs[0] = text[article.cut[1] :]
            article.rest.cut = article.cut

    def text(self, x: float, y: float, text: str, size: float, width: float = 0.0) -> None:
        """Print ``text`` at (x, y), justified to ``width`` if one is given; the page's ``lost`` characters in the
        font of their own (`LOST_FONT`), in the room STSong-Light gives them."""
        spare = width - pdfmetrics.stringWidth(text, FONT, size) if width and len(text) > 1 else 0.0
        space = max(0.0, spare) / max(1, len(text) - 1)
        # A layout system spreads a line a Latin word or a number did not fit on, but never this far (only a
        # run of opening marks pulled down could make it).
        space = space if space <= 0.6 * size else 0.0
        lost = self.page.lost
        runs = (
            list(text)
            if self.page.one_by_one
            else re.findall(f"[{re.escape(lost)}]|[^{re.escape(lost)}]+", text)
            if lost
            else [text]
        )
        for run in runs:  # one text object each (BT … ET), placed by its own coordinates
            self._draw(x, self.height - y, run, LOST_FONT if run in lost else FONT, size, space)
            x += pdfmetrics.stringWidth(run, FONT, size) + space * len(run)

    def _draw(self, x: float, y: float, run: str, font: str, size: float, space: float) -> None:
        """One text object: at ``size`` points (``/F1 10.5 Tf``), or at 1 point scaled up by its text matrix."""
        if not self.page.scaled:
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, y, run, charSpace=space)
            return
        text = self.canvas.beginText()
        text.setTextTransform(size, 0, 0, size, x, y)
        text.setFont(font, 1)
        text.setCharSpace(space / size)  # in text space, which the matrix scales
        text.textOut(run)
        self.canvas.drawText(text)

    def printers_marks(self) -> None:
        """Put the page on a sheet ``SLUG`` larger all round: crop marks at its corners and a slug line below it."""
        width, height = self.width, self.height
        self.canvas.setPageSize((width + 2 * SLUG, height + 2 * SLUG))
        self.canvas.setTrimBox((SLUG, SLUG, SLUG + width, SLUG + height))
        self.canvas.translate(SLUG, SLUG)
        for x, y, dx, dy in ((0, 0, -1, -1), (width, 0, 1, -1), (0, height, -1, 1), (width, height, 1, 1)):
            self.canvas.line(x + dx * 6, y, x + dx * (SLUG - 4), y)
            self.canvas.line(x, y + dy * 6, x, y + dy * (SLUG - 4))
        slug = f"{self.page.label}.indd   {self.page.number}   2026/11/30   21:03:15   C  M  Y  K"
        self.text(0, height + SLUG / 2, slug, FOOT)

    def furniture(self) -> None:
        page = self.page
        if page.background:  # drawn first: the type is printed over it
            self.canvas.drawImage(_PICTURE, 0, 0, self.width, self.height)
        self.text(MARGIN, MARGIN, page.paper, HEAD * 1.4)
        self.text(self.width / 2 - 60, MARGIN, f"{page.date} {page.weekday}", HEAD)
        self.text(self.width - MARGIN - 60, MARGIN, f"{page.label} {page.section}", HEAD)
        self.canvas.line(MARGIN, self.height - MARGIN - 6, self.width - MARGIN, self.height - MARGIN - 6)
        self.canvas.line(MARGIN, 44, self.width - MARGIN, 44)
        self.text(MARGIN, self.height - 32, page.editors, FOOT)
        self.text(self.width / 2, self.height - 20, str(page.number), FOOT)

    def article(self, article: ArticleSpec, x: float, y: float, span: int, answer: Answer) -> float:
        """Set ``article`` from (x, y) over ``span`` columns; the y below it."""
        width = span * self.column_width + (span - 1) * GUTTER
        box_top = y
        if article.boxed:
            x, y, width = x + PAD, y + PAD, width - 2 * PAD
        upright_bottom = y
        if article.upright and not article.jump_from:  # the headline a character a line, beside the text
            left = x if article.upright == "left" else x + width - HEADLINE
            for index, char in enumerate(article.headline):
                self.text(left, y + HEADLINE * (0.9 + 1.1 * index), char, HEADLINE)
            answer.paragraphs.append(("headline", article.headline))
            upright_bottom = y + HEADLINE * 1.1 * len(article.headline)
            if article.upright == "left":
                x += HEADLINE * 1.6
            width -= HEADLINE * 1.6
        count = article.body_columns or span
        column_width = (width - (count - 1) * GUTTER) / count
        line = BODY * self.page.leading
        if article.jump_from:
            self.text(x, y + HEADLINE * 0.9, article.headline, HEADLINE * 0.8)
            y += HEADLINE * 1.6
        elif not article.upright:  # an upright headline stands beside the text, with nothing over it
            centred_in = width if article.centred else 0.0
            if article.kicker:
                y = self.title_lines(x, y, wrap(article.kicker, width, SUBHEADLINE), SUBHEADLINE, centred_in)
                answer.paragraphs.append(("subheadline", article.kicker))
                y += SUBHEADLINE * 0.2
            y = self.title_lines(x, y, _headline_lines(article, width), HEADLINE, centred_in)
            answer.paragraphs.append(("headline", article.headline))
            y += 4
            if article.subheadline:
                y = self.title_lines(x, y, wrap(article.subheadline, width, SUBHEADLINE), SUBHEADLINE, centred_in)
                answer.paragraphs.append(("subheadline", article.subheadline))
                y += SUBHEADLINE * 0.3
            if article.byline:
                self.text(x, y + BODY * 0.9, article.byline, BODY)
                answer.paragraphs.append(("byline", article.byline))
                y += line
        lines: list[tuple[str, float, bool]] = []  # text, indent, justified
        if article.jump_from:
            lines.append((_jump_line(article.jump_form, 1, article.jump_from), 0.0, False))
        starts: set[int] = set()  # the lines that start a paragraph
        if article.jump_to:
            self.cut_at_line_end(article, column_width)
        for text, indented in _set_paragraphs(article):
            if indented:
                starts.add(len(lines))
            indent = 2 * BODY if indented and self.page.indented else 0.0
            if text in article.intertitles:
                indent = (column_width - text_width(text, BODY)) / 2 if article.centred_titles else 0.0
            parts = wrap(text, column_width, BODY, indent, hang=self.page.hanging)
            lines.extend((part, indent if i == 0 else 0.0, i < len(parts) - 1) for i, part in enumerate(parts))
        if article.jump_to:
            jump = _jump_line(article.jump_form, 0, article.jump_to)
            lines.append((jump, column_width - pdfmetrics.stringWidth(jump, FONT, BODY), False))
        if article.continued or not (article.jump_to or article.jump_from):
            answer.paragraphs.extend(("body", text) for text in article.paragraphs)
        elif article.jump_to:
            answer.paragraphs.extend(("body", text) for text, _ in _set_paragraphs(article))
        per_column = -(-len(lines) // count)
        spaces = [0.0] * count  # the space set between paragraphs so far, in each column
        for index, (text, indent, justified) in enumerate(lines):
            column, row = divmod(index, per_column)
            if self.page.spaced and index in starts and row:
                spaces[column] += PARAGRAPH_SPACE
            left = x + column * (column_width + GUTTER)
            top = y + row * line + spaces[column]
            spread = justified and not self.page.ragged
            self.text(left + indent, top + BODY * 0.9, text, BODY, column_width - indent if spread else 0.0)
        y += per_column * line + max(spaces) + 6
        if article.caption:
            self.canvas.drawImage(_PICTURE, x, self.height - y - 80, width, 80)
            y += 84
            for part in wrap(article.caption, width, CAPTION):
                self.text(x, y + CAPTION * 0.9, part, CAPTION)
                y += CAPTION * 1.5
            answer.paragraphs.append(("caption", article.caption))
            y += CAPTION * 0.2
        y = max(y, upright_bottom)
        if article.boxed:
            y += PAD
            self.canvas.rect(x - PAD, self.height - y, width + 2 * PAD, y - box_top)
        return y + BODY * 1.5


class Overflow(Exception):
    """The articles of a page do not fit on it (the page number and its articles)."""

    def __init__(self, number: int, articles: list[ArticleSpec]) -> None:
        super().__init__(f"page {number} overflows")
        self.number, self.articles = number, articles


def in_rows(articles: list[ArticleSpec], columns: int) -> list[list[ArticleSpec]]:
    """``articles`` in order, in rows of a ``columns``-column page: a row is closed when the next one would not fit."""
    rows: list[list[ArticleSpec]] = [[]]
    used = 0
    for article in articles:
        if used + article.columns > columns:
            rows.append([])
            used = 0
        rows[-1].append(article)
        used += article.columns
    return rows


def make_pdf(pages: list[PageSpec], columns: int | dict[int, int] = 4) -> tuple[bytes, list[Answer]]:
    """The PDF of ``pages`` (``columns`` columns each, or by page number) and each page's answer.

    A continued article answers whole on the page it starts on. `Overflow` if a page's articles do not fit.
    """
    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=A3)
    answers = []
    _fill_continuations(pages)
    for page in pages:
        canvas.setPageSize(A3)  # ReportLab keeps a page's size and trim box for the pages after it
        canvas.setTrimBox(None)
        setter = _Setter(canvas, page, columns if isinstance(columns, int) else columns[page.number])
        if page.marks:
            setter.printers_marks()
        setter.furniture()
        answer = Answer()
        y = MARGIN + 24
        for row in page.articles:
            x, bottom = MARGIN, y
            for article in row:
                bottom = max(bottom, setter.article(article, x, y, article.columns, answer))
                x += article.columns * (setter.column_width + GUTTER)
            y = bottom
        if y > setter.height - 50:
            raise Overflow(page.number, [article for row in page.articles for article in row])
        answers.append(answer)
        canvas.showPage()
    canvas.save()
    return stream.getvalue(), answers


#: The jump lines papers print, to the page the article goes on to and the one it comes from: the 版次 in figures
#: or in Chinese numerals, with 第 or without, the 版名 after it.
JUMP_FORMS = (
    ("（下转第{}版）", "（上接第{}版）"),
    ("（转{}版）", "（接{}版）"),
    ("（下转第{cn}版）", "（上接第{cn}版）"),
    ("（转第{}版·要闻）", "（紧接第{cn}版）"),
)
_CHINESE_NUMERALS = "〇一二三四五六七八九"


def _jump_line(form: int, end: int, page: int) -> str:
    """The jump line of ``JUMP_FORMS[form]`` naming ``page``: ``end`` 0 at the cut, 1 over the rest."""
    tens, units = divmod(page, 10)
    numeral = (
        ("" if tens < 2 else _CHINESE_NUMERALS[tens])
        + ("十" if tens else "")
        + (_CHINESE_NUMERALS[units] if units else "")
    )
    return JUMP_FORMS[form][end].format(page, cn=numeral)


def _headline_lines(article: ArticleSpec, width: float) -> list[str]:
    """The headline's lines: cut in ``headline_lines`` even parts (after a mark where there is one), each wrapped."""
    text, count = article.headline, max(1, article.headline_lines)
    cuts = [round(len(text) * i / count) for i in range(1, count)]
    cuts = [
        next((c for c in range(cut - 3, cut + 4) if 0 < c < len(text) and text[c - 1] in "，、："), cut) for cut in cuts
    ]
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [line for part in parts if part for line in wrap(part, width, HEADLINE)]


def without_unicode(data: bytes) -> bytes:
    """The PDF ``data`` with the ToUnicode map of `LOST_FONT` taken out, as a layout system embeds a font of
    its own characters (外挂字) without one: the glyphs are drawn, their Unicode is no longer said, and a
    reader can only guess them from the glyph codes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            if LOST_FONT_FILE.stem in str(font.get("/BaseFont", "")):
                font.pop(NameObject("/ToUnicode"), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _set_paragraphs(article: ArticleSpec) -> list[tuple[str, bool]]:
    """The paragraphs set for ``article`` with whether each starts indented: up to its cut, or the rest after it."""
    paragraph, character = article.cut
    texts = article.paragraphs
    if article.jump_to:
        kept = [(text, True) for text in texts[:paragraph]]
        return kept + [(texts[paragraph][:character], True)] if character else kept
    if article.jump_from:
        return [(text, index > 0 or not character) for index, text in enumerate(texts)]
    return [(text, True) for text in texts]


def _fill_continuations(pages: list[PageSpec]) -> None:
    """Give every continuation the rest of the article that jumps to it (the start answers for the whole text)."""
    by_page = {page.number: page for page in pages}
    for page in pages:
        for article in (article for row in page.articles for article in row if article.jump_to):
            target = by_page.get(article.jump_to)
            rests = [a for row in target.articles for a in row if a.jump_from == page.number] if target else []
            if not rests:
                continue
            paragraph, character = article.cut
            rest = article.paragraphs[paragraph:]
            rest[0] = rest[0][character:]
            rests[0].paragraphs, rests[0].cut, article.continued = rest, article.cut, True
            article.rest = rests[0]
            rests[0].intertitles, rests[0].centred_titles = article.intertitles, article.centred_titles
