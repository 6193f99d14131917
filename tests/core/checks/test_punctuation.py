"""Punctuation checks (GB/T 15834-2011) through the engine."""

from __future__ import annotations

import pytest

from editor.core.document import Document
from editor.core.engine import Engine, safe_fixes
from editor.core.issue import Category, Severity
from editor.core.repair import apply_fixes


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(categories={Category.PUNCTUATION})


def test_western_marks_and_listing_commas_are_fixed(engine: Engine):
    draft = Document.from_texts(['本报讯(记者 黄雅婷)今天,全区推进"常有优学"工程，设立“警务室”、“护学岗”。'])
    issues = engine.check(draft).issues
    assert {issue.rule for issue in issues} == {
        "punctuation.halfwidth_paren",
        "punctuation.halfwidth_mark",
        "punctuation.straight_quotes",
        "punctuation.dunhao_between_marks",
    }
    assert all(issue.safe and issue.severity is Severity.ERROR for issue in issues)
    assert apply_fixes(draft, safe_fixes(issues)).document.texts == [
        "本报讯（记者 黄雅婷）今天，全区推进“常有优学”工程，设立“警务室”“护学岗”。"
    ]


def test_an_unclosed_bracket_is_reported_at_the_bracket(engine: Engine):
    draft = Document.from_texts(
        ["本报讯（记者 戴雪燕 昨天上午，全市检察工作通报会在区检察院召开。", "会议由区人大常委会主任主持。"]
    )
    (issue,) = engine.check(draft).issues
    assert (issue.rule, issue.paragraph, issue.start, issue.text) == ("punctuation.paired_brackets", 0, 3, "（")
    assert "前括号（没有对应的后括号" in issue.message


def test_list_numbers_and_doubled_marks(engine: Engine):
    draft = Document.from_texts(["第一、提高政治站位。。", "（一）、加强组织领导，，压实责任。"])
    fixed = apply_fixes(draft, safe_fixes(engine.check(draft).issues)).document.texts
    assert fixed == ["第一，提高政治站位。", "（一）加强组织领导，压实责任。"]


def test_question_and_exclamation_may_be_combined(engine: Engine):
    assert engine.check(Document.from_texts(["这样做行吗？！", "真的吗？？"])).issues == []
