"""Drafts pasted from whole newspaper pages: every article at its own width and in its own style.

A real page is not one column: each article is set at its own width (13-24 characters, or
a PDF's page width), an article continued from another page may change width in the middle,
and a draft copied from a page mixes what copying left: blank-line fragments for one
article, a hard-wrapped indented column for the next (its indent copied as set, or as two or
four half-width spaces), a bare hard wrap for a third, a column whose indent copying lost (the
first line of a paragraph two cells short, with nothing at its start) for a fourth; one layout
system set the whole page, so its digits take half a cell throughout or, counted as characters,
a cell; a few hard-wrapped lines come spaced out, as a PDF viewer copies a line spread wide
(今 年 以 来). Between articles stand headlines, bylines, captions and datelines. `page_draft`
lays out 3-6 articles that way and knows, for every line, which article style it belongs to, so the
benchmark reports precision and recall per style on one page.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import draft_maker
from bench.draft_maker import _INDENT, _SENTENCE_END, PUSHED_SHARE, Article, Draft, column_jump, wrap

#: A column set with indents and copied without them (a PDF viewer copies the indent's white as nothing).
INDENT_LOST = "wrapped, indent lost"
STYLES = ("fragments", "wrapped+indent", "wrapped", INDENT_LOST)
_NAMES = ("王岚", "黄雅婷", "朱梦琪", "戴雪燕", "陈雨康", "李明", "周健", "顾文博")
_PAIRS = ("（）", "“”", "《》", "()")
_DATELINES = ("本报讯", "新华社北京电", "本报综合报道")
#: How copying renders the two-cell indent of a paragraph: as set, or as two or four half-width spaces.
_INDENT_COPIES = (_INDENT, _INDENT, "  ", "    ")
#: Share of articles set at a PDF's page width rather than a newspaper column, and continued at another width.
_PAGE_WIDTH_SHARE, _CONTINUED_SHARE = 0.15, 0.3
#: Share of hard-wrapped lines a PDF viewer copied spaced out (今 年 以 来: the line was spread wide).
_SPACED_SHARE = 0.03


class _Page:
    """Lines of a page being laid out, with what each boundary is."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.separators: list[str] = []  # separator after each line
        self.styles: list[str] = []
        self.draft = Draft("", set(), [], set(), set())

    def furniture(self, text: str, style: str, separator: str) -> None:
        """A headline, byline or caption: a paragraph of its own that nothing may be joined to."""
        self.draft.headline_lines.add(len(self.lines))
        self.draft.paragraphs.append(text)
        self._line(text, style, separator)

    def paragraph(
        self,
        pieces: list[str],
        style: str,
        separator: str,
        ambiguous: Callable[[str], bool],
        shown: list[str] | None = None,
    ) -> None:
        """A paragraph cut into ``pieces``, each a line of the draft as ``shown`` (as set, if not given)."""
        self.draft.paragraphs.append("".join(piece.strip() for piece in pieces))
        shown = shown or pieces
        for piece, line in zip(pieces[:-1], shown, strict=False):
            self.draft.cuts.add(len(self.lines))
            if ambiguous(piece):
                self.draft.ambiguous.add(len(self.lines))
            self._line(line, style, "\n\n" if style == "fragments" else "\n")
        self._line(shown[-1], style, separator)

    def _line(self, text: str, style: str, separator: str) -> None:
        self.lines.append(text)
        self.separators.append(separator)
        self.styles.append(style)

    def text(self) -> str:
        self.separators[-1] = "\n"
        return "".join(line + separator for line, separator in zip(self.lines, self.separators, strict=True))


def _width(rng: random.Random) -> int:
    return rng.randint(30, 40) if rng.random() < _PAGE_WIDTH_SHARE else rng.randint(13, 24)


def _byline(rng: random.Random) -> str:
    names = rng.sample(_NAMES, rng.randint(1, 2))
    return rng.choice([f"本报记者 {' '.join(names)}", f"（记者 {' '.join(names)}）", f"文/{names[0]}"])


def _dateline(rng: random.Random) -> str:
    names = rng.sample(_NAMES, 2)
    return rng.choice([f"{rng.choice(_DATELINES)}（记者 {names[0]} 通讯员 {names[1]}）", rng.choice(_DATELINES)])


def _caption(article: Article, rng: random.Random) -> str | None:
    """A photo caption made of the first clause of one of the article's sentences, whole, or None."""
    paragraph = rng.choice(article.paragraphs)
    clause = re.split(r"[，。；！？]", paragraph, maxsplit=1)[0]
    if not 6 <= len(clause) <= 30 or any(clause.count(a) != clause.count(b) for a, b in _PAIRS):
        return None
    credit = f"（记者 {rng.choice(_NAMES)} 摄）" if rng.random() < 0.5 else ""
    return rng.choice(["图为", "▲"]) + clause + "。" + credit


def _hard_wrapped(page: _Page, article: Article, style: str, rng: random.Random, between: str, counted: bool) -> None:
    """Paragraphs wrapped at the article's width (``counted`` in characters); a continued article changes
    width at some line."""
    indent = _INDENT if style in ("wrapped+indent", INDENT_LOST) else ""
    copied = "" if style == INDENT_LOST else rng.choice(_INDENT_COPIES)
    push = rng.random() < PUSHED_SHARE
    widths = [_width(rng)]
    change = rng.randint(6, 40) if rng.random() < _CONTINUED_SHARE else None
    if change is not None:
        widths.append(rng.randint(13, 24))
    line = 0

    def width_at(number: int) -> int:
        return widths[-1] if change is not None and number >= change else widths[0]

    for index, paragraph in enumerate(article.paragraphs):
        pieces = wrap(paragraph, width_at, indent, start=line, push=push, by_characters=counted)
        line += len(pieces)
        if indent:
            pieces[0] = copied + pieces[0][len(indent) :]
        last = index == len(article.paragraphs) - 1
        page.paragraph(
            pieces,
            style,
            between if last else "\n",
            ambiguous=lambda piece: not indent and piece[-1] in _SENTENCE_END,
            shown=[_spaced_out(piece) if rng.random() < _SPACED_SHARE else piece for piece in pieces],
        )


def _spaced_out(line: str) -> str:
    """The line as a PDF viewer copies it when the line was spread wide: a space in every gap, indent kept."""
    indent = line[: len(line) - len(line.lstrip())]
    return indent + " ".join(line.lstrip())


def _fragments(page: _Page, article: Article, rng: random.Random, between: str) -> None:
    """Blank-line paragraphs set at the article's width, some cut in two by a column jump."""
    columns = _width(rng)
    for index, paragraph in enumerate(article.paragraphs):
        pieces = column_jump(paragraph, columns, rng)
        last = index == len(article.paragraphs) - 1
        page.paragraph(
            pieces, "fragments", between if last else "\n\n", ambiguous=lambda piece: piece[-1] in _SENTENCE_END
        )


def page_draft(items: list[Article], rng: random.Random, furnished: bool = False) -> tuple[Draft, list[str]]:
    """One page of ``items``, each article in a style and at a width of its own; the style of every line.

    Articles of a transcript get a byline, a dateline and a caption made up for them; articles
    of a newspaper (``furnished``) carry their own, as printed, and get none.
    """
    page = _Page()
    # One layout system sets the page: its digits take half a cell throughout, or one.
    counted = rng.random() < draft_maker.COUNTED_SHARE
    for article in items:
        style = rng.choice(STYLES)
        tight = "\n\n" if style == "fragments" else rng.choice(["\n", "\n\n"])
        for headline in article.headlines:
            page.furniture(headline, style, tight)
        if not furnished and rng.random() < 0.3:
            page.furniture(_byline(rng), style, tight)
        paragraphs = list(article.paragraphs)
        if not furnished and rng.random() < 0.5:
            paragraphs[0] = _dateline(rng) + paragraphs[0]
        laid = Article(article.headlines, paragraphs)
        caption = _caption(article, rng) if not furnished and rng.random() < 0.3 else None
        between = tight if caption else rng.choice(["\n", "\n\n"])
        if style == "fragments":
            _fragments(page, laid, rng, between)
        else:
            _hard_wrapped(page, laid, style, rng, between, counted)
        if caption:
            page.furniture(caption, style, rng.choice(["\n", "\n\n"]))
    page.draft.text = page.text()
    return page.draft, page.styles
