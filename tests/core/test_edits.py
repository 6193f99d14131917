"""The editor's text turned back into fixes: every edit survives `apply_fixes`, formatting anchors kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Document, ParagraphKind, Source
from editor.core.edits import apply_edits, edited_document, edits_between, paragraph_origins
from editor.core.fixes import Fix

DRAFT = [
    "武进召开绿色制造推进会",
    "绿色转型，是企业抢占新赛道，激发新动能、新优势的",
    "必由之路。洛凯股份作为领军企业。",
    "（完）",
]


def _draft(texts=DRAFT) -> Document:
    return Document.from_texts(list(texts))


def test_unchanged_text_needs_no_edit():
    assert edits_between(_draft(), DRAFT) == []


def test_a_typo_fixed_inside_a_paragraph_is_one_replacement():
    edited = list(DRAFT)
    edited[2] = "必由之路。洛凯股份作为龙头企业。"
    start = DRAFT[2].index("领军")
    assert edits_between(_draft(), edited) == [Fix(2, start, start + 2, "龙头")]  # a plain fix, not a finding
    assert apply_edits(_draft(), edited).document.texts == edited


def test_a_deleted_break_becomes_a_join_that_keeps_the_first_fragment():
    edited = [DRAFT[0], DRAFT[1] + DRAFT[2], DRAFT[3]]
    draft = _draft()
    repaired = apply_edits(draft, edited)
    assert repaired.document.texts == edited
    assert repaired.sources_of(1) == [1, 2]
    assert any(edit.joins_next and edit.paragraph == 1 for edit in edits_between(draft, edited))


def test_a_typed_break_splits_the_paragraph_in_the_written_text():
    edited = [DRAFT[0], "绿色转型，", "是企业抢占新赛道，激发新动能、新优势的", DRAFT[2], DRAFT[3]]
    repaired = apply_edits(_draft(), edited)
    assert "\n".join(repaired.document.texts) == "\n".join(edited)


def test_deleted_and_inserted_paragraphs():
    assert apply_edits(_draft(), DRAFT[1:]).document.texts == DRAFT[1:]
    assert apply_edits(_draft(), DRAFT[:2]).document.texts == DRAFT[:2]
    assert "\n".join(apply_edits(_draft(), ["新的导语。", *DRAFT]).document.texts) == "\n".join(["新的导语。", *DRAFT])


def test_an_empty_draft_takes_the_text_as_it_is():
    assert apply_edits(Document([]), ["第一段。", "第二段。"]).document.texts == ["第一段。", "第二段。"]


def test_edited_paragraphs_keep_kind_and_source_of_their_draft_paragraph():
    draft = _draft()
    draft.paragraphs[0] = draft.paragraphs[0].with_kind(ParagraphKind.HEADLINE)
    draft.paragraphs[2] = draft.paragraphs[2].__class__(DRAFT[2], source=Source(block=4, blank_before=1))
    edited = ["武进召开绿色制造大会", DRAFT[1], DRAFT[2], "新增的一段。", DRAFT[3]]
    document = edited_document(draft, edited)
    assert document.texts == edited
    assert document.paragraphs[0].kind is ParagraphKind.HEADLINE
    assert document.paragraphs[2].source.blank_before == 1
    assert paragraph_origins(draft, edited) == [0, 1, 2, None, 3]


_chars = st.sampled_from(list("绿色转型，是企业。𠮷ab \n"))
_paragraph = st.text(_chars.filter(lambda c: c != "\n"), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=6), st.lists(_paragraph, min_size=1, max_size=6))
def test_any_edit_is_reproduced_by_the_fixes(old, new):
    repaired = apply_edits(_draft(old), new)
    assert "\n".join(repaired.document.texts) == "\n".join(new)
    assert len(paragraph_origins(_draft(old), new)) == len(new)


def test_a_docx_draft_keeps_its_formatting_through_joins_and_splits(tmp_path):
    from docx import Document as WordDocument

    from editor.core.io import read_document, write_document

    path = tmp_path / "draft.docx"
    word = WordDocument()
    word.add_paragraph("武进召开绿色制造推进会", style="Heading 1")
    body = word.add_paragraph()
    body.add_run("本报讯").bold = True
    body.add_run("绿色转型，是企业激发新动能、新优势的")
    word.add_paragraph("必由之路。会议要求加快建设。")
    word.save(path)
    draft = read_document(path)
    edited = ["武进召开绿色制造推进会", "本报讯绿色转型，是企业激发新动能、新优势的必由之路。", "会议要求加快建设。"]
    write_document(apply_edits(draft, edited), tmp_path / "out.docx")
    assert read_document(tmp_path / "out.docx").texts == edited  # the split is a line break inside the paragraph
    saved = WordDocument(tmp_path / "out.docx")
    assert saved.paragraphs[0].style.name == "Heading 1"
    assert saved.paragraphs[1].runs[0].bold and saved.paragraphs[1].runs[0].text == "本报讯"
