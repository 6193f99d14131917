"""`Issue.on`, the one builder of a rule's finding: what it flags, suggests and may apply unattended."""

from __future__ import annotations

from editor.core.fixes import Fix
from editor.core.issue import Category, Issue, Severity

TEXT = "这家小厂惨澹经营了十年。"


def found(*suggestions, safe=False, fixes=()):
    return Issue.on(
        "typo.test", Category.TYPO, Severity.ERROR, 3, TEXT, 4, 6, "写错了", *suggestions, safe=safe, fixes=fixes
    )


def test_it_flags_the_span_of_the_paragraph_with_the_smallest_fix():
    issue = found("惨淡", safe=True)
    assert (issue.paragraph, issue.start, issue.end, issue.text) == (3, 4, 6, "惨澹")
    assert issue.suggestions == ("惨淡",) and issue.replacement == "惨淡"
    assert issue.fixes == (Fix.replacing(3, 4, "惨澹", "惨淡"),)
    assert issue.applies_unattended


def test_a_suggestion_that_is_the_flagged_text_is_none_and_nothing_is_safe_without_one():
    for issue in (found("惨澹", safe=True), found(safe=True)):
        assert issue.suggestions == () and issue.fixes == ()
        assert not issue.safe


def test_a_rule_not_sure_of_its_fix_is_never_applied_unattended():
    assert not found("惨淡").applies_unattended


def test_every_suggestion_but_the_flagged_text_is_kept_in_order():
    assert found("惨淡", "惨澹", "凄惨").suggestions == ("惨淡", "凄惨")


def test_given_fixes_replace_the_smallest_one():
    point = Fix.replacing(3, 5, "澹", "淡")
    assert found("惨淡", fixes=(point,)).fixes == (point,)
