"""The editor applies exactly the fixes the core chooses: its text, `apply_fixes` and the accepted review agree.

Random drafts and finding sets (`tests/fix_cases.py`: overlapping spans, two-mark
bracket fixes, joins) go through the text view's `apply_fixes`, through the core's
`apply_fixes`, and through the review DOCX with every tracked change accepted; the three
texts must be the same, and one undo must bring the draft back.
"""

from __future__ import annotations

import datetime as dt

import pytest
from core.io.docx_test_support import accept_all, expected_texts, paragraph_texts, reread
from fix_cases import MEASURED, OVERLAPPING, drafts_and_findings, finding
from hypothesis import HealthCheck, given, settings

from editor.cli import main
from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.error_rate import Checked, assess
from editor.core.fixes import Fix
from editor.core.io import read_document
from editor.core.io.docx_review import build_review_docx
from editor.core.issue import Category
from editor.core.repair import apply_fixes
from editor.gui.text_view import ProofTextEdit

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=drafts_and_findings())
def test_editor_core_and_accepted_review_give_the_same_text(qtbot, case):
    texts, found = case
    view = ProofTextEdit()
    qtbot.addWidget(view)
    view.setPlainText("\n".join(texts))
    view.set_findings(found, texts)
    draft = Document.from_texts(texts)
    expected = apply_fixes(draft, found)
    assert view.apply_fixes(found).applied == expected.applied
    assert view.texts() == expected.document.texts
    review = build_review_docx(draft, found, NOW)
    accept_all(review)
    if expected_texts(expected.document.texts):
        assert reread(review).texts == expected_texts(expected.document.texts)
    else:  # every character deleted: the accepted review is as empty as the fixed text
        assert not "".join(paragraph_texts(review))
    view.undo()
    assert view.texts() == texts  # the fixes were one undo step


@pytest.mark.parametrize(("text", "expected", "applied"), MEASURED, ids=["comma", "range", "percent", "jiezhi"])
def test_the_measured_drafts_are_fixed_in_the_editor_as_by_fix(
    qtbot, window, accept_previews, tmp_path, text, expected, applied
):
    """Apply All Safe Fixes, category after category, each once the check is back: the text `proofdesk fix` writes."""
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(draft)
    total = 0
    for category in Category:
        done = window.apply_safe_fixes(category)
        total += done
        if done:
            with qtbot.waitSignal(window.checked, timeout=30_000):
                window.scheduler.check_now()
    assert (window.texts(), total) == ([expected], applied)
    assert sum(len(listed) for listed in accept_previews) == applied  # the previews listed what was applied


def test_a_draft_of_overlapping_rules_is_fixed_in_the_editor_as_by_fix(qtbot, window, accept_previews, tmp_path):
    """Category after category, re-checking in between, the editor reaches the text `proofdesk fix` writes at once."""
    draft = tmp_path / "draft.txt"
    draft.write_text(OVERLAPPING, encoding="utf-8")
    assert main(["fix", str(draft), "-o", str(tmp_path / "fixed.txt")]) == 0
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(draft)
    for category in Category:
        if window.apply_safe_fixes(category):
            with qtbot.waitSignal(window.checked, timeout=30_000):
                window.scheduler.check_now()
    assert window.texts() == read_document(tmp_path / "fixed.txt").texts


def test_a_slip_two_rules_report_counts_once_in_the_error_rate():
    result = Engine().check(Document.from_texts(["截止目前，已完成投资5亿元。"]))
    assert assess([Checked.of(result.classified, result.issues)]).points == 1.0


def test_a_stale_finding_is_left_out_and_the_rest_still_applied(qtbot):
    texts = ["会议要求(各部门,各单位)抓好落实。", "今年产量预计增长15~30%。"]
    view = ProofTextEdit()
    qtbot.addWidget(view)
    view.setPlainText("\n".join(texts))
    paren = finding(0, 4, 13, texts[0], Fix(0, 4, 5, "（"), Fix(0, 12, 13, "）"))
    tilde = finding(1, 10, 11, texts[1], Fix(1, 10, 11, "～"))
    view.set_findings([paren, tilde], ["会议要求（各部门,各单位）抓好落实。", texts[1]])  # paragraph 0 changed since
    assert view.apply_fixes([paren, tilde]).applied == [tilde]
    assert view.texts() == [texts[0], "今年产量预计增长15～30%。"]
