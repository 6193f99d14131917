"""The engine: non-layout checks read the repaired text, their findings point into the draft as read, and
where findings overlap the most specific check's finding is the one kept."""

from __future__ import annotations

import re

import pytest

from editor.core.checks.layout import CUT_RULES, find_cuts
from editor.core.document import Document
from editor.core.engine import Engine, Precedence, Registry, one_finding_per_span, safe_fixes, select_categories
from editor.core.fixes import Fix
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue, Severity
from editor.core.repair import apply_fixes
from editor.core.rule_info import RuleInfo

DRAFT = "全市义务教\n\n育阶段交流轮岗教师2589人，较去年增长百分之十。"


def _word_check(rule: str, word: str, category: Category = Category.TYPO):
    """A paragraph check reporting every occurrence of ``word`` under ``rule``."""

    def flag_word(index, paragraph):
        for match in re.finditer(word, paragraph.text):
            start, end = match.span()
            yield Issue(rule, category, Severity.ERROR, index, start, end, match.group(), "测试")

    return flag_word


def _engine(*checks: tuple[str, str, Category, Precedence]) -> Engine:
    """An engine over the layout check and word checks ``(rule, word, category, precedence)``."""
    registry = Registry()
    registry.document_check("layout.cuts", Category.LAYOUT, CUT_RULES)(find_cuts)
    for rule, word, category, precedence in checks:
        info = RuleInfo(rule, category, rule, "测试")
        registry.paragraph_check(rule, category, (info,), precedence)(_word_check(rule, word, category))
    engine = Engine()
    engine.registry = registry
    return engine


def _engine_with_word_check(word: str) -> Engine:
    return _engine(("typo.test_word", word, Category.TYPO, Precedence.RULE))


def test_checks_see_the_repaired_paragraph_and_report_into_the_draft():
    engine = _engine_with_word_check("阶段交流")
    result = engine.check(parse_text(DRAFT))
    assert result.repaired.document.texts == ["全市义务教育阶段交流轮岗教师2589人，较去年增长百分之十。"]
    typo = next(issue for issue in result.issues if issue.category is Category.TYPO)
    assert (typo.paragraph, typo.start, typo.end, typo.text) == (1, 1, 5, "阶段交流")


def test_a_finding_across_the_cut_is_clipped_to_where_it_starts():
    result = _engine_with_word_check("教育阶段").check(parse_text(DRAFT))
    typo = next(issue for issue in result.issues if issue.category is Category.TYPO)
    assert (typo.paragraph, typo.start, typo.end, typo.text) == (0, 4, 5, "教")


def test_without_layout_lines_are_checked_as_they_are():
    engine = _engine_with_word_check("教育")
    engine.categories = {Category.TYPO}
    assert engine.check(parse_text(DRAFT)).issues == []


def test_disabled_rules_by_prefix():
    engine = _engine_with_word_check("阶段")
    engine.disabled = ("typo",)
    assert all(issue.category is Category.LAYOUT for issue in engine.check(parse_text(DRAFT)).issues)


def test_category_selection():
    assert select_categories("typo,number", None) == {Category.TYPO, Category.NUMBER}
    assert select_categories(None, "layout") == set(Category) - {Category.LAYOUT}


def test_apply_fixes_replaces_joins_and_skips_overlaps():
    draft = Document.from_texts(["签定合同", "的必要", "性。"])
    issues = [
        Issue("typo.x", Category.TYPO, Severity.ERROR, 0, 0, 2, "签定", "", ("签订",), safe=True),
        Issue("typo.y", Category.TYPO, Severity.ERROR, 0, 1, 3, "定合", "", ("错",), safe=True),
        Issue("layout.z", Category.LAYOUT, Severity.ERROR, 1, 2, 3, "要", "", ("要",), True, (Fix(1, 3, 3, "", True),)),
        Issue("typo.w", Category.TYPO, Severity.ERROR, 2, 0, 1, "性", "", ("X",), safe=False),
    ]
    repaired = apply_fixes(draft, safe_fixes(issues))
    assert repaired.document.texts == ["签订合同", "的必要性。"]
    assert repaired.sources_of(1) == [1, 2]
    assert repaired.to_draft(1, 3, 5) == (2, 0, 2)


SIGNED = "双方当场签定了战略合作框架协议。"


def _found(engine: Engine, *texts: str) -> list[tuple[str, str]]:
    return [(issue.rule, issue.text) for issue in engine.check(Document.from_texts(list(texts))).issues]


def _rule_and_guess(guess_word: str, rule_category: Category = Category.TYPO) -> Engine:
    return _engine(
        ("typo.test_rule", "签定", rule_category, Precedence.RULE),
        ("typo.test_guess", guess_word, Category.TYPO, Precedence.GUESS),
    )


def test_a_guess_overlapping_a_rule_finding_yields_to_it():
    assert _found(_rule_and_guess("定了"), SIGNED) == [("typo.test_rule", "签定")]


def test_a_guess_elsewhere_in_the_paragraph_is_kept():
    found = _found(_rule_and_guess("框架"), SIGNED)
    assert found == [("typo.test_rule", "签定"), ("typo.test_guess", "框架")]


def test_a_guess_only_yields_in_the_paragraph_of_the_rule_finding():
    found = _found(_rule_and_guess("定"), SIGNED, "合同已经签订，定于下月施行。")
    assert found == [("typo.test_rule", "签定"), ("typo.test_guess", "定")]


def test_a_guess_touching_a_rule_finding_is_kept():
    assert ("typo.test_guess", "了") in _found(_rule_and_guess("了"), SIGNED)


def test_with_the_rule_switched_off_the_guess_is_reported():
    engine = _rule_and_guess("定")
    engine.disabled = ("typo.test_rule",)
    assert _found(engine, SIGNED) == [("typo.test_guess", "定")]


def test_a_typo_guess_yields_to_a_name_finding_only_when_names_are_checked():
    engine = _rule_and_guess("定", rule_category=Category.NAME)
    assert _found(engine, SIGNED) == [("typo.test_rule", "签定")]
    engine.categories = {Category.TYPO}
    assert _found(engine, SIGNED) == [("typo.test_guess", "定")]


@pytest.mark.parametrize("category", [Category.PUNCTUATION, Category.NUMBER])
def test_a_typo_guess_does_not_yield_to_punctuation_or_numbers(category):
    """A punctuation finding may span a whole bracketed run to fix its marks; the characters inside are not its."""
    assert _found(_rule_and_guess("定", rule_category=category), SIGNED) == [
        ("typo.test_rule", "签定"),
        ("typo.test_guess", "定"),
    ]


@pytest.mark.parametrize("precedence", list(Precedence))
def test_overlapping_findings_of_equal_precedence_are_all_kept(precedence):
    engine = _engine(
        ("typo.test_one", "签定", Category.TYPO, precedence),
        ("typo.test_two", "定了", Category.TYPO, precedence),
        ("punctuation.test_three", "签", Category.PUNCTUATION, precedence),
    )
    found = _found(engine, SIGNED)
    assert sorted(found) == [("punctuation.test_three", "签"), ("typo.test_one", "签定"), ("typo.test_two", "定了")]


def test_overlaps_are_judged_on_the_repaired_text_before_mapping_back():
    """教育 crosses the column cut of DRAFT: mapped back, the rule's finding is 教 and the guess's 育, apart."""
    engine = _engine(
        ("typo.test_rule", "教育", Category.TYPO, Precedence.RULE),
        ("typo.test_guess", "育", Category.TYPO, Precedence.GUESS),
    )
    issues = [issue for issue in engine.check(parse_text(DRAFT)).issues if issue.category is Category.TYPO]
    assert [(issue.rule, issue.paragraph, issue.text) for issue in issues] == [("typo.test_rule", 0, "教")]


def _issue(rule: str, paragraph: int, start: int, end: int) -> Issue:
    return Issue(rule, Category.TYPO, Severity.WARNING, paragraph, start, end, SIGNED[start:end], "测试")


@pytest.mark.parametrize(
    ("guess", "kept"),
    [
        ((4, 5), False),
        ((2, 6), False),
        ((3, 4), False),
        ((2, 3), True),
        ((5, 6), True),
        ((4, 4), False),
        ((3, 3), True),
    ],
    ids=[
        "inside",
        "around",
        "same-start",
        "touching-before",
        "touching-after",
        "insertion-inside",
        "insertion-at-start",
    ],
)
def test_one_finding_per_span(guess, kept):
    rule = _issue("typo.rule", 0, 3, 5)
    found = one_finding_per_span([(Precedence.RULE, rule), (Precedence.GUESS, _issue("typo.guess", 0, *guess))])
    assert [issue.rule for issue in found] == (["typo.rule", "typo.guess"] if kept else ["typo.rule"])
