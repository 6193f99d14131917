"""差错率: weights from RULES.md, repeated typos once, layout and advice not counted."""

from __future__ import annotations

from editor.core.issue import Category, Issue, Severity
from editor.gui.error_rate import error_points, error_rate, passes


def _issue(category, text="签定", severity=Severity.ERROR, fix="签订"):
    return Issue("x.y", category, severity, 0, 0, len(text), text, "说明", (fix,))


def test_weights_and_repeats():
    issues = [
        _issue(Category.TYPO),
        _issue(Category.TYPO),
        _issue(Category.TYPO, "既使", fix="即使"),
        _issue(Category.PUNCTUATION, ",", fix="，"),
        _issue(Category.NUMBER, "3-5年", fix="3～5年"),
        _issue(Category.LAYOUT, "的", fix="的"),
        _issue(Category.NUMBER, "约", severity=Severity.INFO),
    ]
    assert error_points(issues) == 3.5
    assert error_rate(issues, 35_000) == 1.0
    assert passes(1.0) and not passes(1.01)


def test_empty_text_has_no_rate():
    assert error_rate([_issue(Category.TYPO)], 0) == 0.0
