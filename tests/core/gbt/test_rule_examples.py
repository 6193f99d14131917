"""Every number and punctuation rule proves itself with its own examples, run through the engine."""

from __future__ import annotations

import pytest

from editor.core.engine import Engine, load_checks
from editor.core.gbt.rules import BadExample, Rule, all_rules, example_document
from editor.core.issue import Category, Severity
from editor.core.repair import apply_fixes

RULES = all_rules()
BAD = [pytest.param(rule, example, id=f"{rule.id}-bad{n}") for rule in RULES for n, example in enumerate(rule.bad)]
GOOD = [pytest.param(rule, example, id=f"{rule.id}-good{n}") for rule in RULES for n, example in enumerate(rule.good)]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(categories={Category.NUMBER, Category.PUNCTUATION})


def findings(engine: Engine, rule: Rule, text: str):
    document = example_document(text)
    return document, [issue for issue in engine.check(document).issues if issue.rule == rule.id]


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_bad_example_is_flagged(engine: Engine, rule: Rule, example: BadExample):
    document, issues = findings(engine, rule, example.text)
    assert issues, f"{rule.id} misses: {example.text}"
    for issue in issues:
        assert document.paragraphs[issue.paragraph].text[issue.start : issue.end] == issue.text
        assert issue.message and issue.category is rule.category and issue.severity is rule.severity
        assert issue.safe == (rule.safe and bool(issue.suggestions))
    if example.fixed is not None:
        assert apply_fixes(document, issues).document.texts == [example.fixed]


@pytest.mark.parametrize(("rule", "text"), GOOD)
def test_good_example_stays_quiet(engine: Engine, rule: Rule, text: str):
    _, issues = findings(engine, rule, text)
    assert issues == [], f"{rule.id} flags correct text: {[issue.text for issue in issues]}"


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_rule_has_examples_and_is_registered(rule: Rule):
    assert rule.bad, f"{rule.id} has no bad example"
    assert rule.good, f"{rule.id} has no good example"
    assert rule.info in load_checks().catalogue()


CROSS_CHECKS = (
    "number.headline_body",
    "number.total_parts",
    "number.rate",
    "number.weekday",
    "number.date_invalid",
    "number.enumeration_count",
    "number.repeated_quantity",
    "number.unit_mismatch",
)


def test_consistency_rules_are_warnings_and_ids_name_their_category():
    by_id = {rule.id: rule for rule in RULES}
    for rule_id in CROSS_CHECKS:
        assert by_id[rule_id].engine == "consistency" and by_id[rule_id].severity is Severity.WARNING, rule_id
    for rule in RULES:
        assert rule.category.value == rule.id.split(".")[0], rule.id
