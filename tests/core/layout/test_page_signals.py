"""What a layout person reads on a page pasted whole: a width per article, the marks no paragraph
ends with, the indent that marks every paragraph, the dateline, the headline between articles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.engine import Engine
from editor.core.io.text import parse_text
from editor.core.issue import Category
from editor.core.layout.columns import Columns, LineWidths, as_single_spaced, line_columns
from editor.core.layout.shape import as_set, carried
from editor.core.repair import apply_fixes

LAYOUT = Engine({Category.LAYOUT})


def repaired_texts(text: str) -> list[str]:
    document = parse_text(text)
    return apply_fixes(document, LAYOUT.check(document).issues).document.texts


TWO_WIDTHS = """今年以来，我区坚持把生态环境保护摆在突出
位置，统筹推进治水治气治土各项工作，全区
空气质量优良天数比例达到百分之八十五以上，
主要河流断面水质全部达到考核要求。区生态
环境局有关负责人表示，下一步将继续深化污
染防治攻坚行动，持续改善全区生态环境质量，
让群众共享更多绿色福祉。
城区新增三处口袋公园
据介绍，三处公园均配建了健
身步道和休憩座椅和儿童游乐
设施和公共卫生间和智能照明
系统并将于本月底前全部向市
民开放。区园林部门表示，将
持续推进城市增绿工程。
"""


def test_each_article_is_read_at_its_own_width():
    """The narrower article's full lines without punctuation are lines of its column, not headlines."""
    assert repaired_texts(TWO_WIDTHS) == [
        "今年以来，我区坚持把生态环境保护摆在突出位置，统筹推进治水治气治土各项工作，全区空气质量优良天数比例"
        "达到百分之八十五以上，主要河流断面水质全部达到考核要求。区生态环境局有关负责人表示，下一步将继续深化"
        "污染防治攻坚行动，持续改善全区生态环境质量，让群众共享更多绿色福祉。",
        "城区新增三处口袋公园",
        "据介绍，三处公园均配建了健身步道和休憩座椅和儿童游乐设施和公共卫生间和智能照明系统并将于本月底前全部"
        "向市民开放。区园林部门表示，将持续推进城市增绿工程。",
    ]


def _plain(widths: list[int]) -> LineWidths:
    """Lines of these widths, none ending on a mark that may hang or followed by one carried down."""
    return LineWidths(widths, [0] * len(widths), [0] * len(widths))


def test_line_columns_finds_where_the_width_changes():
    """A run of 20-character lines, then one of 14: each line gets its own run's column (PDF import asks this)."""
    widths = [40] * 7 + [12] + [40] * 5 + [28] * 6 + [10] + [28] * 4
    found = line_columns(_plain(widths), None, *[[False] * len(widths)] * 2)
    assert found == [Columns(40, False)] * 13 + [Columns(28, False)] * 11


def test_line_columns_sees_no_column_in_lines_of_any_length():
    widths = [60, 182, 34, 96, 240, 18, 75, 130]
    assert line_columns(_plain(widths), None, *[[False] * len(widths)] * 2) == [None] * len(widths)


SEMICOLON_COLUMN = """今年以来，全区新建和改扩建中小学
校十三所；
新增学位一万二千个，有效缓解了城区
入学难的问题。全区还新建城市书房二
十八家，农家书屋二百零三个，覆盖各
镇街道。
会议提出两点要求：
一是压实各级责任；
二是强化督查考核。
"""


def test_a_line_ending_in_a_semicolon_runs_on_unless_a_list_item_follows():
    assert repaired_texts(SEMICOLON_COLUMN) == [
        "今年以来，全区新建和改扩建中小学校十三所；新增学位一万二千个，有效缓解了城区入学难的问题。"
        "全区还新建城市书房二十八家，农家书屋二百零三个，覆盖各镇街道。",
        "会议提出两点要求：",
        "一是压实各级责任；",
        "二是强化督查考核。",
    ]


ONE_INDENTED_PARAGRAPH = """城区新增三处口袋公园
　　今年以来，我区结合城市更新行
动，利用边角空地新建口袋公园三处。
据介绍，三处公园均配建了健身步道
和休憩座椅，将于本月底前开放。
"""


def test_an_indented_column_continues_past_a_sentence_end_at_its_edge():
    """One indented paragraph is enough to show the indent style: the unindented line after a full one goes on."""
    assert repaired_texts(ONE_INDENTED_PARAGRAPH) == [
        "城区新增三处口袋公园",
        "今年以来，我区结合城市更新行动，利用边角空地新建口袋公园三处。据介绍，三处公园均配建了健身步道和休憩座椅，"
        "将于本月底前开放。",
    ]


HEADLINE_AS_WIDE_AS_THE_COLUMN = """　　今年以来，我区结合城市更新行
动，利用边角空地新建了口袋公园三
处，新增绿地面积达一万二千平方米。
全区城市书房建设全面提速提质增效
　　据介绍，全区已建成城市书房二
十八家，农家书屋二百零三个。
"""


def test_a_headline_as_wide_as_an_indented_column_is_kept_apart():
    """Between a sentence's end and an indented line, a full line without punctuation is a paragraph of its own."""
    assert repaired_texts(HEADLINE_AS_WIDE_AS_THE_COLUMN) == [
        "今年以来，我区结合城市更新行动，利用边角空地新建了口袋公园三处，新增绿地面积达一万二千平方米。",
        "全区城市书房建设全面提速提质增效",
        "据介绍，全区已建成城市书房二十八家，农家书屋二百零三个。",
    ]


DATELINE = """区领导调研安全生产工作

本报讯（记者 王岚 通讯员 李明）

昨天，区领导到企业调研安全生产工作。
"""


def test_a_dateline_on_its_own_line_is_run_in_with_the_first_paragraph():
    assert repaired_texts(DATELINE) == [
        "区领导调研安全生产工作",
        "本报讯（记者 王岚 通讯员 李明）昨天，区领导到企业调研安全生产工作。",
    ]


def test_a_line_leaving_a_bracket_open_runs_on():
    """A column jump inside the dateline's brackets leaves a short line without punctuation: not a headline."""
    draft = "全国青年京剧演员电视大赛进入复赛\n\n新华社北京电（记者 顾文博\n\n通讯员 周健）大赛昨晚进入复赛阶段。"
    assert repaired_texts(draft) == [
        "全国青年京剧演员电视大赛进入复赛",
        "新华社北京电（记者 顾文博通讯员 周健）大赛昨晚进入复赛阶段。",
    ]


_CHARS = "我区企业绿色发展工作会议城市公园今年以来，。、；：“”（）！？1234abc"
_article = st.tuples(
    st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=60), min_size=1, max_size=4),
    st.integers(min_value=6, max_value=30),
    st.booleans(),
)


def _wrap(paragraph: str, columns: int, indent: str) -> list[str]:
    text = indent + paragraph
    return [text[start : start + columns] for start in range(0, len(text), columns)]


@settings(max_examples=150, deadline=None)
@given(st.lists(_article, min_size=1, max_size=4))
def test_repairing_a_page_of_columns_changes_nothing_but_whitespace(articles):
    """Articles hard-wrapped at widths of their own, indented or not: repair only ever joins lines."""
    lines = [
        line
        for paragraphs, columns, indented in articles
        for paragraph in paragraphs
        for line in _wrap(paragraph, columns, "\u3000\u3000" if indented else "")
    ]
    text = "\n".join(lines) + "\n"
    if not text.strip():
        return
    document = parse_text(text)
    repaired = apply_fixes(document, LAYOUT.check(document).issues).document
    assert re.sub(r"\s", "", "".join(repaired.texts)) == re.sub(r"\s", "", text)


FULL_FIRST_LINE = """全区安全生产工作会议召开
今年以来，我区新建城市书房二十
八家，农家书屋二百零三个，覆盖
各镇街道。
区政府日前召开全区安全生产工作
会议，部署下一阶段重点工作，要
求各部门压实责任。
"""


def test_a_paragraph_whose_first_line_fills_the_column_runs_on():
    """A line without punctuation as full as its column is seldom a headline: less evidence joins it
    (区政府日前召开全区安全生产工作 / 会议 reads on, if not by the margin a short line needs)."""
    assert repaired_texts(FULL_FIRST_LINE) == [
        "全区安全生产工作会议召开",
        "今年以来，我区新建城市书房二十八家，农家书屋二百零三个，覆盖各镇街道。",
        "区政府日前召开全区安全生产工作会议，部署下一阶段重点工作，要求各部门压实责任。",
    ]


def test_a_draft_opens_with_its_headline_however_wide():
    """The first line of a draft needs the evidence of a short one (…投入使用 / 新院区位于 reads on a little)."""
    draft = (
        "区人民医院新院区年底前投入使用\n新院区位于城区东部，总建筑面积\n"
        "十二万平方米，新增床位八百张，\n可满足城区群众就医需求。\n"
    )
    assert repaired_texts(draft) == [
        "区人民医院新院区年底前投入使用",
        "新院区位于城区东部，总建筑面积十二万平方米，新增床位八百张，可满足城区群众就医需求。",
    ]


HEADLINES_IN_AN_INDENTED_COLUMN = """　　今年以来，我区结合城市更新行
动，利用边角空地新建口袋公园三处，
新增绿地面积一万二千平方米。
城区新增三处口袋公园昨开放
全区城市书房建设全面提速增效
　　据介绍，全区已建成城市书房二
十八家，农家书屋二百零三个，实现
了行政村全覆盖，群众借阅更加方便。
"""


def test_a_line_overhangs_its_column_only_by_the_marks_it_hangs():
    """Three short lines (a paragraph's end, two headlines) are no narrower column: a headline 2 units
    wider than such a column would overhang it without a mark to hang, so they stay apart."""
    assert repaired_texts(HEADLINES_IN_AN_INDENTED_COLUMN) == [
        "今年以来，我区结合城市更新行动，利用边角空地新建口袋公园三处，新增绿地面积一万二千平方米。",
        "城区新增三处口袋公园昨开放",
        "全区城市书房建设全面提速增效",
        "据介绍，全区已建成城市书房二十八家，农家书屋二百零三个，实现了行政村全覆盖，群众借阅更加方便。",
    ]


PUSHED_COLUMN = """今年以来，全区深入推进城市更新
行动，利用边角空地和闲置地块新
建口袋公园和街头绿地共计十三
处，新增绿地面积一万二千平方
米。
区园林部门负责人介绍，下一步将
持续推进城市增绿工程，让群众推
窗见绿、出门进园。
"""


def test_a_line_a_character_short_fills_its_column_when_a_mark_took_that_character_down():
    """方正 and InDesign set 处， at a line's start by pushing 处 down (推出) rather than hanging ， past the edge:
    the line without punctuation left a character short is a full line of the column, not a headline."""
    assert repaired_texts(PUSHED_COLUMN) == [
        "今年以来，全区深入推进城市更新行动，利用边角空地和闲置地块新建口袋公园和街头绿地共计十三处，新增绿地面积"
        "一万二千平方米。",
        "区园林部门负责人介绍，下一步将持续推进城市增绿工程，让群众推窗见绿、出门进园。",
    ]


@pytest.mark.parametrize(
    ("line", "taken_down"),
    [
        ("处，新增绿地", "处"),
        ("议”，并呼吁", "议”"),
        ("“十三五”期间", "“"),
        ("（“双减”", "（“"),
        ("新增绿地", ""),
        ("，新增", ""),
    ],
)
def test_what_a_layout_system_carries_down_to_a_line_start(line, taken_down):
    assert carried(line) == taken_down


WIDTH_CHANGES_MID_SENTENCE = """　　今年以来，全区坚持把生态环境保护摆在
突出位置，统筹推进治水治气治土各项工作。
　　区生态环境局有关负责人表示，下一步将
继续深化污染防治攻坚行动。区园林部门在人
民公园北侧布置了以“长城”为
主题的大型立体花坛，分为东西
两组，每组长六十米，宽二十五
米，使用了龙柏、叶子花等大型
植物三千株。
"""


def test_the_first_line_at_a_new_width_is_read_in_its_own_column():
    """An article continued at a narrower width: the first narrow line, without punctuation, fills its own
    column and is no headline, though it falls far short of the wider column of the line before."""
    assert repaired_texts(WIDTH_CHANGES_MID_SENTENCE) == [
        "今年以来，全区坚持把生态环境保护摆在突出位置，统筹推进治水治气治土各项工作。",
        "区生态环境局有关负责人表示，下一步将继续深化污染防治攻坚行动。区园林部门在人民公园北侧布置了以“长城”为"
        "主题的大型立体花坛，分为东西两组，每组长六十米，宽二十五米，使用了龙柏、叶子花等大型植物三千株。",
    ]


COUNTED_COLUMN = """　　今年以来，全区新建和改扩
建中小学校一批，新增学位一万
二千个，新建城市书房28家。
农家书屋二百余个，实现了行政
村全覆盖。
　　区教育局负责人介绍，明年
将再建学校五所，新增学位六千
个，进一步缓解城区入学难的问
题。
"""


def test_a_column_wrapped_by_counting_characters_is_full_with_digits_in_a_line():
    """Wrapped at 14 characters, full-width digits or counted as such: 二千个，新建城市书房28家。 fills its
    column though its two digits take one cell as displayed, so the unindented line after it runs on."""
    assert repaired_texts(COUNTED_COLUMN) == [
        "今年以来，全区新建和改扩建中小学校一批，新增学位一万二千个，新建城市书房28家。农家书屋二百余个，实现了"
        "行政村全覆盖。",
        "区教育局负责人介绍，明年将再建学校五所，新增学位六千个，进一步缓解城区入学难的问题。",
    ]


def test_lines_are_read_in_the_measure_that_explains_them_better():
    """Half-width digits taking half a cell: a column counted in characters explains these lines worse."""
    displayed = _plain([28, 28, 27, 28, 28, 12])
    counted = _plain([28, 28, 30, 28, 28, 12])
    found = line_columns(displayed, counted, *[[False] * 6] * 2)
    assert found[:5] == [Columns(28, False)] * 5
    counted_better = line_columns(
        _plain([28, 28, 26, 28, 28, 12]), _plain([28, 28, 28, 28, 28, 12]), *[[False] * 6] * 2
    )
    assert counted_better[:5] == [Columns(28, False, by_characters=True)] * 5


#: Set 16 characters wide with indents, copied without them: a paragraph's first line is 14 characters.
INDENT_LOST = """城区新增十三处口袋公园
今年以来，全区深入推进城市更
新行动，用空地建成口袋公园十处。
新增绿地面积一万二千平方米，市民
出门就能见到绿色。
区园林部门负责人介绍，下一步
将持续推进城市增绿工程，在人民公
园北侧布置立体花坛，本月底完工。
据了解，全区今年还将新建城市
书房八家，实行二十四小时开放，市
民凭身份证即可借阅，深受群众好评。
今后将推广到各镇。
"""


def test_a_column_whose_indents_copying_lost_shows_its_paragraphs_by_their_first_lines():
    """A PDF viewer copies an indent's white as nothing: each paragraph's first line is two characters short.
    A full line ending a sentence runs on into a full line (…十处。 / 新增…), not into a line the indent
    short (…完工。 / 据了解…), nor into a line shorter still, which may be a paragraph of one line."""
    assert repaired_texts(INDENT_LOST) == [
        "城区新增十三处口袋公园",
        "今年以来，全区深入推进城市更新行动，用空地建成口袋公园十处。新增绿地面积一万二千平方米，市民出门就能见到绿色。",
        "区园林部门负责人介绍，下一步将持续推进城市增绿工程，在人民公园北侧布置立体花坛，本月底完工。",
        "据了解，全区今年还将新建城市书房八家，实行二十四小时开放，市民凭身份证即可借阅，深受群众好评。",
        "今后将推广到各镇。",
    ]


def test_line_columns_tells_a_lost_indent_from_a_bare_column():
    """Paragraph ends followed by lines the indent short are a column whose indents were lost; followed by
    full lines, a bare column, where a line as wide by chance is a paragraph's end."""
    lost = [28, 32, 32, 14, 28, 32, 20, 28, 32, 32, 10, 28, 32]
    found = line_columns(_plain(lost), None, *[[False] * len(lost)] * 2)
    assert set(found) == {Columns(32, True, indent_lost=True)}
    bare = [32, 32, 32, 14, 32, 28, 32, 32, 20, 32, 32, 10, 32]
    found = line_columns(_plain(bare), None, *[[False] * len(bare)] * 2)
    assert set(found) == {Columns(32, False)}


def _partly_joined(text: str, accepted: int) -> str:
    """``text`` as saved by a layout person who accepted its joins from the top, ``accepted`` of them."""
    document = parse_text(text)
    joins = [issue for issue in LAYOUT.check(document).issues if issue.joins_next]
    joined = apply_fixes(document, joins[:accepted]).document
    return "".join(paragraph.source.indent + paragraph.text + "\n" for paragraph in joined.paragraphs)


#: Three paragraphs set 15 characters wide, indented.
COLUMN_OF_THREE = """城区新增十三处口袋公园
　　今年以来，全区深入推进城市
更新行动，利用边角空地和闲置地
块新建口袋公园十三处，新增绿地
面积一万二千平方米。公园均配建
了健身步道、休憩座椅和儿童游乐
设施，市民出门就能见到绿色。
　　区园林部门负责人介绍，下一
步将持续推进城市增绿工程，在人
民公园北侧布置以长城为主题的大
型立体花坛，分为东西两组，预计
本月底前完工。
　　据了解，全区今年还将新建城
市书房八家，实行二十四小时开放，
市民凭身份证即可借阅图书和报刊。
新书上架后，市民可以在网上预约
借阅，深受群众好评。今后将逐步
推广到各个镇和街道。
"""


@pytest.mark.parametrize("accepted", [5, 8])
@pytest.mark.parametrize(
    "text", [COLUMN_OF_THREE, COLUMN_OF_THREE.replace("\u3000", "")], ids=["indented", "indent lost"]
)
def test_a_column_saved_with_some_joins_accepted_is_repaired_as_the_whole(text, accepted):
    """Opened again, the paragraphs the accepted joins made stand in the column as lines wider than it: they
    do not end it, and the joins left are the same as in the draft first opened."""
    assert repaired_texts(_partly_joined(text, accepted)) == repaired_texts(text)


def test_paragraphs_joined_already_do_not_end_the_column_they_stand_in():
    """The first and last paragraphs joined, the middle one as read: its four full lines are still a column, so
    …在人 / 民公园…的大 (no punctuation at its end) runs on as before, not read as a headline."""
    lines = COLUMN_OF_THREE.splitlines()
    text = "\n".join([lines[0], "".join(lines[1:7]), *lines[7:12], "".join(lines[12:])]) + "\n"
    assert repaired_texts(text) == repaired_texts(COLUMN_OF_THREE)


@pytest.mark.parametrize(
    "text",
    [TWO_WIDTHS, COLUMN_OF_THREE, COLUMN_OF_THREE.replace("\u3000", "")],
    ids=["two widths", "indented", "indent lost"],
)
def test_a_column_copied_double_spaced_is_repaired_as_the_column(text):
    """A blank line after every line (as some PDF viewers and converters copy a page) is no paragraph break: the
    lines are read in their columns, and the repair is the single-spaced column's."""
    double = text.replace("\n", "\n\n")
    assert as_single_spaced(parse_text(double)).texts == parse_text(text).texts
    assert repaired_texts(double) == repaired_texts(text)


def test_blank_line_fragments_are_not_read_as_a_column_copied_double_spaced():
    """Whole paragraphs a line between blank lines (a page pasted as it came) are seldom as wide as a neighbour."""
    fragments = "\n\n".join(["城区新增三处口袋公园", *COLUMN_OF_THREE.replace("\n", "").split("\u3000")[1:]]) + "\n"
    document = parse_text(fragments)
    assert len(document.paragraphs) == 4 and as_single_spaced(document) is document


SPACED_OUT_LINE = """　　今年以来，全区新建和改扩建中小
学 校 十 三 所 ， 新 增 学 位 一 万 二 千 个 。
全区还新建城市书房二十八家，农家
书屋二百零三个，实现了行政村全覆
盖。
　　区教育局负责人介绍，明年将再
建学校五所，新增学位六千个。
"""


def test_a_line_a_pdf_viewer_copied_spaced_out_fills_its_column():
    """A justified line spread wide comes out of a PDF viewer with a space in every gap: as set, it fills the
    column, so the unindented line after its full stop runs on; the spaces go as stray spaces."""
    assert repaired_texts(SPACED_OUT_LINE) == [
        "今年以来，全区新建和改扩建中小学校十三所，新增学位一万二千个。全区还新建城市书房二十八家，农家书屋二百"
        "零三个，实现了行政村全覆盖。",
        "区教育局负责人介绍，明年将再建学校五所，新增学位六千个。",
    ]


@pytest.mark.parametrize(
    ("line", "set_as"),
    [
        ("学 校 十 三 所 ， 新 增", "学校十三所，新增"),
        ("本报讯（记者 王岚 通讯员 李明）今天", "本报讯（记者 王岚 通讯员 李明）今天"),  # a byline's own gaps
        ("新款 iPhone 上市", "新款 iPhone 上市"),
        ("学 校 1 3 所 ， 新 增 学 位 2 0 0 0 个", "学校13所，新增学位2000个"),  # digits spread too
        ("新 款 i P h o n e   1 5 上 市", "新款iPhone 15上市"),  # the word space, spread wider than the rest
    ],
)
def test_a_line_is_measured_as_set(line, set_as):
    assert as_set(line) == set_as


SPACED_OUT_DIGITS = """　　今年以来，全区新建和改扩建中小
学 校 1 3 所 ， 新 增 学 位 1 2 0 0 0 个 ， 覆 盖 全
区各镇街道。
"""


def test_a_line_copied_spread_wide_is_restored_as_set_digits_and_all():
    """The white the copy put between digits goes too: 学校13所, not 学校 1 3 所."""
    assert repaired_texts(SPACED_OUT_DIGITS) == [
        "今年以来，全区新建和改扩建中小学校13所，新增学位12000个，覆盖全区各镇街道。"
    ]


HEADLINE_OVER_A_DATELINE = """今年以来，全区新建和改扩建中小
学校十三所，新增学位一万二千个，
区教育局负责人介绍说：
区人民医院新院区年底前投入使用
本报讯区人民医院新院区今年年底
前将投入使用，新增床位八百张，
可满足城区群众就医需求。
"""


def test_a_headline_over_a_dateline_or_a_byline_is_never_glued():
    """A line ending on ： that falls short of its column ends its paragraph, and a line without
    punctuation over a dateline is a headline, however wide."""
    assert repaired_texts(HEADLINE_OVER_A_DATELINE) == [
        "今年以来，全区新建和改扩建中小学校十三所，新增学位一万二千个，区教育局负责人介绍说：",
        "区人民医院新院区年底前投入使用",
        "本报讯区人民医院新院区今年年底前将投入使用，新增床位八百张，可满足城区群众就医需求。",
    ]
    with_byline = HEADLINE_OVER_A_DATELINE.replace("本报讯区", "本报记者 王岚\n区")
    assert "区人民医院新院区年底前投入使用" in repaired_texts(with_byline)


def test_a_check_analyses_the_layout_once(monkeypatch):
    """The engine classifies the draft and its layout checks read that document: one analysis, not two."""
    from editor.core.layout import analysis

    calls = []
    real = analysis.detect_columns
    monkeypatch.setattr(analysis, "detect_columns", lambda document: calls.append(1) or real(document))
    document = parse_text(FULL_FIRST_LINE)
    issues = LAYOUT.check(document).issues
    assert len(calls) == 1
    assert sum(issue.joins_next for issue in issues) == 4


def test_another_document_of_as_many_paragraphs_is_analysed_afresh():
    from editor.core.layout.analysis import analyse, classify

    first = classify(parse_text("城区新增三处口袋公园\n\n今年以来，我区结合城市更新\n\n行动新建口袋公园三处。"))
    other = parse_text("城区新增三处口袋公园\n\n今年以来，我区新建口袋公园三处。\n\n据介绍，公园将于月底开放。")
    assert [cut.index for cut in analyse(first).cuts] == [1]
    assert analyse(other).cuts == []


SPACES_FOR_THE_INDENT = """  今年新建了口袋公园三处。
据介绍，三处公园均配建了健身
步道和休憩座椅，将于本月底前
全部开放。
  区园林部门表示，将持续推
进城市增绿工程，让群众共享更
多绿色福祉。
"""


@pytest.mark.parametrize("indent", ["  ", "\t"])
def test_an_indent_copied_as_two_spaces_takes_the_two_cells_it_was_set_as(indent):
    """A first line indented by two half-width spaces or a tab fills its column: its sentence end at the edge
    runs on."""
    assert repaired_texts(SPACES_FOR_THE_INDENT.replace("  ", indent)) == [
        "今年新建了口袋公园三处。据介绍，三处公园均配建了健身步道和休憩座椅，将于本月底前全部开放。",
        "区园林部门表示，将持续推进城市增绿工程，让群众共享更多绿色福祉。",
    ]


def test_a_particle_standing_alone_continues_the_line_a_word_beginning_with_it_does_not():
    """的工作 runs on from the line before; 过完新年 and 了解到 begin sentences, as the segmenter reads them."""
    joined = "区教育局今年开展了扎实有效\n\n的工作，成效明显。"
    assert repaired_texts(joined) == ["区教育局今年开展了扎实有效的工作，成效明显。"]
    for start in ("过完新年没多久，区领导分头走访困难企业职工。", "了解到企业的困难后，区领导当场协调解决。"):
        assert repaired_texts(f"区领导走访困难企业\n\n{start}") == ["区领导走访困难企业", start]
