"""What a newspaper's own pages show a layout person: datelines and bylines as the 人民日报 prints
them, a headline standing short in a column, a headline the text seems to read on into."""

from __future__ import annotations

from editor.core.document import ParagraphKind
from editor.core.engine import Engine
from editor.core.io.text import parse_text
from editor.core.issue import Category
from editor.core.layout.analysis import classify
from editor.core.repair import apply_fixes

LAYOUT = Engine({Category.LAYOUT})


def repaired_texts(text: str) -> list[str]:
    document = parse_text(text)
    return apply_fixes(document, LAYOUT.check(document).issues).document.texts


def test_a_dateline_with_its_place_and_day_opens_an_article():
    """本报北京12月30日讯 opens an article as 本报讯 does: the line over it is a headline, and a
    dateline line ending on 、 runs on even into a line that opens like an article (本报记者…)."""
    draft = "区侨办发表新年贺词\n\n本报北京12月30日讯新华社记者王岚、\n\n本报记者李明报道：新年将至，区侨办发表贺词。\n"
    assert repaired_texts(draft) == [
        "区侨办发表新年贺词",
        "本报北京12月30日讯新华社记者王岚、本报记者李明报道：新年将至，区侨办发表贺词。",
    ]


def test_a_reporter_named_without_a_space_is_a_byline():
    """The 人民日报 prints 本报记者贾西平 without the space a district daily sets: a byline all the same."""
    document = classify(parse_text("火箭总师的一天\n\n本报记者王岚\n\n细心的读者会发现，卫星发射越来越多了。\n"))
    assert [paragraph.kind for paragraph in document.paragraphs] == [
        ParagraphKind.HEADLINE,
        ParagraphKind.BYLINE,
        ParagraphKind.BODY,
    ]


SHORT_HEADLINE_IN_A_COLUMN = """今年以来，我区新建城市书房二十
八家，农家书屋二百零三个，覆盖
各镇街道，群众借阅更加方便。
桥头的早餐店
早餐店每天清晨五点开门，老板娘
早早备好了豆浆油条，街坊邻居们
都爱来这里吃早饭。
"""


def test_a_line_short_of_its_column_is_joined_on_plain_evidence_only():
    """A line without punctuation that falls short of its column ended its paragraph or is a headline:
    the language model reading on into the next line (早餐店 / 早餐店每天) does not join it."""
    assert repaired_texts(SHORT_HEADLINE_IN_A_COLUMN) == [
        "今年以来，我区新建城市书房二十八家，农家书屋二百零三个，覆盖各镇街道，群众借阅更加方便。",
        "桥头的早餐店",
        "早餐店每天清晨五点开门，老板娘早早备好了豆浆油条，街坊邻居们都爱来这里吃早饭。",
    ]


def test_without_a_word_across_the_cut_the_model_must_be_surer():
    """A headline whose last word the article opens with (大槐树 / 槐树下) reads on to the model nearly as
    well as a paragraph cut in two; a dictionary word across the cut (改扩 / 建) is evidence of its own."""
    assert repaired_texts("村口的大槐树\n\n槐树下是村民议事的地方，大事小情都在这里商量。\n") == [
        "村口的大槐树",
        "槐树下是村民议事的地方，大事小情都在这里商量。",
    ]
    assert repaired_texts("今年以来，全区新建和改扩\n\n建中小学校十三所。\n") == [
        "今年以来，全区新建和改扩建中小学校十三所。"
    ]


CUT_AT_A_BYLINES_GAP = """本报讯（记者 王岚 通讯员
 李明）今年以来，全区新建中小学校
十三所，新增学位一万二千个，群众
家门口上学更加方便。
区教育局有关负责人介绍，下一步将
继续推进学校建设。
"""


def test_a_line_cut_at_a_bylines_gap_runs_on_and_keeps_the_gap():
    """A single half-width space at a line's head is the gap of the byline the line was cut at
    (通讯员 / 李明）), no indent: the line before runs on, and the byline keeps its gap."""
    expected = [
        "本报讯（记者 王岚 通讯员 李明）今年以来，全区新建中小学校十三所，新增学位一万二千个，群众家门口上学更加方便。",
        "区教育局有关负责人介绍，下一步将继续推进学校建设。",
    ]
    assert repaired_texts(CUT_AT_A_BYLINES_GAP) == expected
    indented = CUT_AT_A_BYLINES_GAP.replace("本报讯", "　　本报讯").replace("区教育局", "　　区教育局")
    assert repaired_texts(indented) == expected
