"""Load the number and punctuation rules from their YAML files, once, and check their shape.

A rule is data: a stable id, its category and severity, the engine that runs it,
a Chinese message, its fix and the examples that prove it. The file is read by the
common reader (`editor.core.rules.loader`); a malformed rule is a packaging bug, so
it fails loudly with the rule id and the missing field.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.han import expand_placeholders
from editor.core.issue import Category, Severity
from editor.core.resources import resource_path
from editor.core.rules.loader import read_rule_file

RULE_FILES = ("numbers.yaml", "punctuation.yaml")
ENGINES = ("pattern", "substitution", "paired", "consistency")
HEADLINE_PREFIX = "# "


class RuleError(ValueError):
    """A rule file that does not have the expected shape."""


@dataclass(frozen=True)
class BadExample:
    """Text the rule must flag; ``fixed`` is what applying its suggestions must give, when stated."""

    text: str
    fixed: str | None = None


@dataclass(frozen=True)
class Rule:
    """One rule as written in a rule file (see the header of `resources/rules/numbers.yaml`)."""

    id: str
    category: Category
    severity: Severity
    engine: str
    message: str
    suggestion: str | None
    safe: bool
    bad: tuple[BadExample, ...]
    good: tuple[str, ...]
    options: dict = field(default_factory=dict, hash=False, compare=False)

    def option(self, name: str, default=None):
        return self.options.get(name, default)


def _require(entry: dict, key: str, rule_id: str):
    if key not in entry or entry[key] in (None, ""):
        raise RuleError(f"规则 {rule_id} 缺少字段 {key}")
    return entry[key]


def _bad_example(item, rule_id: str) -> BadExample:
    if isinstance(item, str):
        return BadExample(item)
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return BadExample(item["text"], item.get("fixed"))
    raise RuleError(f"规则 {rule_id} 的反例格式不对：{item!r}")


_KNOWN = {"id", "category", "severity", "engine", "message", "fix", "examples"}


def parse_rule(entry: dict) -> Rule:
    """Build a `Rule` from one entry of a rule file; raise `RuleError` on a malformed one."""
    if not isinstance(entry, dict):
        raise RuleError(f"规则条目不是映射：{entry!r}")
    rule_id = str(_require(entry, "id", "?"))
    engine = _require(entry, "engine", rule_id)
    if engine not in ENGINES:
        raise RuleError(f"规则 {rule_id} 的引擎 {engine} 未知（可用：{'、'.join(ENGINES)}）")
    fix = entry.get("fix") or {}
    examples = entry.get("examples") or {}
    try:
        category = Category(_require(entry, "category", rule_id))
        severity = Severity(_require(entry, "severity", rule_id))
    except ValueError as error:
        raise RuleError(f"规则 {rule_id}：{error}") from None
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        engine=engine,
        message=str(_require(entry, "message", rule_id)).strip(),
        suggestion=fix.get("suggestion"),
        safe=bool(fix.get("safe", False)),
        bad=tuple(_bad_example(item, rule_id) for item in examples.get("bad") or ()),
        good=tuple(str(item) for item in examples.get("good") or ()),
        options={key: _expanded(key, value, rule_id) for key, value in entry.items() if key not in _KNOWN},
    )


#: Options that are regular expressions: they may use the ``{han}`` placeholder (`editor.core.han`).
_PATTERNS = frozenset({"pattern", "unless_before", "unless_after"})


def _expanded(key: str, value, rule_id: str):
    if key not in _PATTERNS or not isinstance(value, str):
        return value
    try:
        return expand_placeholders(value)
    except ValueError as error:
        raise RuleError(f"规则 {rule_id} 的 {key}：{error}") from None


@functools.cache
def load_rules(file: str) -> tuple[Rule, ...]:
    """The rules of one file under `resources/rules/`, in file order (read by the common rule-file reader)."""
    return tuple(parse_rule(entry) for entry in read_rule_file(resource_path("rules", file)))


def all_rules() -> tuple[Rule, ...]:
    """Every number and punctuation rule."""
    return tuple(rule for file in RULE_FILES for rule in load_rules(file))


def rule_by_id(rule_id: str) -> Rule:
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def example_document(text: str) -> Document:
    """The document an example stands for: one paragraph a line, a line starting with "# " is a headline."""
    paragraphs = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith(HEADLINE_PREFIX):
            paragraphs.append(Paragraph(line[len(HEADLINE_PREFIX) :], ParagraphKind.HEADLINE, Source(block=number)))
        else:
            paragraphs.append(Paragraph(line, ParagraphKind.BODY, Source(block=number)))
    return Document(paragraphs, name="<example>")
