"""Totals and parts that do not add up, and rates their own counts contradict.

Both look inside one sentence, where a writer puts a total and its parts
(“共…20个，其中…12个、…9个”) or counts and their rate (“20个，完工18个，完工率80%”).
Figures given as bounds or approximations (超、近、约、余、多) are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.numerals import CLAUSE_ENDS, Quantity, display, quantities, stretch_start
from editor.core.han import HAN

SENTENCE = re.compile(r"[^。！？]+[。！？]?")
TOTAL = re.compile(r"(?:共|合计|总计|总共|一共)(?:有|计|实施|完成|建成|办理|新建|收到|发放|接待|举办|开展|组织)?")
PARTS = re.compile(r"其中|分别为|分别是|包括")
#: Figures after these are in addition to the parts, not among them.
_EXTRA = re.compile(r"还有|另有|此外|同时")
_NOUN = re.compile(rf"[{HAN}]{{0,2}}")
#: A figure right after these words is a change or a comparison, not a part.
_CHANGE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|比|较|多|少|超|达|增|减)了?$")
RATE = re.compile(rf"(?P<stem>[{HAN}]{{2}})率(?:为|达到|达|是|仅为|提高到|提升至|提高至)?(?P<value>\d+(?:\.\d+)?)%")
_BOUND_BEFORE_RATE = re.compile(r"(?:超过|超|近|约|逾|接近|不足|不到)$")


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in SENTENCE.finditer(text):
        yield match.start(), match.group(0)


def _sum_text(parts: list[Quantity]) -> str:
    return "+".join(part.text for part in parts)


def total_parts(index: int, text: str) -> Iterator[Disagreement]:
    """In each sentence: the total after 共/合计 and the parts after 其中/分别为, in the same unit.

    Parts end where another list begins (通过其中24件，包括制定法律6件…: the second list breaks down a part).
    """
    for offset, sentence in _sentences(text):
        total_word = TOTAL.search(sentence)
        if not total_word:
            continue
        found = quantities(sentence)
        total = next((q for q in found if q.start >= total_word.end() and q.start - total_word.end() <= 15), None)
        marker = PARTS.search(sentence, total.end) if total else None
        if total is None or marker is None or not total.exact:
            continue
        if any(q.unit == total.unit and total.end <= q.start < marker.start() for q in found):
            continue  # 共…249个县…354个贫困县，其中…: the parts may belong to the later figure
        following = PARTS.search(sentence, marker.end())
        extra = _EXTRA.search(sentence, marker.end())
        end = min(match.start() if match else len(sentence) for match in (following, extra))
        noun = _noun(sentence, total.end)
        parts = [
            q
            for q in found
            if marker.end() <= q.start < end
            and q.unit == total.unit
            and not _CHANGE.search(sentence[max(0, q.start - 3) : q.start])
            and (not noun or not _noun(sentence, q.end) or _noun(sentence, q.end) == noun)
        ]
        if not parts or not all(part.exact for part in parts):
            continue
        running = [sum(part.value for part in parts[: n + 1]) for n in range(len(parts))]
        if total.value in running:
            continue  # the parts add up; what follows is something else (全长1206公里，其中…，最高时速120公里)
        added = running[-1]
        exhaustive = marker.group(0).startswith("分别") and len(parts) >= 2
        if added > total.value or (exhaustive and added != total.value):
            detail = f"分项合计为{display(added, total.unit, total.scaled)}（{_sum_text(parts)}）"
            first = parts[0]
            yield Disagreement(
                index,
                offset + first.start,
                offset + parts[-1].end,
                sentence[first.start : parts[-1].end],
                other=total.text,
                where="本句",
                detail=detail,
            )


def _noun(sentence: str, position: int) -> str:
    """The two characters after a figure (38个大项 → 大项), to tell parts of other things apart (376个小项)."""
    return _NOUN.match(sentence, position).group(0)


def rates(index: int, text: str) -> Iterator[Disagreement]:
    """A stated rate (完工率80%) against the count that has its stem (完工18个) and the total before it.

    Both counts must stand in clauses before the rate's own (前3批撤回率达93.1% is a rate of something else).
    """
    for offset, sentence in _sentences(text):
        for rate in RATE.finditer(sentence):
            if _BOUND_BEFORE_RATE.search(sentence, 0, rate.start("value")):
                continue
            stem = rate.group("stem")
            clause_start = stretch_start(sentence, rate.start(), CLAUSE_ENDS)
            before = [q for q in quantities(sentence[:clause_start]) if q.exact]
            part = next((q for q in reversed(before) if stem in _clause(sentence, q.start)), None)
            if part is None:
                continue
            total = next(
                (q for q in before if q.unit == part.unit and q.start < part.start and q.value >= part.value), None
            )
            if total is None or total.value == 0:
                continue
            computed = 100 * part.value / total.value
            stated = float(rate.group("value"))
            decimals = len(rate.group("value").partition(".")[2])
            if abs(computed - stated) > 0.5 * 10 ** (-decimals) + 1e-9:
                yield Disagreement(
                    index,
                    offset + rate.start(),
                    offset + rate.end(),
                    rate.group(0),
                    other=f"{total.text}、{part.text}",
                    where="本句",
                    detail=f"{computed:.{max(decimals, 1)}f}%",
                )


def _clause(sentence: str, position: int) -> str:
    """The comma-delimited clause of ``sentence`` around ``position``."""
    start = stretch_start(sentence, position, CLAUSE_ENDS)
    ends = [found for found in (sentence.find(mark, position) for mark in CLAUSE_ENDS) if found >= 0]
    return sentence[start : min(ends, default=len(sentence))]
