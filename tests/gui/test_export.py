"""The desk's outputs from the editor: the review DOCX with the user's decisions, the report, the marked PDF."""

from __future__ import annotations

import json
import unicodedata

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase

from editor.core.error_rate import Checked, assess
from editor.core.io import read_document
from editor.core.review_export import EDIT_MESSAGE


def _wait_checked(qtbot, window, action):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        action()


def _finding(window, text: str):
    return next(issue for issue in window.fresh_findings() if issue.text == text)


@pytest.fixture
def decided(qtbot, window, rich):
    """The rich draft with 再接再励 accepted and 签定 ignored; the other findings open."""
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    window.ignore(_finding(window, "签定"))
    _wait_checked(qtbot, window, lambda: window.accept_finding(_finding(window, "再接再励")))
    return window


def _texts(elements) -> list[str]:
    return ["".join(node.text for node in element.iter(qn("w:t"), qn("w:delText"))) for element in elements]


def test_the_review_tracks_what_was_accepted_leaves_out_what_was_ignored_and_comments_the_rest(
    qtbot, decided, tmp_path
):
    window = decided
    open_messages = {issue.message for issue in window.fresh_findings()}
    target = tmp_path / "审阅稿.docx"
    with qtbot.waitSignal(window.scheduler.exported, timeout=30_000) as said:
        assert window.export_review(target)
    assert str(target) in said.args[0]
    review = docx.Document(target)
    body = review.element.body
    assert "厉" in "".join(_texts(body.xpath(".//w:ins")))
    assert "励" in "".join(_texts(body.xpath(".//w:del")))
    comments = [comment.text for comment in review.comments]
    assert any(EDIT_MESSAGE in text for text in comments)
    assert not any("签订" in text for text in comments), "an ignored finding is left out"
    for message in open_messages:
        assert any(message in text for text in comments), message
    assert read_document(window.path).texts[2].count("再接再励") == 1, "the draft itself is not changed"


def test_the_report_holds_the_findings_shown_and_the_cores_error_rate(qtbot, decided, tmp_path):
    window = decided
    target = tmp_path / "报告.json"
    with qtbot.waitSignal(window.scheduler.exported, timeout=30_000):
        assert window.export_report(target)
    report = json.loads(target.read_text(encoding="utf-8"))
    findings = report["files"][0]["findings"]
    shown = window.fresh_findings()
    assert sorted(item["text"] for item in findings) == sorted(issue.text for issue in shown)
    assert "签定" not in {item["text"] for item in findings}
    expected = assess([Checked(window.texts(), window.editor.structure.kinds, shown)])
    assert report["total"]["rate"] == round(expected.rate, 4)
    html = tmp_path / "报告.html"
    with qtbot.waitSignal(window.scheduler.exported, timeout=30_000):
        window.export_report(html)
    assert "<html" in html.read_text(encoding="utf-8").lower()


def test_the_pdf_has_pages_with_the_text_and_its_findings_listed(qtbot, decided, tmp_path, require):
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    require(chinese, "no CJK font is installed (apt-get install fonts-noto-cjk): the PDF would show boxes")
    window = decided
    target = tmp_path / "校样.pdf"
    assert window.export_pdf(target)
    reader = PdfReader(target)
    assert len(reader.pages) >= 1
    # NFKC: the font's glyph for 色 is also the Kangxi radical ⾊, which the PDF's text map may name instead
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages)).replace(" ", "")
    assert "武进召开绿色制造推进会" in text and "再接再厉" in text
    assert "[1]" in text and f"[{len(window.fresh_findings())}]" in text, "every finding is numbered, in the text"


def _protect(path) -> None:
    document = docx.Document(path)
    protection = OxmlElement("w:documentProtection")
    protection.set(qn("w:edit"), "readOnly")
    protection.set(qn("w:enforcement"), "1")
    document.settings.element.append(protection)
    document.save(path)


def test_a_protected_docx_is_saved_only_when_the_user_says_so(qtbot, window, rich, tmp_path, monkeypatch):
    target = tmp_path / "protected.docx"
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        window.save_as(".docx", target)
    _protect(target)
    _wait_checked(qtbot, window, lambda: window.open_path(target))
    asked, answers = [], [False, True]
    monkeypatch.setattr(type(window), "_write_anyway", lambda _self, *args: asked.append(args) or answers.pop(0))
    before = target.read_bytes()
    window.accept_finding(_finding(window, "再接再励"))
    with qtbot.waitSignal(window.scheduler.save_failed, timeout=30_000):
        window.save()
    assert len(asked) == 1 and "限制编辑" in asked[0][1]
    assert target.read_bytes() == before, "refused: nothing written"
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        with qtbot.waitSignal(window.scheduler.save_failed, timeout=30_000):
            window.save()
    assert "再接再厉" in "".join(read_document(target).texts)
