"""Exported DOCX files opened by another word processor: LibreOffice, headless.

LibreOffice converts the clean export, a written-back DOCX draft and a review DOCX to
plain text (and the review DOCX to DOCX again, to see that it understood the tracked
changes and comments). Skipped where LibreOffice is not installed, except in CI, which
installs it (``apt-get install libreoffice-writer-nogui``).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_test_support import NO_SOFFICE, SOFFICE, issue, libreoffice_convert, read_draft, small_draft, typo

from editor.core.io import write_document
from editor.core.io.docx_review import write_review_docx
from editor.core.repair import apply_fixes


@pytest.fixture(autouse=True)
def libreoffice(require):
    require(SOFFICE, NO_SOFFICE)


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lo")
    text_draft = small_draft()
    docx_draft = read_draft()
    docx_fixes = [issue(docx_draft, 3), issue(docx_draft, 4), typo(docx_draft, 3, 11, 14, "车灯厂董")]
    paths = {name: folder / f"{name}.docx" for name in ("clean", "written", "review")}
    write_document(apply_fixes(text_draft, [issue(text_draft, 3)]), paths["clean"])
    write_document(apply_fixes(docx_draft, docx_fixes), paths["written"])
    write_review_docx(docx_draft, docx_fixes, paths["review"])
    libreoffice_convert(list(paths.values()), "txt:Text (encoded):UTF8", folder / "txt", folder / "profile")
    libreoffice_convert([paths["review"]], "docx:MS Word 2007 XML", folder / "again", folder / "profile")
    return {
        **{name: folder / "txt" / f"{name}.txt" for name in paths},
        "review_again": folder / "again" / "review.docx",
    }


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def test_clean_export_reads_as_the_repaired_text(exports):
    lines = _lines(exports["clean"])
    assert lines[0] == "区政府召开常务会议"
    assert "本报讯 昨天下午，区政府召开第五十二次常务会议，研究部署冬季安全生产和民生保障工作。" in lines[3]
    assert len(lines) == 6


def test_written_back_docx_reads_as_the_repaired_text(exports):
    lines = _lines(exports["written"])
    assert (
        lines[3]
        == "本报讯 昨天，常州星宇车灯厂董事长谈行业发展时说，智能制造是企业转型的必由之" + "路。全区共有专精特新企业8"
    )
    assert lines[4] == "家（辖市区第一）。"  # not joined: its join was not among the fixes
    assert "指标" in lines and "产值" in lines


def test_libreoffice_keeps_the_tracked_changes_and_comments_of_the_review(exports):
    assert "车灯厂董" in "\n".join(_lines(exports["review"]))
    with zipfile.ZipFile(exports["review_again"]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body and 'w:author="Proofdesk"' in body
    assert len(re.findall(r"<w:pPr>(?:(?!</w:pPr>).)*<w:del ", body)) == 2  # the deleted paragraph marks
    assert "<w:pPrChange " in body  # the second fragment restyled like the first
    assert comments.count("<w:comment ") == 2 and "疑似别字" in comments and "typo.test" in comments
