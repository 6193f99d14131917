"""The rule-based typo checks on bulletin copy: idiom near misses and the confusion list, quiet on clean text."""

from __future__ import annotations

import pytest

from editor.core.checks.typo_rules import check_confusions, check_idioms, joins_two_words
from editor.core.document import Document, Paragraph
from editor.core.engine import Engine
from editor.core.issue import Category
from editor.core.userdata import add_ignored_word, add_user_word

# False flags allowed per 10,000 characters of error-free newspaper text (target: well under 1).
MAX_FALSE_FLAGS_PER_10K = 0.5


def idiom_findings(text: str) -> list[tuple[str, str]]:
    return [(issue.text, issue.suggestions[0]) for issue in check_idioms(0, Paragraph(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新馆开放首日，市民迫不急待地走进阅览室，体验智慧借阅服务。", ("迫不急待", "迫不及待")),
        ("面对突如其来的订单缺口，企业一度一愁莫展，区工信局主动上门对接。", ("一愁莫展", "一筹莫展")),
        ("“常有优学”工程的好消息不径而走，周边家长纷纷前来咨询。", ("不径而走", "不胫而走")),
        ("委员们表示，将一股作气推进项目建设，确保年底前竣工。", ("一股作气", "一鼓作气")),
        ("他认为，不能默守成规，要在改革创新中寻找出路。", ("默守成规", "墨守成规")),
    ],
)
def test_idiom_slips_in_bulletin_copy_are_flagged_with_the_idiom(text, expected):
    assert idiom_findings(text) == [expected]
    (issue,) = check_idioms(3, Paragraph(text))
    assert issue.rule == "typo.idiom"
    assert issue.paragraph == 3
    assert text[issue.start : issue.end] == issue.text
    assert expected[1] in issue.message
    assert not issue.safe


@pytest.mark.parametrize(
    "text",
    [
        "新馆开放首日，市民迫不及待地走进阅览室，体验智慧借阅服务。",
        "区政协主席、党组书记郑政平一行首先来到常州经济开发区文化活动中心。",
        "委员们一路走、一路看、一路听、一路议，身临其境，领略城市日新月异的发展变化。",
        "截至目前，我区累计成功创建国家级“绿色园区”1家、国家级“绿色工厂”17家。",
        "希望大家再接再厉，以更大力度支持检察机关履职尽责。",
        "双方愿以此为契机，深化在新能源领域的务实合作。",
        "活跃在其中的，是一批返乡创业的年轻人。",
        "这场比赛中，他一举夺得两枚金牌。",
    ],
)
def test_clean_bulletin_copy_stays_quiet(text):
    paragraph = Paragraph(text)
    assert list(check_idioms(0, paragraph)) == []
    assert list(check_confusions(0, paragraph)) == []


def test_a_confusion_entry_is_reported_once_not_again_as_an_idiom():
    text = "希望全区上下再接再励，奋力谱写新篇章。"
    rules = [issue.rule for check in (check_idioms, check_confusions) for issue in check(0, Paragraph(text))]
    assert rules == ["typo.confusion.zai_jie_zai_li"]


def test_ignored_and_user_words_are_never_flagged():
    add_ignored_word("不径而走")
    add_user_word("签定")
    assert idiom_findings("喜讯不径而走。") == []
    assert list(check_confusions(0, Paragraph("双方签定协议。"))) == []


def test_a_hit_made_of_two_neighbouring_words_is_not_a_typo():
    text = "帮助毕业生解决择业难题"
    start = text.index("决择")
    assert joins_two_words(text, start, start + 2)
    assert not joins_two_words("这是一次重大决择", 6, 8)


def test_the_engine_runs_both_checks_and_honours_disabled_ids():
    document = Document.from_texts(["双方签定了合作协议，大家迫不急待地投入工作。"])
    rules = {issue.rule for issue in Engine(categories={Category.TYPO}).check(document).issues}
    assert {"typo.confusion.qian_ding", "typo.idiom"} <= rules
    quieter = Engine(categories={Category.TYPO}, disabled=["typo.confusion", "typo.idiom"]).check(document)
    assert not [issue for issue in quieter.issues if issue.rule.startswith(("typo.confusion", "typo.idiom"))]


def false_flags(texts: list[str]) -> tuple[int, int]:
    flags = sum(1 for text in texts for check in (check_idioms, check_confusions) for _ in check(0, Paragraph(text)))
    return flags, sum(len(text) for text in texts)


def test_few_false_flags_on_error_free_newspaper_text(shared):
    rows = (shared / "eval/clean/rmrb1998_ner_test_correct.tsv").read_text(encoding="utf-8").splitlines()
    flags, characters = false_flags([row.split("\t")[1] for row in rows if "\t" in row])
    assert characters > 100_000
    assert flags / characters * 10_000 < MAX_FALSE_FLAGS_PER_10K


def test_no_flags_on_the_sample_page(sample_page):
    flags, _ = false_flags(sample_page.read_text(encoding="utf-8").splitlines())
    assert flags == 0
