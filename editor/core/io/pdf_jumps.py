"""Jump lines: an article cut at the foot of one page, its rest on another, put back together.

Text that flows on from the foot of one page to the head of the next, as a document printed from
Word or LibreOffice does, is one text too: the paragraph cut by the page break is joined whole.

（下转第3版） ends the part on the first page and （上接第1版） starts the rest, under a repeated or
shortened headline. Both lines are the layout's, not the author's: they are taken out of the text.
When both pages are in the file, the rest is read right after its start, its headline dropped, and
a paragraph the jump cut in two is one paragraph again (the rest's first line was no paragraph
start: no indent where paragraphs are indented).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.document import PageInfo, ParagraphKind
from editor.core.han import HAN

#: （下转第3版）, （转二版）, （上接A1版）, （紧接第一版）, （下转第4版·要闻）: a page named by its 版次, in
#: figures or in Chinese numerals, perhaps with its 版名 after it.
JUMP = re.compile(
    r"[（(]\s*(下转|紧转|转|上接|紧接|接)\s*(?:第\s*)?([A-Z]?\s*\d{1,2}|[一二三四五六七八九十]{1,3})\s*版"
    rf"(?:\s*[·・]\s*[{HAN}]{{2,6}})?\s*[）)]"
)
_NUMERALS = {numeral: value for value, numeral in enumerate("一二三四五六七八九", start=1)}
_CHINESE_NUMBER = re.compile(r"(?P<tens>[一二三四五六七八九]?)(?P<ten>十?)(?P<units>[一二三四五六七八九]?)")


@dataclass
class Piece:
    """A paragraph as the page gives it, and where it starts (page label, column)."""

    text: str
    kind: ParagraphKind
    page: str
    column: int
    #: it heads its page or a jump's rest without a paragraph's start (no indent, where the page indents them), so
    #: it carries on the paragraph before it where that one was left open (`open_end`)
    continues: bool = False
    #: its last line fills its column or ends mid-sentence (`pdf_paragraphs._left_open`): a paragraph a page break
    #: or a jump may have cut (a justified column stops short only at a paragraph's end: a signature or a table
    #: after it starts afresh)
    open_end: bool = False
    #: it is a cell of a ruled table (`pdf_tables`): a paragraph no other runs on into
    cell: bool = False


@dataclass
class Article:
    """The paragraphs of one article on one page, and where it jumps to or from (a 版次 as printed)."""

    pieces: list[Piece] = field(default_factory=list)
    jump_to: str = ""
    jump_from: str = ""


def take_jump(text: str, article: Article) -> str:
    """``text`` without its jump lines, which are noted in ``article``."""
    for match in JUMP.finditer(text):
        target = _page_reference(match.group(2))
        if match.group(1).endswith("转"):
            article.jump_to = target
        else:
            article.jump_from = target
    return JUMP.sub("", text).strip(" ")  # a full-width space is the copy's (pdf_lines)


def _page_reference(printed: str) -> str:
    """The 版次 a jump line names, in figures: 3 and A3 as printed, 三 and 十二 as 3 and 12."""
    printed = re.sub(r"\s", "", printed)
    numeral = _CHINESE_NUMBER.fullmatch(printed)
    if not printed or not numeral or (numeral["tens"] and numeral["units"] and not numeral["ten"]):
        return printed
    tens, units = _NUMERALS.get(numeral["tens"], 1 if numeral["ten"] else 0), _NUMERALS.get(numeral["units"], 0)
    return str(10 * tens + units if numeral["ten"] else tens)


def join_jumps(pages: list[tuple[PageInfo, list[Article]]]) -> list[Piece]:
    """Every page's articles in order, each continued article read whole where it starts."""
    follows: dict[int, Article] = {}
    taken: set[int] = set()
    for page, articles in pages:
        for article in articles:
            rest = _rest(article, page, pages, taken) if article.jump_to else None
            if rest is not None and rest is not article:
                follows[id(article)] = rest
                taken.add(id(rest))
    pieces: list[Piece] = []
    read: set[int] = set()
    for _, articles in pages:
        for number, article in enumerate(articles):
            if id(article) in taken:
                continue
            if number == 0 and not article.jump_from:
                _append_rest(pieces, article)  # text flowing on from the page before, as a page printed from Word
            else:
                pieces.extend(article.pieces)
            read.add(id(article))
            after = _after_text(pieces)  # a caption at the foot of the start stays after the text the rest ends
            while id(article) in follows and id(follows[id(article)]) not in read:
                article = follows[id(article)]
                _append_rest(pieces, article)
                read.add(id(article))
            pieces.extend(after)
    # A ring of jumps (each part saying it continues another) has no start: its parts stay where they are.
    pieces.extend(
        piece for _, articles in pages for article in articles if id(article) not in read for piece in article.pieces
    )
    return pieces


def _rest(
    article: Article, page: PageInfo, pages: list[tuple[PageInfo, list[Article]]], taken: set[int]
) -> Article | None:
    """The article not yet matched on the page ``article`` jumps to that says it comes from ``page``."""
    for target, articles in pages:
        if target.number != page.number and _names(article.jump_to, target):
            for candidate in articles:
                if candidate.jump_from and _names(candidate.jump_from, page) and id(candidate) not in taken:
                    return candidate
    return None


def _names(reference: str, page: PageInfo) -> bool:
    """Does a jump line's page ``reference`` (3, A3) mean ``page``?"""
    if reference in (page.label, str(page.number)):
        return True
    return reference.isdigit() and reference == re.sub(r"\D", "", page.label)


def _after_text(pieces: list[Piece]) -> list[Piece]:
    """Take the captions and bylines after the last body paragraph off the end of ``pieces``, and return them."""
    end = len(pieces)
    while end and pieces[end - 1].kind in (ParagraphKind.CAPTION, ParagraphKind.BYLINE):
        end -= 1
    if not end or pieces[end - 1].kind is not ParagraphKind.BODY:
        return []
    after = pieces[end:]
    del pieces[end:]
    return after


def _carries_on(piece: Piece, before: Piece) -> bool:
    """Does ``piece`` go on with the paragraph ``before`` (the one it follows across a jump or a page)?"""
    return piece.continues and before.open_end


def _append_rest(pieces: list[Piece], rest: Article) -> None:
    """Append the paragraphs of ``rest`` (a jump's rest without its headline), joining one it continues."""
    body = rest.pieces
    if rest.jump_from:
        body = [piece for piece in body if piece.kind not in (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE)]
    if body and pieces and pieces[-1].kind is ParagraphKind.BODY and _carries_on(body[0], pieces[-1]):
        pieces[-1].text += body[0].text
        body = body[1:]
    pieces.extend(body)
