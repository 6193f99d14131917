"""The confusion list: words a newsroom often gets wrong, each replaced by its right form in context.

Entries are data (`resources/rules/confusion.yaml`, documented at its top), merged with
the user's own `confusion.yaml` in the data folder. Each entry names a wrong text,
its correction and, where the wrong text is sometimes right, regular expressions for
the text just before or after it that must (or must not) be there. All wrong texts are
found in one pass with an Aho-Corasick automaton, so hundreds of entries cost no more
than a few.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from editor.core.han import expand_placeholders
from editor.core.issue import Category, Severity
from editor.core.rule_info import RuleInfo
from editor.core.rules.examples import Example, parse_bad_example
from editor.core.rules.loader import load_rules

RULE_FILE = "confusion.yaml"
FAMILY = "typo.confusion"
_ID = re.compile(r"[a-z0-9_]+")
_CONTEXT_WINDOW = 40
_CONTEXT_KEYS = ("before", "after", "not_before", "not_after")
_FIELDS = frozenset(
    {"id", "name", "wrong", "right", "message", "category", "severity", "safe", "good", "bad", *_CONTEXT_KEYS}
)


@dataclass(frozen=True)
class ConfusionRule:
    """One entry: ``wrong`` becomes ``right`` where the context patterns allow it."""

    key: str
    wrong: str
    right: str
    message: str
    category: Category = Category.TYPO
    severity: Severity = Severity.ERROR
    safe: bool = False
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    good: tuple[str, ...] = ()
    bad: tuple[Example, ...] = ()

    name: str = ""
    #: The rule id's prefix: the list the entry comes from (`typo.confusion`, `typo.variant_word`).
    family: str = FAMILY

    @property
    def rule_id(self) -> str:
        return f"{self.family}.{self.key}"

    @property
    def info(self) -> RuleInfo:
        """The entry as the preferences show it: its name (else wrong → right), message and first bad example."""
        return RuleInfo(
            self.rule_id,
            self.category,
            self.name or f"{self.wrong} → {self.right}",
            self.message,
            self.bad[0].text if self.bad else "",
        )

    def applies(self, text: str, start: int, end: int) -> bool:
        """Whether the context around ``text[start:end]`` (an occurrence of ``wrong``) makes it an error."""
        preceding = text[max(0, start - _CONTEXT_WINDOW) : start]
        if self.before is not None and not self.before.search(preceding):
            return False
        if self.not_before is not None and self.not_before.search(preceding):
            return False
        if self.after is not None and not self.after.match(text, end):
            return False
        return self.not_after is None or not self.not_after.match(text, end)


@dataclass(frozen=True)
class Hit:
    """Where a rule matched in a text."""

    rule: ConfusionRule
    start: int
    end: int


def _pattern(entry: dict[str, Any], key: str) -> re.Pattern[str] | None:
    source = entry.get(key)
    if source is None:
        return None
    if not isinstance(source, str) or not source:
        raise ValueError(f"{key} 应是正则表达式字符串")
    try:
        source = expand_placeholders(source)
        return re.compile(f"(?:{source})$" if key.endswith("before") else source)
    except re.error as error:
        raise ValueError(f"{key} 不是有效的正则表达式（{error}）") from error


def _strings(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or ()
    if isinstance(value, str):
        value = (value,)
    if not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"{key} 应是句子列表")
    return tuple(value)


def parse_rule(
    entry: dict[str, Any], family: str = FAMILY, default_message: Callable[[str, str], str] | None = None
) -> ConfusionRule:
    """One rule from its YAML entry; ValueError (Chinese) names what is wrong with it.

    ``family`` is the rule id's prefix; ``default_message(wrong, right)`` is the message of
    an entry without one (else “wrong”应为“right”).
    """
    key = entry["id"]
    if not _ID.fullmatch(key):
        raise ValueError("id 只能用小写字母、数字和下划线")
    wrong, right = entry.get("wrong"), entry.get("right")
    if not isinstance(wrong, str) or not wrong or not isinstance(right, str) or wrong == right:
        raise ValueError("需要 wrong 和 right 两个不同的文字")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ValueError(f"未知的字段：{'、'.join(sorted(unknown))}")
    try:
        category = Category(entry.get("category", Category.TYPO.value))
        severity = Severity(entry.get("severity", Severity.ERROR.value))
    except ValueError as error:
        raise ValueError(f"category 或 severity 取值无效（{error}）") from None
    return ConfusionRule(
        key=key,
        wrong=wrong,
        right=right,
        message=str(entry.get("message") or (default_message or _default_message)(wrong, right)),
        name=str(entry.get("name") or ""),
        category=category,
        severity=severity,
        safe=bool(entry.get("safe", False)),
        good=_strings(entry, "good"),
        bad=tuple(parse_bad_example(text, wrong) for text in _strings(entry, "bad")),
        family=family,
        **{key_: _pattern(entry, key_) for key_ in _CONTEXT_KEYS},
    )


def _default_message(wrong: str, right: str) -> str:
    return f"“{wrong}”应为“{right}”"


class ConfusionMatcher:
    """Finds every rule's wrong text in one Aho-Corasick pass, then checks each hit's context."""

    def __init__(self, rules: Iterable[ConfusionRule]) -> None:
        self.rules = tuple(rules)
        self._automaton = ahocorasick.Automaton()
        by_wrong: dict[str, list[ConfusionRule]] = {}
        for rule in self.rules:
            by_wrong.setdefault(rule.wrong, []).append(rule)
        for wrong, rules in by_wrong.items():
            self._automaton.add_word(wrong, (len(wrong), tuple(rules)))
        if by_wrong:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits in reading order; where two overlap, the longer wrong text wins."""
        if not self.rules or not text:
            return []
        hits = [
            Hit(rule, end + 1 - length, end + 1)
            for end, (length, rules) in self._automaton.iter(text)
            for rule in rules
            if rule.applies(text, end + 1 - length, end + 1)
        ]
        hits.sort(key=lambda hit: (hit.start, hit.start - hit.end))
        kept: list[Hit] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept


def confusion_matcher() -> ConfusionMatcher:
    """The bundled rules with the user's ``confusion.yaml`` merged over them; rebuilt when that file changes."""
    return load_rules(RULE_FILE, parse_rule, ConfusionMatcher)
