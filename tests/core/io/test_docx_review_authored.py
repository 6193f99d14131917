"""The review of a Word document as it really is: guesses stay comments, the author's revisions stay theirs.

Each document is written here (python-docx and raw XML) to reproduce one defect the
review once had on real documents.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from collections import Counter
from dataclasses import replace

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_test_support import (
    _saved,
    accept_all,
    docx_with_paragraph,
    expected_texts,
    issue,
    paragraph_texts,
    read_draft,
    reread,
    typo,
)

from editor.core.engine import Engine, safe_fixes
from editor.core.io import read_document
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import AUTHOR, build_review_docx, write_review_docx
from editor.core.io.text import parse_text
from editor.core.repair import apply_fixes

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def _shown(element) -> str:
    return "".join(text.text for text in element.iter(qn("w:t")))


def _ours(document, tag: str) -> list:
    return document.element.body.xpath(f".//w:{tag}[@w:author='{AUTHOR}']")


def test_a_guess_is_a_comment_with_its_suggestion_and_only_sure_fixes_are_tracked():
    draft = parse_text("乡村校长走进课堂。截止目前，已完成投资5亿元。\n", name="draft.txt")
    guess = replace(typo(draft, 0, 0, 3, "乡村教"), rule="typo.lm", safe=False, message="疑似别字（统计模型）")
    sure = typo(draft, 0, 9, 11, "截至")
    document = build_review_docx(draft, [guess, sure], NOW)
    assert [_shown(element) for element in _ours(document, "ins")] == ["截至"]
    (comment,) = [c for c in document.comments if "typo.lm" in c.text]
    assert "建议：乡村教" in comment.text and "未改动原文" in comment.text
    accept_all(document)
    assert paragraph_texts(document) == ["乡村校长走进课堂。截至目前，已完成投资5亿元。"]


def test_accepting_every_change_of_the_sample_pages_review_gives_what_fix_writes(sample_page_with_a_slip):
    """On the real page (with a slip), the statistical guesses are comments: accepting writes none in."""
    draft = read_document(sample_page_with_a_slip)
    result = Engine().check(draft)
    guesses = [found for found in result.issues if found.suggestions and not found.applies_unattended]
    assert guesses  # the page has guesses, or this test would not test them
    document = build_review_docx(result.repaired.draft, result.issues, NOW)
    accept_all(document)
    fixed = apply_fixes(result.repaired.draft, safe_fixes(result.issues))
    assert paragraph_texts(document) == expected_texts(fixed.document.texts)


_FORMATTING_CHANGE = (
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="作者" w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
    "</w:rPr><w:t>区政府召开常务会议研究部署冬季安全生产</w:t></w:r>"
)


def test_revision_ids_stay_unique_when_runs_with_tracked_formatting_are_split():
    draft = read_docx(docx_with_paragraph(_FORMATTING_CHANGE), "f.docx")
    document = build_review_docx(draft, [typo(draft, 1, 3, 5, "召集"), typo(draft, 1, 9, 11, "布置")], NOW)
    changes = document.element.body.findall(f".//{qn('w:rPrChange')}")
    assert len(changes) >= 3  # the run was cut in pieces, each keeps the author's change
    ids = [element.get(qn("w:id")) for tag in _REVISION_TAGS for element in document.element.body.iter(qn(f"w:{tag}"))]
    assert len(ids) == len(set(ids)), Counter(ids).most_common(3)


def test_new_revision_ids_are_apart_from_those_of_headers():
    source = docx.Document()
    source.add_paragraph("截止目前，已完成投资5亿元。")
    header = source.sections[0].header.paragraphs[0]._p
    for number in range(1, 10):
        header.append(
            parse_xml(f'<w:ins {nsdecls("w")} w:id="{number}" w:author="作者" w:date="2026-01-01T00:00:00Z"/>')
        )
    draft = read_docx(_saved(source), "h.docx")
    body_paragraph = next(n for n, text in enumerate(draft.texts) if text.startswith("截止"))
    document = build_review_docx(draft, [typo(draft, body_paragraph, 0, 2, "截至")], NOW)
    ours = [element.get(qn("w:id")) for tag in ("ins", "del") for element in _ours(document, tag)]
    assert ours and not set(ours) & {str(number) for number in range(1, 10)}


def test_no_revision_of_ours_goes_inside_the_authors_insertion():
    draft = read_draft()
    paragraph = next(n for n, text in enumerate(draft.texts) if text.startswith("详见"))
    start = draft.texts[paragraph].index("发布")
    document = build_review_docx(draft, [typo(draft, paragraph, start, start + 2, "公布")], NOW)
    body = document.element.body
    assert not body.xpath(f".//w:ins[@w:author!='{AUTHOR}']//*[@w:author='{AUTHOR}']")
    (theirs,) = body.xpath(".//w:ins[@w:author='编辑']")
    assert _shown(theirs) == "发布" and theirs.get(qn("w:id")) == "901"
    (comment,) = document.comments
    assert "建议：公布" in comment.text and "未改动原文" in comment.text


def test_a_join_across_the_authors_inserted_paragraph_mark_stays_a_comment():
    inserted = '<w:pPr><w:rPr><w:ins w:id="7" w:author="作者" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    source = docx.Document()
    for inner in (inserted + "<w:r><w:t>3</w:t></w:r>", "<w:r><w:t>这是一整段话。</w:t></w:r>"):
        element = source.add_paragraph()._p
        for child in parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"):
            element.append(child)
    draft = read_docx(_saved(source), "n.docx")
    document = build_review_docx(draft, [issue(draft, 0)], NOW)
    assert not _ours(document, "del") and len(document.comments) == 1
    accept_all(document)
    assert reread(document).texts == ["3", "这是一整段话。"]


_CONTROL = (
    '<w:r><w:t>客户：</w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="客户"/><w:text/></w:sdtPr><w:sdtContent>'
    "<w:r><w:t>Joe Bloggs</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>，金额</w:t></w:r>"
    "<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>$20</w:t></w:r></w:sdtContent></w:sdt>"
)
#: A paragraph that is a plain-text content control of its own, and the paragraph after it.
_CONTROL_PARAGRAPH = (
    f"<w:sdt {nsdecls('w')}><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>"
    "<w:p><w:r><w:t>收款人Joe Bloggs</w:t></w:r></w:p></w:sdtContent></w:sdt>"
)


def _invoice() -> bytes:
    source = docx.Document(io.BytesIO(docx_with_paragraph(_CONTROL)))
    end = source.element.body.find(qn("w:sectPr"))
    end.addprevious(parse_xml(_CONTROL_PARAGRAPH))
    source.add_paragraph("付款条件：月结。")
    return _saved(source)


def test_comments_on_text_in_content_controls_leave_it_shown_in_libreoffice(require, tmp_path):
    """LibreOffice 7.4 hid "Joe Bloggs" and "$20" of an invoice when a comment began inside their controls."""
    require(SOFFICE, "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)")
    draft = read_docx(_invoice(), "invoice.docx")
    assert draft.texts[1:4] == ["客户：Joe Bloggs，金额$20", "收款人Joe Bloggs", "付款条件：月结。"]
    guess = replace(typo(draft, 1, 3, 6, "Jon"), safe=False, rule="typo.lm")
    advisory = replace(typo(draft, 1, 15, 18, "$30"), safe=False, rule="number.test")
    in_its_own_paragraph = typo(draft, 2, 3, 6, "Jon")  # a sure fix: a tracked change, and its comment
    path = tmp_path / "review.docx"
    write_review_docx(draft, [guess, advisory, in_its_own_paragraph], path, NOW)
    command = [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shown = (tmp_path / "review.txt").read_text(encoding="utf-8-sig")
    assert "客户：Joe Bloggs，金额$20" in shown
    assert "收款人JoeJon Bloggs" in shown and "付款条件：月结。" in shown  # the deleted and the inserted name
    assert len(docx.Document(path).comments) == 3
