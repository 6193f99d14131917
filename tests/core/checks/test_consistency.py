"""Number consistency across an article: flagged cases name both places; near misses stay quiet."""

from __future__ import annotations

import pytest

from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.engine import Engine
from editor.core.io.text import parse_text
from editor.core.issue import Category, Severity

H, B = ParagraphKind.HEADLINE, ParagraphKind.BODY


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(categories={Category.NUMBER})


def found(engine: Engine, *paragraphs: tuple[ParagraphKind, str], rule: str):
    document = Document([Paragraph(text, kind=kind) for kind, text in paragraphs])
    return [issue for issue in engine.check(document).issues if issue.rule == rule]


def test_headline_count_contradicted_by_the_parts_in_the_body(engine):
    (issue,) = found(
        engine,
        (H, "我区5家企业入围2024年度国家级绿色制造名单"),
        (B, "本报讯 工信部日前公示名单，我区3家企业获评“绿色工厂”，另有1家企业获评“绿色供应链管理企业”。"),
        rule="number.headline_body",
    )
    assert (issue.paragraph, issue.text, issue.severity) == (0, "5家", Severity.WARNING)
    assert issue.message == "标题为“5家”，正文第1段合计为“4家”（3家+1家），请核对。"


def test_headline_count_matching_the_parts_is_quiet(engine):
    assert not found(
        engine,
        (H, "我区4家企业入围2024年度国家级绿色制造名单"),
        (B, "我区3家企业获评“绿色工厂”，另有1家企业获评“绿色供应链管理企业”。"),
        (B, "截至目前，我区累计创建国家级“绿色园区”1家、国家级“绿色工厂”17家、国家级“绿色供应链管理企业”8家。"),
        rule="number.headline_body",
    )


def test_headline_figure_with_its_digits_swapped_in_the_body(engine):
    (issue,) = found(
        engine,
        (H, "全市新建改扩建中小学校43所"),
        (B, "记者从昨天召开的新闻发布会上获悉，今年全市新建改扩建中小学校34所，竣工17所。"),
        rule="number.headline_body",
    )
    assert "标题为“43所”" in issue.message and "正文第1段为“34所”" in issue.message


def test_totals_exceeded_by_their_parts(engine):
    (issue,) = found(
        engine, (B, "今年共实施民生实事项目20个，其中教育类项目12个、医疗卫生类项目9个。"), rule="number.total_parts"
    )
    assert "“20个”" in issue.message and "21个（12个+9个）" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "今年共实施民生实事项目20个，其中教育类项目12个、医疗卫生类项目8个。",
        "全区共有养老机构15家，分别为公办8家、民办7家。",
        "全区共有养老机构15家，其中公办8家，比上年增加2家。",
    ],
)
def test_totals_that_add_up_are_quiet(engine, text):
    assert not found(engine, (B, text), rule="number.total_parts")


def test_a_rate_the_counts_contradict(engine):
    (issue,) = found(engine, (B, "今年共实施南北结对帮扶合作项目20个，已完工18个，完工率80%。"), rule="number.rate")
    assert issue.text == "完工率80%"
    assert "“20个、18个”" in issue.message and "90.0%" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "今年共实施南北结对帮扶合作项目20个，已完工18个，完工率90%。",
        "今年共实施南北结对帮扶合作项目20个，截至11月底，项目已全部开工建设，完工率90%。",
        "全市新建改扩建中小学校43所，竣工17所，竣工率39.5%。",
    ],
)
def test_rates_that_match_are_quiet(engine, text):
    assert not found(engine, (B, text), rule="number.rate")


def test_weekdays_and_dates(engine):
    (weekday,) = found(engine, (B, "全区安全生产工作会议定于2024年5月12日（星期一）上午召开。"), rule="number.weekday")
    assert weekday.text == "星期一" and "星期日" in weekday.message and "2024年5月12日" in weekday.message
    assert not found(engine, (B, "全区安全生产工作会议定于2024年12月16日（星期一）上午召开。"), rule="number.weekday")
    (invalid,) = found(engine, (B, "该项目于2023年2月29日正式开工。"), rule="number.date_invalid")
    assert invalid.text == "2023年2月29日"
    assert not found(engine, (B, "该项目于2024年2月29日正式开工，农历二月三十日举办庙会。"), rule="number.date_invalid")


def test_announced_count_against_the_enumeration(engine):
    (issue,) = found(
        engine,
        (B, "会议部署了三项重点工作：一是抓好安全生产；二是做好保供稳价；三是加强值班值守；四是做好舆情应对。"),
        rule="number.enumeration_count",
    )
    assert issue.text == "三项重点工作" and "“四是”" in issue.message
    assert not found(
        engine,
        (B, "全市检察机关以实施“常检护安”“检察护企”“检护民生”“质效提升”“四名争创”五大行动为抓手。"),
        rule="number.enumeration_count",
    )


def test_the_same_quantity_twice(engine):
    article = [
        (H, "武进人民医院南院二期项目投入使用"),
        (B, "武进人民医院南院二期项目是市“532”发展战略重点项目，南院二期项目总投资12亿元。"),
        (B, "据介绍，南院二期项目总投资15亿元，总建筑面积超12万平方米，共新增床位1000张。"),
    ]
    (issue,) = found(engine, *article, rule="number.repeated_quantity")
    assert (issue.paragraph, issue.text) == (2, "15亿元")
    assert "正文第1段的“12亿元”" in issue.message
    article[2] = (B, "据介绍，南院二期项目总投资12亿元，总建筑面积超12万平方米，共新增床位1000张。")
    assert not found(engine, *article, rule="number.repeated_quantity")


def test_the_same_quantity_in_two_notations(engine):
    head = (H, "教育资源扩容提质")
    first = (B, "今年全市新建改扩建中小学校43所，新增学位1.15万个。")
    (issue,) = found(engine, head, first, (B, "据介绍，全市新增学位11050个。"), rule="number.unit_mismatch")
    assert issue.text == "11050个" and "“1.15万个”即11500个" in issue.message
    for agreeing in ("据介绍，全市新增学位11500个。", "据介绍，全市新增学位11523个。"):
        assert not found(engine, head, first, (B, agreeing), rule="number.unit_mismatch")


@pytest.mark.parametrize(
    ("old", "new", "rule", "quoted"),
    [
        ("项目已全部开工建设，完工率90%", "已完工17个，完工率90%", "number.rate", "“20个、17个”"),
        ("增加学位1.15万个。", "增加学位1.15万个，全市增加学位11050个。", "number.unit_mismatch", "“1.15万个”"),
        ("“四名争创”五大行动", "“四名争创”四大行动", "number.enumeration_count", "5个名称"),
        (
            "昨天上午，全市检察工作通报会",
            "2024年12月16日（星期二）上午，全市检察工作通报会",
            "number.weekday",
            "星期一",
        ),
    ],
)
def test_one_error_put_into_the_sample_page_is_the_only_finding(sample_page, old, new, rule, quoted):
    """The page is clean; after one figure is made wrong, exactly that is reported, naming the other place."""
    text = sample_page.read_text(encoding="utf-8")
    assert old in text
    document = parse_text(text.replace(old, new, 1))
    result = Engine(categories={Category.LAYOUT, Category.NUMBER}).check(document)
    (issue,) = [issue for issue in result.issues if issue.category is Category.NUMBER]
    assert issue.rule == rule and quoted in issue.message
