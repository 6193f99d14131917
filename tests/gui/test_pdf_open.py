"""The editor opens a page PDF through the same reader as the CLI, and saves its text as DOCX, never as PDF."""

from __future__ import annotations

import json

from docx import Document as WordDocument
from PySide6.QtWidgets import QFileDialog

from bench.pdf_pages import ArticleSpec, PageSpec, make_pdf, without_unicode
from editor.core.io import read_document
from editor.gui.main_window import FILE_FILTER

SENTENCE = "武进区今年以来持续推进城乡环境整治，累计完成项目120个，投入资金3.5亿元。"


def open_page(qtbot, window, tmp_path):
    """A page A2 whose second paragraph (a 截止 to flag) starts at the head of the second column, open and checked."""
    article = ArticleSpec("区委常委会召开会议", [SENTENCE * 3, "截止目前，" + SENTENCE], columns=2)
    data, _ = make_pdf([PageSpec(2, [[article]])])
    path = tmp_path / "a2.pdf"
    path.write_bytes(data)
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(path)
    return path


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


def test_the_findings_list_and_the_explanation_say_where_on_the_page(qtbot, window, tmp_path):
    open_page(qtbot, window, tmp_path)
    row = next(item for item in window.panel.items() if item.text(1) == "截止")
    assert row.text(0) == "¶3 A2 版 第2栏"
    window.panel.tree.setCurrentItem(row)
    assert "A2 版 第2栏" in window.panel.details.text()


def test_a_text_draft_shows_no_page(qtbot, window, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("截止目前，" + SENTENCE + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(draft)
    row = next(item for item in window.panel.items() if item.text(1) == "截止")
    window.panel.tree.setCurrentItem(row)
    assert row.text(0) == "¶1" and "A2" not in window.panel.details.text()


def test_saving_a_pdf_offers_docx_first_or_txt_and_says_why(qtbot, window, tmp_path, monkeypatch):
    open_page(qtbot, window, tmp_path)
    assert window.tr("PDF (saved as DOCX or TXT)") in window.status_label.text()
    asked, shown = [], []
    target = tmp_path / "a2"

    def dialog(*args):
        asked.append(args)
        shown.append(window.statusBar().currentMessage())
        return str(target), "Text (*.txt)"  # the user picks the text kind and types no suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        assert window.save()
    _, _, name, filters, selected = asked[0]
    assert name.endswith("a2.docx") and filters.split(";;") == ["Word (*.docx)", "Text (*.txt)"]
    assert selected == "Word (*.docx)"
    assert shown == [window.tr("A PDF is read, never written: save its text as DOCX or TXT")]
    assert (tmp_path / "a2.txt").read_text(encoding="utf-8").splitlines()[0] == "区委常委会召开会议"


def test_characters_the_pdf_gives_no_unicode_for_are_a_warning_in_the_window(qtbot, window, tmp_path):
    data, _ = make_pdf([PageSpec(3, [[ArticleSpec("区委常委会召开会议", [SENTENCE * 2], columns=2)]], lost="治")])
    path = tmp_path / "a3.pdf"
    path.write_bytes(without_unicode(data))
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(path)
    assert any("2 个字读不出" in note and "A3 版" in note for note in window.notes)
    assert window.notes_label.isVisibleTo(window) and "\ufffd" in window.texts()[1]


def exported_place_of_the_cut(qtbot, window, tmp_path) -> tuple[str, int]:
    """The page and column the editor's 导出校对报告 gives the finding on 截止."""
    target = tmp_path / "报告.json"
    with qtbot.waitSignal(window.scheduler.exported, timeout=30_000):
        assert window.export_report(target)
    findings = json.loads(target.read_text(encoding="utf-8"))["files"][0]["findings"]
    cut = next(finding for finding in findings if finding["text"] == "截止")
    return cut["page"], cut["column"]


def test_the_report_exported_from_the_editor_names_the_page_and_column(qtbot, window, tmp_path):
    open_page(qtbot, window, tmp_path)
    assert exported_place_of_the_cut(qtbot, window, tmp_path) == ("A2", 2)


def save_and_reopen_as_docx(qtbot, window, tmp_path, monkeypatch):
    """The page opened, saved as DOCX as layout staff do, and that DOCX opened and checked as a copy editor does."""
    open_page(qtbot, window, tmp_path)
    target = tmp_path / "a2.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "Word (*.docx)"))
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        assert window.save()
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(target)
    return target


def test_the_docx_saved_from_a_pdf_still_lists_its_findings_by_page_and_column(qtbot, window, tmp_path, monkeypatch):
    save_and_reopen_as_docx(qtbot, window, tmp_path, monkeypatch)
    assert window._encoding_name() == "Word"  # a Word document now, saved in place
    row = next(item for item in window.panel.items() if item.text(1) == "截止")
    assert row.text(0) == "¶3 A2 版 第2栏"
    window.panel.tree.setCurrentItem(row)
    assert "A2 版 第2栏" in window.panel.details.text()


def test_the_report_of_the_docx_saved_from_a_pdf_names_the_page_and_column(qtbot, window, tmp_path, monkeypatch):
    save_and_reopen_as_docx(qtbot, window, tmp_path, monkeypatch)
    assert exported_place_of_the_cut(qtbot, window, tmp_path) == ("A2", 2)
