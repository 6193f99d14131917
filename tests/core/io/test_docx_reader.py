"""Reading DOCX drafts: paragraphs as read, where they came from, and clear refusals of bad files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx_test_support import DRAFT_TEXTS, FIELDS_AND_TAGS, build_draft_docx, docx_with_paragraph, read_draft

from editor.core.document import ParagraphKind, Source
from editor.core.io import InputError, read_document
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_text import DocxOrigin


def test_paragraphs_in_reading_order_cut_at_soft_returns():
    draft = read_draft()
    assert draft.texts == DRAFT_TEXTS
    sources = [paragraph.source for paragraph in draft.paragraphs]
    assert sources[3] == Source(block=3, line=0, blank_before=0, indent="\u3000\u3000", authored=True)
    assert sources[4] == Source(block=3, line=1, authored=True)
    assert sources[5] == Source(block=5, line=0, blank_before=1, authored=True)  # after the empty paragraph
    assert [source.block for source in sources[10:13]] == [9, 11, 14]  # table, nested table, after the picture
    assert [(source.block, source.story) for source in sources[13:]] == [(15, "页眉1"), (16, "页脚1")]


def test_kinds_come_from_heading_styles_only():
    kinds = [paragraph.kind for paragraph in read_draft().paragraphs]
    assert kinds[:3] == [ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE, ParagraphKind.BODY]
    assert set(kinds[3:]) == {ParagraphKind.BODY}


def test_styles_based_on_headings_and_subtitle_are_headlines():
    document = docx.Document()
    custom = document.styles.add_style("报头大字", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    document.add_paragraph("主题", "报头大字")
    document.add_paragraph("副题", "Subtitle")
    document.add_paragraph("正文")
    stream = io.BytesIO()
    document.save(stream)
    kinds = [paragraph.kind for paragraph in read_docx(stream.getvalue(), "k.docx").paragraphs]
    assert kinds == [ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE, ParagraphKind.BODY]


def test_shown_text_only_hyperlinks_insertions_tabs_but_no_deletions_or_page_breaks():
    last = [paragraph.text for paragraph in read_draft().paragraphs if not paragraph.source.story][-1]
    assert last == "详见区政府网站\t发布。"
    assert "删去" not in last


def test_origin_keeps_the_bytes_to_write_back():
    data = build_draft_docx()
    draft = read_docx(data, "draft.docx")
    assert isinstance(draft.origin, DocxOrigin) and draft.origin.data == data
    assert draft.encoding is None and draft.name == "draft.docx"


def _zip(files: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return stream.getvalue()


def _without_text() -> bytes:
    document = docx.Document()
    document.add_paragraph("   ")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _broken_document_xml() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(build_draft_docx()))
    files = {name: source.read(name) for name in source.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:500]
    return _zip(files)


def _macro_enabled() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(build_draft_docx()))
    files = {name: source.read(name) for name in source.namelist()}
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"word.document.macroEnabled.main+xml"
    )
    return _zip(files)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "损坏"),
        (build_draft_docx()[:3000], "损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "密码"),
        (_zip({"EncryptionInfo": b"x", "EncryptedPackage": b"y"}), "密码"),
        (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), "不是 Word 文档"),
        (_broken_document_xml(), "损坏"),
        (_without_text(), "没有文字"),
        (_macro_enabled(), "启用宏"),
    ],
    ids=["junk-zip", "truncated", "ole-encrypted", "encrypted-parts", "spreadsheet", "broken-xml", "no-text", "docm"],
)
def test_bad_files_are_refused_with_one_line_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "稿件.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_fields_smart_tags_and_hidden_text_read_as_shown():
    texts = read_docx(docx_with_paragraph(FIELDS_AND_TAGS), "f.docx").texts
    assert texts == ["稿件占位", "见第3版武进乡\u2011镇"]
