"""Turn the rules of a rule file into registered checks: one check per rule, under the rule's id.

Pattern and substitution rules become paragraph checks; paired-mark rules become
document checks (a quotation may run over several paragraphs). Consistency rules are
registered by `editor.core.checks.consistency`, which knows their Python functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from editor.core.document import Document, Paragraph
from editor.core.engine import Registry
from editor.core.gbt.engines import PatternEngine, make_issue
from editor.core.gbt.paired import PairedMarks
from editor.core.gbt.rules import Rule, RuleError, load_rules
from editor.core.issue import Issue


def paragraph_check(rule: Rule) -> Callable[[int, Paragraph], Iterable[Issue]]:
    """The rule as a paragraph check; most paragraphs are turned away by one regex search (1 MB in < 2 s)."""
    engine = PatternEngine(rule)
    quick = (engine.trigger or engine.pattern).search

    def check(index: int, paragraph: Paragraph) -> list[Issue]:
        text = paragraph.text
        if quick(text) is None:
            return []
        return engine.issues(index, text)

    return check


def paired_check(rule: Rule) -> Callable[[Document], Iterable[Issue]]:
    pairs = rule.option("pairs")
    if not pairs:
        raise RuleError(f"规则 {rule.id} 缺少字段 pairs")
    marks = PairedMarks(pairs)

    def check(document: Document) -> Iterator[Issue]:
        texts = document.texts
        for mark in marks.find(texts):
            text = texts[mark.paragraph]
            message = f"{rule.message}此处{mark.detail}。"
            yield make_issue(rule, mark.paragraph, text, mark.position, mark.position + 1, message=message)

    return check


def register_rules(registry: Registry, file: str) -> list[Rule]:
    """Register every pattern, substitution and paired rule of ``file``; return the rules registered."""
    registered = []
    for rule in load_rules(file):
        if rule.engine in ("pattern", "substitution"):
            registry.paragraph_check(rule.id, rule.category)(paragraph_check(rule))
        elif rule.engine == "paired":
            registry.document_check(rule.id, rule.category)(paired_check(rule))
        else:
            continue
        registered.append(rule)
    return registered
