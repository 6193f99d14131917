"""The geometric steps of PDF import on hand-made characters, lines and blocks: the cases a page printed
from Word or LibreOffice brought (a line justified wide, paragraphs ending level in two columns, a body
line under the running head that names a weekday)."""

from __future__ import annotations

from editor.core.document import ParagraphKind
from editor.core.io.pdf_blocks import Block, blocks_of
from editor.core.io.pdf_chars import Char
from editor.core.io.pdf_furniture import split_furniture
from editor.core.io.pdf_lines import Line, lines_of
from editor.core.io.pdf_order import reading_order


def chars(text: str, x: float, pitch: float, first: int, baseline: float = 100.0, size: float = 10.0) -> list[Char]:
    return [Char(c, x + i * pitch, x + i * pitch + size, baseline, size, first + i) for i, c in enumerate(text)]


def test_a_line_justified_wide_stays_one_line_but_a_gutter_cuts():
    spread = chars("在很多地方", 0, 20, 0)  # gaps of one character, drawn one after the other
    assert [line.text for line in lines_of(spread)] == ["在很多地方"]
    columns = chars("在很", 0, 10, 0) + chars("地方", 30, 10, 50)  # a gap of one character to text drawn elsewhere
    assert [line.text for line in lines_of(columns)] == ["在很", "地方"]


def block(text: str, x0: float, top: float, lines: int, kind=ParagraphKind.BODY, size: float = 10.0) -> Block:
    return Block([Line(text, x0, x0 + 150, top + 8.8 + i * 15, size) for i in range(lines)], kind)


def test_paragraphs_ending_level_in_two_columns_do_not_cut_the_columns_across():
    headline = block("标题", 0, 0, 1, ParagraphKind.HEADLINE, 20.0)
    first = [block("甲一", 0, 40, 4), block("甲二", 0, 110, 4)]
    second = [block("乙一", 170, 40, 4), block("乙二", 170, 110, 4)]
    order = reading_order([second[1], first[1], headline, second[0], first[0]])
    assert [b.lines[0].text for b in order] == ["标题", "甲一", "甲二", "乙一", "乙二"]


def test_articles_side_by_side_are_read_one_after_the_other():
    left = [block("左标题", 0, 0, 1, ParagraphKind.HEADLINE, 20.0), block("左文", 0, 40, 6)]
    right = [block("右标题", 170, 0, 1, ParagraphKind.HEADLINE, 20.0), block("右文", 170, 40, 3)]
    below = [block("下标题", 0, 180, 1, ParagraphKind.HEADLINE, 20.0), block("下文", 0, 220, 3)]
    order = reading_order(right + below + left)
    assert [b.lines[0].text for b in order] == ["左标题", "左文", "右标题", "右文", "下标题", "下文"]


def test_a_body_line_under_the_running_head_that_names_a_weekday_is_text():
    head = [
        Line("武进日报", 40, 90, 40, 9),
        Line("2026年12月1日 星期二", 300, 400, 40, 9),
        Line("A2 要闻", 700, 740, 40, 9),
    ]
    body = [Line("在很多地方，宁剩勿缺的请客之风依然存在，尤其", 40, 280, 60, 10.5)]
    body.append(Line("周一至周五，单位消费的比较多，最少不低于一千", 300, 540, 60, 10.5))
    kept, info = split_furniture(head + body, 1190, 2)
    assert kept == body
    assert (info.label, info.date, info.section, info.paper) == ("A2", "2026年12月1日", "要闻", "武进日报")


def test_an_em_of_white_between_characters_drawn_alone_is_a_full_width_space_and_other_white_none():
    def alone(text: str, x: float, gap_after: int, white: float) -> list[Char]:
        placed, at = [], x
        for i, c in enumerate(text):
            placed.append(Char(c, at, at + 10, 100.0, 10.0, i, run=i + 1))  # each character its own text object
            at += 10 + (white if i == gap_after else 0.0)
        return placed

    assert [line.text for line in lines_of(alone("本报记者李明", 0, 3, 10.0))] == ["本报记者\u3000李明"]
    assert [line.text for line in lines_of(alone("以及停火的相关", 0, 2, 17.0))] == ["以及停火的相关"]  # LibreOffice
    drawn_together = [Char(c, i * 10 + (10 if i > 3 else 0), i * 10 + 10 + (10 if i > 3 else 0), 100, 10, i, 1)
                      for i, c in enumerate("本报记者李明")]  # fmt: skip
    assert [line.text for line in lines_of(drawn_together)] == ["本报记者李明"]  # one object: its own advance


def _drawn_alone(parts: list[tuple[str, float]], spacing: float = 0.0) -> list[Char]:
    """Characters each a text object of its own, 5 wide if Latin (10 if Chinese), ``spacing`` apart, and
    each part followed by the white given with it."""
    placed, at = [], 0.0
    for text, white in parts:
        for c in text:
            width = 5.0 if c.isascii() else 10.0
            placed.append(Char(c, at, at + width, 100.0, 10.0, len(placed), run=len(placed) + 1))
            at += width + spacing
        at += white
    return placed


def test_white_between_latin_words_drawn_alone_is_a_word_space_and_inside_a_word_none():
    tight = _drawn_alone([("新款", 2.5), ("iPhone", 3.0), ("15", 3.0), ("Pro", 2.5), ("上市", 0.0)])
    assert [line.text for line in lines_of(tight)] == ["新款iPhone 15 Pro上市"]  # 中西文间距 is no space
    spread = _drawn_alone([("升级", 0.0), ("Windows", 3.0), ("11", 0.0), ("系统", 0.0)], spacing=1.5)
    assert [line.text for line in lines_of(spread)] == ["升级Windows 11系统"]  # justified: the letters spread too


def test_a_headline_at_the_top_of_the_page_that_holds_a_weekday_inside_its_words_is_text():
    head = [Line("武进日报", 40, 90, 40, 9), Line("2026年12月1日星期二", 300, 400, 40, 9)]
    headline = [Line("美国一周日均新增病例再度上升", 40, 350, 80, 22)]
    kept, info = split_furniture(head + headline, 1190, 1)
    assert kept == headline and info.date == "2026年12月1日"


def test_a_gutter_beside_a_headline_cuts_a_body_line_standing_level_with_it():
    """The gap to a headline in the next column is a gutter by the body type's measure, not the headline's."""
    body = chars("在很多地方", 0, 10, 0)  # ends at 50
    headline = chars("标题", 62, 22, 50, baseline=101.0, size=22.0)  # 12 apart: under 0.6 of the headline's size
    assert [line.text for line in lines_of(body + headline)] == ["在很多地方", "标题"]


def test_a_headline_under_the_first_character_of_an_upright_one_is_a_block_of_its_own():
    """The first character of a 竖题 is a line of one character at a headline's size; a wider headline level with
    its second character and starting just left of it (the headline of the article beside) is another headline,
    not the 竖题's second line."""
    upright = [Line(char, 100, 122, 40 + 24 * index, 22) for index, char in enumerate("玻利维亚")]
    beside = Line("世行把脉全球经济看好中国增长", 90, 398, 64, 22)  # level with 利, starting left of it
    body = [
        Line("世界银行在15号公布的最新一期报告中指出，全球经济依然脆弱。", 140, 400, 100 + 14 * i, 10.5)
        for i in range(6)
    ]
    blocks = blocks_of(sorted(upright + [beside] + body, key=lambda line: line.top), 10.5)
    assert [block.text() for block in blocks if block.size > 20] == ["玻利维亚", "世行把脉全球经济看好中国增长"]
