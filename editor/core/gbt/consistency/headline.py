"""A headline figure the body contradicts: the same words with another figure, the digits
swapped (43 / 34), or parts in the body that add up to something else (5家 / 3家+1家)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from editor.core.gbt.articles import Article, place
from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.consistency.figures import (
    Figure,
    agree,
    figures,
    same_notation,
    same_subject,
    same_thing,
    transposed,
)
from editor.core.gbt.numerals import display


def headline_body(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    body = figures(texts, article.body)
    for head in figures(texts, article.head):
        same_unit = [figure for figure in body if figure.quantity.unit == head.quantity.unit]
        if not head.quantity.exact or any(agree(head.quantity, figure.quantity) for figure in same_unit):
            continue
        exact = [figure for figure in same_unit if figure.quantity.exact]
        q = head.quantity
        parts = _parts(exact, head)
        total = sum(part.quantity.value for part in parts)
        if parts and total == q.value:
            continue
        other = next(
            (
                f
                for f in exact
                if same_thing(head, f)
                or same_subject(head, f)
                or (same_notation(q, f.quantity) and transposed(q, f.quantity))
            ),
            None,
        )
        if other is not None:
            where = place(article, other.paragraph)
            yield Disagreement(head.paragraph, q.start, q.end, q.text, other.quantity.text, where)
        elif parts:
            where = place(article, parts[0].paragraph) + "合计"
            detail = "（" + "+".join(part.quantity.text for part in parts) + "）"
            yield Disagreement(head.paragraph, q.start, q.end, q.text, display(total, q.unit, q.scaled), where, detail)


def _parts(body: list[Figure], head: Figure) -> list[Figure]:
    """Figures of one body sentence counting what the headline counts (3家企业…1家企业), if two or more."""
    if not head.noun:
        return []
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for figure in body:
        if figure.noun[:2] == head.noun[:2]:
            by_sentence.setdefault((figure.paragraph, figure.sentence), []).append(figure)
    return next((parts for parts in by_sentence.values() if len(parts) >= 2), [])
