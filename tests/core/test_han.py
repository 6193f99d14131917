"""One definition of a Han character: the predicate, the regex class, the rule-file placeholder, and their users."""

from __future__ import annotations

import re

import pytest

from editor.core.engine import Engine
from editor.core.gbt.rules import RuleError, parse_rule
from editor.core.han import HAN, HAN_RANGES, expand_placeholders, is_han
from editor.core.io.text import parse_text
from editor.core.issue import Category

HAN_CHARACTERS = [
    ("吉", "CJK Unified Ideographs"),
    ("一", "first of the main block"),
    ("\u9fff", "last of the main block"),
    ("㐀", "Extension A"),
    ("𠮷", "Extension B (U+20BB7)"),
    ("\U0002a700", "Extension C"),
    ("\U0002b740", "Extension D"),
    ("\U0002b820", "Extension E"),
    ("\U0002ceb0", "Extension F"),
    ("\U0002ebf0", "Extension I"),
    ("\U00030000", "Extension G"),
    ("\U00031350", "Extension H"),
    ("\uf900", "CJK Compatibility Ideographs"),
    ("\U0002f800", "CJK Compatibility Ideographs Supplement"),
    ("〇", "IDEOGRAPHIC NUMBER ZERO, written among Han numerals"),
]
NOT_HAN = [
    ("a", "Latin"),
    ("5", "digit"),
    ("，", "Chinese punctuation"),
    ("　", "ideographic space"),
    ("○", "WHITE CIRCLE, the look-alike of 〇"),
    ("ア", "katakana"),
    ("한", "hangul"),
    ("😀", "an astral emoji"),
    ("⺀", "CJK radical, not an ideograph"),
    ("\U0002a6e0", "the unassigned gap after Extension B"),
    ("", "empty"),
    ("吉吉", "two characters"),
]


@pytest.mark.parametrize(("character", "why"), HAN_CHARACTERS)
def test_han_characters_on_and_beyond_the_bmp(character, why):
    assert is_han(character), why
    assert re.fullmatch(f"[{HAN}]", character), why


@pytest.mark.parametrize(("character", "why"), NOT_HAN)
def test_other_characters_are_not_han(character, why):
    assert not is_han(character), why


def test_the_ranges_are_ordered_and_disjoint():
    for (_, last, _), (first, _, _) in zip(HAN_RANGES, HAN_RANGES[1:], strict=False):
        assert last < first


@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_an_astral_han_character_triggers_the_stray_space_check_as_a_bmp_one_does(space):
    found = {}
    for name in ("吉野家", "𠮷野家"):
        text = f"推动{space}{name}在本地开设门店。"
        issues = Engine({Category.LAYOUT}).check(parse_text(text)).issues
        found[name] = [(issue.rule, issue.start, issue.end) for issue in issues]
    assert found["𠮷野家"] == found["吉野家"] == [("layout.stray_space", 2, 3)]


def test_the_placeholder_expands_and_an_unknown_one_is_refused():
    assert re.fullmatch(expand_placeholders("[{han}]{2,4}"), "𠮷野家")
    assert expand_placeholders(r"\d{2}") == r"\d{2}"
    with pytest.raises(ValueError, match="未知的占位符"):
        expand_placeholders("[{hanzi}]")


def test_rule_files_use_the_placeholder_and_a_bad_one_names_the_rule():
    entry = {"id": "punctuation.sample", "name": "示例", "category": "punctuation", "severity": "error"}
    entry["message"] = "示例。"
    rule = parse_rule({**entry, "engine": "pattern", "pattern": "(?<=[{han}])x"})
    assert re.search(rule.option("pattern"), "𠮷x")
    with pytest.raises(RuleError, match="punctuation.sample"):
        parse_rule({**entry, "engine": "pattern", "pattern": "[{hanzi}]"})
