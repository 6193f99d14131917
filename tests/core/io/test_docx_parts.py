"""Every part of a DOCX is read, checked and fixed where it is: text boxes, headers, footers, footnotes, endnotes.

Each part of the document written in `docx_parts_support` holds the same slip (截止目前,
which a number rule is sure of); `check` must find it in every part, `fix` must write
the correction into that part (and LibreOffice must show it there), and the review must
mark it there, its comment anchored in the body (Word ignores comments in the other parts).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx_parts_support import (
    BODY,
    ENDNOTE,
    FIXED,
    FOOTER,
    FOOTNOTE,
    HEADER,
    SLIP,
    TEXT_BOX,
    W,
    build_parts_docx,
    part_xml,
    text_box_run,
)
from lxml import etree

from editor.cli import main
from editor.core.document import Document, Paragraph, Source
from editor.core.io import docx_review
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import build_review_docx
from editor.core.issue import Category, Issue, Severity
from editor.core.layout.analysis import analyse

_NS = {"w": W}
PARTS = {
    "word/document.xml": [BODY, TEXT_BOX],
    "word/header1.xml": [HEADER],
    "word/footer1.xml": [FOOTER],
    "word/footnotes.xml": [FOOTNOTE],
    "word/endnotes.xml": [ENDNOTE],
}


def test_every_part_is_read_each_as_a_flow_of_its_own():
    draft = read_docx(build_parts_docx(), "parts.docx")
    assert draft.texts == [BODY, TEXT_BOX, HEADER, FOOTER, FOOTNOTE, ENDNOTE]
    stories = [paragraph.source.story for paragraph in draft.paragraphs]
    assert stories == ["", "文本框1", "页眉1", "页脚1", "脚注1", "尾注1"]
    assert len({paragraph.source.block for paragraph in draft.paragraphs}) == len(draft.paragraphs)


def test_a_document_whose_text_is_all_in_text_boxes_is_read():
    document = docx.Document()
    document.add_paragraph()._p.append(parse_xml(text_box_run("区政府召开常务会议", TEXT_BOX)))
    stream = io.BytesIO()
    document.save(stream)
    draft = read_docx(stream.getvalue(), "boxes.docx")
    assert draft.texts == ["区政府召开常务会议", TEXT_BOX]  # read once, not again from the VML fallback


def test_text_never_runs_on_from_one_flow_into_another():
    # Cut mid-sentence: inside one flow this is a join; across flows it never is.
    texts = ["企业转型的必由之", "路。全区共有专精特新企业8家。"]
    within = Document([Paragraph(texts[0], source=Source(block=0)), Paragraph(texts[1], source=Source(block=1))])
    across = Document(
        [Paragraph(texts[0], source=Source(block=0)), Paragraph(texts[1], source=Source(1, story="脚注1"))]
    )
    assert [cut.index for cut in analyse(within).cuts] == [0]
    assert analyse(across).cuts == []


@pytest.fixture(scope="module")
def parts_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("parts") / "parts.docx"
    path.write_bytes(build_parts_docx())
    return path


def test_check_finds_the_slip_in_every_part(parts_file, capsys):
    main(["check", str(parts_file), "--json"])
    report = json.loads(capsys.readouterr().out)
    flagged = {report["paragraphs"][issue["paragraph"]] for issue in report["issues"] if issue["text"] == "截止"}
    assert flagged == {BODY, TEXT_BOX, HEADER, FOOTER, FOOTNOTE, ENDNOTE}
    assert not [issue for issue in report["issues"] if issue["rule"].startswith("layout.")]


def test_fix_writes_each_correction_into_its_own_part(parts_file, tmp_path):
    output = tmp_path / "fixed.docx"
    assert main(["fix", str(parts_file), "-o", str(output)]) == 0
    data = output.read_bytes()
    for name, texts in PARTS.items():
        xml = part_xml(data, name)
        assert SLIP not in xml, name  # the text box's VML copy too
        for text in texts:
            assert text.replace(SLIP, FIXED) in xml, (name, text)
    assert read_docx(data, "fixed.docx").texts == [
        text.replace(SLIP, FIXED) for text in read_docx(parts_file.read_bytes(), "p").texts
    ]


def test_review_marks_the_correction_in_each_part(parts_file, tmp_path):
    output = tmp_path / "review.docx"
    assert main(["fix", str(parts_file), "--review", "-o", str(output)]) == 0
    data = output.read_bytes()
    for name in PARTS:
        xml = part_xml(data, name)
        assert "<w:ins " in xml and "<w:del " in xml, name
        assert "至" in xml.split("<w:ins ", 1)[1].split("</w:ins>", 1)[0], name


def test_libreoffice_shows_the_fix_in_every_part(parts_file, tmp_path, require):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice, "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)")
    fixed = tmp_path / "fixed.docx"
    assert main(["fix", str(parts_file), "-o", str(fixed)]) == 0
    profile = (tmp_path / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir"]
    subprocess.run([*command, str(tmp_path), str(fixed)], check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "fixed.odt") as odt:
        shown = odt.read("content.xml").decode() + odt.read("styles.xml").decode()  # headers live in the styles
    assert SLIP not in shown
    for text in (BODY, TEXT_BOX, HEADER, FOOTER, FOOTNOTE, ENDNOTE):
        assert text.replace(SLIP, FIXED).strip() in shown, text


def test_review_anchors_every_comment_in_the_body():
    # Word ignores comments anchored in headers, footers, notes and text boxes (MS-OI29500 §2.1.315).
    draft = read_docx(build_parts_docx(), "parts.docx")
    findings = []
    for number, paragraph in enumerate(draft.paragraphs):
        start = paragraph.text.index(SLIP)
        findings.append(
            Issue(
                rule="number.test",
                category=Category.NUMBER,
                severity=Severity.ERROR,
                paragraph=number,
                start=start,
                end=start + len(SLIP),
                text=SLIP,
                message=f"误用“截止”（{number}）",  # one slip each, so that each part gets its comment
                suggestions=(FIXED,),
                safe=True,
            )
        )
    stream = io.BytesIO()
    build_review_docx(draft, findings).save(stream)
    data = stream.getvalue()
    for name in PARTS:
        assert "<w:ins " in part_xml(data, name), name  # the tracked change stays in its part
        if name != "word/document.xml":
            xml = part_xml(data, name)
            assert "commentRangeStart" not in xml and "commentReference" not in xml, name
    document = etree.fromstring(part_xml(data, "word/document.xml").encode())
    comments = etree.fromstring(part_xml(data, "word/comments.xml").encode())
    for box in document.iter(f"{{{W}}}txbxContent"):
        assert not box.xpath(".//w:commentRangeStart | .//w:commentReference", namespaces=_NS)
    ids = comments.xpath("./w:comment/@w:id", namespaces=_NS)
    assert len(ids) == len(set(ids)) == len(draft.paragraphs)
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(document.xpath(f"//w:{tag}/@w:id", namespaces=_NS)) == sorted(ids), tag
    for comment_id in ids:
        (begin,) = document.xpath(f"//w:commentRangeStart[@w:id='{comment_id}']", namespaces=_NS)
        (finish,) = document.xpath(f"//w:commentRangeEnd[@w:id='{comment_id}']", namespaces=_NS)
        assert begin.getparent() is finish.getparent()
        assert begin.getparent().index(begin) < finish.getparent().index(finish)

    def comment_text(comment_id: str) -> str:
        return "".join(comments.xpath(f"./w:comment[@w:id='{comment_id}']//w:t/text()", namespaces=_NS))

    named = {(t[1:].split("）", 1)[0] if (t := comment_text(i)).startswith("（") else ""): i for i in ids}
    assert set(named) == {"", "文本框1", "页眉1", "页脚1", "脚注1", "尾注1"}

    def marks(paragraph, comment_id: str) -> list[int]:
        found = paragraph.xpath(
            f"./w:commentRangeStart[@w:id='{comment_id}'] | ./w:commentRangeEnd[@w:id='{comment_id}']",
            namespaces=_NS,
        )
        return [paragraph.index(mark) for mark in found]

    for kind, part in (("footnote", "脚注1"), ("endnote", "尾注1")):
        (reference,) = document.xpath(f"//w:{kind}Reference", namespaces=_NS)
        holder, run = next(reference.iterancestors(f"{{{W}}}p")), reference.getparent()
        begin, finish = marks(holder, named[part])  # the comment brackets the run of the note's reference
        assert begin < holder.index(run) < finish, part
    box = document.xpath("//w:txbxContent", namespaces=_NS)[0]  # then its copy for old readers
    holder = next(box.iterancestors(f"{{{W}}}p"))
    assert len(marks(holder, named["文本框1"])) == 2
    first = document.xpath("/w:document/w:body/w:p", namespaces=_NS)[0]
    for part in ("页眉1", "页脚1"):
        assert len(marks(first, named[part])) == 2, part


def test_the_summary_comment_of_a_draft_all_in_text_boxes_is_in_the_body(monkeypatch):
    monkeypatch.setattr(docx_review, "MAX_ADVISORY_COMMENTS", 0)
    draft = read_docx(build_parts_docx(body=None), "boxes.docx")
    start = draft.paragraphs[0].text.index(SLIP)
    guess = Issue("number.test", Category.NUMBER, Severity.INFO, 0, start, start + 2, "截止", "或为“截至”")
    stream = io.BytesIO()
    build_review_docx(draft, [guess]).save(stream)
    document = etree.fromstring(part_xml(stream.getvalue(), "word/document.xml").encode())
    assert len(document.xpath("//w:commentRangeStart", namespaces=_NS)) == 1
    for box in document.iter(f"{{{W}}}txbxContent"):
        assert not box.xpath(".//w:commentRangeStart | .//w:commentReference", namespaces=_NS)
