"""The draft as the engine sees it: ordered paragraphs with their kind and origin.

Readers produce a `Document` whose paragraphs are the draft *as read*: every line or
fragment the layout left behind is a paragraph of its own, so that a repair can be
shown, reviewed and written back to the same place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum


class ParagraphKind(str, Enum):
    """The role of a paragraph on the page; headlines are never joined to body text."""

    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"


class Mark(str, Enum):
    """What the author of a Word document marked a paragraph as: layout repair never joins across it."""

    HEADING = "heading"  # a heading style or an outline level
    LIST = "list"  # a numbered or bulleted list item (``w:numPr``, also from its style)
    FIELD = "field"  # a field's result: a line of the table of contents, an index entry
    FORM = "form"  # laid out as a form: tabs, underlined blanks
    CAPTION = "caption"  # Word's caption style
    PICTURE = "picture"  # holds a picture, or a picture separates it from the text before
    REVISED = "revised"  # its paragraph mark or formatting is a tracked change (a join a review copy tracks)


@dataclass(frozen=True)
class Source:
    """Where a paragraph came from, so that edits can be written back.

    ``block`` is the index of the paragraph in the source file (a DOCX paragraph,
    or a line of a text file); ``line`` is the manual-line-break segment inside it.
    ``blank_before`` counts the empty lines (or empty DOCX paragraphs) just before it,
    ``indent`` is the leading white space that was stripped from the text.
    ``story`` names the flow of text the paragraph belongs to: ``""`` for the body (and
    every text draft); in a DOCX a header, footer, footnote, endnote or text box of its
    own (``"页眉1"``, ``"脚注2"``, ``"文本框1"``). Text never runs on from one flow into another.
    ``authored`` says the paragraph boundary before it was typed by an author (a DOCX paragraph mark
    or soft break), not left by a text file's lines: layout repair joins it only on evidence of a cut.
    ``marks`` are what the author marked the paragraph as, and ``container`` numbers the table cell
    or content control it sits in (0: none); no join crosses either.
    ``page`` and ``column`` say where a paragraph read from a PDF starts on the printed page (its 版次,
    or the page number when the page shows none, and its column counted from the left), so a finding
    can be shown as "A2 版 第3栏"; empty and 0 for other drafts.
    ``wrapped_as`` is the column a line was read in when its draft was opened (its width in half-width
    units, whether the column indents, whether it counts characters, whether copying lost its indents;
    width 0: in no column), which the
    editor's checks keep for the lines still as read, so that joining some lines of a column does not
    change how the rest of it is read (`layout.columns.keep_columns_as_read`); None: the layout analysis
    finds it. ``last_line`` is where, in a paragraph the user joined from lines as read, the last of them
    starts: such a paragraph is kept in that line's column and measured by that line (0: by its whole text).
    """

    block: int
    line: int = 0
    blank_before: int = 0
    indent: str = ""
    story: str = ""
    authored: bool = False
    marks: frozenset[Mark] = frozenset()
    container: int = 0
    page: str = ""
    column: int = 0
    wrapped_as: tuple[int, bool, bool, bool] | None = None
    last_line: int = 0

    @property
    def place(self) -> PrintedPlace | None:
        """Where on the printed page the paragraph starts; None for a draft not read from a PDF."""
        return PrintedPlace(self.page, self.column) if self.page else None


@dataclass(frozen=True)
class PrintedPlace:
    """Where a paragraph stands on the printed page: its page (the 版次, ``A2``, or the page number when the
    page shows none) and column from the left (0: not known). Shown as a layout person says it, "A2 版 第3栏";
    `check --json` and the report give both fields, so a desk can sort and filter by page."""

    page: str
    column: int = 0

    def __str__(self) -> str:
        return f"{self.page} 版 第{self.column}栏" if self.column else f"{self.page} 版"

    def fields(self) -> dict:
        """The JSON fields of the place: ``page`` and ``column`` (None when the column is not known)."""
        return {"page": self.page, "column": self.column or None}


#: The JSON fields of a finding in a draft that has no printed page (not read from a PDF).
NO_PLACE_FIELDS = {"page": None, "column": None}


@dataclass(frozen=True)
class PageInfo:
    """What the furniture of a printed page says (read from a PDF), kept out of the text to check.

    ``label`` is the 版次 (``A2``; the page number when the running head shows none), ``date`` the
    page's date as printed (``2026年12月1日``), ``section`` its 版名 (``要闻``), ``paper`` the 报名;
    ``furniture`` every line of the running head and foot (责任编辑 line, page number) as read;
    ``unmapped`` how many printed characters the page's fonts give no Unicode for (marked U+FFFD in the text).
    """

    number: int
    label: str
    date: str = ""
    section: str = ""
    paper: str = ""
    furniture: tuple[str, ...] = ()
    unmapped: int = 0


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text with its kind and its origin."""

    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    source: Source = field(default_factory=lambda: Source(block=0))

    def with_text(self, text: str) -> Paragraph:
        return replace(self, text=text)

    def with_kind(self, kind: ParagraphKind) -> Paragraph:
        return replace(self, kind=kind)


@dataclass
class Document:
    """A draft: its paragraphs in reading order, and what it was read from.

    ``origin`` is format-specific state a writer needs to write the same file back
    (for DOCX, the python-docx document); the engine never looks at it. ``date`` is the
    article's date when it is known from outside its text (``--date``, the editor's field,
    a PDF's running head); the political checks read it (`editor.core.officials.article_date`).
    ``pages`` describes the printed pages of a draft read from a PDF (empty for other drafts).
    """

    paragraphs: list[Paragraph]
    name: str = "<draft>"
    encoding: str | None = None
    origin: object | None = None
    date: dt.date | None = None
    pages: tuple[PageInfo, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [paragraph.text for paragraph in self.paragraphs]

    @property
    def characters(self) -> int:
        return sum(len(paragraph.text) for paragraph in self.paragraphs)

    @classmethod
    def from_texts(cls, texts: list[str], name: str = "<draft>") -> Document:
        """A document of body paragraphs, one per text (tests and the GUI build these)."""
        return cls([Paragraph(text, source=Source(block=i)) for i, text in enumerate(texts)], name=name)
