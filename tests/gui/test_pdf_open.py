"""The editor opens a page PDF through the same reader as the CLI, and saves its text as DOCX, never as PDF."""

from __future__ import annotations

from docx import Document as WordDocument
from PySide6.QtWidgets import QFileDialog

from bench.pdf_pages import ArticleSpec, PageSpec, make_pdf
from editor.core.io import read_document
from editor.gui.main_window import FILE_FILTER

SENTENCE = "武进区今年以来持续推进城乡环境整治，累计完成项目120个，投入资金3.5亿元。"


def test_the_open_dialog_offers_pdfs():
    drafts = FILE_FILTER.split(";;")[0]
    assert "*.pdf" in drafts and "*.docx" in drafts and "*.txt" in drafts


def test_a_pdf_opens_and_saves_as_docx(qtbot, window, tmp_path, monkeypatch):
    data, answers = make_pdf([PageSpec(1, [[ArticleSpec("区委常委会召开会议", [SENTENCE * 3, SENTENCE], columns=2)]])])
    path = tmp_path / "a1.pdf"
    path.write_bytes(data)
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(path)
    assert window.texts() == [text for _, text in answers[0].paragraphs] == read_document(path).texts
    asked = []
    target = tmp_path / "a1.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (asked.append(args), (str(target), ""))[1])
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        assert window.save()
    assert asked and str(asked[0][2]).endswith("a1.docx")  # Save on a PDF asks where to put the DOCX
    assert [p.text for p in WordDocument(str(target)).paragraphs if p.text] == window.texts()
    assert path.read_bytes() == data
