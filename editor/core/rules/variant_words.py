"""The variant word forms of 《第一批异形词整理表》 (GF 1001-2001): 参预 for 参与, 惨澹 for 惨淡.

The table names, for each group of words that are one word written two ways, the form
to use; a newspaper uses it. The entries are data (`resources/rules/variant_words.yaml`)
of the same shape as the confusion list, so the same engine finds them in one pass
(`editor.core.rules.confusion`), merged with the user's own ``variant_words.yaml``;
their ids are ``typo.variant_word.<id>``, so the family is switched on and off as one.
"""

from __future__ import annotations

from typing import Any

from editor.core.rules.confusion import ConfusionMatcher, ConfusionRule, parse_rule
from editor.core.rules.loader import load_rules

RULE_FILE = "variant_words.yaml"
FAMILY = "typo.variant_word"


def _message(wrong: str, right: str) -> str:
    return f"“{wrong}”是异形词，《第一批异形词整理表》（GF 1001-2001）推荐使用“{right}”"


def parse_variant_word(entry: dict[str, Any]) -> ConfusionRule:
    """One entry of the table; ValueError (Chinese) names what is wrong with it."""
    return parse_rule(entry, family=FAMILY, default_message=_message)


def variant_word_matcher() -> ConfusionMatcher:
    """The bundled table with the user's ``variant_words.yaml`` merged over it; rebuilt when that file changes."""
    return load_rules(RULE_FILE, parse_variant_word, ConfusionMatcher)
