"""The review round trip through LibreOffice, headless: its record survives a save, and accepting every change
gives what `proofdesk fix` writes while the guesses stay comments.

"Accept all" runs as LibreOffice's own macro inside soffice (a Basic module in the test's profile,
started by a ``vnd.sun.star.script:`` URL), not over a UNO socket: LibreOffice 7.4 aborts loading
a DOCX with comments through a socket. Skipped where LibreOffice is not installed, except in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from docx_test_support import issue, typo

from editor.cli import main
from editor.core.engine import safe_fixes
from editor.core.io import read_document
from editor.core.io.docx_review import write_review_docx
from editor.core.io.review_record import State, record_of_document, stored_proposals
from editor.core.io.text import parse_text
from editor.core.issue import Severity
from editor.core.repair import apply_fixes

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
DRAFT = (
    "区政府召开常务会议\n\n"
    "本报讯 昨天下午，两地签定了文旅合作框架协议，研究部署冬季安全\n"
    "生产和民生保障工作。会议指出，要压紧压实各方责任。\n"
)
ACCEPT_ALL = """
Sub AcceptAll
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("PD_IN")), "_blank", 0, load())
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  helper.executeDispatch(doc.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(Environ("PD_OUT")), store())
  doc.close(True)
  StarDesktop.terminate()
End Sub
"""


@pytest.fixture(autouse=True)
def libreoffice(require):
    require(SOFFICE, "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)")


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> Path:
    """A LibreOffice profile of the test's own, its Standard Basic library holding `ACCEPT_ALL`."""
    folder = tmp_path_factory.mktemp("lo-profile")
    _soffice(folder, "--terminate_after_init")
    module = folder / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">{escape(ACCEPT_ALL, {chr(34): "&quot;"})}</script:module>\n',
        encoding="utf-8",
    )
    return folder


def _soffice(profile: Path, *arguments: str, env: dict[str, str] | None = None) -> None:
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *arguments]
    subprocess.run(command, capture_output=True, timeout=180, env={**os.environ, **(env or {})})


def _accept_all(profile: Path, review: Path, out: Path) -> Path:
    _soffice(
        profile,
        "vnd.sun.star.script:Standard.Module1.AcceptAll?language=Basic&location=application",
        env={"PD_IN": str(review), "PD_OUT": str(out)},
    )
    assert out.is_file(), "LibreOffice wrote nothing: the macro did not run"
    return out


def _saved_by_libreoffice(profile: Path, review: Path, folder: Path) -> Path:
    _soffice(profile, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(review))
    return folder / review.name


def _case():
    draft = parse_text(DRAFT, name="draft.txt")
    body, second = draft.texts[1], draft.texts[2]
    guess = typo(draft, 2, second.index("压紧"), second.index("压紧") + 2, "压实")
    issues = [
        issue(draft, 1),
        typo(draft, 1, body.index("签定"), body.index("签定") + 2, "签订"),
        replace(guess, rule="typo.lm", safe=False, severity=Severity.INFO, message="统计模型：疑似别字"),
    ]
    return draft, issues


def test_the_record_survives_a_save_in_libreoffice(profile, tmp_path):
    draft, issues = _case()
    review = tmp_path / "review.docx"
    write_review_docx(draft, issues, review, now=NOW)
    saved = _saved_by_libreoffice(profile, review, tmp_path / "saved")
    assert stored_proposals(saved.read_bytes()) == stored_proposals(review.read_bytes()) != []
    states = {p.rule: p.state for p in record_of_document(read_document(saved))}
    assert states == {"layout.split_paragraph": State.PENDING, "typo.test": State.ACCEPTED, "typo.lm": State.REJECTED}


def test_accepting_every_change_in_libreoffice_gives_what_fix_writes_and_leaves_the_guesses_comments(profile, tmp_path):
    draft, issues = _case()
    review = tmp_path / "review.docx"
    write_review_docx(draft, issues, review, now=NOW)
    accepted = _accept_all(profile, review, tmp_path / "accepted.docx")
    back = read_document(accepted)
    assert back.texts == apply_fixes(draft, safe_fixes(issues)).document.texts
    assert "压紧" in back.texts[1]  # the guess is not written in
    with zipfile.ZipFile(accepted) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "统计模型：疑似别字" in comments and "压实" in comments
    states = {p.rule: p.state for p in record_of_document(back)}
    assert states == {"layout.split_paragraph": State.ACCEPTED, "typo.test": State.ACCEPTED, "typo.lm": State.REJECTED}


def test_the_sample_page_reviewed_and_accepted_in_libreoffice_reads_as_its_fix(
    profile, sample_page_with_a_slip, tmp_path
):
    review, fixed = tmp_path / "review.docx", tmp_path / "fixed.txt"
    assert main(["fix", str(sample_page_with_a_slip), "--review", "-o", str(review)]) == 0
    assert main(["fix", str(sample_page_with_a_slip), "-o", str(fixed)]) == 0
    accepted = _accept_all(profile, review, tmp_path / "accepted.docx")
    assert read_document(accepted).texts == read_document(fixed).texts
    guesses = [p for p in stored_proposals(review.read_bytes()) if p.rule == "typo.lm"]
    assert guesses, "the page with its slip has a statistical guess"
    with zipfile.ZipFile(accepted) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert all(guess.message in comments for guess in guesses)
