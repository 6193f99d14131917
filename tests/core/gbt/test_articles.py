"""Articles from structure: a headline, then body until the next headline."""

from __future__ import annotations

from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.gbt.articles import articles, place

H, S, B = ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE, ParagraphKind.BODY


def document(*kinds: ParagraphKind) -> Document:
    return Document([Paragraph(f"第{n}段。", kind=kind) for n, kind in enumerate(kinds)])


def test_headlines_start_articles_and_subheadlines_join_the_head():
    found = articles(document(B, H, S, B, B, H, B))
    assert [(a.head, a.body) for a in found] == [((), (0,)), ((1, 2), (3, 4)), ((5,), (6,))]


def test_an_intertitle_after_body_stays_in_the_article():
    (article,) = articles(document(H, B, S, B))
    assert article.body == (1, 2, 3)


def test_places_are_named_for_messages():
    (article,) = articles(document(H, B, B))
    assert [place(article, 0), place(article, 2), place(article, 2, seen_from=2)] == ["标题", "正文第2段", "本段"]
