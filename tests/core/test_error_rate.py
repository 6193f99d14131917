"""差错率: each counting rule of RULES.md on its own, the publication kinds, and the sample page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.core.document import ParagraphKind
from editor.core.engine import Engine
from editor.core.error_rate import (
    BOOK,
    NEWSPAPER,
    PERIODICAL,
    Checked,
    ErrorKind,
    assess,
    countable_characters,
    counting_rules,
    error_kind,
)
from editor.core.io import read_document
from editor.core.issue import Category, Issue, Severity

BODY, HEADLINE = ParagraphKind.BODY, ParagraphKind.HEADLINE


def _issue(rule, text="签定", fix="签订", paragraph=0, severity=Severity.ERROR):
    category = Category(rule.split(".")[0])
    return Issue(rule, category, severity, paragraph, 0, len(text), text, "说明", (fix,) if fix is not None else ())


def _points(issues, rules=NEWSPAPER, kinds=(BODY, HEADLINE)):
    return assess([Checked(["字" * 100] * len(kinds), list(kinds), issues)], rules, guesses={"typo.lm"}).points


@pytest.mark.parametrize(
    ("text", "fix", "points"),
    [
        ("签定", "签订", 1),  # one wrong character
        ("的", "", 1),  # one extra character
        ("温补", "稳步", 2),  # two wrong characters in one place
        ("甲乙丙丁戊", "子丑寅卯辰", 2),  # five
        ("甲乙丙丁戊己", "子丑寅卯辰巳", 4),  # more than five
    ],
)
def test_wrong_characters_in_one_place(text, fix, points):
    assert _points([_issue("typo.confusion.x", text, fix)]) == points


def test_number_usage_counts_a_tenth_and_at_most_one_per_issue():
    slip = _issue("number.range_hyphen", "3-5年", "3～5年")
    assert _points([slip] * 3) == pytest.approx(0.3)
    many = [_issue("number.range_hyphen", f"{n}-5年", f"{n}～5年") for n in range(20)]
    assert _points(many) == 1.0
    assert _points(many, BOOK) == 20  # a book counts each wrong number 1, with no cap


def test_errors_in_headlines_count_double():
    assert _points([_issue("typo.confusion.x", paragraph=1)]) == 2
    assert _points([_issue("typo.confusion.x", paragraph=0)]) == 1
    assert _points([_issue("typo.confusion.x", paragraph=1)], BOOK) == 1  # the book rules do not double


@pytest.mark.parametrize(("rules", "cap"), [(NEWSPAPER, 3), (PERIODICAL, 3), (BOOK, 4)])
def test_the_same_error_repeated_counts_at_most_its_cap(rules, cap):
    same = [_issue("typo.confusion.x")] * 7
    assert _points(same, rules) == cap
    other = _issue("typo.confusion.y", "既使", "即使")
    assert _points([*same, other], rules) == cap + 1


def test_a_statistical_guess_is_pending_not_counted():
    guess = _issue("typo.lm", "校", "教", severity=Severity.WARNING)
    assessment = assess([Checked(["字" * 100], [BODY], [guess])], guesses={"typo.lm"})
    assert assessment.points == 0 and assessment.pending == (guess,) and assessment.passes


def test_the_engine_registry_says_which_rules_are_guesses():
    guess = _issue("typo.lm", "校", "教", severity=Severity.WARNING)
    assert assess([Checked(["字" * 100], [BODY], [guess])]).pending == (guess,)


def test_layout_cuts_and_advice_are_not_counted():
    cut = _issue("layout.split_paragraph", "的", "的")
    advice = _issue("number.about_and_or_so", "约100人左右", "约100人", severity=Severity.INFO)
    assessment = assess([Checked(["字" * 100], [BODY], [cut, advice])], guesses=set())
    assert assessment.points == 0 and assessment.uncounted == (cut, advice)


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ("typo.confusion.qian_ding", ErrorKind.CHARACTER),
        ("name.inconsistent", ErrorKind.CHARACTER),
        ("number.range_hyphen", ErrorKind.NUMBER_USAGE),
        ("number.separator_mixed", ErrorKind.NUMBER_USAGE),
        ("number.jiezhi_before_time", ErrorKind.CHARACTER),
        ("number.weekday", ErrorKind.FACT),
        ("number.total_parts", ErrorKind.FACT),
        ("punctuation.halfwidth_mark", ErrorKind.PUNCTUATION),
        ("layout.split_word", ErrorKind.LAYOUT),
        ("typo.traditional", ErrorKind.SCRIPT),
        ("typo.variant_word.can_yu", ErrorKind.CHARACTER),
    ],
)
def test_each_rule_is_an_error_of_one_kind(rule, kind):
    assert error_kind(rule) is kind


def test_fact_and_punctuation_weights_follow_the_publication():
    fact, mark = _issue("number.weekday", "星期一", "星期日"), _issue("punctuation.halfwidth_mark", ",", "，")
    assert _points([fact, mark]) == 1.5
    assert _points([fact, mark], BOOK) == 2.5


def test_a_traditional_character_counts_half_in_a_book_and_as_wrong_characters_in_a_newspaper():
    run = _issue("typo.traditional", "經濟", "经济")
    assert _points([run], BOOK) == 0.5
    assert _points([run]) == 2


def test_the_pass_lines_and_the_weights_are_settings():
    assert [counting_rules(kind).pass_limit for kind in ("报纸", "期刊", "图书")] == [3, 2, 1]
    strict = replace(NEWSPAPER, pass_limit=0.5, punctuation=1.0)
    mark = _issue("punctuation.halfwidth_mark", ",", "，")
    assessment = assess([Checked(["字" * 10_000], [BODY], [mark])], strict, guesses=set())
    assert assessment.points == 1 and not assessment.passes
    with pytest.raises(ValueError, match="未知的出版物类型"):
        counting_rules("杂志")


def test_the_denominator_is_the_characters_without_whitespace():
    assert countable_characters(["甲 乙\u3000丙\t", " 丁 "]) == 4
    three = [_issue("typo.confusion.x", "甲", "乙"), _issue("typo.confusion.y", "丙", "丁")]
    assessment = assess([Checked(["字 " * 10_000], [BODY], three)], guesses=set())
    assert assessment.characters == 10_000 and assessment.rate == 2.0 and assessment.passes
    assert assess([Checked([""], [BODY], three)], guesses=set()).rate == 0.0


def test_a_batch_is_one_issue_its_caps_hold_across_drafts():
    slip = _issue("number.range_hyphen", "3-5年", "3～5年")
    one = Checked(["字" * 100], [BODY], [slip] * 3)
    other = Checked(["字" * 100], [BODY], [replace(slip, text=f"{n}-5年") for n in range(8)])
    assert assess([one], guesses=set()).points == pytest.approx(0.3)
    batch = assess([one, other], guesses=set())
    assert batch.points == 1.0 and batch.characters == 200


def test_the_sample_page_passes_with_its_guess_pending(sample_page_with_a_slip):
    result = Engine().check(read_document(sample_page_with_a_slip))
    assessment = assess([Checked.of(result.classified, result.issues)])
    assert [issue.rule for issue in assessment.pending] == ["typo.lm"]
    assert sum(issue.category is Category.LAYOUT for issue in assessment.uncounted) == 10
    assert assessment.passes and "不合格" not in assessment.summary
