"""The 差错率: weighted errors per 10,000 characters, as 《图书编校质量差错认定细则》 counts them.

Weights follow ../shared/RULES.md: a typo or a wrong name counts 1, a wrong number 1,
punctuation misuse 0.5. The same typo repeated counts once. Layout breaks are how the
draft reached us, not errors of the text, and advisory findings (severity info) are
suggestions: neither counts. A publication passes at no more than 1 per 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable

from editor.core.issue import Category, Issue, Severity

WEIGHTS: dict[Category, float] = {
    Category.TYPO: 1.0,
    Category.NAME: 1.0,
    Category.NUMBER: 1.0,
    Category.PUNCTUATION: 0.5,
    Category.LAYOUT: 0.0,
}
PASS_LIMIT = 1.0
_COUNTED_ONCE = {Category.TYPO, Category.NAME}


def error_points(issues: Iterable[Issue]) -> float:
    """The weighted number of errors; a repeated typo (same text, same fix) counts once."""
    seen: set[tuple[str, str, str | None]] = set()
    points = 0.0
    for issue in issues:
        if issue.severity is Severity.INFO:
            continue
        if issue.category in _COUNTED_ONCE:
            key = (issue.category.value, issue.text, issue.replacement)
            if key in seen:
                continue
            seen.add(key)
        points += WEIGHTS[issue.category]
    return points


def error_rate(issues: Iterable[Issue], characters: int) -> float:
    """Errors per 10,000 characters (0 for an empty text)."""
    if characters <= 0:
        return 0.0
    return error_points(issues) * 10_000 / characters


def passes(rate: float) -> bool:
    return rate <= PASS_LIMIT
