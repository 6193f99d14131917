"""Rule-based typo checks: the confusion list (`typo.confusion`) and idiom near misses (`typo.idiom`).

Both are precise by construction (they only know specific wrong forms), so they run
before and beside the statistical corrector. Names and the user's own words are left
alone, and a hit that begins and ends inside dictionary words (解决择业 holds 决择) is dropped:
the wrong form then is only a chance meeting of two words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from editor.core.document import Paragraph
from editor.core.engine import registry
from editor.core.issue import Category, Issue, Severity
from editor.core.names import find_name_spans, overlaps
from editor.core.rule_info import RuleInfo
from editor.core.rules.confusion import ConfusionMatcher, Hit, confusion_matcher
from editor.core.rules.idioms import IdiomMatcher, IdiomSlip, bundled_idioms
from editor.core.segmentation import is_dictionary_word, segment, word_frequency
from editor.core.userdata import accepted_words


@lru_cache(maxsize=1024)
def _word_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """The dictionary words (two characters or more) of jieba's segmentation of ``text``."""
    bounds = []
    position = 0
    for word in segment(text):
        start, position = position, position + len(word)
        if len(word) > 1 and is_dictionary_word(word):
            bounds.append((start, position))
    return tuple(bounds)


def inside_word(text: str, position: int) -> bool:
    """Whether ``position`` falls strictly inside a dictionary word of jieba's segmentation of ``text``."""
    return any(word_start < position < word_end for word_start, word_end in _word_bounds(text))


def joins_two_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` both begins and ends inside dictionary words of the segmented text.

    Then it is the tail of one word and the head of the next (解决|择业 holds 决择), or a
    piece of a longer word, not a word of its own that could be misspelt.
    """
    return inside_word(text, start) and inside_word(text, end)


def _leave_alone(text: str, start: int, end: int) -> bool:
    return text[start:end] in accepted_words() or overlaps(find_name_spans(text), start, end)


def rule_hits(matcher: ConfusionMatcher, text: str) -> list[Hit]:
    """The hits of a wrong-form list (confusions, variant words) a copy editor should see in ``text``."""
    return [
        hit
        for hit in matcher.find(text)
        if not _leave_alone(text, hit.start, hit.end) and not joins_two_words(text, hit.start, hit.end)
    ]


def confusion_hits(text: str) -> list[Hit]:
    """The confusion-list hits a copy editor should see in ``text``."""
    return rule_hits(confusion_matcher(), text)


def rule_issue(index: int, text: str, hit: Hit) -> Issue:
    """The finding of one hit of a wrong-form list: the wrong text, replaced by the rule's right form."""
    rule = hit.rule
    return Issue.on(
        rule.rule_id,
        rule.category,
        rule.severity,
        index,
        text,
        hit.start,
        hit.end,
        rule.message,
        rule.right,
        safe=rule.safe,
    )


def _confusion_rules() -> tuple[RuleInfo, ...]:
    return tuple(rule.info for rule in confusion_matcher().rules)


@registry.paragraph_check("typo.confusion", Category.TYPO, _confusion_rules)
def check_confusions(index: int, paragraph: Paragraph) -> Iterable[Issue]:
    for hit in confusion_hits(paragraph.text):
        yield rule_issue(index, paragraph.text, hit)


@cache
def idiom_matcher() -> IdiomMatcher:
    return IdiomMatcher(bundled_idioms(), word_frequency=word_frequency)


def idiom_slips(text: str) -> list[IdiomSlip]:
    """Idiom near misses in ``text`` that no confusion rule reports and no name or user word explains.

    An idiom stands as a word of its own: a run that begins or ends inside a dictionary
    word (以此为契|机, 年|底前完成) is a chance meeting of other words.
    """
    confusions = [(hit.start, hit.end) for hit in confusion_hits(text)]
    return [
        slip
        for slip in idiom_matcher().find(text)
        if not overlaps(confusions, slip.start, slip.end)
        and not _leave_alone(text, slip.index, slip.index + 1)
        and text[slip.start : slip.end] not in accepted_words()
        and not inside_word(text, slip.start)
        and not inside_word(text, slip.end)
    ]


IDIOM_RULE = RuleInfo(
    "typo.idiom",
    Category.TYPO,
    "成语错字",
    "四字成语中有一个字写成了音近或形近的字，如“迫不急待”应为“迫不及待”。",
    "他迫不急待地打开了录取通知书。",
)


@registry.paragraph_check(IDIOM_RULE.id, Category.TYPO, (IDIOM_RULE,))
def check_idioms(index: int, paragraph: Paragraph) -> Iterable[Issue]:
    text = paragraph.text
    for slip in idiom_slips(text):
        found, right = text[slip.index], slip.idiom[slip.position]
        message = f"疑为成语“{slip.idiom}”之误：“{found}”应为“{right}”"
        yield Issue.on(
            IDIOM_RULE.id, Category.TYPO, Severity.WARNING, index, text, slip.start, slip.end, message, slip.idiom
        )
