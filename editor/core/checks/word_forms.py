"""Standard word forms: variant words (`typo.variant_word`) and traditional or variant characters (`typo.traditional`).

A newspaper in the mainland writes the forms the state norms fix: the recommended word
of each group of 《第一批异形词整理表》 (GF 1001-2001), and the characters of the
simplified standard. Both checks only know specific wrong forms, so they are rules
(precise), not guesses; names and the user's own words are left alone as for the
confusion list, and so is what is cited as written (a title in 《》, a short quoted form).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache

import opencc

from editor.core.checks.typo_rules import rule_hits, rule_issue
from editor.core.document import Paragraph
from editor.core.engine import registry
from editor.core.issue import Category, Issue, Severity
from editor.core.names import find_name_spans, overlaps
from editor.core.resources import resource_path
from editor.core.rule_info import RuleInfo
from editor.core.rules.variant_words import FAMILY as VARIANT_WORD
from editor.core.rules.variant_words import variant_word_matcher


def _variant_word_rules() -> tuple[RuleInfo, ...]:
    return tuple(rule.info for rule in variant_word_matcher().rules)


@registry.paragraph_check(VARIANT_WORD, Category.TYPO, _variant_word_rules)
def check_variant_words(index: int, paragraph: Paragraph) -> Iterable[Issue]:
    """The table's non-recommended forms, but in a cited title or form (《中国公民民族成份登记管理办法》)."""
    text = paragraph.text
    hits = rule_hits(variant_word_matcher(), text)
    cited = cited_spans(text) if hits else []
    for hit in hits:
        if not overlaps(cited, hit.start, hit.end):
            yield rule_issue(index, text, hit)


TRADITIONAL = RuleInfo(
    "typo.traditional",
    Category.TYPO,
    "繁体字、异体字",
    "简体文稿中混入了繁体字或异体字（含日文字形），如“經濟”应为“经济”、“髙”应为“高”；人名和引号、书名号内照录的文字不报。",
    "区政府召开全区經濟工作會議。",
)
#: A run in “” or ‘’ at most this long is a cited form (a sign, a title, a word), kept as written;
#: a longer one is quoted speech, the paper's own text.
CITED_FORM_LENGTH = 10
_CITED = re.compile(
    rf"「[^」]*」|『[^』]*』|《[^》]*》|“[^”]{{1,{CITED_FORM_LENGTH}}}”|‘[^’]{{1,{CITED_FORM_LENGTH}}}’"
)


def cited_spans(text: str) -> list[tuple[int, int]]:
    """The runs of ``text`` cited as written: titles in 《》, 「」 and 『』 quotes, short quotes in “” or ‘’."""
    return [(match.start(), match.end()) for match in _CITED.finditer(text)]


@cache
def traditional_table() -> dict[str, str]:
    """Non-standard character → its standard simplified form (`tools/build_traditional_table.py` builds the file)."""
    lines = resource_path("rules", "traditional_chars.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _runs(positions: list[int]) -> Iterable[tuple[int, int]]:
    """Adjacent positions as [start, end) runs: 經濟 is one place, two wrong characters."""
    for _, group in itertools.groupby(enumerate(positions), key=lambda item: item[1] - item[0]):
        run = [position for _, position in group]
        yield run[0], run[-1] + 1


def traditional_runs(text: str) -> list[tuple[int, int, str]]:
    """The runs of non-standard characters in ``text`` with their simplified form, names and cited forms left alone.

    OpenCC's t2s reads the whole text with its phrase table, so a character it converts
    alone but keeps in this context is not flagged, and the suggestion is the conversion
    in context; a character t2s does not know (Japanese 営, the variant 髙) takes the table's form.
    """
    table = traditional_table()
    candidates = [position for position, character in enumerate(text) if character in table]
    if not candidates:
        return []
    kept = cited_spans(text) + find_name_spans(text)
    converted = _to_simplified().convert(text)
    if len(converted) != len(text):
        converted = text
    simplified = {}
    for position in candidates:
        character = text[position]
        if converted[position] != character:
            simplified[position] = converted[position]
        elif _to_simplified().convert(character) == character:  # t2s does not know it (営, 髙): the table does
            simplified[position] = table[character]
    flagged = [position for position in simplified if not overlaps(kept, position, position + 1)]
    return [
        (start, end, "".join(simplified[position] for position in range(start, end))) for start, end in _runs(flagged)
    ]


@registry.paragraph_check(TRADITIONAL.id, Category.TYPO, (TRADITIONAL,))
def check_traditional(index: int, paragraph: Paragraph) -> Iterable[Issue]:
    text = paragraph.text
    for start, end, simplified in traditional_runs(text):
        message = f"简体文稿中的繁体字或异体字：“{text[start:end]}”应为“{simplified}”"
        yield Issue.on(TRADITIONAL.id, Category.TYPO, Severity.ERROR, index, text, start, end, message, simplified)
