"""`proofdesk check|fix` on a page PDF: the text is checked and saved as DOCX or TXT, never written as PDF."""

from __future__ import annotations

import csv
import json

import docx

from bench.pdf_pages import ArticleSpec, PageSpec, make_pdf
from editor.cli import main
from tests.core.io.test_pdf_reader import SENTENCE, encrypted_pdf


def page_pdf(tmp_path, name="page.pdf"):
    article = ArticleSpec(
        "区委常委会召开会议", [SENTENCE * 3, "截止目前，" + SENTENCE], byline="本报记者 李明", columns=2
    )
    data, answers = make_pdf([PageSpec(2, [[article]])])
    path = tmp_path / name
    path.write_bytes(data)
    return path, answers[0]


def test_check_reads_the_articles_of_a_pdf(tmp_path, capsys):
    path, answer = page_pdf(tmp_path)
    status = main(["check", str(path), "--json", "--only", "typo"])
    report = json.loads(capsys.readouterr().out)
    assert report["paragraphs"] == [text for _, text in answer.paragraphs]
    assert status == 1 and any(issue["text"] == "截止" for issue in report["issues"])


def test_a_finding_is_shown_by_its_page_and_column(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    main(["check", str(path), "--only", "typo"])
    out = capsys.readouterr().out
    assert "第4段（A2 版 第2栏）" in out  # the second paragraph starts at the head of the second column


def test_check_json_gives_each_finding_its_page_and_column(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    main(["check", str(path), "--json", "--only", "typo"])
    found = json.loads(capsys.readouterr().out)["issues"]
    assert [(issue["text"], issue["page"], issue["column"]) for issue in found] == [("截止", "A2", 2)]


def test_a_draft_without_pages_has_no_page_or_column(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("截止目前，" + SENTENCE + "\n", encoding="utf-8")
    main(["check", str(draft), "--json", "--only", "typo"])
    found = json.loads(capsys.readouterr().out)["issues"]
    assert found and all(issue["page"] is None and issue["column"] is None for issue in found)


def test_the_report_shows_the_page_and_column_in_each_form(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    for suffix in (".json", ".csv", ".html"):
        assert main(["report", str(path), "--only", "typo", "-o", str(tmp_path / f"report{suffix}")]) == 1
    finding = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"][0]["findings"][0]
    assert (finding["text"], finding["page"], finding["column"]) == ("截止", "A2", 2)
    rows = list(csv.DictReader((tmp_path / "report.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(row["原文"], row["版次"], row["栏"]) for row in rows] == [("截止", "A2", "2")]
    assert "第4段（A2 版 第2栏）" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_fix_without_output_writes_a_docx_beside_the_pdf_and_says_so(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    before = path.read_bytes()
    assert main(["fix", str(path)]) == 0
    err = capsys.readouterr().err
    target = tmp_path / "page.docx"
    assert f"已写入 {target}" in err and "PDF 只能读入" in err
    assert any(p.text.startswith("截至目前") for p in docx.Document(str(target)).paragraphs)
    assert path.read_bytes() == before


def test_fix_without_output_never_overwrites_the_docx_beside_the_pdf(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    target = tmp_path / "page.docx"
    target.write_bytes(b"the desk's own file")
    assert main(["fix", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "已存在" in err and "-o" in err and "\n" not in err
    assert target.read_bytes() == b"the desk's own file"


def test_fix_writes_the_pdf_text_as_docx_or_txt(tmp_path, capsys):
    path, answer = page_pdf(tmp_path)
    assert main(["fix", str(path), "-o", str(tmp_path / "out.docx")]) == 0
    written = [p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs if p.text]
    assert written[0] == "区委常委会召开会议" and any(text.startswith("截至目前") for text in written)
    assert main(["fix", str(path), "-o", str(tmp_path / "out.txt")]) == 0
    lines = (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(answer.paragraphs) and lines[-1].startswith("截至目前")


def test_fix_never_writes_a_pdf(tmp_path, capsys):
    path, _ = page_pdf(tmp_path)
    before = path.read_bytes()
    assert main(["fix", str(path), "--in-place"]) == 2
    assert main(["fix", str(path), "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert "不支持写成 PDF" in err and ".docx 或 .txt" in err
    assert len(err.strip().splitlines()) == 2  # one line for each refusal
    assert path.read_bytes() == before and not (tmp_path / "out.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.pdf"]


def test_a_folder_of_pdfs_is_fixed_into_docx_files(tmp_path, capsys):
    (tmp_path / "day").mkdir()
    page_pdf(tmp_path / "day", "a2.pdf")
    assert main(["fix", str(tmp_path / "day"), "-o", str(tmp_path / "fixed"), "--jobs", "1"]) == 0
    assert (tmp_path / "fixed" / "a2.docx").exists()


def test_an_encrypted_pdf_is_one_line_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    assert main(["fix", str(path), "-o", str(tmp_path / "out.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert "加密" in err and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "out.docx").exists()
