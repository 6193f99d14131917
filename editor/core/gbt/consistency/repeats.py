"""The same quantity given twice in an article with two values, or in two notations that disagree
(1.15万个 / 11050个), and long figures grouped in two ways across a document (12,500 / 15600).

A figure said again with its digits swapped (126家企业参会 / 参会的162家企业) is the same
quantity too, though the two sentences word it differently: the same noun, the same
action, the same digits in another order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from editor.core.gbt.articles import Article, place
from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.consistency.figures import (
    Figure,
    agree,
    figures,
    same_notation,
    same_thing,
    same_time,
    transposed,
)
from editor.core.gbt.numerals import Quantity, display, quantities

#: Articles longer than this are reports, not news: their figures recur for other years and places.
MAX_ARTICLE_CHARACTERS = 5000
#: Figures with this many digits or more may be grouped in threes (12,500); shorter ones never are.
MIN_GROUPED_DIGITS = 5
#: Figures further apart than this (and not by a power of ten) are not one figure converted wrongly.
MAX_SLIP_RATIO = 2


def repeated(texts: Sequence[str], article: Article) -> Iterator[tuple[Figure, Figure]]:
    """Pairs (earlier, later) of exact body figures that count the same thing and disagree."""
    if sum(len(texts[paragraph]) for paragraph in article.body) > MAX_ARTICLE_CHARACTERS:
        return
    found = [figure for figure in figures(texts, article.body) if figure.quantity.exact]
    for index, later in enumerate(found):
        earlier = next(
            (
                e
                for e in found[:index]
                if (same_thing(e, later) or _swapped_digits(e, later))
                and same_time(e, later)
                and not agree(e.quantity, later.quantity)
            ),
            None,
        )
        if earlier is not None:
            yield earlier, later


def _swapped_digits(a: Figure, b: Figure) -> bool:
    """The same noun and action around two figures whose digits are the same in another order."""
    if a.quantity.unit != b.quantity.unit or not a.noun or a.noun != b.noun:
        return False
    if not (same_notation(a.quantity, b.quantity) and transposed(a.quantity, b.quantity)):
        return False
    actions = [figure.after[len(figure.noun) :][:2] for figure in (a, b)]
    contexts = [b.label + b.after, a.label + a.after]
    return any(len(action) == 2 and action in context for action, context in zip(actions, contexts, strict=True))


def _disagreement(article: Article, earlier: Figure, later: Figure, detail: str = "") -> Disagreement:
    q = later.quantity
    where = place(article, earlier.paragraph, later.paragraph)
    return Disagreement(later.paragraph, q.start, q.end, q.text, earlier.quantity.text, where, detail)


def repeated_quantities(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    for earlier, later in repeated(texts, article):
        if same_notation(earlier.quantity, later.quantity):
            yield _disagreement(article, earlier, later)


def _slip(a: Quantity, b: Quantity) -> bool:
    """Values near each other, or apart by a power of ten: what a slip in converting gives (1.15万 / 11050)."""
    if not a.value or not b.value:
        return False
    ratio = max(a.value, b.value) / min(a.value, b.value)
    return ratio <= MAX_SLIP_RATIO or any(abs(ratio - 10**power) < 1e-9 * ratio for power in range(1, 5))


def unit_mismatches(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    for earlier, later in repeated(texts, article):
        a, b = earlier.quantity, later.quantity
        if not same_notation(a, b) and _slip(a, b):
            detail = f"“{a.text}”即{display(a.value, a.unit)}，“{b.text}”即{display(b.value, b.unit)}"
            yield _disagreement(article, earlier, later, detail)


def mixed_separators(texts: Sequence[str]) -> Iterator[Disagreement]:
    """Long figures grouped with commas (12,500) in a document that also writes them ungrouped (15600)."""
    styles: dict[bool, list[tuple[int, Quantity]]] = {True: [], False: []}
    for paragraph, text in enumerate(texts):
        for quantity in quantities(text):
            digits = quantity.number.partition(".")[0].rstrip("万亿")
            if digits.replace(",", "").isdigit() and len(digits.replace(",", "")) >= MIN_GROUPED_DIGITS:
                styles["," in digits].append((paragraph, quantity))
    grouped, plain = styles[True], styles[False]
    if not grouped or not plain:
        return
    minority, majority = (grouped, plain) if len(grouped) <= len(plain) else (plain, grouped)
    where_paragraph, example = majority[0]
    for paragraph, quantity in minority:
        where = "本段" if where_paragraph == paragraph else f"第{where_paragraph + 1}段"
        yield Disagreement(paragraph, quantity.start, quantity.end, quantity.number, example.number, where)
