"""Pattern rules fix by point edits: the groups a suggestion keeps stay untouched, and the edits make the suggestion."""

from __future__ import annotations

import pytest

from editor.core.engine import Engine
from editor.core.gbt.rules import all_rules, example_document
from editor.core.issue import Category

EXAMPLES = [
    pytest.param(rule, example.text, id=f"{rule.id}-bad{n}")
    for rule in all_rules()
    if rule.engine in ("pattern", "substitution")
    for n, example in enumerate(rule.bad)
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(categories={Category.NUMBER, Category.PUNCTUATION})


def _flagged_after_fixes(text: str, issue) -> str:
    """The flagged span once the issue's fixes are applied (they all lie inside it)."""
    span = text[issue.start : issue.end]
    for fix in sorted(issue.fixes, reverse=True):
        assert issue.start <= fix.start <= fix.end <= issue.end and fix.paragraph == issue.paragraph
        span = span[: fix.start - issue.start] + fix.replacement + span[fix.end - issue.start :]
    return span


@pytest.mark.parametrize(("rule", "text"), EXAMPLES)
def test_the_point_edits_of_every_bad_example_make_its_suggestion(engine, rule, text):
    document = example_document(text)
    for issue in engine.check(document).issues:
        if issue.rule == rule.id and issue.suggestions:
            assert _flagged_after_fixes(document.paragraphs[issue.paragraph].text, issue) == issue.suggestions[0]


@pytest.mark.parametrize(
    ("rule", "text", "changed"),
    [
        ("punctuation.halfwidth_paren", "会议要求(各部门,各单位)抓好落实。", ["(", ")"]),
        ("punctuation.straight_quotes", '打造"常有优学,办好实事"民生品牌。', ['"', '"']),
        ("number.range_percent", "今年产量预计增长15~30%。", [""]),  # one % inserted
        ("number.range_wan_yi", "单个项目补助2～5万元。", [""]),
        ("number.range_hyphen", "全区共有企业(3-5家)参与。", ["-"]),
    ],
)
def test_rules_that_rewrite_a_run_change_only_its_marks(engine, rule, text, changed):
    document = example_document(text)
    (issue,) = [issue for issue in engine.check(document).issues if issue.rule == rule]
    assert [text[fix.start : fix.end] for fix in issue.fixes] == changed
