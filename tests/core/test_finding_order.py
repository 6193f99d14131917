"""One order for the list and for every step through it; findings carried through an accept."""

from __future__ import annotations

from editor.core.document import Document
from editor.core.edits import draft_paragraphs_at
from editor.core.fixes import Fix
from editor.core.issue import Category, Issue, Severity
from editor.core.navigation import after_handled, from_caret, ordered, step
from editor.core.repair import apply_fixes

TEXTS = ["激发新动能、新优势、新活力的", "必由之路。让人身临其景，变化日新月益。"]


def _finding(paragraph, start, end, suggestion, category=Category.TYPO, rule="typo.idiom", joins=False):
    text = TEXTS[paragraph][start:end]
    fixes = (Fix(paragraph, end, end, "", True),) if joins else ()
    return Issue(rule, category, Severity.WARNING, paragraph, start, end, text, "m", (suggestion,), fixes=fixes)


COMMA_1 = _finding(0, 5, 6, "，", Category.PUNCTUATION, "punctuation.x")
COMMA_2 = _finding(0, 9, 10, "，", Category.PUNCTUATION, "punctuation.x")
CUT = _finding(0, 13, 14, "的", Category.LAYOUT, "layout.split_paragraph", joins=True)
JING = _finding(1, 10, 11, "境")
YI = _finding(1, 17, 18, "异")
ALL = [YI, CUT, COMMA_2, JING, COMMA_1]


def test_document_order_and_category_order():
    assert ordered(ALL) == [COMMA_1, COMMA_2, CUT, JING, YI]
    assert ordered(ALL, grouped=True) == [CUT, JING, YI, COMMA_1, COMMA_2]


def test_steps_follow_the_list_and_wrap():
    flat, grouped = ordered(ALL), ordered(ALL, grouped=True)
    assert step(flat, COMMA_2, 1) == CUT
    assert step(flat, YI, 1) == COMMA_1
    assert step(flat, COMMA_1, -1) == YI
    assert (
        step(grouped, YI, 1, grouped=True) == COMMA_1
    )  # from the last typo to the first punctuation mark, as the list reads
    assert step([], YI, 1) is None


def test_the_caret_counts_when_it_is_on_or_before_a_finding():
    flat = ordered(ALL)
    assert from_caret(flat, (0, 0), 1) == COMMA_1
    assert from_caret(flat, (0, 9), 1) == COMMA_2  # at the finding: that one
    assert from_caret(flat, (0, 10), 1) == CUT
    assert from_caret(flat, (1, 12), -1) == JING
    assert from_caret(flat, (1, 10), -1) == CUT
    assert from_caret(flat, (1, 30), 1) == COMMA_1


def test_after_accepting_the_next_is_the_next_remaining_in_the_same_paragraph():
    repaired = apply_fixes(Document.from_texts(TEXTS), [COMMA_1])
    remaining = ordered(carried for issue in ALL if issue != COMMA_1 if (carried := repaired.carry(issue)))
    place = repaired.position_of(COMMA_1.paragraph, COMMA_1.start)
    assert after_handled(remaining, COMMA_1, place).text == "、" == COMMA_2.text


def test_after_a_join_the_findings_of_the_next_paragraph_move_into_it():
    repaired = apply_fixes(Document.from_texts(TEXTS), [CUT])
    assert len(repaired.document.paragraphs) == 1
    moved = repaired.carry(JING)
    assert (moved.paragraph, moved.start) == (0, len(TEXTS[0]) + 10)
    assert repaired.document.paragraphs[0].text[moved.start : moved.end] == "景" == moved.text
    assert moved.fixes == (Fix(0, moved.start, moved.end, "境"),)
    place = repaired.position_of(CUT.paragraph, CUT.start)
    remaining = ordered(repaired.carry(issue) for issue in ALL if issue != CUT)
    assert after_handled(remaining, CUT, place) == moved
    # the last finding handled: back to the first
    assert after_handled(remaining, YI, repaired.position_of(1, 18)) == remaining[0]


def test_a_finding_whose_text_a_fix_changed_is_not_carried():
    idiom = _finding(1, 14, 18, "日新月异")
    one_character = _finding(1, 17, 18, "异", rule="typo.lm")
    repaired = apply_fixes(Document.from_texts(TEXTS), [idiom])
    assert repaired.carry(one_character) is None
    joined = apply_fixes(Document.from_texts(TEXTS), [CUT])
    assert joined.carry(CUT) is None  # its paragraph is joined already


def test_a_joined_fragment_is_still_in_the_draft_paragraph_it_was_read_in():
    draft = Document.from_texts(TEXTS + ["（完）"])
    joined = [TEXTS[0] + TEXTS[1], "新写的一段", "（完）"]
    assert draft_paragraphs_at(draft, joined, [(0, 0), (0, len(TEXTS[0]) + 3), (1, 2), (2, 0)]) == [0, 1, None, 2]
