"""One slip, one finding across categories: findings with the same fixes are merged into the most specific one."""

from __future__ import annotations

from editor.core.document import Document
from editor.core.engine import Engine, Precedence, one_finding_per_span
from editor.core.issue import Category, Issue, Severity

TEXT = "截止目前，已完成投资5亿元。"


def _issue(rule: str, category: Category, start: int, end: int, suggestion: str | None, safe: bool = False) -> Issue:
    suggestions = () if suggestion is None else (suggestion,)
    return Issue(rule, category, Severity.ERROR, 0, start, end, TEXT[start:end], rule, suggestions, safe)


def test_jiezhi_is_one_finding_with_the_other_rule_listed():
    issues = Engine().check(Document.from_texts([TEXT])).issues
    assert [(issue.rule, issue.also) for issue in issues] == [
        ("number.jiezhi_before_time", ("typo.confusion.jie_zhi_until",))
    ]
    assert issues[0].to_json()["also"] == ["typo.confusion.jie_zhi_until"]


def test_the_same_fix_from_a_wider_span_is_the_same_slip():
    number = _issue("number.x", Category.NUMBER, 0, 2, "截至")
    typo = _issue("typo.y", Category.TYPO, 0, 4, "截至目前")  # flags more, changes the same character
    (kept,) = one_finding_per_span([(Precedence.RULE, number), (Precedence.RULE, typo)])
    assert (kept.rule, kept.also) == ("typo.y", ("number.x",))


def test_precedence_then_safety_decide_which_message_is_kept():
    guess = _issue("typo.guess", Category.TYPO, 0, 4, "截至目前", safe=True)
    rule = _issue("number.rule", Category.NUMBER, 0, 2, "截至")
    (kept,) = one_finding_per_span([(Precedence.GUESS, guess), (Precedence.RULE, rule)])
    assert (kept.rule, kept.also) == ("number.rule", ("typo.guess",))
    safe = _issue("typo.safe", Category.TYPO, 0, 2, "截至", safe=True)
    (kept,) = one_finding_per_span([(Precedence.RULE, rule), (Precedence.RULE, safe)])
    assert (kept.rule, kept.also) == ("typo.safe", ("number.rule",))


def test_different_fixes_and_findings_without_a_fix_stay_apart():
    first = _issue("number.x", Category.NUMBER, 0, 2, "截至")
    other = _issue("punctuation.y", Category.PUNCTUATION, 0, 2, "截止到")
    pointer = _issue("number.z", Category.NUMBER, 0, 2, None)
    also_pointer = _issue("typo.w", Category.TYPO, 0, 2, None)
    found = [(Precedence.RULE, issue) for issue in (first, other, pointer, also_pointer)]
    assert one_finding_per_span(found) == [first, other, pointer, also_pointer]
