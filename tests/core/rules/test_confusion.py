"""The confusion list: every entry's own examples, the engine's context rules, user extensions."""

from __future__ import annotations

import pytest

from editor.core.checks.typo_rules import check_confusions
from editor.core.document import Paragraph
from editor.core.issue import Category, Severity
from editor.core.rules.confusion import RULE_FILE, ConfusionMatcher, confusion_matcher, parse_rule
from editor.core.rules.loader import RuleFileError, bundled_rules
from editor.core.userdata import add_ignored_word

RULES = tuple(bundled_rules(RULE_FILE, parse_rule).values())


def issues(text: str):
    return list(check_confusions(0, Paragraph(text)))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.key)
def test_every_entry_has_examples_and_a_message(rule):
    assert rule.bad, f"{rule.key} 没有错误例句"
    assert rule.good, f"{rule.key} 没有正确例句"
    assert rule.message


BAD = [(rule, example) for rule in RULES for example in rule.bad]
GOOD = [(rule, text) for rule in RULES for text in rule.good]


@pytest.mark.parametrize(("rule", "example"), BAD, ids=[f"{r.key}:{e.text[:8]}" for r, e in BAD])
def test_bad_examples_are_flagged_exactly_and_fixed(rule, example):
    found = [issue for issue in issues(example.text) if issue.rule == rule.rule_id]
    assert [(issue.start, issue.end) for issue in found] == [(example.start, example.end)]
    issue = found[0]
    assert issue.text == rule.wrong
    assert issue.suggestions == (rule.right,)
    fixed = example.text[: issue.start] + rule.right + example.text[issue.end :]
    assert not [other for other in issues(fixed) if other.rule == rule.rule_id]


@pytest.mark.parametrize(("rule", "text"), GOOD, ids=[f"{r.key}:{t[:8]}" for r, t in GOOD])
def test_good_examples_stay_quiet(rule, text):
    assert issues(text) == []


def test_ids_are_unique_and_issue_ids_are_dotted():
    keys = [rule.key for rule in RULES]
    assert len(keys) == len(set(keys))
    assert all(rule.rule_id.startswith("typo.confusion.") for rule in RULES)


def test_a_word_only_formed_across_two_words_is_not_a_confusion():
    assert issues("帮助毕业生解决择业难题。") == []
    assert [issue.text for issue in issues("这是一次重大决择。")] == ["决择"]


def test_an_ignored_word_is_never_flagged():
    add_ignored_word("签定")
    assert issues("双方签定了协议。") == []


def test_longer_wrong_forms_win_over_shorter_overlapping_ones():
    short = parse_rule({"id": "a", "wrong": "急待", "right": "亟待"})
    long = parse_rule({"id": "b", "wrong": "迫不急待", "right": "迫不及待"})
    hits = ConfusionMatcher([short, long]).find("大家迫不急待。")
    assert [(hit.rule.key, hit.start, hit.end) for hit in hits] == [("b", 2, 6)]


def test_user_rules_add_replace_and_disable(data_dir):
    (data_dir / "confusion.yaml").write_text(
        "rules:\n"
        "  - id: tu_fei\n    wrong: 突飞猛近\n    right: 突飞猛进\n    message: 应为“突飞猛进”\n"
        "  - id: qian_ding\n    enabled: false\n"
        "  - id: an_zhuang\n    wrong: 按装\n    right: 安装\n    severity: info\n"
        "  - id: BAD ID\n    wrong: 甲\n    right: 乙\n",
        encoding="utf-8",
    )
    found = {issue.rule: issue for issue in issues("双方签定协议，按装设备，业务突飞猛近。")}
    assert set(found) == {"typo.confusion.tu_fei", "typo.confusion.an_zhuang"}
    assert found["typo.confusion.an_zhuang"].severity is Severity.INFO
    assert found["typo.confusion.tu_fei"].category is Category.TYPO


def test_a_broken_user_file_keeps_the_bundled_rules(data_dir):
    (data_dir / "confusion.yaml").write_text("rules: [\n", encoding="utf-8")
    assert len(confusion_matcher().rules) == len(RULES)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"id": "x", "wrong": "甲", "right": "甲"}, "不同"),
        ({"id": "x", "wrong": "甲", "right": "乙", "after": "("}, "正则"),
        ({"id": "x", "wrong": "甲", "right": "乙", "severity": "fatal"}, "severity"),
        ({"id": "x", "wrong": "甲", "right": "乙", "colour": "red"}, "未知的字段"),
        ({"id": "x", "wrong": "甲", "right": "乙", "bad": ["没有那个字"]}, "没有“甲”"),
    ],
)
def test_malformed_entries_are_explained(entry, reason):
    with pytest.raises(ValueError, match=reason):
        parse_rule(entry)


def test_a_broken_bundled_entry_is_an_error(tmp_path, monkeypatch):
    from editor.core.rules import loader

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "confusion.yaml").write_text("- id: x\n  wrong: 甲\n", encoding="utf-8")
    monkeypatch.setattr(loader, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    loader.bundled_rules.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="规则 “x” 无效"):
            loader.bundled_rules(RULE_FILE, parse_rule)
    finally:
        loader.bundled_rules.cache_clear()
