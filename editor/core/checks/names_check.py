"""`name.inconsistent`: the same person written two ways in one document (恽淇丞 / 恽琪丞).

A misspelt official's name is among the costliest errors a paper can print, and no
dictionary knows the right spelling; the document itself does. The check remembers the
people the document names with good evidence (a title before the name, a byline, an
enumeration of officials), counts every spelling, and flags a spelling that differs
from a better-attested one in one character only, where the two characters sound or
look alike and the surname is the same. Two spellings that are each introduced with
good evidence and each used more than once are taken to be two people, and names of
different lengths or surnames are never compared; two-character names only within
one article (a page may well carry a 张伟 and a 张炜).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.cancellation import checkpoint
from editor.core.document import Document
from editor.core.engine import registry
from editor.core.gbt.articles import articles
from editor.core.han import is_han
from editor.core.issue import Category, Issue, Severity
from editor.core.names import Evidence, NameMention, find_person_names, name_at
from editor.core.pinyin import main_reading
from editor.core.rule_info import RuleInfo
from editor.core.rules.similar_chars import looks_alike
from editor.core.userdata import accepted_words

RULE = "name.inconsistent"
_STRONG = frozenset({Evidence.TITLE, Evidence.BYLINE, Evidence.LIST})
_WELL_ATTESTED = 2


@dataclass(frozen=True)
class Occurrence:
    """One place a spelling stands: paragraph, span, and whether strong evidence says it is a name there."""

    paragraph: int
    start: int
    end: int
    strong: bool


@dataclass
class Spelling:
    """Everything the document says about one written form of a name."""

    name: str
    occurrences: list[Occurrence]

    @property
    def strong(self) -> int:
        return sum(occurrence.strong for occurrence in self.occurrences)

    @property
    def weight(self) -> tuple[int, int, int, int]:
        """The majority spelling weighs more: more mentions, then more strong ones, then the earlier first mention."""
        first = self.occurrences[0]
        return len(self.occurrences), self.strong, -first.paragraph, -first.start


def _differing_position(a: str, b: str) -> int | None:
    """The one position (after the surname) at which two same-length names differ, if they differ in one."""
    if len(a) != len(b) or a[0] != b[0]:
        return None
    positions = [index for index, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(positions) != 1 or positions[0] == 0:
        return None
    return positions[0]


def is_variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` read as one name written two ways: same surname, one alike character apart.

    The characters must share their usual reading (恽淇丞 / 恽琪丞); in a name of three
    characters or more a similar shape will do as well. A two-character name differing in
    its whole given name is only a shared surname, so there the sound must agree.
    """
    position = _differing_position(a, b)
    if position is None:
        return False
    found, other = a[position], b[position]
    same_sound = bool(main_reading(found)) and main_reading(found) == main_reading(other)
    return same_sound or (len(a) > 2 and looks_alike(found, other))


def _mentions(document: Document) -> Iterable[tuple[int, NameMention]]:
    for index, paragraph in enumerate(document.paragraphs):
        checkpoint(index, len(document.paragraphs))  # segmenting a long draft takes seconds: a newer job stops it
        for mention in find_person_names(paragraph.text):
            yield index, mention


def _stands_as_name(text: str, start: int, end: int) -> bool:
    """Whether a bare occurrence of a known name ends where a name would (not inside a longer run of a word)."""
    return end == len(text) or not is_han(text[end]) or name_at(text, start) == end


def _variants_in(document: Document, name: str) -> set[str]:
    """Spellings in the document that differ from ``name`` in one alike character after the surname."""
    found = set()
    for position in range(1, len(name)):
        pattern = re.compile(re.escape(name[:position]) + "(.)" + re.escape(name[position + 1 :]))
        for paragraph in document.paragraphs:
            for match in pattern.finditer(paragraph.text):
                if match.group() != name and is_variant(match.group(), name):
                    found.add(match.group())
    return found


def collect_spellings(document: Document) -> dict[str, Spelling]:
    """Every spelling of a person's name with all its occurrences, bare ones included.

    The document-level memory: a name once introduced with a title is recognised
    wherever else it stands (恽淇丞指出 …), and so is a one-character variant of it.
    """
    strong_at = {
        (index, mention.start, mention.end) for index, mention in _mentions(document) if mention.evidence in _STRONG
    }
    strong_names = {document.paragraphs[index].text[start:end] for index, start, end in strong_at}
    candidates = set(strong_names)
    for name in strong_names:
        candidates.update(_variants_in(document, name))
    spellings: dict[str, Spelling] = {}
    for name in sorted(candidates, key=len, reverse=True):
        for index, paragraph in enumerate(document.paragraphs):
            text = paragraph.text
            for match in re.finditer(re.escape(name), text):
                start, end = match.span()
                if not _stands_as_name(text, start, end):
                    continue
                occurrence = Occurrence(index, start, end, (index, start, end) in strong_at)
                spellings.setdefault(name, Spelling(name, [])).occurrences.append(occurrence)
    return spellings


def _two_people(a: Spelling, b: Spelling) -> bool:
    """Both spellings introduced with a title or byline and each used more than once: two people, not a slip."""
    return all(spelling.strong and len(spelling.occurrences) >= _WELL_ATTESTED for spelling in (a, b))


def _message(minority: Spelling, majority: Spelling) -> str:
    where = majority.occurrences[0].paragraph + 1
    count = len(majority.occurrences)
    return f"人名前后不一致：此处作“{minority.name}”，第 {where} 段作“{majority.name}”（全文共 {count} 处），请核对"


def _occurrences_to_flag(minority: Spelling, majority: Spelling, article_of: dict[int, int]) -> list[Occurrence]:
    """The minority's occurrences to report; a two-character name only where its article also has the other.

    Two-character names that differ in their whole given name (张伟 / 张炜) may well be two
    people on one page; within one article they are almost surely one.
    """
    if len(minority.name) > 2:
        return minority.occurrences
    articles = {article_of[occurrence.paragraph] for occurrence in majority.occurrences}
    return [occurrence for occurrence in minority.occurrences if article_of[occurrence.paragraph] in articles]


RULE_INFO = RuleInfo(
    RULE,
    Category.NAME,
    "同一人名写法不一",
    "同一篇稿件中同一个人的名字有两种写法（只差一个音近或形近的字），标出少数的写法。",
    "区长恽淇丞出席会议。恽琪丞指出……",
)


@registry.document_check(RULE, Category.NAME, (RULE_INFO,))
def check_name_consistency(document: Document) -> Iterable[Issue]:
    spellings = collect_spellings(document)
    accepted = accepted_words()
    article_of = {
        paragraph: number for number, article in enumerate(articles(document)) for paragraph in article.paragraphs
    }
    for minority in spellings.values():
        if minority.name in accepted:
            continue
        rivals = [
            other
            for other in spellings.values()
            if other.weight > minority.weight
            and (other.strong or minority.strong)
            and is_variant(minority.name, other.name)
        ]
        if not rivals:
            continue
        majority = max(rivals, key=lambda spelling: spelling.weight)
        if _two_people(minority, majority):
            continue
        for occurrence in _occurrences_to_flag(minority, majority, article_of):
            yield Issue(
                rule=RULE,
                category=Category.NAME,
                severity=Severity.WARNING,
                paragraph=occurrence.paragraph,
                start=occurrence.start,
                end=occurrence.end,
                text=minority.name,
                message=_message(minority, majority),
                suggestions=(majority.name,),
            )
