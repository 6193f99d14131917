"""A headline figure the body contradicts: the same words with another figure, the digits
swapped (43 / 34), parts in the body that add up to something else (5家 / 3家+1家), or,
where the body gives no count of its own, the names it lists in groups (6家企业 / five
companies named, `listed_names`)."""

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
from editor.core.gbt.consistency.listed_names import action, distinct, listed_groups
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
        elif not any(figure.noun == head.noun for figure in same_unit):
            yield from _against_the_names(texts, article, head)


#: Names shown in a message before "…".
SHOWN_NAMES = 3


def _against_the_names(texts: Sequence[str], article: Article, head: Figure) -> Iterator[Disagreement]:
    """The headline's count against the names the body lists, when neither all of them nor those the
    headline's own words are said of (6家企业入选 / the groups followed by 入选) make the count."""
    q = head.quantity
    groups = listed_groups(texts, article.body, q.unit, head.after)
    if not groups:
        return
    every = distinct([name for group in groups for name in group.names])
    verb = action(q.unit, head.after)
    said = distinct([name for group in groups if verb and group.rest.startswith(verb) for name in group.names])
    if q.value in (len(every), len(said)):
        return
    shown = "、".join(every[:SHOWN_NAMES]) + ("等" if len(every) > SHOWN_NAMES else "")
    yield Disagreement(
        head.paragraph, q.start, q.end, q.text, display(len(every), q.unit), "正文列出的名称", f"（{shown}）"
    )


def _parts(body: list[Figure], head: Figure) -> list[Figure]:
    """Figures of one body sentence counting what the headline counts (3家企业…1家企业), if two or more."""
    if not head.noun:
        return []
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for figure in body:
        if figure.noun[:2] == head.noun[:2]:
            by_sentence.setdefault((figure.paragraph, figure.sentence), []).append(figure)
    return next((parts for parts in by_sentence.values() if len(parts) >= 2), [])
