"""Load the number and punctuation rules from their YAML files, once, and check their shape.

A rule is data: a stable id, its Chinese name, its category and severity, the
engine that runs it, a Chinese message, its fix and the examples that prove it. The
file is read by the one rule-file reader (`editor.core.rules.loader`), which merges
the user's file of the same name over it; a malformed bundled rule is a packaging
bug and fails loudly with the rule id and the missing field, a malformed user rule
is reported and left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.han import expand_placeholders
from editor.core.issue import Category, Severity
from editor.core.rule_info import RuleInfo
from editor.core.rules.loader import load_rules as read_rules

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
    name: str
    category: Category
    severity: Severity
    engine: str
    message: str
    description: str
    suggestion: str | None
    safe: bool
    bad: tuple[BadExample, ...]
    good: tuple[str, ...]
    options: dict = field(default_factory=dict, hash=False, compare=False)

    def option(self, name: str, default=None):
        return self.options.get(name, default)

    @property
    def info(self) -> RuleInfo:
        """The rule as the preferences show it (an example article's lines joined by " / ")."""
        example = self.bad[0].text.replace("\n", " / ").replace(HEADLINE_PREFIX, "") if self.bad else ""
        return RuleInfo(self.id, self.category, self.name, self.description, example)


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


_KNOWN = {"id", "name", "category", "severity", "engine", "message", "description", "fix", "examples"}


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
    if not rule_id.startswith(f"{category.value}."):
        # the id names its category, so that switching off "number" switches off every number rule
        raise RuleError(f"规则 {rule_id} 的 id 应以“{category.value}.”开头")
    message = str(_require(entry, "message", rule_id)).strip()
    return Rule(
        id=rule_id,
        name=str(_require(entry, "name", rule_id)).strip(),
        category=category,
        severity=severity,
        engine=engine,
        message=message,
        description=str(entry.get("description") or message).strip(),
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


def load_rules(file: str) -> tuple[Rule, ...]:
    """The rules of one file under `resources/rules/`, the user's file of that name merged over them."""
    return read_rules(file, parse_rule)


def all_rules() -> tuple[Rule, ...]:
    """Every number and punctuation rule."""
    return tuple(rule for file in RULE_FILES for rule in load_rules(file))


def example_document(text: str) -> Document:
    """The document an example stands for: one paragraph a line, a line starting with "# " is a headline."""
    paragraphs = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith(HEADLINE_PREFIX):
            paragraphs.append(Paragraph(line[len(HEADLINE_PREFIX) :], ParagraphKind.HEADLINE, Source(block=number)))
        else:
            paragraphs.append(Paragraph(line, ParagraphKind.BODY, Source(block=number)))
    return Document(paragraphs, name="<example>")
