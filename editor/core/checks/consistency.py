"""Number consistency across each article (category number, severity warning).

The rules, with their messages and examples, are the ``engine: consistency``
entries of `resources/rules/numbers.yaml` (the user's file of that name may replace one
or switch it off); this module ties each id to the function that finds its
disagreements, and reads articles from the document's structure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from editor.core.document import Document
from editor.core.engine import registry
from editor.core.gbt.articles import Article, articles
from editor.core.gbt.consistency import Disagreement, dates, enumeration, headline, repeats, totals
from editor.core.gbt.engines import make_issue
from editor.core.gbt.registration import compile_rule, compiled_rules
from editor.core.gbt.rules import Rule, RuleError
from editor.core.issue import Category, Issue
from editor.core.rule_info import RuleInfo
from editor.core.rules.loader import bundled_rules

RULE_FILE = "numbers.yaml"
Finder = Callable[[Document], Iterable[Disagreement]]


def per_article(find: Callable[[list[str], Article], Iterable[Disagreement]]) -> Finder:
    def run(document: Document) -> Iterator[Disagreement]:
        texts = document.texts
        for article in articles(document):
            yield from find(texts, article)

    return run


def per_paragraph(find: Callable[[int, str], Iterable[Disagreement]]) -> Finder:
    def run(document: Document) -> Iterator[Disagreement]:
        for index, text in enumerate(document.texts):
            yield from find(index, text)

    return run


def per_document(find: Callable[[list[str]], Iterable[Disagreement]]) -> Finder:
    return lambda document: find(document.texts)


FINDERS: dict[str, Finder] = {
    "number.headline_body": per_article(headline.headline_body),
    "number.total_parts": per_paragraph(totals.total_parts),
    "number.rate": per_paragraph(totals.rates),
    "number.weekday": per_document(dates.wrong_weekdays),
    "number.date_invalid": per_document(dates.invalid_dates),
    "number.enumeration_count": per_article(enumeration.enumeration_counts),
    "number.separator_mixed": per_document(repeats.mixed_separators),
    "number.repeated_quantity": per_article(repeats.repeated_quantities),
    "number.unit_mismatch": per_article(repeats.unit_mismatches),
}


def consistency_rules() -> tuple[Rule, ...]:
    """The consistency rules in force (bundled, the user's ``numbers.yaml`` merged over them) that have a finder."""
    return tuple(
        compiled.rule
        for compiled in compiled_rules(RULE_FILE)
        if compiled.rule.engine == "consistency" and compiled.rule.id in FINDERS
    )


def _require_finders() -> None:
    """A bundled consistency rule without its Python function is a packaging bug: fail at start-up."""
    for compiled in bundled_rules(RULE_FILE, compile_rule).values():
        if compiled.rule.engine == "consistency" and compiled.rule.id not in FINDERS:
            raise RuleError(f"一致性规则 {compiled.rule.id} 没有对应的检查函数")


_require_finders()


def _infos() -> tuple[RuleInfo, ...]:
    return tuple(rule.info for rule in consistency_rules())


@registry.document_check("number.consistency", Category.NUMBER, _infos)
def check_consistency(document: Document) -> Iterator[Issue]:
    texts = document.texts
    for rule in consistency_rules():
        for found in FINDERS[rule.id](document):
            message = rule.message.format(**found.fields())
            yield make_issue(rule, found.paragraph, texts[found.paragraph], found.start, found.end, message=message)
