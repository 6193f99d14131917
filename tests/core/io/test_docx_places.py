"""A DOCX saved from a page PDF keeps where each paragraph stood on the printed page (hidden bookmarks).

Layout staff save the corrected PDF draft as DOCX; the copy editor checks that DOCX later, and its findings
must still say "A2 版 第2栏". The places travel as bookmarks Word hides (their names start with "_"), which
survive editing in Word and a LibreOffice round trip; a text draft's DOCX carries none.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_test_support import NO_SOFFICE, SOFFICE, accept_all, issue, libreoffice_convert, reread

from editor.cli import main
from editor.core.document import Document, Paragraph, PrintedPlace, Source
from editor.core.fixes import Fix
from editor.core.io import read_document, write_document
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import build_review_docx, write_review_docx
from editor.core.io.pdf_reader import read_pdf
from editor.core.repair import apply_fixes
from tests.core.io.test_pdf_cli import page_pdf
from tests.core.io.test_pdf_reader import two_pages


def places(document: Document) -> list[PrintedPlace | None]:
    return [paragraph.source.place for paragraph in document.paragraphs]


def saved(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def pdf_draft() -> Document:
    return read_pdf(two_pages()[0], "page.pdf")


@pytest.fixture
def clean_docx(pdf_draft, tmp_path):
    path = tmp_path / "page.docx"
    write_document(apply_fixes(pdf_draft, []), path)
    return path


def test_the_clean_docx_of_a_pdf_draft_gives_every_paragraph_its_place_again(pdf_draft, clean_docx):
    again = read_document(clean_docx)
    assert again.texts == pdf_draft.texts
    assert places(again) == places(pdf_draft)
    assert {place.page for place in places(again)} == {"A1", "A2"}


def test_the_marks_are_hidden_bookmarks_word_does_not_list(clean_docx):
    names = [mark.get(qn("w:name")) for mark in docx.Document(str(clean_docx)).element.body.iter(qn("w:bookmarkStart"))]
    assert names and all(name.startswith("_") and len(name) <= 40 for name in names)
    assert len(set(names)) == len(names)


def test_a_joined_paragraph_keeps_the_place_of_its_first_fragment(pdf_draft, tmp_path):
    first = next(i for i, p in enumerate(pdf_draft.paragraphs) if places(pdf_draft)[i] != places(pdf_draft)[i + 1])
    path = tmp_path / "joined.docx"
    write_document(apply_fixes(pdf_draft, [Fix(first, 0, 0, "", joins_next=True)]), path)
    again = read_document(path)
    assert again.texts[first] == pdf_draft.texts[first] + pdf_draft.texts[first + 1]
    assert again.paragraphs[first].source.place == pdf_draft.paragraphs[first].source.place


def test_the_review_docx_carries_the_places_and_accepting_a_join_keeps_the_first(pdf_draft):
    review = build_review_docx(pdf_draft, [issue(pdf_draft, 1)])
    assert places(reread(review)) == places(pdf_draft)
    accept_all(review)
    accepted = reread(review)
    assert accepted.texts[1] == pdf_draft.texts[1] + pdf_draft.texts[2]
    assert places(accepted) == places(pdf_draft)[:2] + places(pdf_draft)[3:]


def test_a_text_drafts_docx_carries_no_marks_and_no_places(tmp_path):
    draft = Document.from_texts(["区委常委会召开会议", "武进区今年以来持续推进城乡环境整治。"], name="draft.txt")
    path = tmp_path / "draft.docx"
    write_document(apply_fixes(draft, []), path)
    assert next(docx.Document(str(path)).element.body.iter(qn("w:bookmarkStart")), None) is None
    assert places(read_document(path)) == [None, None]


def bookmark(paragraph, name: str, mark_id: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(mark_id))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(mark_id))
    paragraph._p.insert(0, end)
    paragraph._p.insert(0, start)


@pytest.mark.parametrize(
    "name",
    [
        "_PdPlace_",
        "_PdPlace_A2",
        "_PdPlace_A2_x_1",
        "_PdPlace_A2_2",
        "_PdPlace_A2_2_1_9",
        "_PdPlace_A¥_2_1",
        "_PdPlace_" + "A" * 60 + "_2_1",
        "_PdPlace_A2_99999999_1",
        "",
        "_GoBack",
    ],
)
def test_a_bookmark_with_a_malformed_name_is_ignored(name):
    document = docx.Document()
    bookmark(document.add_paragraph("第一段。"), name, 1)
    second = document.add_paragraph("第二段。")
    bookmark(second, "_PdPlace_A3_2_7", 2)
    bookmark(second, name, 3)
    again = read_docx(saved(document), "marked.docx")
    assert places(again) == [None, PrintedPlace("A3", 2)]


def test_a_paragraph_split_in_word_keeps_the_place_of_the_part_it_was_split_from(clean_docx, pdf_draft):
    document = docx.Document(str(clean_docx))
    body = list(document.element.body.iter(qn("w:p")))
    split = body[1]
    tail = OxmlElement("w:p")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "新分出的一段。"
    run.append(text)
    tail.append(run)
    split.addnext(tail)
    again = read_docx(saved(document), "split.docx")
    assert again.texts[2] == "新分出的一段。"
    expected = places(pdf_draft)
    assert places(again) == expected[:2] + [expected[1]] + expected[2:]


def test_paragraphs_merged_in_word_keep_the_first_ones_place(clean_docx, pdf_draft):
    document = docx.Document(str(clean_docx))
    body = list(document.element.body.iter(qn("w:p")))
    first, second = body[0], body[1]
    for child in list(second):
        if child.tag != qn("w:pPr"):
            first.append(child)
    second.getparent().remove(second)
    again = read_docx(saved(document), "merged.docx")
    assert again.texts[0] == pdf_draft.texts[0] + pdf_draft.texts[1]
    assert places(again) == places(pdf_draft)[:1] + places(pdf_draft)[2:]


def test_a_docx_draft_written_back_keeps_its_marks(clean_docx, pdf_draft, tmp_path):
    draft = read_document(clean_docx)
    target = tmp_path / "again.docx"
    write_document(apply_fixes(draft, [Fix(0, 0, 1, "党")]), target)
    assert places(read_document(target)) == places(pdf_draft)


def test_the_places_and_the_date_survive_a_libreoffice_round_trip(require, clean_docx, pdf_draft, tmp_path):
    """The clean DOCX and the review DOCX, opened and saved as DOCX again by LibreOffice."""
    require(SOFFICE, NO_SOFFICE)
    review = tmp_path / "review.docx"
    write_review_docx(pdf_draft, [issue(pdf_draft, 1)], review)
    out = tmp_path / "lo"
    libreoffice_convert([clean_docx, review], "docx", out, tmp_path / "profile")
    for name in ("page.docx", "review.docx"):
        again = read_document(out / name)
        assert places(again) == places(pdf_draft), name
        assert again.date == pdf_draft.date, name
    assert read_document(out / "page.docx").texts == pdf_draft.texts


def test_check_of_the_docx_fix_saved_from_a_pdf_names_the_page_and_column(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    assert main(["fix", str(path), "--only", "typo"]) in (0, 1)
    capsys.readouterr()
    main(["check", str(tmp_path / "page.docx"), "--json", "--only", "typo"])
    found = json.loads(capsys.readouterr().out)["issues"]
    assert [(issue["text"], issue["page"], issue["column"]) for issue in found] == [("截止", "A2", 2)]


def test_a_paragraph_typed_before_any_mark_has_no_place():
    document = docx.Document()
    document.add_paragraph("编者按：新加的一段。")
    bookmark(document.add_paragraph("正文。"), "_PdPlace_A1_1_0", 1)
    again = read_docx(saved(document), "typed.docx")
    assert places(again) == [None, PrintedPlace("A1", 1)]


def test_a_place_outside_the_body_is_never_inherited_by_it():
    document = docx.Document()
    bookmark(document.sections[0].header.paragraphs[0], "_PdPlace_A1_1_0", 1)
    document.sections[0].header.paragraphs[0].add_run("页眉")
    document.add_paragraph("正文。")
    again = read_docx(saved(document), "header.docx")
    by_text = {p.text: p.source.place for p in again.paragraphs}
    assert by_text == {"页眉": PrintedPlace("A1", 1), "正文。": None}


def test_places_are_shown_without_a_column_when_the_mark_has_none(tmp_path):
    draft = Document([Paragraph("正文。", source=replace(Source(block=0), page="3"))], name="page.pdf")
    path = tmp_path / "p.docx"
    write_document(apply_fixes(draft, []), path)
    assert places(read_document(path)) == [PrintedPlace("3")]


# -- the page's date, the article date the officials checks read -------------------------------------------


def test_the_docx_of_a_pdf_draft_keeps_the_pages_date_as_a_custom_property(pdf_draft, clean_docx):
    assert pdf_draft.date == dt.date(2026, 12, 1)
    assert read_document(clean_docx).date == pdf_draft.date
    assert "稿件日期" in zipfile.ZipFile(clean_docx).read("docProps/custom.xml").decode("utf-8")


def test_the_review_docx_of_a_pdf_draft_keeps_the_date(pdf_draft):
    assert reread(build_review_docx(pdf_draft, [])).date == pdf_draft.date


def test_a_text_draft_given_a_date_gets_no_custom_property(tmp_path):
    draft = replace(Document.from_texts(["正文。"], name="draft.txt"), date=dt.date(2026, 12, 1))
    path = tmp_path / "draft.docx"
    write_document(apply_fixes(draft, []), path)
    assert "docProps/custom.xml" not in zipfile.ZipFile(path).namelist()
    assert read_document(path).date is None


def with_custom_properties(clean_docx, xml: str) -> bytes:
    """The DOCX with its custom properties part replaced by ``xml``, as another program might write it."""
    stream = io.BytesIO()
    with zipfile.ZipFile(clean_docx) as source, zipfile.ZipFile(stream, "w") as target:
        for item in source.infolist():
            target.writestr(item, xml if item.filename == "docProps/custom.xml" else source.read(item))
    return stream.getvalue()


CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{}</Properties>'
)
#: A user-defined property (the format id is every user-defined property's), its name and value left to fill.
PROPERTY = '<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{}">{}</property>'


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("稿件日期", "<vt:filetime>2026-11-30T00:00:00Z</vt:filetime>", dt.date(2026, 11, 30)),  # Word's date type
        ("稿件日期", "<vt:lpwstr>2026年11月30日</vt:lpwstr>", dt.date(2026, 11, 30)),  # as a desk types it
        ("稿件日期", "<vt:lpwstr>明天</vt:lpwstr>", None),
        ("稿件日期", "<vt:lpwstr>2026-13-45</vt:lpwstr>", None),
        ("稿件日期", "<vt:i4>7</vt:i4>", None),
        ("稿件日期", "", None),
        ("其他", "<vt:lpwstr>2026-11-30</vt:lpwstr>", None),
    ],
)
def test_a_date_property_is_read_as_written_and_a_malformed_one_ignored(clean_docx, name, value, expected):
    properties = CUSTOM.format(PROPERTY.format(name, value))
    assert read_docx(with_custom_properties(clean_docx, properties), "p.docx").date == expected


def test_a_damaged_custom_properties_part_is_ignored(clean_docx):
    again = read_docx(with_custom_properties(clean_docx, "<Properties"), "p.docx")
    assert again.date is None and places(again)[0] is not None


def saved_again(path, date: dt.date | None, tmp_path) -> Document:
    """The DOCX at ``path`` opened, given the article date ``date`` (干部登记表 › 稿件日期), saved, read again."""
    draft = replace(read_document(path), date=date)
    target = tmp_path / "again.docx"
    write_document(apply_fixes(draft, []), target)
    return read_document(target)


def test_a_date_the_desk_changed_is_kept_when_the_docx_is_saved_again(clean_docx, tmp_path):
    assert saved_again(clean_docx, dt.date(2026, 11, 30), tmp_path).date == dt.date(2026, 11, 30)


def test_a_date_the_desk_cleared_is_no_longer_kept(clean_docx, tmp_path):
    """No date set: the draft is read by its dateline again, so the page's date must not come back."""
    again = saved_again(clean_docx, None, tmp_path)
    assert again.date is None
    assert "稿件日期" not in zipfile.ZipFile(tmp_path / "again.docx").read("docProps/custom.xml").decode("utf-8")


def test_the_review_docx_carries_a_changed_date(clean_docx):
    draft = replace(read_document(clean_docx), date=dt.date(2026, 11, 30))
    assert reread(build_review_docx(draft, [])).date == dt.date(2026, 11, 30)


def test_the_authors_own_custom_properties_stay_beside_a_changed_date(clean_docx, tmp_path):
    own = PROPERTY.format("稿件日期", "<vt:lpwstr>2026-12-01</vt:lpwstr>") + PROPERTY.replace(
        'pid="2"', 'pid="3"'
    ).format("作者", "<vt:lpwstr>王岚</vt:lpwstr>")
    path = tmp_path / "own.docx"
    path.write_bytes(with_custom_properties(clean_docx, CUSTOM.format(own)))
    assert saved_again(path, dt.date(2026, 11, 30), tmp_path).date == dt.date(2026, 11, 30)
    properties = zipfile.ZipFile(tmp_path / "again.docx").read("docProps/custom.xml").decode("utf-8")
    assert "王岚" in properties and properties.count("稿件日期") == 1 and 'pid="4"' in properties


def test_a_word_document_given_a_date_gets_no_custom_property(tmp_path):
    """An author's document gets no part it did not have: only a DOCX saved from a page PDF keeps a date."""
    path = tmp_path / "author.docx"
    document = docx.Document()
    document.add_paragraph("正文。")
    document.save(path)
    saved_again(path, dt.date(2026, 11, 30), tmp_path)
    assert "docProps/custom.xml" not in zipfile.ZipFile(tmp_path / "again.docx").namelist()


def test_a_damaged_custom_properties_part_is_left_as_it_was_on_saving(clean_docx, tmp_path):
    path = tmp_path / "damaged.docx"
    path.write_bytes(with_custom_properties(clean_docx, "<Properties"))
    saved_again(path, dt.date(2026, 11, 30), tmp_path)
    assert zipfile.ZipFile(tmp_path / "again.docx").read("docProps/custom.xml") == b"<Properties"
