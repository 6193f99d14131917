"""The review DOCX: fixes as tracked changes, findings as comments, for text and DOCX drafts.

Accepting every change must give exactly what `proofdesk fix` writes, rejecting every
change the draft as read; python-docx must open the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn
from docx_test_support import (
    accept_all,
    docx_with_paragraph,
    expected_texts,
    issue,
    paragraph_texts,
    read_draft,
    reject_all,
    reread,
    touches_tracked_insertion,
    typo,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.engine import Engine
from editor.core.fixes import Fix
from editor.core.io import OutputError
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import AUTHOR, build_review_docx, same_slip, write_review_docx
from editor.core.io.docx_writer import build_docx
from editor.core.io.text import parse_text
from editor.core.issue import Category
from editor.core.repair import apply_fixes

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
TEXT_DRAFT = (
    "区政府召开常务会议\n\n"
    "本报讯 昨天下午，区政府召开第五十二次常务会议，研究部署冬季安全\n\n"
    "生产和民生保障工作。会议指出，要压紧压实各方责任，确保全区人民群众温暖过冬\n"
    "全区今年新建成保障性住房1200\n"
    "套，惠及困难家庭三千余户。\n"
)


def _text_case():
    draft = parse_text(TEXT_DRAFT, name="draft.txt")
    issues = [
        issue(draft, 1),
        issue(draft, 3),
        typo(draft, 2, 25, 27, "务必"),  # 确保 → 务必
        typo(draft, 2, 26, 29, "全市"),  # overlaps the one before: comment only, no change
        issue(draft, 2, rule="punctuation.missing_period", category=Category.PUNCTUATION, joins_next=False),
    ]
    return draft, issues


def _text(element) -> str:
    return "".join(text.text for text in element.iter(qn("w:t"), qn("w:delText")))


def _revisions(document, tag: str) -> list:
    return document.element.body.xpath(f".//w:{tag}[not(parent::w:rPr)]")


@pytest.fixture(scope="module")
def text_review(tmp_path_factory):
    draft, issues = _text_case()
    path = tmp_path_factory.mktemp("review") / "审阅稿.docx"
    write_review_docx(draft, issues, path, now=NOW)
    return draft, issues, docx.Document(path)


def test_every_slip_gets_one_comment_with_message_and_rule(text_review):
    _, issues, document = text_review
    comments = list(document.comments)
    assert len(comments) == len(issues) - 1  # the two layout cuts are one slip, with one comment
    assert sum("全文同样的问题共 2 处，在第 2、4 段" in comment.text for comment in comments) == 1
    assert all(comment.author == AUTHOR and comment.timestamp == NOW for comment in comments)
    for found in issues:
        assert any(found.message in c.text and found.rule in c.text for c in comments)
    body = document.element.body
    for comment in comments:
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            assert len(body.xpath(f".//w:{tag}[@w:id='{comment.comment_id}']")) == 1


def test_fixes_are_tracked_changes_by_proofdesk(text_review):
    _, _, document = text_review
    inserted, deleted = _revisions(document, "ins"), _revisions(document, "del")
    assert [_text(element) for element in inserted] == ["务必"]
    assert [_text(element) for element in deleted] == ["确", "保"]
    marks = document.element.body.xpath(".//w:pPr/w:rPr/w:del")
    assert len(marks) == 2  # two layout joins
    for element in [*inserted, *deleted, *marks]:
        assert element.get(qn("w:author")) == AUTHOR and element.get(qn("w:date")) == "2026-03-01T08:30:00Z"
    ids = [element.get(qn("w:id")) for element in [*inserted, *deleted, *marks]]
    assert len(set(ids)) == len(ids)


def test_accepting_all_gives_the_fixed_text_and_rejecting_all_the_draft(text_review):
    draft, issues, document = text_review
    accept_all(document)
    assert paragraph_texts(document) == apply_fixes(draft, issues).document.texts
    fresh = build_review_docx(draft, issues, NOW)
    reject_all(fresh)
    assert paragraph_texts(fresh) == draft.texts


def test_docx_draft_is_marked_up_in_its_own_formatting():
    draft = read_draft()
    issues = [issue(draft, 3), issue(draft, 4), typo(draft, 3, 11, 14, "车灯厂董")]
    document = build_review_docx(draft, issues, NOW)
    assert document.tables and document.inline_shapes and len(document.comments) == 2  # the two cuts: one comment
    assert len(document.element.body.xpath(".//w:del/w:r/w:br")) == 1  # the soft return joined away
    assert len(document.element.body.xpath(".//w:pPr/w:rPr/w:del")) == 2  # a paragraph and the empty one after it
    bold_deleted = document.element.body.xpath(".//w:del/w:r[w:rPr/w:b]/w:delText")
    assert "".join(text.text for text in bold_deleted) == "车灯"
    inserted = [element for element in _revisions(document, "ins") if element.get(qn("w:author")) == AUTHOR]
    assert [_text(element) for element in inserted] == ["车灯厂董"]
    assert inserted[0].find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None  # formatted like the first run
    change = document.element.body.xpath(".//w:pPrChange")  # the Quote fragment takes the Normal style
    assert len(change) == 1 and change[0].find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Quote"
    accept_all(document)
    assert reread(document).texts == apply_fixes(draft, issues).document.texts
    assert document.paragraphs[3].style.name == "Normal"


def test_rejecting_a_docx_review_restores_styles():
    draft = read_draft()
    document = build_review_docx(draft, [issue(draft, 3), issue(draft, 4)], NOW)
    reject_all(document)
    assert reread(document).texts == draft.texts
    assert [paragraph.style.name for paragraph in document.paragraphs[3:6]] == ["Normal", "Normal", "Quote"]


@st.composite
def _fixes(draw):
    draft = read_draft()
    fixes = [issue(draft, index) for index in draw(st.sets(st.sampled_from(range(9))))]
    for _ in range(draw(st.integers(0, 5))):
        paragraph = draw(st.integers(0, len(draft.paragraphs) - 1))
        length = len(draft.paragraphs[paragraph].text)
        start = draw(st.integers(0, length))
        end = draw(st.integers(start, min(length, start + 4)))
        if not touches_tracked_insertion(draft, paragraph, start, end):  # a comment only, as test_docx_review_authored
            fixes.append(typo(draft, paragraph, start, end, draw(st.text("改正AZ", max_size=3))))
    for _ in range(draw(st.integers(0, 3))):  # a bracket rule's kind: two point edits, one per mark
        paragraph = draw(st.integers(0, len(draft.paragraphs) - 1))
        length = len(draft.paragraphs[paragraph].text)
        if length >= 2:
            first = draw(st.integers(0, length - 2))
            last = draw(st.integers(first + 1, length - 1))
            if touches_tracked_insertion(draft, paragraph, first, first + 1):
                continue
            if touches_tracked_insertion(draft, paragraph, last, last + 1):
                continue
            marks = (Fix(paragraph, first, first + 1, "（"), Fix(paragraph, last, last + 1, "）"))
            fixes.append(replace(typo(draft, paragraph, first, last + 1, "（…）"), fixes=marks))
    return draft, fixes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_fixes())
def test_accepting_any_review_gives_what_fix_writes_and_rejecting_it_the_draft(case):
    draft, fixes = case
    accepted, rejected = (build_review_docx(draft, fixes, NOW) for _ in range(2))
    assert len(accepted.comments) == len({same_slip(found) for found in fixes})
    accept_all(accepted)
    assert reread(accepted).texts == expected_texts(apply_fixes(draft, fixes).document.texts)
    written = build_docx(apply_fixes(draft, fixes))
    assert [p.style.name for p in accepted.paragraphs] == [p.style.name for p in written.paragraphs]
    reject_all(rejected)
    assert reread(rejected).texts == draft.texts


def test_findings_outside_the_draft_are_left_out_and_a_changed_draft_is_refused():
    draft, issues = _text_case()
    stray = issue(draft, 0).renumbered(lambda _: len(draft.paragraphs) + 3)
    assert len(build_review_docx(draft, [*issues, stray], NOW).comments) == len(
        build_review_docx(draft, issues).comments
    )
    changed = read_draft()
    changed.paragraphs[0] = changed.paragraphs[0].with_text("另一个标题")
    with pytest.raises(OutputError, match="不一致"):
        build_review_docx(changed, [], NOW)


def test_deleting_text_never_deletes_the_field_characters_in_its_run():
    inner = (
        '<w:r><w:t>删除</w:t><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    draft = read_docx(docx_with_paragraph(inner), "f.docx")
    document = build_review_docx(draft, [typo(draft, 1, 0, 2, "保留")], NOW)
    assert len(document.element.body.xpath(".//w:fldChar[not(ancestor::w:del)]")) == 3
    accept_all(document)
    assert reread(document).texts == ["稿件占位", "保留3"]


def test_a_slip_two_rules_report_is_one_change_whose_comment_names_both():
    draft = parse_text("截止目前，已完成投资5亿元。\n", name="draft.txt")
    found = replace(
        typo(draft, 0, 0, 2, "截至"), rule="number.jiezhi_before_time", also=("typo.confusion.jie_zhi_until",)
    )
    document = build_review_docx(draft, [found], NOW)
    (comment,) = document.comments
    assert "number.jiezhi_before_time、typo.confusion.jie_zhi_until" in comment.text
    assert [_text(element) for element in _revisions(document, "ins")] == ["截至"]


def test_a_join_that_cannot_be_marked_is_said_once(caplog):
    draft = read_draft()
    in_a_cell = draft.texts.index("指标")
    with caplog.at_level("WARNING", logger="editor.core.io.docx_review"):
        document = build_review_docx(draft, [issue(draft, in_a_cell)], NOW)
    assert [record.getMessage() for record in caplog.records] == [
        f"not marking a join across table cells after paragraph {in_a_cell}"
    ]
    assert len(document.comments) == 1


def test_a_review_copy_opened_again_proposes_no_join_it_tracks_and_fix_writes_it(text_review):
    """Opened again before anyone accepted its changes, a review copy's tracked joins are joins already
    made: the layout check proposes none of them again, and `fix` does not refuse the file for them."""
    _, _, document = text_review
    again = reread(document)
    found = Engine({Category.LAYOUT}).check(again).issues
    assert not [finding for finding in found if finding.joins_next]
    assert len(reread(build_docx(apply_fixes(again, found))).texts) == len(again.texts)
