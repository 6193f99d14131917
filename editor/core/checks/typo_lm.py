"""`typo.lm`: characters the language model finds out of place, with a confusable correction.

The statistical layer of the typo category (see `editor.core.lm.detector`). It leaves
alone everything `editor.core.names.find_protected_spans` protects (names, bylines,
companies, the user's dictionary and ignore list), and any span the rule layers
(`typo.confusion`, `typo.idiom`) already report, so that one slip is reported once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from editor.core.document import Paragraph
from editor.core.engine import registry
from editor.core.issue import Category, Issue, Severity
from editor.core.lm.detector import typo_detector
from editor.core.names import find_protected_spans

logger = logging.getLogger(__name__)

RULE = "typo.lm"


@registry.paragraph_check(RULE, Category.TYPO)
def check_typo_lm(index: int, paragraph: Paragraph) -> Iterator[Issue]:
    text = paragraph.text
    detector = typo_detector()
    if not detector.available or not text.strip():
        return
    for finding in detector.find(text, protected=[*find_protected_spans(text), *_rule_layer_spans(index, paragraph)]):
        yield Issue(
            rule=RULE,
            category=Category.TYPO,
            severity=Severity.WARNING,
            paragraph=index,
            start=finding.start,
            end=finding.end,
            text=finding.text,
            message=f"疑似错别字：“{finding.text}”可能应为“{finding.suggestion}”（语言模型判断，请核对）",
            suggestions=(finding.suggestion,),
        )


def _rule_layer_spans(index: int, paragraph: Paragraph) -> list[tuple[int, int]]:
    """Spans the rule-based typo checks report in this paragraph (they are more precise than the model)."""
    spans = []
    for check in registry.checks.values():
        if check.category is Category.TYPO and check.id != RULE and check.scope.value == "paragraph":
            spans.extend((issue.start, issue.end) for issue in check.run(index, paragraph))
    return spans
