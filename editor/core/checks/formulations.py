"""Official formulations quoted wrong (`political.formulation`): the near misses of the library's forms.

A formulation is fixed word for word, so a text that matches one except in one place is
a misquotation: a character dropped, added or replaced, words swapped, a whole word left out
(`near_misses`: 共享发展理念, 以人民为中心的思想; not when what is left is shorter than `MIN_FUZZY`,
中央精神 is another phrase between the form's ends, nor when the words left out are items of its
enumeration or start with a conjunction, a partial list: 培育社会主义核心价值观, nor right after the
form's first `ANCHOR` characters, most often the verb it is said with, which then takes another
object: 推动人类命运共同体建设); a whole word added
or replaced is as often a right variant in real news, 推动构建中乌命运共同体, 推进基层治理体系和治理能力
现代化, so it is left alone, unless the new word reads as the form's word does: 治理能力 typed 智力能力
is the input method's slip); its first or
last two characters, one or both, typed as others that read alike or look alike (现代华, 牢记试明,
共同休, `edge_slips`: there the rest of the form must be exact); its enumeration, or three items of it
or more, in another order (创新、绿色、协调…, `reorderings`); a known wrong form (不忘初衷, the entry's
misquotes); 届 and 次 confused (the library's patterns).
Forms are compared on their Han characters alone, so 、 and quotes do not matter.

What is not flagged: the form itself, also inside a longer text (a correct extension:
“不忘初心、牢记使命”主题教育), any variant the documents use, and a part of it (a partial
quote): a near miss must keep at least `ANCHOR` characters of the form's start and of its
end, and differ only between them, by at most `MAX_DIFFERENCE` characters on each side; nor
a run across a break the form does not have (既要绿水青山，也要金山银山 is a saying of its own).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from editor.core.document import Paragraph
from editor.core.engine import registry
from editor.core.fixes import shared_ends
from editor.core.issue import Category, Issue, Severity
from editor.core.names import overlaps
from editor.core.pinyin import blurred_readings
from editor.core.rule_info import RuleInfo
from editor.core.rules.formulations import MIN_ITEMS, Formulation, FormulationPattern, formulation_library, skeleton
from editor.core.rules.similar_chars import a_stroke_apart, looks_alike

RULE = RuleInfo(
    "political.formulation",
    Category.POLITICAL,
    "规范提法",
    "党和国家文件中的固定提法写错了：少字、多字、错字、词序颠倒、列举顺序颠倒、届与次混用，或已知的误写（如“不忘初衷”）；"
    "只引用一部分或在提法前后加限定语的不算。",
    "要坚持不忘初衷、牢记使命，永远奋斗。",
)
#: Characters of a form's start and end a near miss keeps: fewer is a partial quote, or another phrase.
ANCHOR = 2
#: The most characters a near miss may differ by, on the form's side and on the text's: a word.
MAX_DIFFERENCE = 4
#: Forms shorter than this (in Han characters) are matched exactly only (as misquotes): a near miss of
#: a short phrase is too often another phrase.
MIN_FUZZY = 8


@dataclass(frozen=True)
class Slip:
    """``[start, end)`` of the text should read ``right``; ``message`` says why (Chinese)."""

    start: int
    end: int
    right: str
    message: str


def _message(formulation: Formulation, detail: str) -> str:
    return f"规范提法应为“{formulation.form}”（{formulation.source}）：{detail}"


class Skeleton:
    """The Han characters of a text, with where each stands in it."""

    def __init__(self, text: str) -> None:
        self.source = text
        self.positions = [index for index, character in enumerate(text) if skeleton(character)]
        self.text = "".join(text[index] for index in self.positions)

    def span(self, start: int, end: int, right: str = "") -> tuple[int, int]:
        """The text's span of skeleton characters ``[start, end)``, with the marks ``right`` opens or closes
        with (a quotation mark of 增强“四个意识”) where the text has them too."""
        first, last = self.positions[start], self.positions[end - 1] + 1
        lead = len(right) - len(right.lstrip("“‘《"))
        trail = len(right) - len(right.rstrip("”’》"))
        if trail and self.source[last : last + trail] == right[len(right) - trail :]:
            last += trail
        if lead and self.source[max(0, first - lead) : first] == right[:lead]:
            first -= lead
        return first, last


def _occurrences(haystack: str, needle: str) -> Iterator[int]:
    start = haystack.find(needle)
    while start >= 0:
        yield start
        start = haystack.find(needle, start + 1)


#: Conjunctions a text may put for a form's 、 without misquoting it.
_CONJUNCTIONS = frozenset("和与及并")


def _difference(form: str, window: str, items: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """What ``window`` has where ``form`` has something else, if that is a slip: one character dropped, added
    or replaced, words in another order, or a word left out that is no item of the form's ``items``, in one
    place (else None)."""
    prefix, suffix = shared_ends(form, window)
    if prefix < ANCHOR or suffix < ANCHOR:
        return None
    ours, theirs = form[prefix : len(form) - suffix], window[prefix : len(window) - suffix]
    if len(ours) > MAX_DIFFERENCE or len(theirs) > MAX_DIFFERENCE or not (ours or theirs):
        return None
    swapped = len(ours) > 1 and sorted(ours) == sorted(theirs) and ours != theirs
    left_out = (
        not theirs
        and prefix > ANCHOR  # right after the opening verb: the verb with another object (推动人类命运共同体建设)
        and len(window) >= MIN_FUZZY
        and ours[0] not in _CONJUNCTIONS
        and not _whole_items(ours, items)
    )
    if not (swapped or left_out) and (len(ours) > 1 or len(theirs) > 1) and not reads_alike(ours, theirs):
        return None  # a word added or replaced is as often right: 推动构建中乌命运共同体, …主义经济思想
    if not ours and theirs in _CONJUNCTIONS:
        return None  # 和 for the form's 、 (统筹推进…总体布局和协调推进…)
    return ours, theirs


def _whole_items(text: str, items: tuple[str, ...]) -> bool:
    """Whether ``text`` is one or more items of an enumeration, whole (治理有效 of the five 乡村振兴 items)."""
    return bool(items) and re.fullmatch(f"(?:{_item_alternation(items)})+", text) is not None


@functools.cache
def _item_alternation(items: tuple[str, ...]) -> str:
    """A pattern matching any one item of an enumeration, the longest first (a regex takes the first that fits)."""
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


def typed_for(meant: str, typed: str) -> bool:
    """Whether ``typed`` could be a slip for ``meant``, character by character: read alike (`reads_alike`), or
    looking alike (`similar_chars.looks_alike`, or a stroke apart: 休 for 体)."""
    return len(meant) == len(typed) and all(
        reads_alike(a, b) or looks_alike(b, a) or a_stroke_apart(b, a) for a, b in zip(meant, typed, strict=True)
    )


def reads_alike(meant: str, typed: str) -> bool:
    """Whether ``typed`` could be the input method's slip for ``meant``: as long, each character read alike.

    Readings are toneless and blurred as many speakers blur them (`pinyin.blurred_readings`: 山 and 三).
    """
    return len(meant) == len(typed) and all(
        set(blurred_readings(a)) & set(blurred_readings(b)) for a, b in zip(meant, typed, strict=True)
    )


def _detail(ours: str, theirs: str) -> str:
    if not theirs:
        return f"少了“{ours}”"
    if not ours:
        return f"多了“{theirs}”"
    if sorted(ours) == sorted(theirs):
        return f"“{theirs}”词序颠倒，应为“{ours}”"
    return f"“{theirs}”应为“{ours}”"


def _correct_spans(text: str, formulation: Formulation) -> list[tuple[int, int]]:
    """Where the skeleton holds the form or one of its variants: nothing there is a slip."""
    spans = []
    for form in (formulation.form, *formulation.variants):
        needle = skeleton(form)
        spans += [(start, start + len(needle)) for start in _occurrences(text, needle)]
    return spans


#: Marks a near miss may hold beside the form's own: quotation marks and spaces (a 、 only where the form has one:
#: 推动者、构建人类命运共同体 is two phrases).
_INNER_MARKS = frozenset("“”‘’《》 \u3000")


def near_misses(
    text: str, bones: Skeleton, formulation: Formulation, correct: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """Windows of the skeleton that differ from the form in one place, outside its ``correct`` spans (the form
    and its variants as written, `_correct_spans`): (start, end, detail)."""
    form = skeleton(formulation.form)
    if len(form) < MIN_FUZZY:
        return
    ends = [end + ANCHOR for end in _occurrences(bones.text, form[-ANCHOR:])]
    for start in _occurrences(bones.text, form[:ANCHOR]):
        for end in ends:
            if not len(form) - MAX_DIFFERENCE <= end - start <= len(form) + MAX_DIFFERENCE:
                continue
            difference = _difference(form, bones.text[start:end], formulation.items)
            first, last = bones.span(start, end)
            if (
                difference is not None
                and not overlaps(correct, start, end)
                and _inside_one_phrase(text[first:last], formulation)
            ):
                yield start, end, _detail(*difference)
                break


def edge_slips(
    text: str, bones: Skeleton, formulation: Formulation, correct: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """Windows of the skeleton that are the form but for its first or last `ANCHOR` characters, one or both typed
    as characters that read or look alike (治理能力现代华, 牢记试明, 共同休): (start, end, detail). The rest of the
    form is exact: a weaker anchor than `near_misses` asks for, so only a slip of the input method or the eye
    counts. Not in the ``correct`` spans, as for `near_misses`."""
    form = skeleton(formulation.form)
    if len(form) < MIN_FUZZY:
        return
    starts = {position - ANCHOR for position in _occurrences(bones.text, form[ANCHOR:]) if position >= ANCHOR}
    starts |= set(_occurrences(bones.text, form[:-ANCHOR]))
    for start in sorted(starts):
        window = bones.text[start : start + len(form)]
        if len(window) != len(form) or window == form or overlaps(correct, start, start + len(form)):
            continue
        slips = [index for index, (meant, typed) in enumerate(zip(form, window, strict=True)) if meant != typed]
        meant, typed = "".join(form[index] for index in slips), "".join(window[index] for index in slips)
        first, last = bones.span(start, start + len(form))
        if typed_for(meant, typed) and _inside_one_phrase(text[first:last], formulation):
            yield start, start + len(form), f"“{typed}”应为“{meant}”"


def _inside_one_phrase(run: str, formulation: Formulation) -> bool:
    """Whether ``run`` holds no mark but the form's own, quotation marks and spaces (no break the form lacks)."""
    marks = _INNER_MARKS | {character for character in formulation.form if not skeleton(character)}
    return all(skeleton(character) or character in marks for character in run)


def reorderings(text: str, bones: Skeleton, formulation: Formulation) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """The items of the form's enumeration, all of them or `MIN_ITEMS` or more, each once, in another order than
    the form's: (start, end, the same items in the form's order)."""
    items = formulation.items
    if not items:
        return
    alternatives = _item_alternation(items)
    run = re.compile(f"(?:{alternatives}){{{MIN_ITEMS},{len(items)}}}")
    one = re.compile(alternatives)
    for match in run.finditer(bones.text):
        found = [item.group(0) for item in one.finditer(match.group(0))]
        in_order = tuple(sorted(found, key=items.index))
        first, last = bones.span(match.start(), match.end())
        if (
            len(set(found)) == len(found)
            and tuple(found) != in_order
            and _inside_one_phrase(text[first:last], formulation)
            and (len(found) == len(items) or _a_list_of_its_own(text, first, last, len(found)))
        ):
            yield match.start(), match.end(), in_order


def _a_list_of_its_own(text: str, first: int, last: int, count: int) -> bool:
    """Whether ``text[first:last]``, ``count`` items of an enumeration, is a whole list: its items set apart by
    marks (民主法治、文明 holds the word 民主法治) and nothing listed beside them (绿色、共享、开放、廉洁 is
    another enumeration that shares three items)."""
    marks = len(_ITEM_MARKS.findall(text[first:last]))
    return marks == count - 1 and text[first - 1 : first] != "、" and text[last : last + 1] not in _LIST_GOES_ON


#: What after a list says it goes on: another item.
_LIST_GOES_ON = frozenset("、和与及")


def _reordered_text(run: str, in_order: tuple[str, ...]) -> str:
    """The flagged ``run`` with its items (each with its own quotes) in the form's order and its marks between them
    where they stood; items written without marks between them come back without."""
    parts = _ITEM_MARKS.split(run)
    items, marks = parts[0::2], parts[1::2]
    if sorted(map(skeleton, items)) != sorted(in_order):
        return "".join(in_order)
    ordered = sorted(items, key=lambda item: in_order.index(skeleton(item)))
    return "".join(item + mark for item, mark in zip(ordered, [*marks, ""], strict=True))


#: The marks between the items of an enumeration.
_ITEM_MARKS = re.compile("([、，])")


def formulation_slips(text: str) -> list[Slip]:
    """The misquoted formulations of ``text``, in reading order, one per place."""
    bones = Skeleton(text)
    slips: list[Slip] = []
    for entry in formulation_library():
        if isinstance(entry, FormulationPattern):
            for match in entry.pattern.finditer(text):
                slips.append(Slip(*match.span("wrong"), entry.right, entry.message))
            continue
        correct = _correct_spans(bones.text, entry)
        for wrong, right in entry.misquotes:
            for start in _occurrences(bones.text, skeleton(wrong)):
                end = start + len(skeleton(wrong))
                if not overlaps(correct, start, end):
                    slips.append(Slip(*bones.span(start, end, right), right, _message(entry, f"{wrong}是误写")))
        for start, end, in_order in reorderings(text, bones, entry):
            first, last = bones.span(start, end)
            first -= first > 0 and text[first - 1] in "“‘"  # an item's own quotes go with it
            last += text[last : last + 1] in ("”", "’")
            slips.append(
                Slip(first, last, _reordered_text(text[first:last], in_order), _message(entry, "列举的顺序不对"))
            )
        for start, end, detail in (*near_misses(text, bones, entry, correct), *edge_slips(text, bones, entry, correct)):
            slips.append(Slip(*bones.span(start, end, entry.form), entry.form, _message(entry, detail)))
    slips.sort(key=lambda slip: (slip.start, -slip.end))
    kept: list[Slip] = []
    for slip in slips:
        if not kept or slip.start >= kept[-1].end:
            kept.append(slip)
    return kept


@registry.paragraph_check(RULE.id, Category.POLITICAL, (RULE,))
def check_formulations(index: int, paragraph: Paragraph) -> Iterable[Issue]:
    text = paragraph.text
    for slip in formulation_slips(text):
        yield Issue.on(
            RULE.id, Category.POLITICAL, Severity.ERROR, index, text, slip.start, slip.end, slip.message, slip.right
        )
