"""typo.traditional: traditional and variant characters in simplified copy, names and cited forms left alone."""

from __future__ import annotations

import pytest

from editor.core.checks.word_forms import TRADITIONAL, check_traditional, traditional_table
from editor.core.document import Paragraph


def found(text: str) -> list[tuple[str, str]]:
    return [(issue.text, issue.suggestions[0]) for issue in check_traditional(0, Paragraph(text))]


def test_the_rules_own_example_is_flagged():
    assert found(TRADITIONAL.example) == [("經濟", "经济"), ("會議", "会议")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("髙新区管委会今天挂牌。", [("髙", "高")]),  # a variant OpenCC does not map
        ("商场入口写着営業时间。", [("営業", "营业")]),  # Japanese shinjitai
        ("他说：“我們一定把這件事辦好，不辜负群众的期望。”", [("們", "们"), ("這", "这"), ("辦", "办")]),
        ("那天他頭髮很長。", [("頭髮", "头发"), ("長", "长")]),
    ],
)
def test_non_standard_characters_are_flagged_with_their_form_in_context(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "乾隆皇帝六下江南。",  # t2s turns 乾 into 干 alone; 乾 is standard here
        "他的著作等身，常以慰藉人心。",
        "古琴有宫商角徵羽五音。",  # t2s keeps 徵 in this phrase
        "店门口挂着“東來順”的招牌。",  # a cited sign
        "《經濟學人》杂志报道了此事。",  # a title
        "港台报纸把它写作「經濟」。",
        "区政府召开全区经济工作会议。",
    ],
)
def test_standard_characters_cited_forms_and_titles_stay_quiet(text):
    assert found(text) == []


def test_standard_characters_that_t2s_would_rewrite_are_not_in_the_table():
    table = traditional_table()
    assert {"乾", "著", "干", "后", "余", "发", "面", "台"}.isdisjoint(table)
    assert table["經"] == "经" and table["髙"] == "高"
