"""The review's record: written into the DOCX, read back, and matched to the text of the file that comes back.

The reviewer's decisions are played here as Word makes them (`accept_all`, `reject_all` of the
DOCX test support), on the revisions of chosen proposals only where the test says so.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace

import docx
from docx.oxml.ns import qn
from docx_test_support import accept_all, issue, reject_all, typo
from lxml import etree

from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import AUTHOR, build_review_docx
from editor.core.io.review_record import (
    NAMESPACE,
    Mark,
    State,
    read_record,
    record_of_document,
    settle,
    stored_proposals,
    without_rejected,
)
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue, Severity

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
DRAFT = (
    "区政府召开常务会议\n\n"
    "本报讯 昨天下午，两地签定了文旅合作框架协议，研究部署冬季安全\n"
    "生产和民生保障工作。会议指出，要压紧压实各方责任。\n\n"
    "全区今年新建成保障性住房1200套，惠及困难家庭三千余户，签定合同。\n"
)
_REJECTED_BY_TEST = "驳回者"


def _guess(draft, paragraph: int, start: int, end: int, replacement: str) -> Issue:
    """A statistical guess: a comment only, never a tracked change."""
    return replace(typo(draft, paragraph, start, end, replacement), rule="typo.lm", safe=False, severity=Severity.INFO)


def _case():
    draft = parse_text(DRAFT, name="draft.txt")
    body = draft.texts[1]
    issues = [
        issue(draft, 1),  # the column cut after 安全
        typo(draft, 1, body.index("签定"), body.index("签定") + 2, "签订"),
        _guess(draft, 2, draft.texts[2].index("压紧"), draft.texts[2].index("压紧") + 2, "压实"),
    ]
    return draft, issues


def _saved(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _returned(document, rejected_changes: set[int] = frozenset()) -> bytes:
    """The review as the reviewer sends it back: the revisions ``rejected_changes`` rejected, every other accepted."""
    for element in document.element.body.iter(qn("w:ins"), qn("w:del"), qn("w:pPrChange")):
        if int(element.get(qn("w:id"))) in rejected_changes:
            element.set(qn("w:author"), _REJECTED_BY_TEST)
    reject_all(document, author=_REJECTED_BY_TEST)
    accept_all(document)
    return _saved(document)


def _states(data: bytes) -> dict[str, State]:
    return {proposal.rule: proposal.state for proposal in record_of_document(read_docx(data, "back.docx"))}


def test_the_record_names_every_proposal_with_its_marks():
    draft, issues = _case()
    document = build_review_docx(draft, issues, NOW)
    proposals = stored_proposals(_saved(document))
    assert [(p.rule, p.text, p.suggestion, p.mark) for p in proposals] == [
        ("typo.test", "签定", "签订", Mark.CHANGE),
        ("layout.split_paragraph", "", None, Mark.CHANGE),
        ("typo.lm", "压紧", "压实", Mark.COMMENT),
    ]
    comments = {comment.comment_id for comment in document.comments}
    assert {p.comment_id for p in proposals} == comments
    revisions = {
        int(element.get(qn("w:id")))
        for element in document.element.body.iter(qn("w:ins"), qn("w:del"))
        if element.get(qn("w:author")) == AUTHOR
    }
    assert {number for p in proposals for number in p.change_ids} == revisions
    assert proposals[2].change_ids == ()
    typo_found = proposals[0]
    assert (typo_found.paragraph, typo_found.start) == (1, draft.texts[1].index("签定"))
    assert typo_found.before == draft.texts[1][max(0, typo_found.start - 12) : typo_found.start]
    assert proposals[1].after == draft.texts[2][:12]  # a join's context runs on into the next paragraph


def test_a_review_reviewed_again_has_one_record_keeping_the_earlier_rejections():
    draft, issues = _case()
    first = read_docx(_returned(build_review_docx(draft, issues, NOW), rejected_changes=set()), "back.docx")
    rejected = [p for p in record_of_document(first) if p.state is State.REJECTED]
    assert [p.rule for p in rejected] == ["typo.lm"]
    again = _saved(build_review_docx(first, [], NOW, rejected=[p.again(first.texts) for p in rejected]))
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        records = [
            name for name in archive.namelist() if name.startswith("customXml/item") and _is_record(archive, name)
        ]
    assert len(records) == 1
    kept = stored_proposals(again)
    assert [(p.rule, p.text, p.state) for p in kept] == [("typo.lm", "压紧", State.PROPOSED)]
    assert _states(again) == {"typo.lm": State.REJECTED}


def _is_record(archive: zipfile.ZipFile, name: str) -> bool:
    return "itemProps" not in name and etree.QName(etree.fromstring(archive.read(name))).namespace == NAMESPACE


def test_rejected_changes_and_untouched_guesses_are_rejected_accepted_ones_are_gone():
    draft, issues = _case()
    assert _states(_returned(build_review_docx(draft, issues, NOW))) == {
        "layout.split_paragraph": State.ACCEPTED,
        "typo.test": State.ACCEPTED,
        "typo.lm": State.REJECTED,  # its comment is closed, the text left as it was
    }
    everything = build_review_docx(draft, issues, NOW)
    reject_all(everything)
    assert set(_states(_saved(everything)).values()) == {State.REJECTED}


def test_one_rejected_change_among_accepted_ones():
    draft, issues = _case()
    document = build_review_docx(draft, issues, NOW)
    typo_changes = set(next(p for p in stored_proposals(_saved(document)) if p.rule == "typo.test").change_ids)
    back = read_docx(_returned(document, rejected_changes=typo_changes), "back.docx")
    states = {p.rule: p for p in record_of_document(back)}
    assert states["layout.split_paragraph"].state is State.ACCEPTED
    rejected = states["typo.test"]
    assert rejected.state is State.REJECTED
    paragraph, start = rejected.found
    assert back.texts[paragraph][start : start + 2] == "签定"
    assert back.texts[paragraph].startswith("本报讯") and "安全生产" in back.texts[paragraph]  # the join accepted


def test_an_undecided_join_is_pending_not_rejected():
    draft, issues = _case()
    untouched = read_docx(_saved(build_review_docx(draft, issues, NOW)), "back.docx")
    states = {p.rule: p.state for p in record_of_document(untouched)}
    assert states["layout.split_paragraph"] is State.PENDING
    assert states["typo.test"] is State.ACCEPTED  # a tracked replacement reads as made, as the reader shows it


def test_a_proposal_is_found_by_its_text_and_context_when_the_paragraphs_moved():
    draft, issues = _case()
    proposals = stored_proposals(_saved(build_review_docx(draft, issues, NOW)))
    typo_proposal = next(p for p in proposals if p.rule == "typo.test")
    moved = [
        "新加的一段。",
        "另一段也写了签定两个字，语境不同。",
        "编者按：本报讯 昨天下午，两地签定了文旅合作框架协议，研究",
    ]
    (settled,) = settle([typo_proposal], moved)
    assert settled.state is State.REJECTED and settled.found == (2, moved[2].index("两地") + 2)
    (elsewhere,) = settle([typo_proposal], moved[:2])  # the same two characters, not its place
    assert elsewhere.state is State.ACCEPTED and elsewhere.found is None
    nearby_fixed = ["本报讯 昨天上午，两地签定了文旅合作框架协议"]  # a change just before it was accepted
    assert settle([typo_proposal], nearby_fixed)[0].state is State.REJECTED


def test_a_slip_repeated_and_fixed_once_is_rejected_once():
    draft, issues = _case()
    texts = draft.texts
    second = texts[3].index("签定")
    repeated = [*issues, typo(draft, 3, second, second + 2, "签订")]
    proposals = stored_proposals(_saved(build_review_docx(draft, repeated, NOW)))
    slips = [p for p in proposals if p.rule == "typo.test"]
    back = [texts[0], texts[1], texts[2], texts[3].replace("签定", "签订")]
    assert [p.state for p in settle(slips, back)] == [State.REJECTED, State.ACCEPTED]


def test_a_rejected_proposal_found_again_is_not_flagged_again_and_others_are():
    draft, issues = _case()
    document = build_review_docx(draft, issues, NOW)
    reject_all(document)
    back = read_docx(_saved(document), "back.docx")
    proposals = record_of_document(back)
    start = back.texts[1].index("签定")
    again = typo(back, 1, start, start + 2, "签订")
    other_rule = replace(again, rule="typo.other")
    also_reported = replace(other_rule, also=("typo.test",))
    elsewhere = typo(back, 1, 0, 2, "本版")
    later = back.texts[3].index("签定")
    same_slip_not_proposed = typo(back, 3, later, later + 2, "签订")
    found = [again, other_rule, also_reported, elsewhere, same_slip_not_proposed]
    assert without_rejected(found, proposals) == [other_rule, elsewhere, same_slip_not_proposed]


def test_read_record_reads_a_file_and_a_damaged_record_is_none(tmp_path, caplog):
    draft, issues = _case()
    path = tmp_path / "审阅稿.docx"
    build_review_docx(draft, issues, NOW).save(path)
    assert [p.rule for p in read_record(path)] == ["typo.test", "layout.split_paragraph", "typo.lm"]
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if _is_record(source, item.filename) if item.filename.startswith("customXml/item") else False:
                data = data.replace(b'paragraph="1"', b'paragraph="x"', 1)
            target.writestr(item, data)
    with caplog.at_level("WARNING", logger="editor.core.io.review_record"):
        assert read_record(damaged) == []
    assert "审阅记录已损坏" in caplog.text
    plain = tmp_path / "plain.docx"
    docx.Document().save(plain)
    assert stored_proposals(plain.read_bytes()) == []


def test_comments_name_the_category_the_rule_and_the_suggestion():
    draft, issues = _case()
    names = {"typo.test": "测试别字", "typo.lm": "统计模型疑似别字", "layout.split_paragraph": "段落被截断"}
    comments = [comment.text for comment in build_review_docx(draft, issues, NOW, rule_names=names).comments]
    assert any("别字 · 测试别字（规则：typo.test）" in text and "建议：签订" in text for text in comments)
    assert any("别字 · 统计模型疑似别字（规则：typo.lm）" in text and "建议：压实" in text for text in comments)
    assert any("排版 · 段落被截断" in text and "建议：与下一段连接" in text for text in comments)


def test_an_insertion_is_found_by_its_context_and_gone_once_made():
    draft = parse_text("本报讯 昨天下午召开会议研究部署工作\n", name="draft.txt")
    missing = Issue(
        "punctuation.missing_period",
        Category.PUNCTUATION,
        Severity.WARNING,
        0,
        len(draft.texts[0]),
        len(draft.texts[0]),
        "",
        "句末缺句号",
        ("。",),
        safe=False,
    )
    (proposal,) = stored_proposals(_saved(build_review_docx(draft, [missing], NOW)))
    assert proposal.text == "" and proposal.before.endswith("研究部署工作")
    assert settle([proposal], ["本报讯 昨天下午召开会议研究部署工作"])[0].state is State.REJECTED
    assert settle([proposal], ["本报讯 昨天下午召开会议研究部署工作。"])[0].state is State.ACCEPTED
    assert settle([proposal], ["完全不同的一段话。"])[0].state is State.ACCEPTED
