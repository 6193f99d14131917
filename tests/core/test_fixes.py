"""The one fix policy: `Fix` values, the choice of a non-overlapping set, and `apply_fixes` applying it.

The property tests compare `apply_fixes` with a reference written here the plain way
(apply the chosen fixes right to left, then join), and check that the choice is a
closed set: nothing left out could have been applied beside what was chosen.
"""

from __future__ import annotations

from fix_cases import ALPHABET, drafts_and_findings, finding
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Document
from editor.core.fixes import Fix, choose_fixes, fixes_of
from editor.core.issue import Category, Issue, Severity
from editor.core.repair import apply_fixes


def test_a_fix_is_the_smallest_change_of_the_text():
    assert Fix.replacing(3, 10, "截止", "截至") == Fix(3, 11, 12, "至")
    assert Fix.replacing(0, 0, "15~30%", "15%~30%") == Fix(0, 2, 2, "%")
    assert Fix.replacing(0, 5, "业", "业", joins_next=True) == Fix(0, 6, 6, "", True)  # a layout join
    assert Fix.replacing(0, 5, "同", "同") is None
    assert Fix.replacing(0, 0, "aa", "a") == Fix(0, 1, 2, "")


def test_an_issue_without_explicit_fixes_gets_the_smallest_fix_of_its_first_suggestion():
    issue = Issue("number.x", Category.NUMBER, Severity.ERROR, 0, 4, 6, "截止", "…", ("截至", "截止到"))
    assert issue.fixes == (Fix(0, 5, 6, "至"),) and issue.replacement == "截至" and not issue.joins_next
    other = issue.choosing("截止到")
    assert other.fixes == (Fix(0, 6, 6, "到"),) and other.replacement == "截止到"
    assert Issue("x", Category.TYPO, Severity.INFO, 0, 0, 1, "甲", "…").fixes == ()


def test_a_bracket_finding_never_clashes_with_the_fixes_inside_it():
    text = "会议要求(各部门,各单位)抓好落实。"
    paren = finding(0, 4, 13, text, Fix(0, 4, 5, "（"), Fix(0, 12, 13, "）"))
    comma = finding(0, 8, 9, text, Fix(0, 8, 9, "，"))
    repaired = apply_fixes(Document.from_texts([text]), [paren, comma])
    assert repaired.document.texts == ["会议要求（各部门，各单位）抓好落实。"]
    assert repaired.applied == [paren, comma]


def test_document_order_then_the_longer_finding_and_all_or_nothing():
    text = "甲乙丙丁戊"
    first = finding(0, 0, 2, text, Fix(0, 1, 2, "X"))
    longer = finding(0, 1, 4, text, Fix(0, 1, 4, "Y"))
    shorter = finding(0, 1, 2, text, Fix(0, 1, 2, "Z"))
    assert choose_fixes([longer, shorter, first]) == [first]
    assert choose_fixes([shorter, longer]) == [longer]
    marks = finding(0, 0, 5, text, Fix(0, 0, 1, "（"), Fix(0, 4, 5, "）"))
    inside_last_mark = finding(0, 4, 5, text, Fix(0, 4, 5, "？"))
    assert choose_fixes([inside_last_mark, marks]) == [marks]  # left out whole, though its mark is later


def test_two_insertions_at_one_point_clash_an_insertion_before_a_replacement_does_not():
    text = "15~30%"
    percent = finding(0, 0, 6, text, Fix(0, 2, 2, "%"), rule="number.range_percent")
    tilde = finding(0, 2, 3, text, Fix(0, 2, 3, "～"), rule="punctuation.halfwidth_tilde")
    again = finding(0, 2, 2, text, Fix(0, 2, 2, "%"))
    repaired = apply_fixes(Document.from_texts([text]), [tilde, again, percent])
    assert repaired.document.texts == ["15%～30%"]
    assert len(repaired.applied) == 2


def test_a_join_and_a_fix_across_the_cut_map_back_to_the_draft():
    draft = Document.from_texts(["双方签", "定了协议。"])
    join = Issue(
        "layout.split_word",
        Category.LAYOUT,
        Severity.ERROR,
        0,
        2,
        3,
        "签",
        "…",
        ("签",),
        True,
        (Fix(0, 3, 3, "", True),),
    )
    repaired = apply_fixes(draft, [join])
    typo = Issue("typo.x", Category.TYPO, Severity.ERROR, 0, 2, 4, "签定", "…", ("签订",), True)
    mapped = repaired.map_issue(typo)
    assert (mapped.paragraph, mapped.start, mapped.end, mapped.fixes) == (0, 2, 3, (Fix(1, 0, 1, "订"),))
    assert apply_fixes(draft, [join, mapped]).document.texts == ["双方签订了协议。"]
    across = repaired.map_fix(Fix(0, 1, 4, "方签订"))
    assert across == (Fix(0, 1, 3, "方签订"), Fix(1, 0, 1, ""))
    assert apply_fixes(draft, [join, *across]).document.texts == ["双方签订了协议。"]


def test_an_empty_paragraph_joined_away_is_a_source_of_the_joined_one():
    draft = Document.from_texts(["甲", "", "乙"])
    repaired = apply_fixes(draft, [Fix(0, 1, 1, "", True), Fix(1, 0, 0, "", True)])
    assert repaired.document.texts == ["甲乙"] and repaired.sources_of(0) == [0, 1, 2]


def reference_result(texts: list[str], chosen: list) -> list[str]:
    """What applying ``chosen`` means, written the plain way: edit each paragraph right to left, then join."""
    fixes = sorted((fix for candidate in chosen for fix in fixes_of(candidate)), reverse=True)
    edited = list(texts)
    for fix in fixes:
        edited[fix.paragraph] = edited[fix.paragraph][: fix.start] + fix.replacement + edited[fix.paragraph][fix.end :]
    joins = {fix.paragraph for fix in fixes if fix.joins_next}
    result: list[str] = []
    joining = False
    for index, text in enumerate(edited):
        result[-1:] = [result[-1] + text] if joining else [*result[-1:], text]
        joining = index in joins
    return result


@settings(max_examples=300, deadline=None)
@given(drafts_and_findings())
def test_apply_fixes_applies_a_closed_non_overlapping_choice(case):
    texts, found = case
    repaired = apply_fixes(Document.from_texts(texts), found)
    chosen = repaired.applied
    assert chosen == choose_fixes(found) == choose_fixes(chosen)  # choosing again changes nothing
    taken = [fix for candidate in chosen for fix in fixes_of(candidate)]
    assert not any(a.clashes(b) for index, a in enumerate(taken) for b in taken[index + 1 :])
    for left_out in (candidate for candidate in found if candidate not in chosen):
        assert any(fix.clashes(other) for fix in left_out.fixes for other in taken) or any(
            a.clashes(b) for index, a in enumerate(left_out.fixes) for b in left_out.fixes[index + 1 :]
        )
    assert repaired.document.texts == reference_result(texts, chosen)


@st.composite
def cut_drafts(draw):
    """A draft cut into fragments (joins), and random fixes of the repaired text, single or two-mark."""
    texts = draw(st.lists(st.text(ALPHABET, max_size=6), min_size=1, max_size=5))
    joins = [Fix(n, len(text), len(text), "", True) for n, text in enumerate(texts[:-1]) if draw(st.booleans())]
    repaired = apply_fixes(Document.from_texts(texts), joins).document.texts
    found = []
    for _ in range(draw(st.integers(0, 5))):
        paragraph = draw(st.integers(0, len(repaired) - 1))
        text = repaired[paragraph]
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 4)))
        found.append(finding(paragraph, start, end, text, Fix(paragraph, start, end, draw(st.text("改", max_size=2)))))
    return texts, joins, found


@settings(max_examples=300, deadline=None)
@given(cut_drafts())
def test_fixes_found_in_the_repaired_text_map_back_to_the_same_result(case):
    """What the engine does: checks read the draft as repaired, their findings are mapped back. Fixes that go
    together in the repaired text go together in the draft, with the joins, and give the same text."""
    texts, joins, found = case
    draft = Document.from_texts(texts)
    repaired = apply_fixes(draft, joins)
    direct = apply_fixes(repaired.document, found)
    mapped = [repaired.map_issue(issue) for issue in direct.applied]
    result = apply_fixes(draft, [*joins, *mapped])
    assert len(result.applied) == len(joins) + len(mapped)
    assert result.document.texts == direct.document.texts
