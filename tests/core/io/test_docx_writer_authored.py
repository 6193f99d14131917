"""`fix` on a Word document loses nothing: what lies between joined fragments, the author's revisions, protection.

Each document is written here, with python-docx and raw XML, to reproduce one way the
writer once lost something of a real document.
"""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_test_support import _saved, issue, paragraph_texts, read_draft, reread, typo

from editor.cli import main
from editor.core.fixes import Fix
from editor.core.io import OutputError
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import build_review_docx
from editor.core.io.docx_writer import build_docx
from editor.core.io.errors import ProtectedDocument
from editor.core.repair import apply_fixes

_NS = nsdecls("w", "m")
#: A paragraph without shown text between two fragments, for each thing it may hold.
_BETWEEN = {
    "equation": "<m:oMathPara><m:oMath><m:r><m:t>E=mc²</m:t></m:r></m:oMath></m:oMathPara>",
    "ruby": "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>fu</w:t></w:r></w:rt>"
    "<w:rubyBase><w:r><w:t>振</w:t></w:r></w:rubyBase></w:ruby></w:r>",
    "page break": '<w:r><w:br w:type="page"/></w:r>',
}
_MARKS = (
    '<w:bookmarkStart w:id="40" w:name="出处"/><w:bookmarkEnd w:id="40"/>'
    '<w:commentRangeStart w:id="3"/><w:commentRangeEnd w:id="3"/>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="3"/></w:r>'
)


def _document(*paragraphs: str, settings: str = "") -> bytes:
    """A DOCX of raw paragraph contents (``w:p`` inner XML), with a settings element added if given."""
    document = docx.Document()
    for inner in paragraphs:
        element = document.add_paragraph()._p
        for child in parse_xml(f"<w:p {_NS}>{inner}</w:p>"):
            element.append(child)
    if settings:
        document.settings.element.append(parse_xml(settings))
    return _saved(document)


def _text(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


@pytest.mark.parametrize("kind", sorted(_BETWEEN))
def test_what_an_empty_paragraph_between_fragments_holds_stays(kind):
    draft = read_docx(_document(_text("全区共有专精特新企业"), _BETWEEN[kind], _text("八十家。")), "d.docx")
    assert draft.texts == ["全区共有专精特新企业", "八十家。"]
    written = build_docx(apply_fixes(draft, [issue(draft, 0)]))
    assert reread(written).texts == ["全区共有专精特新企业八十家。"]
    before = docx.Document(io.BytesIO(draft.origin.data)).element.body
    for tag in ("m:oMathPara", "w:ruby", "w:br"):
        assert len(written.element.body.findall(f".//{qn(tag)}")) == len(before.findall(f".//{qn(tag)}")), tag


def test_marks_in_an_empty_paragraph_between_fragments_move_into_the_joined_paragraph():
    draft = read_docx(_document(_text("全区共有专精特新企业"), _MARKS, _text("八十家。")), "d.docx")
    written = build_docx(apply_fixes(draft, [issue(draft, 0)]))
    assert paragraph_texts(written) == ["全区共有专精特新企业八十家。"]
    joined = written.element.body.find(qn("w:p"))
    for tag in ("w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        assert len(joined.findall(f".//{qn(tag)}")) == 1, tag


_INSERTED_MARK = '<w:pPr><w:rPr><w:ins w:id="7" w:author="作者" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'


def test_a_join_across_a_paragraph_mark_the_author_inserted_is_refused():
    """Three numbers the author made paragraphs of, with tracked paragraph marks: once glued into "345"."""
    data = _document(_INSERTED_MARK + _text("3"), _INSERTED_MARK + _text("4"), _text("5"))
    draft = read_docx(data, "d.docx")
    with pytest.raises(OutputError, match="作者的修订"):
        build_docx(apply_fixes(draft, [issue(draft, 0), issue(draft, 1)]))


def test_a_replacement_inside_the_authors_tracked_insertion_is_refused():
    draft = read_draft()
    paragraph = next(n for n, text in enumerate(draft.texts) if text.startswith("详见"))
    start = draft.texts[paragraph].index("发布")
    with pytest.raises(OutputError, match="作者的修订痕迹"):
        build_docx(apply_fixes(draft, [typo(draft, paragraph, start, start + 2, "公布")]))
    untouched = build_docx(apply_fixes(draft, [typo(draft, paragraph, 0, 2, "参见")]))
    assert any(text.startswith("参见区政府网站") for text in reread(untouched).texts)


def test_a_bracket_fix_beside_a_join_applies_once():
    """ "(加盖推荐单位" / "人事部门公章)": the join and the bracket marks go together, nothing is duplicated."""
    draft = read_docx(_document(_text("(加盖推荐单位"), _text("人事部门公章)")), "d.docx")
    bracket = replace(typo(draft, 0, 0, 1, "（"), fixes=(Fix(0, 0, 1, "（"), Fix(1, 6, 7, "）")))
    written = build_docx(apply_fixes(draft, [issue(draft, 0), bracket]))
    assert reread(written).texts == ["（加盖推荐单位人事部门公章）"]


_PROTECTION = f'<w:documentProtection {nsdecls("w")} w:edit="readOnly" w:enforcement="1"/>'


@pytest.mark.parametrize("review", [False, True], ids=["fix", "review"])
def test_a_protected_document_is_written_only_when_told(tmp_path, capsys, review):
    draft = tmp_path / "限制编辑.docx"
    draft.write_bytes(_document(_text("本报讯 截止目前，已完成投资5亿元。"), settings=_PROTECTION))
    out = tmp_path / "out.docx"
    command = ["fix", str(draft), "-o", str(out), *(["--review"] if review else [])]
    assert main(command) == 2
    error = capsys.readouterr().err
    assert "限制编辑（只读）" in error and "--ignore-protection" in error and not out.exists()
    assert main([*command, "--ignore-protection"]) == 0 and out.exists()


def test_protection_that_is_not_enforced_is_no_protection():
    data = _document(_text("本报讯"), settings=_PROTECTION.replace('w:enforcement="1"', 'w:enforcement="0"'))
    draft = read_docx(data, "d.docx")
    assert reread(build_docx(apply_fixes(draft, []))).texts == ["本报讯"]
    with pytest.raises(ProtectedDocument):
        build_docx(apply_fixes(read_docx(_document(_text("本报讯"), settings=_PROTECTION), "p.docx"), []))


def _commented_draft() -> bytes:
    """Two fragments of a cut paragraph, the first with a comment of the author on its last words."""
    source = docx.Document()
    first = source.add_paragraph("本报讯 截止目前，全区共有专精特新")
    source.add_comment(first.runs, text="请核实数字", author="作者", initials="ZZ")
    source.add_paragraph("企业八十家。")
    return _saved(source)


@pytest.mark.parametrize("review", [False, True], ids=["fix", "review"])
def test_the_authors_comments_survive_fix_and_review(review):
    draft = read_docx(_commented_draft(), "c.docx")
    fixes = [issue(draft, 0), typo(draft, 0, 4, 6, "截至")]
    written = build_review_docx(draft, fixes) if review else build_docx(apply_fixes(draft, fixes))
    theirs = [comment for comment in written.comments if comment.author == "作者"]
    assert [comment.text for comment in theirs] == ["请核实数字"]
    body = written.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        assert len(body.xpath(f".//{tag}[@w:id='{theirs[0].comment_id}']")) == 1, tag
