"""Findings made up for the fix-policy tests: random drafts with one-span fixes, two-mark fixes and joins.

Shared by `tests/core/test_fixes.py` (`apply_fixes` against a plain reference) and
`tests/gui/test_editor_fix_policy.py` (the editor and the review DOCX against `apply_fixes`);
`MEASURED` (the drafts of the issue) and `OVERLAPPING` (many rules in one run) are fixed by
`tests/cli/test_cli_fix_policy.py` and in the editor.
"""

from __future__ import annotations

from hypothesis import strategies as st

from editor.core.fixes import Fix
from editor.core.issue import Category, Issue, Severity

#: (draft, what fix writes, fixes applied): worked out by hand from the rules.
MEASURED = [
    ("会议要求(各部门,各单位)抓好落实。", "会议要求（各部门，各单位）抓好落实。", 2),  # the brackets, the comma
    ("全区共有企业(3-5家)参与。", "全区共有企业（3～5家）参与。", 2),  # the brackets, the range mark
    ("今年产量预计增长15~30%。", "今年产量预计增长15%～30%。", 2),  # GB/T 15835 §5.1.3: % on both ends; ～
    ("截止目前，已完成投资5亿元。", "截至目前，已完成投资5亿元。", 1),  # two rules, one slip
]
#: Many rules meeting in one run: quotes around commas and brackets, brackets around ranges, list numbers.
OVERLAPPING = """会议要求(各部门,各单位)抓好落实,确保"常有优学,办好实事"落到实处。

全区共有企业(3-5家)参与,单个项目补助2~5万元,年产值可达9至16亿元。

今年产量预计增长15~30%,合格率提高5至8%。。鲁迅(1881-1936)是我国现代文学的奠基人。

截止目前,已完成投资5亿元;截止3月31日,全区共报告新增病例2例。

1、加强组织领导。(一)、加强组织领导。第一、提高政治站位;2、压实责任。

打造"常有优学(2024-2026年)"民生品牌,项目建设周期为3-5年,每袋重100kg~150kg。

社区设立了"警务室"、"护学岗",认真学习《民法典》、《安全生产法》,,确保实效.
"""
ALPHABET = "甲乙丙(),~%-"


def finding(paragraph: int, start: int, end: int, text: str, *fixes: Fix, rule: str = "test.rule") -> Issue:
    """A finding on ``text[start:end]`` whose fix is ``fixes`` (its suggestion, only shown, is a placeholder)."""
    flagged = text[start:end]
    return Issue(
        rule, Category.PUNCTUATION, Severity.ERROR, paragraph, start, end, flagged, "测试", ("*",), True, fixes
    )


@st.composite
def drafts_and_findings(draw, alphabet: str = ALPHABET):
    """Random paragraphs and random findings on them: one-span fixes, two-mark fixes, joins; overlaps likely."""
    texts = draw(st.lists(st.text(alphabet, min_size=1, max_size=10), min_size=1, max_size=4))
    found: list[Issue] = []
    replacements = st.text(alphabet + "（）～，", max_size=2)
    for _ in range(draw(st.integers(0, 8))):
        paragraph = draw(st.integers(0, len(texts) - 1))
        text = texts[paragraph]
        kind = draw(st.sampled_from(["span", "marks", "join"]))
        if kind == "join" and paragraph + 1 < len(texts):  # a cut always has a paragraph after it
            found.append(
                finding(paragraph, len(text) - 1, len(text), text, Fix(paragraph, len(text), len(text), "", True))
            )
        elif kind == "marks" and len(text) >= 2:
            first = draw(st.integers(0, len(text) - 2))
            last = draw(st.integers(first + 1, len(text) - 1))
            fixes = [
                Fix(paragraph, first, first + 1, draw(replacements)),
                Fix(paragraph, last, last + 1, draw(replacements)),
            ]
            found.append(finding(paragraph, first, last + 1, text, *fixes))
        else:
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, min(len(text), start + 3)))
            replacement = draw(replacements.filter(lambda new, old=text[start:end]: new != old))  # a fix changes text
            found.append(finding(paragraph, start, end, text, Fix(paragraph, start, end, replacement)))
    return texts, found
