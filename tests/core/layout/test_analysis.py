"""Layout cut detection on the real sample page, on drafts written here, and as a property."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.engine import Engine
from editor.core.io import read_document
from editor.core.io.text import parse_text
from editor.core.issue import Category
from editor.core.layout.analysis import analyse, classify
from editor.core.repair import apply_fixes
from editor.core.resources import EXAMPLE_DRAFT

LAYOUT = Engine({Category.LAYOUT})
SAMPLE_CUTS = [
    ("新优势的", "必由之路"),
    ("董事长谈行", "介绍"),
    ("企业中甄选", "用地集约化"),
    ("管理企业”8", "家（辖市区第一）"),
    ("累计70多场，达", "1340多人次"),
    ("不断提升", "协作质效"),
    ("公益诉讼检", "察，取得了"),
    ("文旅项目，以", "风车造型"),
    ("就好像自己的", "工作成果"),
    ("全市义务教", "育阶段"),
]
SAMPLE_HEADLINES = [
    "我区4家企业入围2024年度国家级绿色制造名单",
    "累计创建数居全市第一",
    "武进—阜宁南北结对交流合作联席会召开",
    "全市检察工作通报会在我区召开",
    "区第十五届政协委员开展集中视察",
    "擦亮“常有优学”民生名片 推进就业创业促进工程",
]


def repaired_texts(text: str) -> list[str]:
    document = parse_text(text)
    return apply_fixes(document, LAYOUT.check(document).issues).document.texts


def test_sample_page_has_exactly_its_ten_cuts(sample_page):
    document = read_document(sample_page)
    cuts = [issue for issue in LAYOUT.check(document).issues if issue.joins_next]
    found = [(document.paragraphs[c.paragraph].text, document.paragraphs[c.paragraph + 1].text) for c in cuts]
    assert len(found) == 10
    for (left, right), (tail, head) in zip(found, SAMPLE_CUTS, strict=True):
        assert left.endswith(tail) and right.startswith(head)


def test_sample_page_keeps_its_six_headlines_apart(sample_page):
    document = read_document(sample_page)
    result = LAYOUT.check(document)
    repaired = apply_fixes(result.repaired.draft, result.issues).document
    titles = [p.text for p in repaired.paragraphs if p.kind in (ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE)]
    assert titles == SAMPLE_HEADLINES
    assert len(repaired.paragraphs) == 26  # 6 headlines + 20 body paragraphs
    assert "全市义务教育阶段交流轮岗教师2589人。" in repaired.paragraphs[-3].text


def test_reading_does_not_classify_and_the_engine_does(sample_page):
    """Readers read: the kinds the sample page's headlines get come from the engine's check."""
    document = read_document(sample_page)
    assert {paragraph.kind for paragraph in document.paragraphs} == {ParagraphKind.BODY}
    classified = LAYOUT.check(document).classified
    assert [p.text for p in classified.paragraphs if p.kind is ParagraphKind.HEADLINE][:1] == SAMPLE_HEADLINES[:1]


def test_a_classified_document_has_the_same_cuts(sample_page):
    """The layout checks read the document the engine classified: its analysis must be the draft's own."""
    for document in (read_document(sample_page), parse_text(EXAMPLE_DRAFT.read_text(encoding="utf-8"))):
        analysis = analyse(document)
        again = analyse(classify(document))
        assert (again.cuts, again.kinds) == (analysis.cuts, analysis.kinds)
        assert analysis.cuts


def test_sample_page_cut_kinds_name_the_evidence(sample_page):
    rules = [issue.rule for issue in LAYOUT.check(read_document(sample_page)).issues]
    assert rules.count("layout.split_number") == 1  # “8” / “家”
    assert "layout.split_word" in rules  # “义务教” / “育阶段”
    assert all(rule.startswith("layout.") for rule in rules)


def test_project_sample_draft_is_repaired(tmp_path):
    texts = repaired_texts(EXAMPLE_DRAFT.read_text(encoding="utf-8"))
    assert texts[0] == "青溪区5家企业获评省级智能制造示范工厂"
    assert texts[1] == "数量居全市各辖市区首位"
    assert any("省级工业互联网标杆工厂12家。" in text for text in texts)
    assert any("公司总经理顾文博介绍" in text for text in texts)
    assert len(texts) == 12  # 17 paragraphs as read, 5 cuts


INDENTED_COLUMN = """城区新增三处口袋公园
　　今年以来，我区结合城市更新行
动，利用边角空地新建口袋公园三处，
新增绿地面积1.2万平方米。
　　据介绍，三处公园均配建了健身
步道和休憩座椅，并将于本月底前全部
向市民开放。
"""


def test_hard_wrapped_column_with_indents():
    assert repaired_texts(INDENTED_COLUMN) == [
        "城区新增三处口袋公园",
        "今年以来，我区结合城市更新行动，利用边角空地新建口袋公园三处，新增绿地面积1.2万平方米。",
        "据介绍，三处公园均配建了健身步道和休憩座椅，并将于本月底前全部向市民开放。",
    ]


UNMARKED_COLUMN = """今年以来，我区结合城市更新行动，利
用边角空地新建口袋公园三处，新增绿地
面积1.2万平方米。
据介绍，三处公园均配建了健身步道和休
憩座椅，并将于本月底前全部向市民开放
。
区园林部门表示，将持续推进增绿工程。
"""


def test_hard_wrapped_column_without_indents():
    texts = repaired_texts(UNMARKED_COLUMN)
    assert texts == [
        "今年以来，我区结合城市更新行动，利用边角空地新建口袋公园三处，新增绿地面积1.2万平方米。",
        "据介绍，三处公园均配建了健身步道和休憩座椅，并将于本月底前全部向市民开放。",
        "区园林部门表示，将持续推进增绿工程。",
    ]


def test_number_cut_from_its_measure_word():
    document = parse_text("全区共建成城市书房28\n\n家，农家书屋203个。")
    (issue,) = LAYOUT.check(document).issues
    assert issue.rule == "layout.split_number" and issue.text == "8" and issue.safe


def test_latin_words_hyphenated_and_wrapped():
    draft = "会议邀请了来自inter-\n\nnational organizations的代表，探讨artificial\n\nintelligence的应用。"
    assert repaired_texts(draft) == [
        "会议邀请了来自international organizations的代表，探讨artificial intelligence的应用。"
    ]


def test_headline_is_never_glued_to_body_even_without_full_stop():
    texts = repaired_texts(
        "区领导调研安全生产工作\n\n本报讯（记者 王岚）昨天，区领导到企业调研\n\n"
        "城区新增三处口袋公园\n\n今年以来，我区利用边角空地新建口袋公园三处。"
    )
    assert texts == [
        "区领导调研安全生产工作",
        "本报讯（记者 王岚）昨天，区领导到企业调研",
        "城区新增三处口袋公园",
        "今年以来，我区利用边角空地新建口袋公园三处。",
    ]


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        # a quotation cut by a column jump, in a piece that would pass for a headline
        ("古银杏是“植物界", "大熊猫”，是研究植物演化的重要资料。"),
        # a single quotation inside a double one, cut inside a list of names
        ("他说：“盼着更多的‘王书记’、‘李", "主任’走进村里……”"),
        # a bracket left open, before a piece without a sentence mark
        ("获奖者有陈静（女，", "回族）、刘洋、孙立"),
    ],
)
def test_a_piece_cut_inside_its_marks_runs_on_whatever_follows(first, rest):
    """A column jump inside a quotation, a bracket or a list shows itself by the marks alone."""
    draft = f"区运动会开幕\n\n本报讯　昨天，区运动会开幕。\n\n{first}\n\n{rest}"
    assert repaired_texts(draft)[-1] == first + rest


def test_a_quotation_running_over_paragraphs_keeps_them():
    """Each paragraph of a quotation of several opens it again; only the last closes it."""
    draft = "他在信中写道：\n\n“我们村这几年变化很大，道路宽了，房子新了。\n\n“大家的日子越过越红火。”"
    assert len(repaired_texts(draft)) == 3


def test_paragraph_ending_with_colon_is_left_alone():
    assert repaired_texts("会议提出三点要求：\n\n一是压实责任；\n\n二是强化督查。") == [
        "会议提出三点要求：",
        "一是压实责任；",
        "二是强化督查。",
    ]


def test_stray_spaces_between_chinese_go_but_byline_and_headline_gaps_stay():
    text = "擦亮民生名片 推进就业工程\n\n本报讯（陈雨康 记者 朱梦琪）全市新建 改扩建中小学校43所。"
    issues = LAYOUT.check(parse_text(text)).issues
    assert [(issue.rule, issue.paragraph, issue.text) for issue in issues] == [("layout.stray_space", 1, " ")]
    assert repaired_texts(text)[1] == "本报讯（陈雨康 记者 朱梦琪）全市新建改扩建中小学校43所。"


@pytest.mark.parametrize("opener", ["本报讯", "本报北京1月13日讯", "新华社北京12月1日电"])
def test_the_gap_a_dateline_is_set_apart_with_stays_and_one_later_in_the_line_goes(opener):
    text = f"{opener} 昨天下午，区政府召开 常务会议。"
    assert repaired_texts(text) == [f"{opener} 昨天下午，区政府召开常务会议。"]


def test_bylines_and_captions_are_classified():
    document = parse_text("标题在这里\n\n本报记者 李明 王芳\n\n图为工人正在检修设备。\n\n正文第一段。")
    kinds = analyse(document).kinds
    assert kinds == [ParagraphKind.HEADLINE, ParagraphKind.BYLINE, ParagraphKind.CAPTION, ParagraphKind.BODY]


def test_a_sentence_starting_with_reporter_is_not_a_byline():
    kinds = analyse(parse_text("记者今天从区统计局了解到，全区经济运行平稳。")).kinds
    assert kinds == [ParagraphKind.BODY]


_ALPHABET = "我区企业绿色发展工作会议，。、；：“”（）！？12345abcXYZ 　"
_paragraph = st.text(alphabet=_ALPHABET, min_size=1, max_size=40)
_separator = st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", "\n　　"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_paragraph, _separator), min_size=1, max_size=12))
def test_repair_never_changes_the_text_other_than_whitespace(parts):
    text = "".join(paragraph + separator for paragraph, separator in parts)
    if not text.strip():
        return
    document = parse_text(text)
    repaired = apply_fixes(document, LAYOUT.check(document).issues).document
    assert re.sub(r"\s", "", "".join(repaired.texts)) == re.sub(r"\s", "", text)


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_every_cut_fix_is_safe_and_joins(separator):
    document = parse_text(f"绿色转型是企业发展的{separator}必由之路。")
    (issue,) = LAYOUT.check(document).issues
    assert issue.safe and issue.joins_next and issue.category is Category.LAYOUT


def test_a_table_cell_keeps_its_kind_however_short():
    """A table's cells (a container, in a Word document or a PDF) hold labels and figures: short, unpunctuated, and
    no headline, as the short line before the table is."""
    texts = ["2026年度重点项目", "项目", "2026年", "区住建局负责人介绍，下一步将继续加大投入力度。"]
    paragraphs = [
        Paragraph(text, ParagraphKind.BODY, Source(block=index, authored=True, container=1 if index in (1, 2) else 0))
        for index, text in enumerate(texts)
    ]
    kinds = [paragraph.kind for paragraph in classify(Document(paragraphs)).paragraphs]
    assert kinds == [ParagraphKind.HEADLINE, ParagraphKind.BODY, ParagraphKind.BODY, ParagraphKind.BODY]
