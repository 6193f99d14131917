"""Decide, for every pair of neighbouring paragraphs as read, whether the layout cut them apart.

One pass classifies the paragraphs (headline, subheadline, byline, caption, body) and
finds the cuts, because each depends on the other: a short line without punctuation
is a headline unless the text runs on across it, and a headline is never glued to
what follows. Precision comes first: where the evidence is split, the paragraphs stay
apart and a person decides.

A Word document's paragraphs are the author's (`Source.authored`): no join crosses what
the author marked (`Source.marks`, a table cell or content control, another flow), and an
unmarked boundary is joined only where the text plainly runs on across it, mid-word or
mid-sentence, or where the document shows it came out of a layout system or a PDF: a run
of lines wrapped at one width, or several prose paragraphs left ending mid-sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.layout import shape
from editor.core.layout.cohesion import FULL_LINE_GAIN, NO_WORD_MARGIN, RUNS_ON_GAIN, runs_on
from editor.core.layout.columns import Columns, as_single_spaced, detect_columns, fills, indents, opens
from editor.core.layout.words import starts_mid_sentence, word_spans_cut

_TITLE_KINDS = (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE)
#: A Word document shows it was pasted from a layout system when this many of its prose paragraphs
#: (and this share of its paragraph boundaries) end mid-sentence; an author leaves one now and then.
_LAID_OUT_CUTS, _LAID_OUT_SHARE = 2, 0.02
_ARTICLE_OPENERS = (
    "本报讯",
    "本报综合",
    "本报记者",
    "本报通讯员",
    "新华社",
    "人民网",
    "据",
    "记者",
    "通讯员",
    "（",
    "(",
)


class CutKind(str, Enum):
    """Why two paragraphs are one: the evidence, which decides the rule id and the message."""

    PARAGRAPH = "split_paragraph"  # blank-line fragments of one paragraph (a column jump)
    WRAP = "hard_wrap"  # a line hard-wrapped at the column width
    NUMBER = "split_number"  # a number cut from its unit or measure word
    WORD = "split_word"  # a word cut in two
    HYPHEN = "hyphenated_word"  # a Latin word hyphenated across lines


@dataclass(frozen=True)
class Cut:
    """Paragraph ``index`` and the next one are fragments of one paragraph."""

    index: int
    kind: CutKind


@dataclass(frozen=True)
class LayoutAnalysis:
    kinds: list[ParagraphKind]
    cuts: list[Cut]


def analyse(document: Document) -> LayoutAnalysis:
    """Paragraph kinds and cuts of a document as read.

    A document already classified (its kinds set by `classify`) gives the same cuts:
    the layout checks read the document the engine classified, so the analysis that
    classified it is remembered with it and not made again (`_Remembered`).
    """
    remembered = _last_classified.of(document)
    if remembered is not None:
        return remembered
    document = as_single_spaced(document)
    paragraphs = document.paragraphs
    layout = detect_columns(document)
    laid_out = _laid_out(document)
    kinds: list[ParagraphKind] = []
    cuts: list[Cut] = []
    continues = False  # the current paragraph continues the previous one
    for index in range(len(paragraphs)):
        columns = layout[index]
        cut = _cut_after(document, index, layout, continues) if index + 1 < len(paragraphs) else None
        if cut is not None and paragraphs[index + 1].source.authored and not laid_out:
            cut = cut if _plainly_runs_on(document, index, cut) else None
        kinds.append(_kind(document, index, kinds, columns, continues, cut is not None))
        if cut is not None and kinds[-1] in (ParagraphKind.BODY, ParagraphKind.CAPTION):
            cuts.append(Cut(index, cut))
            continues = True
        else:
            continues = False
    return LayoutAnalysis(kinds, cuts)


def _kind(
    document: Document, index: int, kinds: list[ParagraphKind], columns: Columns | None, continues: bool, cut: bool
) -> ParagraphKind:
    paragraph = document.paragraphs[index]
    if continues:
        return kinds[-1]
    if paragraph.kind is not ParagraphKind.BODY or paragraph.source.container:
        return paragraph.kind  # set by the reader from the DOCX styles; a table cell's figure or label is no headline
    text = paragraph.text
    if shape.is_byline(text):
        return ParagraphKind.BYLINE
    if shape.is_caption(text):
        return ParagraphKind.CAPTION
    if not cut and _titlelike(document, index, columns):
        return ParagraphKind.SUBHEADLINE if kinds and kinds[-1] in _TITLE_KINDS else ParagraphKind.HEADLINE
    return ParagraphKind.BODY


def _titlelike(document: Document, index: int, columns: Columns | None) -> bool:
    paragraph = document.paragraphs[index]
    if not shape.headline_like(paragraph.text) or shape.starts_enumeration(paragraph.text):
        return False
    if _heads_article(document, index):
        return True
    return not (columns and _tight(document, index) and fills(document, index, columns))


def _heads_article(document: Document, index: int) -> bool:
    """Is the line without punctuation at ``index`` followed by a byline or a dateline: a headline, however wide?"""
    paragraphs = document.paragraphs
    if index + 1 >= len(paragraphs) or not shape.headline_like(paragraphs[index].text):
        return False
    after = paragraphs[index + 1].text
    return shape.is_byline(after) or shape.opens_with_dateline(after)


def _tight(document: Document, index: int) -> bool:
    """Is paragraph ``index`` followed by the next one without a blank line?"""
    paragraphs = document.paragraphs
    return index + 1 < len(paragraphs) and paragraphs[index + 1].source.blank_before == 0


def _cut_after(document: Document, index: int, layout: list[Columns | None], continues: bool) -> CutKind | None:
    """Why paragraph ``index`` runs on into the next one, or None when it really ends there.

    Whether the next line looks like a headline is asked of its own column: at the line where an
    article continued from another page changes width, the next line fills the new column, not this one.
    """
    columns, below = layout[index], _column_below(layout, index)
    here, after = document.paragraphs[index], document.paragraphs[index + 1]
    if _set_apart(here.source, after.source):
        return None
    left, right = here.text, after.text
    if shape.is_caption(right) or shape.opens_with_dateline(right) or _heads_article(document, index + 1):
        return None  # a caption, or an article's dateline or headline, is never the rest of the paragraph before it
    if here.kind in _TITLE_KINDS or after.kind in _TITLE_KINDS or shape.is_byline(left) or shape.is_byline(right):
        return None
    if shape.is_hyphenated_end(left) and right[:1].islower():
        return CutKind.HYPHEN
    wrapped = columns is not None and _tight(document, index)
    if wrapped and columns.indented and indents(after.source.indent):
        return None
    full = wrapped and fills(document, index, columns)
    if wrapped and shape.ends_mid_phrase(left) and not _list_follows(document, index, below, full):
        return _evidence(left, right, CutKind.WRAP)  # no paragraph of a column ends on ，、；： or inside brackets
    if wrapped and columns.indent_lost and not full and opens(document, index + 1, columns):
        return None  # a paragraph's last line, or a headline, before a first line whose indent copying lost
    if shape.is_dateline(left):
        return CutKind.WRAP if wrapped else CutKind.PARAGRAPH  # the dateline is run in with the first paragraph
    if shape.ends_sentence(left):
        # In a column a sentence may end at the edge; only the column's indents or a closing mark show it runs on.
        if not (full and (_indents_show_it_runs_on(document, index, columns) or shape.starts_with_closing_mark(right))):
            return None
        headline = _titlelike(document, index + 1, below) or (columns.indented and _headline_line(document, index + 1))
        return None if headline else CutKind.WRAP
    if not continues and shape.headline_like(left) and not indents(here.source.indent):
        # A draft opens with its headline: its first line needs the plain evidence, however wide. A line that
        # falls short of its column ended its paragraph or is a headline: only the plain evidence joins it.
        gain = None if wrapped and not full else FULL_LINE_GAIN if full and index > 0 else RUNS_ON_GAIN
        return _evident_cut(left, right, CutKind.WRAP if wrapped else CutKind.PARAGRAPH, gain)
    if shape.cut_inside_marks(left, right):
        return _evidence(left, right, CutKind.WRAP if wrapped else CutKind.PARAGRAPH)
    if _titlelike(document, index + 1, below) and not starts_mid_sentence(right):
        return None  # what follows is a headline: this paragraph ended without its full stop
    if full:
        return _evidence(left, right, CutKind.WRAP)
    if shape.introduces(left):
        return None  # a list or a quotation may follow as paragraphs of their own
    return _evidence(left, right, CutKind.WRAP if wrapped else CutKind.PARAGRAPH)


def _indents_show_it_runs_on(document: Document, index: int, columns: Columns) -> bool:
    """In a column that indents every paragraph, line ``index + 1`` (no paragraph start) goes on with the
    paragraph of line ``index``, a full line that ends a sentence. Where copying lost the indents, a
    one-line paragraph shows none either, so only a next line as full as the column shows it; and a line
    that ends a sentence the indent short of the edge is a paragraph's last line as often as its first."""
    if not columns.indented:
        return False
    after = index + 1
    return not columns.indent_lost or (
        not opens(document, index, columns)
        and _tight(document, after)
        and fills(document, after, columns)
        and not opens(document, after, columns)
    )


#: The column a width changes to holds at least this many lines: two headlines one above the other are no column.
_NEW_COLUMN_LINES = 3


def _column_below(layout: list[Columns | None], index: int) -> Columns | None:
    """The column line ``index + 1`` is read in: its own where a run of lines at a new width starts there
    (an article continued at another width), else that of line ``index``."""
    below = layout[index + 1]
    run = layout[index + 1 : index + 1 + _NEW_COLUMN_LINES]
    if below is None or len(run) < _NEW_COLUMN_LINES or any(columns != below for columns in run):
        return layout[index]
    return below


def _list_follows(document: Document, index: int, below: Columns | None, full: bool) -> bool:
    """Does a line ending on ；or ： end its paragraph before a list item or a headline?

    A line that falls short of its column and ends on ： ends its paragraph whatever follows: it
    introduces a list, a quotation, or it is the last of an article, before the next one's headline.
    """
    left, right = document.paragraphs[index].text, document.paragraphs[index + 1].text
    if left[-1:] not in shape.ENDS_BEFORE_ITEM:
        return False
    return shape.starts_item(right) or (not full and (shape.introduces(left) or _titlelike(document, index + 1, below)))


def _headline_line(document: Document, index: int) -> bool:
    """In a column that indents every paragraph, is line ``index`` a paragraph of one line without an indent
    or an end, followed by a paragraph start: a headline as wide as the column?"""
    paragraphs = document.paragraphs
    here = paragraphs[index]
    return (
        not indents(here.source.indent)
        and shape.headline_like(here.text)
        and index + 1 < len(paragraphs)
        and paragraphs[index + 1].source.blank_before == 0
        and indents(paragraphs[index + 1].source.indent)
    )


def _set_apart(here: Source, after: Source) -> bool:
    """Did the author set the two apart: another flow (a header, a footnote, a text box), another
    table cell or content control, or a paragraph marked as a heading, list item, field, form or caption?"""
    return here.story != after.story or here.container != after.container or bool(here.marks or after.marks)


def _mid_sentence(left: str, right: str) -> bool:
    """A prose paragraph left without its sentence's end, and the text reads on into the next one.

    Authors leave prose without its full stop too (a note under a table, a form's line), and
    what follows it then starts afresh: only a text that runs on across the boundary is cut.
    """
    return (
        shape.has_sentence_punctuation(left)
        and not shape.ends_sentence(left)
        and not shape.introduces(left)
        and not shape.starts_item(right)
        and runs_on(left, right)
    )


def _plainly_runs_on(document: Document, index: int, cut: CutKind) -> bool:
    """Is a cut of an authored boundary evident from the text alone: mid-word or mid-sentence?

    Lines of one width are no evidence here (list items and form lines often are), nor a number
    before a measure word (邮编213161 / 本部分…), unless the document as a whole shows it was laid
    out (`_laid_out`).
    """
    left, right = document.paragraphs[index].text, document.paragraphs[index + 1].text
    if cut is CutKind.HYPHEN:
        return True
    return shape.starts_with_closing_mark(right) or shape.ends_open(left) or _mid_sentence(left, right)


def _laid_out(document: Document) -> bool:
    """Does an authored document show it was pasted from a layout system: prose paragraphs cut mid-sentence?"""
    pairs = [
        (here, after)
        for here, after in zip(document.paragraphs, document.paragraphs[1:], strict=False)
        if after.source.authored and not _set_apart(here.source, after.source)
    ]
    cuts = sum(1 for here, after in pairs if _mid_sentence(here.text, after.text))
    return cuts >= _LAID_OUT_CUTS and cuts >= _LAID_OUT_SHARE * len(pairs)


def _evident_cut(left: str, right: str, default: CutKind, gain: float | None) -> CutKind | None:
    """A short line without punctuation is a headline unless the text plainly runs on across it, or
    the language model reads on across it by ``gain`` (None: the model is not asked); one cut inside its
    marks (`shape.cut_inside_marks`), or opening with a dateline, is none."""
    if shape.cut_inside_marks(left, right) or shape.opens_with_dateline(left):
        return _evidence(left, right, default)
    if right.startswith(_ARTICLE_OPENERS) or shape.introduces(left):
        return None
    if starts_mid_sentence(right) or shape.dangles(left):
        return _evidence(left, right, default)
    if shape.number_meets_unit(left, right):
        return _evidence(left, right, default)
    if gain is not None and runs_on(left, right, gain, NO_WORD_MARGIN):
        return _evidence(left, right, default)
    return None


def _evidence(left: str, right: str, default: CutKind) -> CutKind:
    """The most telling name for a cut; segmenting is left out of hard wraps, which are many and plain."""
    if shape.number_meets_unit(left, right):
        return CutKind.NUMBER
    if default is CutKind.PARAGRAPH and word_spans_cut(left, right):
        return CutKind.WORD
    return default


def classify(document: Document) -> Document:
    """The same document with every paragraph's kind (headline, byline, body…) recognised."""
    analysis = analyse(document)
    paragraphs = [
        paragraph.with_kind(kind) for paragraph, kind in zip(document.paragraphs, analysis.kinds, strict=True)
    ]
    classified = replace(document, paragraphs=paragraphs)
    _last_classified.keep(classified, analysis)
    return classified


class _Remembered:
    """The last document `classify` made, with its analysis: the engine classifies a draft and its
    layout checks then analyse that same document, which took as long again (a megabyte: 0.6 s).

    The document is known by its paragraphs themselves (frozen, so the same objects read the same),
    not by its text, so an edited or another document is analysed afresh; one slot, replaced whole,
    so a check server's threads at worst analyse again.
    """

    def __init__(self) -> None:
        self._kept: tuple[tuple[Paragraph, ...], LayoutAnalysis] | None = None

    def keep(self, document: Document, analysis: LayoutAnalysis) -> None:
        self._kept = (tuple(document.paragraphs), analysis)

    def of(self, document: Document) -> LayoutAnalysis | None:
        kept = self._kept
        if kept is None or len(kept[0]) != len(document.paragraphs):
            return None
        paragraphs, analysis = kept
        return analysis if all(a is b for a, b in zip(paragraphs, document.paragraphs, strict=True)) else None


_last_classified = _Remembered()
