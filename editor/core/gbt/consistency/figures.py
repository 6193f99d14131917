"""The same figure in two places of an article: headline against body, and body against itself.

Two figures count the same thing when they have the same unit and the same label,
the words before the number back to the start of the clause (南院二期项目总投资),
one label ending with the other and the shorter at least four characters long.
Figures written differently (1.15万 and 11500, 三万 and 30000) agree when one is the
other rounded; approximations and bounds (超、近、约、余、多、以上) are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from editor.core.gbt.articles import Article, place
from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.numerals import Quantity, display, quantities

_BOUNDARY = set("，。；：、！？（）()“”‘’《》【】「」 \t,;:!?—")
_QUALIFIERS = (
    "超过",
    "超",
    "近",
    "约",
    "逾",
    "达到",
    "达",
    "为",
    "共",
    "计",
    "有",
    "了",
    "是",
    "突破",
    "累计",
    "合计",
    "总计",
    "多达",
    "仅",
    "已",
    "的",
)
MIN_LABEL = 4
#: A figure after these is a change (增加400亿元) or a new value (提高到420元), not the quantity itself.
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|扩大|缩小|增|减|到|至|比|较|由|从|同比)了?$")
#: Units that number rather than count (十二届, 二次会议, 第3期).
_ORDINAL_UNITS = {"届", "期", "次"}
#: Articles longer than this are reports, not news: their figures recur for other years and places.
MAX_ARTICLE_CHARACTERS = 5000
#: A figure before these is where a change starts (由380元提高到420元).
_CHANGE_AFTER = re.compile(
    r"[^，。；]{0,6}?(?:提高到|增加到|增长到|上升到|下降到|降低到|扩大到|减少到|提高至|增至|降至|升至|到|至)"
)
_SENTENCE_END = re.compile(r"[。！？]")
_SCALES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


@dataclass(frozen=True)
class Figure:
    """A quantity where it stands: paragraph, sentence start, the label before it and the noun after it."""

    paragraph: int
    sentence: int
    quantity: Quantity
    label: str
    noun: str


def label_before(text: str, start: int) -> str:
    """The words before a figure back to the clause start, without 超/约/达到… at its end."""
    position = start
    while position > 0 and text[position - 1] not in _BOUNDARY and not text[position - 1].isdigit():
        position -= 1
    label = text[position:start]
    stripped = True
    while stripped:
        stripped = False
        for word in _QUALIFIERS:
            if label.endswith(word):
                label, stripped = label[: -len(word)], True
    return label


def figures(texts: Sequence[str], paragraphs: Sequence[int]) -> list[Figure]:
    """The figures of ``paragraphs``, without those that are a change or its starting point (比上年增加400亿元)."""
    found = []
    for paragraph in paragraphs:
        text = texts[paragraph]
        for quantity in quantities(text):
            if (
                quantity.unit in _ORDINAL_UNITS
                or _CHANGE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start)
                or _CHANGE_AFTER.match(text, quantity.end)
            ):
                continue
            ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, quantity.start)]
            noun = re.match(r"[\u4e00-\u9fff]{0,2}", text[quantity.end :]).group(0)
            found.append(Figure(paragraph, ends[-1] if ends else 0, quantity, label_before(text, quantity.start), noun))
    return found


def same_thing(a: Figure, b: Figure) -> bool:
    if a.quantity.unit != b.quantity.unit:
        return False
    short, long = sorted((a.label, b.label), key=len)
    return len(short) >= MIN_LABEL and long.endswith(short)


def _step(quantity: Quantity) -> float | None:
    """The rounding step of a figure written with 万/亿 (1.15万 → 100), None for one written in full."""
    for suffix, scale in _SCALES:
        if quantity.number.endswith(suffix):
            decimals = len(quantity.number[: -len(suffix)].partition(".")[2])
            return scale * 10 ** (-decimals)
    return None


def agree(a: Quantity, b: Quantity) -> bool:
    """Equal, or one is the other rounded to the precision it is written in."""
    if a.value == b.value:
        return True
    for rounded, full in ((a, b), (b, a)):
        step = _step(rounded)
        if step is not None and abs(rounded.value - full.value) <= step / 2 + 1e-9:
            return True
    return False


def same_notation(a: Quantity, b: Quantity) -> bool:
    return a.scaled == b.scaled and a.chinese == b.chinese


def transposed(a: Quantity, b: Quantity) -> bool:
    """43 and 34: the same digits in another order (a slip of the keyboard)."""
    x, y = a.number, b.number
    return x.isdigit() and y.isdigit() and len(x) >= 2 and x != y and sorted(x) == sorted(y)


def headline_body(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    body = figures(texts, article.body)
    for head in figures(texts, article.head):
        same_unit = [figure for figure in body if figure.quantity.unit == head.quantity.unit]
        if not head.quantity.exact or any(agree(head.quantity, figure.quantity) for figure in same_unit):
            continue
        exact = [figure for figure in same_unit if figure.quantity.exact]
        other = next((f for f in exact if same_thing(head, f)), None) or next(
            (f for f in exact if same_notation(head.quantity, f.quantity) and transposed(head.quantity, f.quantity)),
            None,
        )
        q = head.quantity
        if other is not None:
            where = place(article, other.paragraph)
            yield Disagreement(head.paragraph, q.start, q.end, q.text, other.quantity.text, where)
            continue
        parts = _parts(exact, head)
        total = sum(part.quantity.value for part in parts)
        if parts and total != q.value:
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


def repeated(texts: Sequence[str], article: Article) -> Iterator[tuple[Figure, Figure]]:
    """Pairs (earlier, later) of exact body figures that count the same thing and disagree."""
    if sum(len(texts[paragraph]) for paragraph in article.body) > MAX_ARTICLE_CHARACTERS:
        return
    found = [figure for figure in figures(texts, article.body) if figure.quantity.exact]
    for index, later in enumerate(found):
        earlier = next(
            (e for e in found[:index] if same_thing(e, later) and not agree(e.quantity, later.quantity)), None
        )
        if earlier is not None:
            yield earlier, later


def _disagreement(article: Article, earlier: Figure, later: Figure, detail: str = "") -> Disagreement:
    q = later.quantity
    where = place(article, earlier.paragraph, later.paragraph)
    return Disagreement(later.paragraph, q.start, q.end, q.text, earlier.quantity.text, where, detail)


def repeated_quantities(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    for earlier, later in repeated(texts, article):
        if same_notation(earlier.quantity, later.quantity):
            yield _disagreement(article, earlier, later)


def unit_mismatches(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    for earlier, later in repeated(texts, article):
        a, b = earlier.quantity, later.quantity
        if not same_notation(a, b):
            detail = f"“{a.text}”即{display(a.value, a.unit)}，“{b.text}”即{display(b.value, b.unit)}"
            yield _disagreement(article, earlier, later, detail)
