"""Every part of a DOCX is read, checked and fixed where it is: text boxes, headers, footers, footnotes, endnotes.

Each part of the document written in `docx_parts_support` holds the same slip (截止目前,
which a number rule is sure of); `check` must find it in every part, `fix` must write
the correction into that part (and LibreOffice must show it there), and the review must
mark it there.
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
    build_parts_docx,
    part_xml,
    text_box_run,
)

from editor.cli import main
from editor.core.document import Document, Paragraph, Source
from editor.core.io.docx_reader import read_docx
from editor.core.layout.analysis import analyse

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
