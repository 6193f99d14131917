"""Make drafts with known layout cuts from corpus text (one sentence a line).

A corpus line without a full stop or a clause mark (，、；：) at its end or a clause inside, and at
most 40 characters long, is a headline (the news transcripts keep theirs); the sentences after it
are grouped into paragraphs of one to five sentences. The article is then laid out the two ways layout staff
receive text:

- ``fragments``: paragraphs separated by blank lines, some cut in two by a column
  jump, as in the district daily sample page: where the column ends, after a full line
  of the paragraph as set in its column (`column_jump`);
- ``wrapped``: every paragraph hard-wrapped at a column width of 13 to 24 characters
  with single newlines (punctuation never starts a line), paragraphs marked by a
  two-ideographic-space indent, by an indent copying lost (the first line two cells short),
  or not at all.

Each draft knows which line boundaries are cuts, and the paragraphs it came from.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

_SENTENCE_END = "。！？!?…；”’）"
_CLAUSE_END = "；;"
#: A corpus line ending on one of these is a clause, never a headline (中国网络电视台消息：).
_CLAUSE_MARKS = "，、；：,;:."
#: Nor is a line with a clause inside: 据推算，这个体重近30斤的小孩从10来米 is a sentence the corpus broke.
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
_CLOSERS = "”’）」』》"
_NO_LINE_START = "，。、；：？！）》」』】”’…%"
_NO_LINE_END = "“‘（《【「『"
_INDENT = "\u3000\u3000"


@dataclass
class Article:
    headlines: list[str]
    paragraphs: list[str]


@dataclass
class Draft:
    """A draft's text, which line boundaries are cuts (by line index), and the paragraphs it should become."""

    text: str
    cuts: set[int]
    paragraphs: list[str]
    headline_lines: set[int]
    ambiguous: set[int]  # cuts no reader could see: a fragment that ends a sentence at its edge


_CLAUSE_SPLIT = re.compile(r"[，。；：、！？“”（）]")


def clauses(paragraphs: list[str], shortest: int, longest: int) -> list[str]:
    """The clauses of ``paragraphs`` (between marks) of ``shortest`` to ``longest`` characters, in order: a 小标题's
    or a table row's label made of an article's own words."""
    return [clause for text in paragraphs for clause in _CLAUSE_SPLIT.split(text) if shortest <= len(clause) <= longest]


def articles(path: Path, rng: random.Random, limit: int, keep: Callable[[str], bool] = bool) -> Iterator[Article]:
    """Articles from one corpus file, at most ``limit``, made of the lines ``keep`` accepts."""
    headlines: list[str] = []
    sentences: list[str] = []
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or not keep(line):
            continue
        if _is_headline(line):
            if sentences:
                yield Article(headlines, _group(sentences, rng))
                count += 1
                if count >= limit:
                    return
                headlines, sentences = [], []
            if len(headlines) < 2:
                headlines.append(line)
        elif headlines:
            sentences.append(line)


def _is_headline(line: str) -> bool:
    """Short, without a clause inside, and not ending a sentence or a clause, closing quotes aside
    (机器人圆了“中国足球世界杯冠军梦” is a headline, 他说：“好。” a sentence)."""
    core = line.rstrip(_CLOSERS) or line
    return len(line) <= 40 and core[-1] not in _SENTENCE_END + _CLAUSE_MARKS and not _SENTENCE_MARK.search(line)


def _group(sentences: list[str], rng: random.Random) -> list[str]:
    """One to five sentences a paragraph; a paragraph only ends where a sentence does.

    The corpus splits its lines at ；too, which in news copy ends a clause: a paragraph ends
    on one only before a list item, and these sentences hold none.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    size = rng.randint(1, 5)
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= size and sentence[-1] in _SENTENCE_END and sentence[-1] not in _CLAUSE_END:
            paragraphs.append("".join(current))
            current, size = [], rng.randint(1, 5)
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def _lay_out(
    items: list[Article], pieces: Callable[[str], list[str]], visible: Callable[[str], bool]
) -> tuple[Draft, list[str]]:
    """Headlines on lines of their own, each paragraph as the lines ``pieces`` cuts it into.

    Every boundary between two pieces is a cut; those where ``visible`` says no reader
    could see it are also recorded as ambiguous.
    """
    lines: list[str] = []
    cuts: set[int] = set()
    ambiguous: set[int] = set()
    headline_lines: set[int] = set()
    expected: list[str] = []
    for article in items:
        for headline in article.headlines:
            headline_lines.add(len(lines))
            lines.append(headline)
            expected.append(headline)
        for paragraph in article.paragraphs:
            expected.append(paragraph)
            laid = pieces(paragraph)
            for index, line in enumerate(laid[:-1]):
                cuts.add(len(lines) + index)
                if not visible(line):
                    ambiguous.add(len(lines) + index)
            lines.extend(laid)
    return Draft("", cuts, expected, headline_lines, ambiguous), lines


#: Share of paragraphs a column jump cuts in two.
JUMP_SHARE = 0.4


def column_jump(paragraph: str, columns: int, rng: random.Random) -> list[str]:
    """The paragraph, or its two pieces when a column jump cuts it (`JUMP_SHARE` of paragraphs).

    A column ends after a full line, so the jump falls at a line end of the paragraph as set in
    its column (``columns`` characters, a two-cell indent): the first piece holds one line or more.
    """
    lines = wrap(paragraph, columns, _INDENT)
    if len(lines) < 2 or rng.random() >= JUMP_SHARE:
        return [paragraph]
    at = sum(len(line) for line in lines[: rng.randint(1, len(lines) - 1)]) - len(_INDENT)
    return [paragraph[:at], paragraph[at:]]


def fragments_draft(items: list[Article], rng: random.Random) -> Draft:
    """Blank-line separated paragraphs set in a column of 13 to 24 characters, some cut in two by a column jump."""
    columns = rng.randint(13, 24)
    draft, lines = _lay_out(
        items,
        lambda paragraph: column_jump(paragraph, columns, rng),
        visible=lambda line: line[-1] not in _SENTENCE_END,
    )
    draft.text = "\n\n".join(lines) + "\n"
    return draft


def double_spaced(draft: Draft) -> Draft:
    """The draft as copied double-spaced: a blank line after every line, as some PDF viewers and converters copy a
    page (a blank line of the draft becomes three)."""
    return replace(draft, text=draft.text.replace("\n", "\n\n"))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def wrap(
    paragraph: str,
    columns: int | Callable[[int], int],
    indent: str,
    start: int = 0,
    push: bool = False,
    by_characters: bool = False,
) -> list[str]:
    """Wrap at ``columns`` full-width characters, keeping the rules of line starts and ends (禁则).

    A mark that may not start a line hangs past the edge of the line before, as Word sets it, or,
    ``push``ed, takes the character before it down to the next line and leaves the line a character
    short, as 方正 and InDesign set it (推出); a mark that opens a phrase never ends a line.
    ``columns`` may give the width of each line by its number (counted from ``start``): an
    article continued from another page goes on at another width. A half-width digit or letter
    takes half a cell, as a layout system sets it, or ``by_characters`` a cell like every other
    character (full-width digits, or a plain-text export that counts characters).
    """
    width_at = columns if callable(columns) else lambda number: columns
    measure = (lambda text: 2 * len(text)) if by_characters else _width
    lines: list[str] = []
    current = indent
    for char in paragraph:
        if measure(current + char) > 2 * width_at(start + len(lines)) and current.strip():
            carried = _carried(current, char, push)
            if carried is None:
                current += char  # hung past the edge
                continue
            lines.append(current[: len(current) - len(carried)])
            current = carried
        current += char
    lines.append(current)
    return lines


def _carried(line: str, char: str, push: bool) -> str | None:
    """What goes down from the end of a full ``line`` when ``char`` comes next: the marks that open a
    phrase it ends on, and when ``char`` may not start a line and is ``push``ed, the character before it;
    None when ``char`` hangs past the edge instead (or nothing would be left of the line)."""
    start = len(line)
    if char in _NO_LINE_START:
        if not push:
            return None
        while start and line[start - 1] in _NO_LINE_START:
            start -= 1
        start -= 1
    while start > 0 and line[start - 1] in _NO_LINE_END:
        start -= 1
    return line[start:] if line[:start].strip() else None


#: Share of columns set by a layout system that pushes a character down with a mark that may not start
#: a line (推出) rather than hanging the mark past the edge.
PUSHED_SHARE = 0.5
#: Share of drafts (and of pages) wrapped by counting characters, a half-width digit a cell too.
COUNTED_SHARE = 0.25


def wrapped_draft(
    items: list[Article], rng: random.Random, columns: int, indented: bool, indent_lost: bool = False
) -> Draft:
    """Hard-wrapped columns with single newlines, hanging or pushing marks (`PUSHED_SHARE`), wrapped at a
    width or by counting characters (`COUNTED_SHARE`); in an unindented column a line that ends a sentence
    is ambiguous. An ``indent_lost`` column was set with indents and copied without them, as a PDF viewer
    copies a page (the indent is white on the page, not characters): a paragraph's first line is the indent
    short, with nothing at its start."""
    indent = _INDENT if indented or indent_lost else ""

    def pieces(paragraph: str) -> list[str]:
        lines = wrap(paragraph, columns, indent, push=push, by_characters=counted)
        return [lines[0][len(indent) :], *lines[1:]] if indent_lost else lines

    push, counted = rng.random() < PUSHED_SHARE, rng.random() < COUNTED_SHARE
    draft, lines = _lay_out(items, pieces, visible=lambda line: bool(indent) or line[-1] not in _SENTENCE_END)
    draft.text = "\n".join(lines) + "\n"
    return draft
