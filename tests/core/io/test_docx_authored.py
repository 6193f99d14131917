"""An authored Word document's paragraphs are the author's: layout repair joins only on evidence of a cut.

Each document is written here with `bench/authored_docx.py` (python-docx plus raw XML)
the way Word stores it. What the author marked (headings, outline levels, list items,
contents, fields, forms, table cells, content controls, captions, pictures) is recorded
by the reader in each paragraph's `Source`, and no join crosses it; a paragraph boundary
the author typed is joined only where the text plainly runs on across it. Pages pasted
from the layout system as DOCX still get their cuts found.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bench.authored_docx import WordDraft  # noqa: E402
from editor.core.document import Mark  # noqa: E402
from editor.core.edits import edited_document  # noqa: E402
from editor.core.engine import Engine  # noqa: E402
from editor.core.io import read_document  # noqa: E402
from editor.core.io.docx_reader import read_docx  # noqa: E402
from editor.core.issue import Category  # noqa: E402

LAYOUT = Engine({Category.LAYOUT})
BODY = "本部分规定了城市道路照明设施的设计、施工和验收要求，适用于新建、扩建和改建的城市道路照明工程。"


def joins(draft: WordDraft) -> list[tuple[str, str]]:
    document = read_docx(draft.bytes(), "authored.docx")
    texts = document.texts
    return [(texts[i.paragraph], texts[i.paragraph + 1]) for i in LAYOUT.check(document).issues if i.joins_next]


def marks(draft: WordDraft) -> dict[str, frozenset[Mark]]:
    return {p.text: p.source.marks for p in read_docx(draft.bytes(), "authored.docx").paragraphs}


def test_contents_lines_stay_apart_and_are_read_as_a_field():
    draft = WordDraft()
    draft.contents(["1 范围\t1", "2 规范性引用文件\t1", "3 术语和定义\t2"])
    draft.heading("1 范围")
    draft.body(BODY)
    assert joins(draft) == []
    assert all(Mark.FIELD in found for text, found in marks(draft).items() if "\t" in text)


@pytest.mark.parametrize("write", [WordDraft.heading, WordDraft.outline, WordDraft.plain_heading])
def test_a_heading_is_not_glued_to_its_body(write):
    draft = WordDraft()
    draft.body("本部分起草人：张明、李华")
    write(draft, "引 言")
    draft.body(BODY)
    write(draft, "1 范围")
    draft.body(BODY)
    write(draft, "2 工作回顾")
    draft.body("过去一年，全区经济运行总体平稳。")  # 过 starts words too, not only a continuation
    assert joins(draft) == []


def test_heading_styles_and_outline_levels_are_recorded():
    draft = WordDraft()
    draft.heading("总则", 2)
    draft.outline("第一章 总则", 1)
    assert marks(draft) == {"总则": {Mark.HEADING}, "第一章 总则": {Mark.HEADING}}


@pytest.mark.parametrize("write", [WordDraft.numbered, WordDraft.styled_item])
def test_list_items_keep_their_numbering(write):
    draft = WordDraft()
    draft.body("本手册包括以下内容")
    for item in ("引言", "目的", "适用范围", "职责分工，由办公室负责", "工作流程"):
        write(draft, item)
    draft.body(BODY)
    assert joins(draft) == []
    assert marks(draft)["目的"] == {Mark.LIST}


def test_numbering_taken_away_from_a_list_style_is_no_list():
    draft = WordDraft()
    draft.styled_item("目的")
    draft.styled_item("适用范围")
    unnumbered = draft.document.paragraphs[-1]._p.get_or_add_pPr()
    unnumbered.append(unnumbered.makeelement(qn("w:numPr"), {}))
    unnumbered[-1].append(unnumbered.makeelement(qn("w:numId"), {qn("w:val"): "0"}))
    assert marks(draft) == {"目的": {Mark.LIST}, "适用范围": frozenset()}


def test_hand_numbered_items_and_form_questions_stay_apart():
    draft = WordDraft()
    draft.body("三、项目的创新点和主要技术指标（限500字）")
    draft.body("四、申请人质量管理情况，包括质量管理体系认证情况")
    draft.body("a)引言")
    draft.body("1)目的")
    draft.body("2)适用范围")
    assert joins(draft) == []


def test_form_blanks_tabs_and_table_cells_are_the_authors():
    draft = WordDraft()
    draft.form_line("申请人签字：")
    draft.form_line("推荐单位意见，")
    draft.tabbed("姓名", "性别", "出生年月")
    draft.table([["项目负责人，", "张明"], ["（加盖推荐单位", "人事部门公章）"]])
    draft.content_control("请在此处填写单位名称，")
    draft.body("并于十月底前报送。")
    assert joins(draft) == []
    found = marks(draft)
    assert Mark.FORM in found["申请人签字："] and Mark.FORM in found["姓名\t性别\t出生年月"]


@pytest.mark.parametrize("styled", [True, False])
def test_a_caption_is_never_glued_into_the_story(styled):
    draft = WordDraft()
    draft.body("武阜交流对接累计70多场，达")
    draft.caption("图为联席会现场。（记者 黄雅婷 摄）", styled=styled)
    draft.body("1340多人次，交流合作项目86个。")
    assert joins(draft) == []
    assert Mark.PICTURE in marks(draft)["图为联席会现场。（记者 黄雅婷 摄）"]


def test_a_note_left_without_its_full_stop_is_not_glued_to_what_follows():
    draft = WordDraft()
    draft.table([["指标", "完成值"], ["地区生产总值", "1520"]])
    draft.body("注：本表数据截至2024年11月底，单位为亿元")
    draft.body("今年以来，全区经济运行总体平稳，主要指标好于预期。")
    assert joins(draft) == []


def test_soft_breaks_of_a_headline_and_an_address_are_kept():
    draft = WordDraft()
    draft.lines("武进区召开", "优化营商环境推进会")
    draft.lines("江苏省常州市武进区湖塘镇", "人民中路1号", "邮编213161")
    draft.body(BODY)
    assert joins(draft) == []


def test_a_cut_that_runs_on_mid_sentence_is_still_joined():
    draft = WordDraft()
    draft.heading("绿色制造")
    draft.body("绿色转型，是企业抢占新赛道，激发新动能、新优势的")
    draft.body("必由之路。洛凯股份作为我区绿色发展领军企业，入选省级示范企业8")
    draft.body("家。")
    draft.lines("企业积极对接国际市场，打响自主", "品牌。")
    assert [(left[-2:], right[:2]) for left, right in joins(draft)] == [
        ("势的", "必由"),
        ("业8", "家。"),
        ("自主", "品牌"),
    ]


def test_a_leading_tab_is_an_indent_not_form_layout():
    draft = WordDraft()
    draft.body("\t绿色转型，是企业抢占新赛道，激发新动能、新优势的")
    draft.body("必由之路。")
    draft.tabbed("联系人：张明", "电话：86311234")
    assert [(left[-2:], right[:2]) for left, right in joins(draft)] == [("势的", "必由")]
    assert marks(draft) == {
        "绿色转型，是企业抢占新赛道，激发新动能、新优势的": frozenset(),
        "必由之路。": frozenset(),
        "联系人：张明\t电话：86311234": {Mark.FORM},
    }


def test_the_sample_page_pasted_as_docx_keeps_its_ten_cuts(sample_page):
    text = read_document(sample_page)
    draft = WordDraft()
    for paragraph in text.paragraphs:
        draft.body(paragraph.text)
    document = read_docx(draft.bytes(), "page.docx")
    expected = [(i.paragraph, i.rule) for i in LAYOUT.check(text).issues if i.joins_next]
    found = [(i.paragraph, i.rule) for i in LAYOUT.check(document).issues if i.joins_next]
    assert len(expected) == 10 and found == expected


def test_a_paragraph_typed_in_the_editor_is_the_authors_too():
    draft = WordDraft()
    draft.heading("1 概况")
    draft.body("今年以来，全区经济运行总体平稳，主要指标好于预期。")
    document = read_docx(draft.bytes(), "authored.docx")
    typed = ["注：本表数据截至2024年11月底，单位为亿元", "下一步，全区将继续抓好重点项目建设。"]
    edited = edited_document(document, [*document.texts, *typed])
    assert [i for i in LAYOUT.check(edited).issues if i.joins_next] == []
