"""typo.variant_word: every entry of the 异形词 table flags its own example and leaves its fixed form alone."""

from __future__ import annotations

import pytest

from editor.core.checks.word_forms import check_variant_words
from editor.core.document import Paragraph
from editor.core.resources import resource_path
from editor.core.rules.loader import bundled_rules, read_rule_file
from editor.core.rules.variant_words import RULE_FILE, parse_variant_word, variant_word_matcher

RULES = tuple(bundled_rules(RULE_FILE, parse_variant_word).values())


def issues(text: str):
    return list(check_variant_words(0, Paragraph(text)))


def test_the_table_is_loaded_with_dotted_ids():
    assert len(RULES) > 200
    assert all(rule.rule_id.startswith("typo.variant_word.") for rule in RULES)
    assert len({rule.wrong for rule in RULES}) == len(RULES)


BAD = [(rule, example) for rule in RULES for example in rule.bad]
GOOD = [(rule, text) for rule in RULES for text in rule.good]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.key)
def test_every_entry_has_a_bad_example_and_names_the_table(rule):
    assert rule.bad
    assert "GF 1001-2001" in rule.message and rule.right in rule.message


@pytest.mark.parametrize(("rule", "example"), BAD, ids=[f"{r.key}:{e.text[:8]}" for r, e in BAD])
def test_bad_examples_are_flagged_and_their_fix_is_quiet(rule, example):
    found = [issue for issue in issues(example.text) if issue.rule == rule.rule_id]
    assert [(issue.start, issue.end) for issue in found] == [(example.start, example.end)]
    assert found[0].suggestions == (rule.right,)
    fixed = example.text[: example.start] + rule.right + example.text[example.end :]
    assert not [issue for issue in issues(fixed) if issue.rule == rule.rule_id]


@pytest.mark.parametrize(("rule", "text"), GOOD, ids=[f"{r.key}:{t[:8]}" for r, t in GOOD])
def test_idioms_and_names_that_keep_the_old_form_stay_quiet(rule, text):
    assert [issue for issue in issues(text) if issue.rule == rule.rule_id] == []


def test_the_users_file_switches_an_entry_off(data_dir):
    (data_dir / RULE_FILE).write_text("- id: can_yu\n  enabled: false\n", encoding="utf-8")
    assert "参预" not in {rule.wrong for rule in variant_word_matcher().rules}
    assert issues("他积极参预社区事务。") == []


def test_a_cited_title_keeps_its_old_form():
    assert [issue.text for issue in issues("这种药的主要成份是什么？")] == ["成份"]
    assert issues("依据《中国公民民族成份登记管理办法》办理。") == []
    assert issues("“成份”是异形词。") == []


def test_no_form_the_table_rejects_is_recommended_by_another_entry():
    """One group per recommended form: a wrong form that another entry recommends would flag right copy."""
    recommended = {rule.right for rule in RULES}
    assert [rule.wrong for rule in RULES if rule.wrong in recommended] == []
    assert [rule.key for rule in RULES if issues(rule.right)] == []


def test_the_table_holds_every_group_of_the_standard():
    """GF 1001-2001 has 338 groups, each with its own recommended form; an entry switched off still stands for its
    group (标识 is kept off with its reason), and no entry recommends a form the standard does not."""
    entries = read_rule_file(resource_path("rules", RULE_FILE))
    assert len({entry["right"] for entry in entries}) == 338
