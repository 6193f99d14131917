"""Turn a rule file into registered checks that read its rules afresh at each run (user overrides apply at once).

One paragraph check runs the file's pattern and substitution rules, one document
check its paired-mark rules (a quotation may run over several paragraphs). Each
finding carries its own rule's id and each check declares every rule it runs, so
the engine switches rules on and off one by one. Consistency rules are run by
`editor.core.checks.consistency`, which knows their Python functions.

A rule is compiled while its file is read (`compile_rule` is the loader's parse
step), so a user rule whose pattern or template is broken is reported and left out
like any other malformed entry, and a bundled one fails at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from editor.core.document import Document, Paragraph
from editor.core.engine import Registry
from editor.core.gbt.engines import PatternEngine, make_issue
from editor.core.gbt.paired import PairedMarks
from editor.core.gbt.rules import Rule, RuleError, parse_rule
from editor.core.issue import Category, Issue
from editor.core.rule_info import RuleInfo
from editor.core.rules.loader import Entry, bundled_rules, load_rules

PARAGRAPH_ENGINES = ("pattern", "substitution")


@dataclass(frozen=True)
class CompiledRule:
    """A rule and what runs it: on one paragraph's text, or on all the texts of a document (paired marks)."""

    rule: Rule
    paragraph: Callable[[int, str], list[Issue]] | None = None
    document: Callable[[list[str]], Iterator[Issue]] | None = None


def paragraph_runner(rule: Rule) -> Callable[[int, str], list[Issue]]:
    """The rule on one paragraph; most paragraphs are turned away by one regex search (1 MB in < 2 s)."""
    engine = PatternEngine(rule)
    quick = (engine.trigger or engine.pattern).search

    def run(index: int, text: str) -> list[Issue]:
        if quick(text) is None:
            return []
        return engine.issues(index, text)

    return run


def paired_runner(rule: Rule) -> Callable[[list[str]], Iterator[Issue]]:
    pairs = rule.option("pairs")
    if not pairs:
        raise RuleError(f"规则 {rule.id} 缺少字段 pairs")
    marks = PairedMarks(pairs)

    def run(texts: list[str]) -> Iterator[Issue]:
        for mark in marks.find(texts):
            text = texts[mark.paragraph]
            message = f"{rule.message}此处{mark.detail}。"
            yield make_issue(rule, mark.paragraph, text, mark.position, mark.position + 1, message=message)

    return run


def compile_rule(entry: Entry) -> CompiledRule:
    """One entry of a number or punctuation rule file, parsed and compiled; `RuleError` if either fails."""
    rule = parse_rule(entry)
    if rule.engine in PARAGRAPH_ENGINES:
        return CompiledRule(rule, paragraph=paragraph_runner(rule))
    if rule.engine == "paired":
        return CompiledRule(rule, document=paired_runner(rule))
    return CompiledRule(rule)


def compiled_rules(file: str) -> tuple[CompiledRule, ...]:
    """The rules of ``file`` (bundled, the user's merged over them), compiled; rebuilt when the user's file changes."""
    return load_rules(file, compile_rule)


def _infos(file: str, runs: Callable[[CompiledRule], object]) -> Callable[[], tuple[RuleInfo, ...]]:
    return lambda: tuple(compiled.rule.info for compiled in compiled_rules(file) if runs(compiled))


def register_rule_file(registry: Registry, file: str, category: Category) -> None:
    """Register the paragraph check (id ``<category>.patterns``) and the paired-mark check (``.paired``) of ``file``."""
    bundled_rules(file, compile_rule)  # a broken bundled file fails at start-up; the user's is read by each check

    @registry.paragraph_check(f"{category.value}.patterns", category, _infos(file, lambda c: c.paragraph))
    def check_patterns(index: int, paragraph: Paragraph) -> Iterable[Issue]:
        text = paragraph.text
        runs = [compiled.paragraph for compiled in compiled_rules(file) if compiled.paragraph]
        return [issue for run in runs for issue in run(index, text)]

    @registry.document_check(f"{category.value}.paired", category, _infos(file, lambda c: c.document))
    def check_paired(document: Document) -> Iterable[Issue]:
        texts = document.texts
        return [issue for compiled in compiled_rules(file) if compiled.document for issue in compiled.document(texts)]
