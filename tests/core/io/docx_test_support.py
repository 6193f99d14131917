"""Shared helpers of the DOCX tests: a realistic draft built with python-docx, layout joins by hand,
and Word's "accept all" / "reject all" for the review export.

The draft is what a layout person receives: a headline, a subheadline, a byline, body
text cut by soft returns and by empty paragraphs, a bold name and an italic term, a
table with a nested table, a header and a footer, and a picture.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bench.authored_docx import tiny_png  # noqa: E402  (one PNG for the tests and the bench)
from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.fixes import Fix
from editor.core.io.docx_parts import part_roots, story_blocks
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_text import paragraph_atoms, shown_text
from editor.core.issue import Category, Issue, Severity

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_SOFFICE = "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)"
HEADER_TEXT = "武进日报 · 综合新闻"
FOOTER_TEXT = "第 3 版"


def _hyperlink(paragraph, text: str) -> None:
    link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="top"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>')
    paragraph._p.append(link)


def _tracked_run(paragraph, tag: str, text: str) -> None:
    text_tag = "w:delText" if tag == "w:del" else "w:t"
    paragraph._p.append(
        parse_xml(
            f'<{tag} {nsdecls("w")} w:id="901" w:author="编辑" w:date="2026-01-01T00:00:00Z">'
            f"<w:r><{text_tag}>{text}</{text_tag}></w:r></{tag}>"
        )
    )


@functools.cache
def build_draft_docx() -> bytes:
    """The draft as DOCX bytes. Its paragraphs as read are listed in `DRAFT_TEXTS`."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = FOOTER_TEXT
    document.add_heading("我区制造业高质量发展再上新台阶", 0)  # block 0
    document.add_heading("前三季度规上工业产值同比增长8.6%", 2)  # block 1
    document.add_paragraph("（记者 黄雅婷）")  # block 2
    body = document.add_paragraph("　　本报讯 昨天，")  # block 3: a soft return cuts it
    name = body.add_run("常州星宇车灯")
    name.bold = True
    tail = body.add_run("董事长谈行")
    tail.add_break()
    body.add_run("业发展时说，智能制造是企业转型的必由之")
    document.add_paragraph("")  # block 4: an empty paragraph from the layout
    after_gap = document.add_paragraph("路。全区共有", "Quote")  # block 5, in another style
    term = after_gap.add_run("专精特新")
    term.italic = True
    after_gap.add_run("企业8")
    document.add_paragraph("家（辖市区第一）。")  # block 6
    latin = document.add_paragraph("企业积极对接inter-")  # block 7: a hyphenated word cut by a soft return
    latin.runs[0].add_break()
    latin.add_run("national市场，打响“Made in")
    document.add_paragraph("Wujin”品牌。")  # block 8
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "指标"  # block 9
    nested = table.cell(0, 1).add_table(rows=1, cols=1)  # block 10 is the cell's empty paragraph
    nested.cell(0, 0).text = "产值"  # block 11, then block 12 (the cell's closing paragraph)
    document.add_picture(io.BytesIO(tiny_png()), width=Cm(1))  # block 13: a picture, no text
    special = document.add_paragraph("详见")  # block 14
    _hyperlink(special, "区政府网站")
    special.add_run("\t")
    _tracked_run(special, "w:ins", "发布")
    _tracked_run(special, "w:del", "删去的字")
    special.add_run("。").add_break(WD_BREAK.PAGE)
    return _saved(document)


DRAFT_TEXTS = [
    "我区制造业高质量发展再上新台阶",
    "前三季度规上工业产值同比增长8.6%",
    "（记者 黄雅婷）",
    "本报讯 昨天，常州星宇车灯董事长谈行",
    "业发展时说，智能制造是企业转型的必由之",
    "路。全区共有专精特新企业8",
    "家（辖市区第一）。",
    "企业积极对接inter-",
    "national市场，打响“Made in",
    "Wujin”品牌。",
    "指标",
    "产值",
    "详见区政府网站\t发布。",
    HEADER_TEXT,
    FOOTER_TEXT,
]


def _saved(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def read_draft() -> Document:
    return read_docx(build_draft_docx(), "draft.docx")


def issue(draft: Document, paragraph: int, start: int | None = None, end: int | None = None, **changes) -> Issue:
    """A finding on ``draft``; by default a layout join at the end of ``paragraph``."""
    text = draft.paragraphs[paragraph].text
    start = len(text) if start is None else start
    end = start if end is None else end
    joins_next = changes.pop("joins_next", True)
    values = dict(
        rule="layout.split_paragraph",
        category=Category.LAYOUT,
        severity=Severity.WARNING,
        message="排版断行：与下一段连接",
        safe=True,
    )
    values.update(changes)
    flagged = text[start:end]
    if joins_next:  # as the layout check gives it: the flagged tail, kept, is the suggestion
        replacement = values["suggestions"][0] if values.get("suggestions") else flagged
        values["suggestions"] = (replacement,)
        values["fixes"] = (Fix.replacing(paragraph, start, flagged, replacement, joins_next=True),)
    return Issue(paragraph=paragraph, start=start, end=end, text=flagged, **values)


def touches_tracked_insertion(draft: Document, paragraph: int, start: int, end: int) -> bool:
    """Would a fix of ``[start, end)`` change or border the draft's tracked insertion "发布"? (Both writers refuse.)"""
    text = draft.paragraphs[paragraph].text
    inserted = text.find("发布") if text.startswith("详见") else -1
    return inserted >= 0 and start <= inserted + 2 and end >= inserted


def typo(draft: Document, paragraph: int, start: int, end: int, replacement: str) -> Issue:
    """A finding whose fix replaces the whole of ``[start, end)`` (not only what differs), to cross runs."""
    return issue(
        draft,
        paragraph,
        start,
        end,
        rule="typo.test",
        category=Category.TYPO,
        severity=Severity.ERROR,
        message="疑似别字",
        suggestions=(replacement,),
        fixes=(Fix(paragraph, start, end, replacement),),
        joins_next=False,
    )


def paragraph_texts(document) -> list[str]:
    """Every paragraph's shown text, of every part, in reading order (as the reader sees it)."""
    return [shown_text(paragraph_atoms(block.element)) for block in story_blocks(document)]


def _unwrap(element) -> None:
    for child in list(element):
        element.addprevious(child)
    element.getparent().remove(element)


def _join_marked_paragraphs(body, marked) -> None:
    for paragraph in list(body.iter(qn("w:p"))):
        if paragraph.getparent() is None or not marked(paragraph):
            continue
        following = paragraph.getnext()
        while following is not None and following.tag != qn("w:p"):
            following = following.getnext()
        mark = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
        mark.getparent().remove(mark)
        if following is not None:  # the mark that survives is the next paragraph's, as in Word
            for child in list(following):
                if child.tag == qn("w:pPr"):
                    paragraph.remove(paragraph.find(qn("w:pPr")))
                    paragraph.insert(0, child)
                else:
                    paragraph.append(child)
            following.getparent().remove(following)


def accept_all(document) -> None:
    """What Word's "accept all changes" does with the changes the review export makes, in every part."""
    for body in part_roots(document):
        _accept_all(body)


def _accept_all(body) -> None:
    for deleted in body.xpath(".//w:del[not(parent::w:rPr)]"):
        deleted.getparent().remove(deleted)
    for inserted in body.xpath(".//w:ins[not(parent::w:rPr)]"):
        _unwrap(inserted)
    for change in body.xpath(".//w:pPrChange"):
        change.getparent().remove(change)
    while body.xpath(".//w:pPr/w:rPr/w:del"):
        _join_marked_paragraphs(body, lambda p: p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None)


def reject_all(document, author: str = "Proofdesk") -> None:
    """What Word's "reject all changes by ``author``" does with them, in every part."""
    for body in part_roots(document):
        _reject_all(body, author)


def _reject_all(body, author: str) -> None:
    for inserted in body.xpath(f".//w:ins[not(parent::w:rPr)][@w:author='{author}']"):
        inserted.getparent().remove(inserted)
    for change in body.xpath(f".//w:pPrChange[@w:author='{author}']"):
        properties = change.getparent()
        for element in [e for e in properties if e.tag not in (qn("w:rPr"), qn("w:sectPr"))]:
            properties.remove(element)
        for position, element in enumerate(change.find(qn("w:pPr"))):
            properties.insert(position, element)
    for deleted in body.xpath(f".//w:del[@w:author='{author}']"):
        if deleted.getparent().tag == qn("w:rPr"):
            deleted.getparent().remove(deleted)
            continue
        for text in deleted.iter(qn("w:delText")):
            text.tag = qn("w:t")
        _unwrap(deleted)


def reread(document, name: str = "result.docx") -> Document:
    return read_docx(_saved(document), name)


def expected_texts(texts: list[str]) -> list[str]:
    """Paragraph texts as a reader sees them once written: stripped, empty ones gone."""
    return [text.strip() for text in texts if text.strip()]


KINDS = [
    ("区政府召开常务会议", ParagraphKind.HEADLINE),
    ("研究部署冬季安全生产和民生保障工作", ParagraphKind.SUBHEADLINE),
    ("（记者 黄雅婷）", ParagraphKind.BYLINE),
    ("本报讯 昨天下午，区政府召开第五十二次常务会议，研究部署冬季安全", ParagraphKind.BODY),
    ("生产和民生保障工作。会议指出，要压紧压实各方责任。", ParagraphKind.BODY),
    ("会议还听取了全区重点项目推进情况的汇报，前三季度完成投资128.6亿元。", ParagraphKind.BODY),
    ("图为会议现场。 记者 王磊 摄", ParagraphKind.CAPTION),
]


def small_draft() -> Document:
    """A text draft written for this test, with kinds as the layout pass would give them."""
    paragraphs = [
        Paragraph(text, kind, Source(block=index * 2, blank_before=1 if index else 0))
        for index, (text, kind) in enumerate(KINDS)
    ]
    return Document(paragraphs, name="draft.txt", encoding="utf-8")


#: A paragraph's content with a page field, a simple field, a smart tag, hidden text and a non-breaking hyphen.
FIELDS_AND_TAGS = (
    "<w:r><w:t>见第</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>版</w:t></w:r></w:fldSimple>'
    '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>武进</w:t></w:r></w:smartTag>'
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
    "<w:r><w:t>乡</w:t><w:noBreakHyphen/><w:t>镇</w:t></w:r>"
)


def docx_with_paragraph(inner: str) -> bytes:
    """A DOCX of a plain paragraph followed by one with ``inner`` as its content."""
    document = docx.Document()
    document.add_paragraph("稿件占位")
    paragraph = document.add_paragraph()
    for element in parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"):
        paragraph._p.append(element)
    return _saved(document)


def libreoffice_convert(files: list[Path], target: str, out: Path, profile: Path) -> None:
    """Convert ``files`` into ``out`` as ``target`` (``docx``, ``txt:Text (encoded):UTF8``), LibreOffice headless."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target]
    subprocess.run([*command, "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=180)
