"""The editor's review: the user's changes become tracked changes, the open findings comments on the draft."""

from __future__ import annotations

from dataclasses import replace

import docx
from docx_test_support import accept_all, paragraph_texts, reject_all

from editor.core.document import Document
from editor.core.edits import apply_edits
from editor.core.io.docx_review import write_review_docx
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue, Severity
from editor.core.review_export import EDIT_MESSAGE, EDIT_RULE, review_findings

DRAFT = "各部门要再接再励，推动发展。\n签定了合作协议，计划3-5年内建成。\n区长出席会议并讲\n话。\n"
#: The editor's text: 再接再厉 accepted, the cut joined, the second paragraph split by the user.
TEXTS = ["各部门要再接再厉，推动发展。", "签定了合作协议，", "计划3-5年内建成。", "区长出席会议并讲话。"]


def _finding(texts: list[str], paragraph: int, text: str, suggestion: str, rule: str) -> Issue:
    start = texts[paragraph].index(text)
    return Issue(
        rule, Category.TYPO, Severity.WARNING, paragraph, start, start + len(text), text, "消息", (suggestion,)
    )


def test_changes_are_sure_and_open_findings_land_on_the_draft_as_comments():
    draft = parse_text(DRAFT)
    open_issues = [_finding(TEXTS, 1, "签定", "签订", "typo.confusion"), _finding(TEXTS, 2, "3-5", "3～5", "number.x")]
    open_issues = [replace(issue, safe=True) for issue in open_issues]  # even a sure fix left open
    marked, issues = review_findings(draft, TEXTS, open_issues)
    assert marked is draft
    changes = [issue for issue in issues if issue.rule == EDIT_RULE]
    comments = [issue for issue in issues if issue.rule != EDIT_RULE]
    assert all(change.applies_unattended for change in changes) and len(changes) >= 3  # 厉, the split, the join
    assert not any(comment.applies_unattended for comment in comments)  # open findings are never written in
    assert [(c.paragraph, c.text, draft.texts[c.paragraph][c.start : c.end]) for c in comments] == [
        (1, "签定", "签定"),
        (1, "3-5", "3-5"),
    ]


def test_accepting_the_review_gives_the_editors_text_and_rejecting_it_the_draft(tmp_path):
    draft = parse_text(DRAFT)
    marked, issues = review_findings(draft, TEXTS, [_finding(TEXTS, 2, "3-5", "3～5", "number.x")])
    path = tmp_path / "审阅稿.docx"
    counts = write_review_docx(marked, issues, path)
    assert counts.changes >= 3
    document = docx.Document(path)
    comments = [comment.text for comment in document.comments]
    assert any(EDIT_MESSAGE in text for text in comments) and any("3～5" in text for text in comments)
    accept_all(document)
    assert paragraph_texts(document) == apply_edits(draft, TEXTS).document.texts
    fresh = docx.Document(path)
    reject_all(fresh)
    assert paragraph_texts(fresh) == draft.texts


def test_a_new_text_is_reviewed_as_it_stands():
    marked, issues = review_findings(Document([]), ["签定合同"], [])
    assert marked.texts == ["签定合同"] and issues == []
