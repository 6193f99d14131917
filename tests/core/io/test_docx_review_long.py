"""The review of a long document stays readable: a slip repeated is one comment, advisory comments are capped.

A file once got 6,630 comments, one per finding, and LibreOffice took 554 s to open it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import docx
from docx.oxml.ns import qn
from docx_test_support import accept_all, paragraph_texts, typo

from editor.core.io.docx_review import (
    AUTHOR,
    MAX_ADVISORY_COMMENTS,
    ReviewCounts,
    build_review_docx,
    write_review_docx,
)
from editor.core.io.text import parse_text
from editor.core.issue import Severity
from editor.core.repair import apply_fixes

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)


def _draft(count: int):
    lines = [f"截止目前，第{number}街道完成投资{number}亿元，乡村校舍全部修缮。" for number in range(1, count + 1)]
    return parse_text("\n\n".join(lines) + "\n", name="long.txt")


def test_a_slip_repeated_is_one_comment_and_every_occurrence_is_still_a_tracked_change():
    draft = _draft(40)
    sure = [typo(draft, n, 0, 2, "截至") for n in range(40)]
    starts = [text.index("乡村校") for text in draft.texts]
    guesses = [replace(typo(draft, n, s, s + 3, "乡村教"), rule="typo.lm", safe=False) for n, s in enumerate(starts)]
    document = build_review_docx(draft, [*sure, *guesses], NOW)
    comments = list(document.comments)
    assert len(comments) == 2
    (repeated,) = [comment for comment in comments if "截至" in comment.text]
    assert "全文同样的问题共 40 处，在第 1、2、3、4、5、6、7、8、9、10、11、12 段等" in repeated.text
    inserted = document.element.body.xpath(f".//w:ins[@w:author='{AUTHOR}']")
    assert len(inserted) == 40
    assert len(document.element.body.findall(f".//{qn('w:commentReference')}")) == 2
    accept_all(document)
    assert paragraph_texts(document) == apply_fixes(draft, sure).document.texts


def test_advisory_comments_are_capped_the_most_severe_kept_and_the_rest_counted():
    draft = _draft(MAX_ADVISORY_COMMENTS + 30)
    last = len(draft.paragraphs) - 1
    infos = [
        replace(typo(draft, n, 3, 4, f"改{n}"), rule="typo.lm", safe=False, severity=Severity.INFO) for n in range(last)
    ]  # each a slip of its own: another suggestion
    error = replace(typo(draft, last, 3, 4, "改"), rule="name.inconsistent", safe=False, severity=Severity.ERROR)
    document = build_review_docx(draft, [*infos, error], NOW)
    comments = list(document.comments)
    assert len(comments) == MAX_ADVISORY_COMMENTS + 1
    assert any("name.inconsistent" in comment.text for comment in comments)  # the error, though it comes last
    left_out = len(infos) - (MAX_ADVISORY_COMMENTS - 1)
    (summary,) = [comment for comment in comments if comment.text.startswith("另有")]
    assert (
        f"另有 {left_out} 处提示（{left_out} 种）未加批注" in summary.text and f"typo.lm {left_out} 处" in summary.text
    )
    assert not document.element.body.xpath(f".//w:ins[@w:author='{AUTHOR}']")
    ranges = document.element.body.findall(f".//{qn('w:commentRangeStart')}")
    assert len(ranges) == len(comments)


def test_writing_a_review_says_how_many_changes_and_comments_it_holds(tmp_path):
    draft = _draft(30)
    sure = [typo(draft, n, 0, 2, "截至") for n in range(30)]
    guess = replace(typo(draft, 0, 3, 4, "改"), rule="typo.lm", safe=False)
    counts = write_review_docx(draft, [*sure, guess], tmp_path / "review.docx", NOW)
    written = docx.Document(tmp_path / "review.docx")
    inserted = written.element.body.xpath(f".//w:ins[@w:author='{AUTHOR}']")
    assert counts == ReviewCounts(changes=len(inserted), comments=len(written.comments)) == ReviewCounts(30, 2)
