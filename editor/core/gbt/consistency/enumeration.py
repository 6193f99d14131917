"""An announced count that the enumeration after it contradicts.

“三项工作：一是…二是…三是…四是…” announces three and lists four. The list is
read from the markers after the announcement (一是/二是, 一要/二要, 第一，/第二，,
（一）/（二）), in the same paragraph after its colon, or at the start of the
paragraphs that follow when the announcement ends its paragraph. A run of quoted
names before a count (“A”“B”“C”三大行动) is counted too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from editor.core.gbt.articles import Article, place
from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.numerals import SENTENCE_ENDS, parse_number, stretch_start
from editor.core.han import HAN

_COUNT = r"(?P<count>[两二三四五六七八九]|十[一二三四五六七八九]?|\d{1,2})"
ANNOUNCE = re.compile(
    _COUNT + rf"(?P<unit>项|个|条|点|类|种|件|招|句话|方面)(?P<noun>[{HAN}“”]{{0,10}}?)(?P<end>[：:]|。$|[：:]$)"
)
#: Names side by side (“A”“B”“C” or “A”、“B”、“C”) right before a count; a run joined by 和 is
#: left alone, since what 和 joins may stand outside the count (序曲“A”和“B”“C”三个篇章).
QUOTED_RUN = re.compile(
    r"(?<![”》和及与])((?:[“《][^“”《》]{1,20}[”》]、?){2,})" + _COUNT + r"(?P<unit>大|项|个|种|条|类)"
)
_ANY_COUNT = re.compile(r"(?:[两二三四五六七八九十]|\d{1,2})(?:项|个|条|点|类|种|件|招|方面|大)")
_ORDINAL = "一二三四五六七八九十"
#: A count that ends its sentence (提出四点要求。) announces a list only with a short noun after it.
MAX_NOUN_AT_END = 4
#: Paragraphs an item of an enumeration may run over before the next marker.
MAX_GAP = 10
MARKERS = (
    re.compile(rf"(?:^|(?<=[：；。，:;]))([{_ORDINAL}]{{1,2}})是"),
    re.compile(rf"(?:^|(?<=[：；。，:;]))([{_ORDINAL}]{{1,2}})要"),
    re.compile(rf"(?:^|(?<=[：；。:;]))第([{_ORDINAL}]{{1,2}})[，、,：]"),
    re.compile(rf"（([{_ORDINAL}]{{1,2}})）"),
)


def _run_length(numbers: list[int]) -> tuple[int, int]:
    """How far 1, 2, 3… runs in ``numbers`` (in order), and the index where the run ends.

    A run with a hole (一是、二是、四是) counts as 0: the list was not read completely.
    """
    expected, last = 1, -1
    for index, number in enumerate(numbers):
        if number == expected:
            expected, last = expected + 1, index
    if numbers and max(numbers) != expected - 1:
        return 0, -1
    return expected - 1, last


def _listed(texts: Sequence[str], article: Article, paragraph: int, after: int) -> tuple[int, int, str] | None:
    """The longest enumeration after ``after`` in ``paragraph`` (or in the paragraphs after it).

    Returns (count, paragraph of its last item, text of its last item).
    """
    text = texts[paragraph]
    best: tuple[int, int, str] | None = None
    for marker in MARKERS:
        matches = list(marker.finditer(text, after))
        if matches:
            count, last = _run_length([int(parse_number(m.group(1)) or 0) for m in matches])
            candidate = (count, paragraph, matches[last].group(0).strip("：；。，:;") if last >= 0 else "")
        elif text[after:].strip(" ：:。") == "":
            candidate = _listed_below(texts, article, paragraph, marker)
        else:
            continue
        if candidate and (best is None or candidate[0] > best[0]):
            best = candidate
    return best


def _listed_below(texts: Sequence[str], article: Article, paragraph: int, marker: re.Pattern) -> tuple[int, int, str]:
    """The enumeration at the start of the paragraphs after ``paragraph``; an item may run over a few paragraphs."""
    numbers, where, last_text, gap = [], paragraph, "", 0
    for index in (index for index in article.paragraphs if index > paragraph):
        match = marker.match(texts[index])
        number = int(parse_number(match.group(1)) or 0) if match else None
        if number is None:
            gap += 1
            if gap > MAX_GAP or not numbers:
                break
            continue
        if numbers and number <= numbers[-1]:
            break  # another enumeration begins
        numbers.append(number)
        where, last_text, gap = index, match.group(0).strip("：；。，:;"), 0
    count, _ = _run_length(numbers)
    return count, where, last_text


def _another_count_before(text: str, match: re.Match) -> bool:
    """Another count earlier in the sentence (5方面19条; 三个“强化”，开展两项“行动”，做到两个“规范”)."""
    sentence_start = stretch_start(text, match.start(), SENTENCE_ENDS + "；")
    return bool(_ANY_COUNT.search(text, sentence_start, match.start()))


def enumeration_counts(texts: Sequence[str], article: Article) -> Iterator[Disagreement]:
    for paragraph in article.paragraphs:
        text = texts[paragraph]
        for match in ANNOUNCE.finditer(text):
            if _another_count_before(text, match) or (
                match.group("end") == "。" and len(match.group("noun")) > MAX_NOUN_AT_END
            ):
                continue
            announced = parse_number(match.group("count"))
            listed = _listed(texts, article, paragraph, match.end())
            if announced is None or listed is None or listed[0] < 2 or listed[0] == announced:
                continue
            if listed[1] != paragraph and listed[0] < announced:
                continue  # items over several paragraphs may have been missed: only a longer list is sure
            count, where, last = listed
            here = match.group(0).rstrip("：:。")
            yield Disagreement(
                paragraph,
                match.start(),
                match.start() + len(here),
                here,
                other=f"列到“{last}”",
                where=place(article, where, paragraph),
                detail=f"{count}{match.group('unit')}",
            )
        for match in QUOTED_RUN.finditer(text):
            items = sum(match.group(1).count(mark) for mark in "“《")
            announced = parse_number(match.group("count"))
            if announced is not None and items != announced:
                start = match.start("count")
                here = text[start : match.end()]
                yield Disagreement(
                    paragraph,
                    start,
                    match.end(),
                    here,
                    other="列出" + match.group(1),
                    where="本段",
                    detail=f"{items}个名称",
                )
