"""Newspaper pages printed from Word/LibreOffice: a DOCX of multi-column sections turned into PDF by LibreOffice.

Each article is a one-column section (headline, perhaps a subheadline and a byline) over a section
of 2–4 columns (body paragraphs justified with a two-character first-line indent, perhaps a
caption in small type at its end), sections continuous, so the text flows on from page to page as
a page printed from Word does. The header is the running head (报名, date and weekday, 版次 and
版名), the footer the 责任编辑 line and the page number. The answer is the article paragraphs in
order. `libreoffice_scores` typesets such pages with ``soffice --headless`` and scores the import,
and again with the paragraphs set apart by 6 pt of space and not indented, as a document written in a
word processor's styles often is.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
import time
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from bench.draft_maker import clauses
from editor.core.io.pdf_reader import read_pdf

FONT = "Noto Serif CJK SC"
_NAMES = ["李明", "张蕾", "王建国", "陈思远"]


def _run(paragraph, text: str, size: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _columns(section, count: int) -> None:
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:cols")):
        sect_pr.remove(old)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "360")
    sect_pr.append(cols)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def make_docx(
    articles: list, rng: random.Random, path: Path, section_name: str, indented: bool = True
) -> list[tuple[str, str]]:
    """Write the DOCX of ``articles`` (corpus `Article`s) to ``path``; the answer's paragraphs. Not ``indented``:
    the body paragraphs are set apart by space after each instead."""
    document = docx.Document()
    first = document.sections[0]
    first.page_width, first.page_height = Cm(21), Cm(29.7)
    first.left_margin = first.right_margin = Cm(1.8)
    first.top_margin = first.bottom_margin = Cm(2.2)
    head = first.header.paragraphs[0]
    _run(head, "武进日报    2026年12月1日 星期二    A", 9)
    _field(head, "PAGE")
    _run(head, f" {section_name}", 9)
    foot = first.footer.paragraphs[0]
    _run(foot, "责任编辑：周敏  美编：陈力  校对：王芳    ", 8)
    _field(foot, "PAGE")
    answer: list[tuple[str, str]] = []
    for article in articles:
        headline, *others = article.headlines
        paragraph = document.add_paragraph()
        _run(paragraph, headline, 20, bold=True)
        paragraph.paragraph_format.space_before = Pt(8)
        answer.append(("headline", headline))
        if others and rng.random() < 0.5:
            _run(document.add_paragraph(), others[0], 14)
            answer.append(("subheadline", others[0]))
        if rng.random() < 0.7:
            byline = f"本报记者 {rng.choice(_NAMES)}"
            _run(document.add_paragraph(), byline, 10.5)
            answer.append(("byline", byline))
        document.add_section(WD_SECTION.CONTINUOUS)
        _columns(document.sections[-2], 1)
        for text in article.paragraphs:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if indented:
                paragraph.paragraph_format.first_line_indent = Pt(21)
            else:
                paragraph.paragraph_format.space_after = Pt(6)
            _run(paragraph, text, 10.5)
            answer.append(("body", text))
        if rng.random() < 0.3:
            caption = f"{article.paragraphs[0][:16].rstrip('，、；')}。（记者 {rng.choice(_NAMES)} 摄）"
            _run(document.add_paragraph(), caption, 8.5)
            answer.append(("caption", caption))
        document.add_section(WD_SECTION.CONTINUOUS)
        _columns(document.sections[-2], rng.randint(2, 4))
    document.save(str(path))
    return answer


def make_bulletin_docx(articles: list, rng: random.Random, path: Path) -> list[tuple[str, str]]:
    """Write ``articles`` to ``path`` as a bulletin (公文) is printed from Word: one column, each title centred (a
    long one wraps to a second line), body paragraphs justified with a first-line indent, after half of them a
    table ruled all round (网格型: a head row and rows of a clause and two figures), and under a third of them the
    signature and the date set flush right; the answer's paragraphs, each cell one."""
    document = docx.Document()
    first = document.sections[0]
    first.page_width, first.page_height = Cm(21), Cm(29.7)
    first.left_margin = first.right_margin = Cm(2.6)
    first.top_margin = first.bottom_margin = Cm(3.0)
    _field(first.footer.paragraphs[0], "PAGE")
    first.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    answer: list[tuple[str, str]] = []
    for article in articles:
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(12), Pt(12)
        _run(title, article.headlines[0], 18, bold=True)
        answer.append(("headline", article.headlines[0]))
        for text in article.paragraphs:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Pt(24)
            _run(paragraph, text, 12)
            answer.append(("body", text))
        if rng.random() < 0.5:
            answer += _table(document, article, rng)
        if rng.random() < 0.33:
            for line in ("武进区人民政府办公室", "2026年12月1日"):
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _run(paragraph, line, 12)
                answer.append(("body", line))
    document.save(str(path))
    return answer


def _table(document, article, rng: random.Random) -> list[tuple[str, str]]:
    """A table of a head row and 2–4 rows of a clause of the article and two figures; its cells' answers."""
    rows = [("项目", "2025年", "2026年")]
    labels = clauses(article.paragraphs, 4, 12)[:4]
    rows += [(label, str(rng.randint(1, 999)), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}") for label in labels]
    if len(rows) < 3:
        return []
    table = document.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for cells, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            _run(cell.paragraphs[0], text, 12)
    document.add_paragraph()  # Word keeps a paragraph after a table
    return [("body", text) for texts in rows for text in texts]


def libreoffice_scores(pool: list, rng: random.Random, scores_type) -> list[str]:
    """Lines to print: LibreOffice pages from ``pool`` (articles left by the ReportLab pages) read and scored: 24
    articles in multi-column sections indented, 24 more set apart by space, and 24 more as a bulletin."""
    lines = []
    for style, make in (
        ("DOCX of multi-column sections, first-line indent", lambda a, path: make_docx(a, rng, path, "综合", True)),
        (
            "DOCX of multi-column sections, space between paragraphs, no indent",
            lambda a, path: make_docx(a, rng, path, "综合", False),
        ),
        (
            "a bulletin: one column, titles centred, ruled tables, signatures flush right",
            lambda a, path: make_bulletin_docx(a, rng, path),
        ),
    ):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "pages.docx"
            answer = make([pool.pop() for _ in range(min(24, len(pool)))], source)
            try:
                subprocess.run(
                    ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
            except (OSError, subprocess.SubprocessError) as error:
                return [f"LibreOffice pages: not made ({error})"]
            data = (Path(folder) / "pages.pdf").read_bytes()
        started = time.perf_counter()
        document = read_pdf(data, "pages.pdf")
        elapsed = time.perf_counter() - started
        scores = scores_type()
        furniture = ["武进日报", "2026年12月1日 星期二", "责任编辑", "美编：", "校对："]
        scores.add(answer, [(p.kind.value, p.text) for p in document.paragraphs], furniture)
        lines += [
            f"LibreOffice pages ({style}): {len(document.pages)} pages, "
            f"{sum(kind == 'headline' for kind, _ in answer)} articles, read in {elapsed:.2f} s",
            *scores.lines(),
        ]
    return lines
