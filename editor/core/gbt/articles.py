"""Find the articles of a page from its structure: a headline, then body until the next headline.

The consistency checks compare figures inside one article only. Consecutive title
paragraphs (headline, subheadline) form the head of an article; a subheadline after
body text is an intertitle and stays in the article. Paragraphs before the first
headline form an article without a head.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.document import Document, ParagraphKind

_TITLES = (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE)


@dataclass(frozen=True)
class Article:
    """Paragraph indexes of one article: its head (headline and subheadlines) and its body."""

    head: tuple[int, ...]
    body: tuple[int, ...]

    @property
    def paragraphs(self) -> tuple[int, ...]:
        return self.head + self.body


def articles(document: Document) -> list[Article]:
    """The articles of ``document`` in reading order."""
    found: list[Article] = []
    head: list[int] = []
    body: list[int] = []
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.kind is ParagraphKind.HEADLINE and body:
            found.append(Article(tuple(head), tuple(body)))
            head, body = [], []
        if paragraph.kind in _TITLES and not body:
            head.append(index)
        else:
            body.append(index)
    if head or body:
        found.append(Article(tuple(head), tuple(body)))
    return found


def place(article: Article, paragraph: int, seen_from: int | None = None) -> str:
    """Where ``paragraph`` stands, as a message says it: 标题, 正文第3段, or 本段 (seen from the same paragraph)."""
    if paragraph == seen_from:
        return "本段"
    if paragraph in article.head:
        return "标题"
    if paragraph in article.body:
        return f"正文第{article.body.index(paragraph) + 1}段"
    return f"第{paragraph + 1}段"
