"""`name.inconsistent`: one person written two ways is flagged on the minority spelling; different people are not."""

from __future__ import annotations

import pytest

from editor.core.checks.names_check import check_name_consistency, collect_spellings, is_variant
from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.engine import Engine
from editor.core.issue import Category, Severity
from editor.core.userdata import add_user_word


def findings(paragraphs: list[str]):
    return list(check_name_consistency(Document.from_texts(paragraphs)))


BULLETIN = [
    "本报讯（记者 黄雅婷）昨天下午，武进区党政代表团赴阜宁县考察交流。区领导恽淇丞、孙益锋、张小虎参加活动。",
    "区委副书记、区长恽淇丞指出，下阶段要聚焦产业、创新、生态、民生等方面抓好改革任务推进落实。",
    "会上，恽琪丞还就南北结对帮扶合作项目建设提出具体要求。",
]


def test_the_minority_spelling_is_flagged_and_points_to_the_other():
    (issue,) = findings(BULLETIN)
    assert (issue.rule, issue.category, issue.severity) == ("name.inconsistent", Category.NAME, Severity.WARNING)
    assert issue.paragraph == 2
    assert BULLETIN[2][issue.start : issue.end] == issue.text == "恽琪丞"
    assert issue.suggestions == ("恽淇丞",)
    assert "“恽淇丞”" in issue.message and "第 1 段" in issue.message
    assert not issue.safe


def test_the_document_remembers_a_name_introduced_with_a_title():
    spellings = collect_spellings(Document.from_texts(BULLETIN))
    assert len(spellings["恽淇丞"].occurrences) == 2
    assert spellings["恽淇丞"].strong == 2
    assert [occurrence.paragraph for occurrence in spellings["恽琪丞"].occurrences] == [2]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["区长王建国出席活动。", "区委书记王建出席。"],  # two characters against three
        ["区长王建国出席活动。", "局长李建国介绍情况。"],  # different surnames
        ["董事长谈行介绍。", "谈胜、马建立、夷建良参加活动。"],  # two-character names, different sounds
        ["区长张小虎主持。", "张小虎说。", "局长张晓虎介绍。", "张晓虎说，局里将继续努力。"],  # two people
        ["区长张小虎主持会议。", "区长张小龙讲话。"],  # neither sounds nor looks alike
    ],
)
def test_distinct_people_with_similar_names_stay_quiet(paragraphs):
    assert findings(paragraphs) == []


def test_the_spelling_used_more_often_wins_over_one_with_a_title():
    paragraphs = [
        "本报讯 昨天，乡村医生李前峰又一次挑着药箱翻过三座山。",
        "李前峰说，只要乡亲们需要，他就会一直走下去。",
        "这些年，李前峰几乎从没收过出诊费。",
        "县卫健委主任李前锋表示，将为乡村医生提供更多保障。",
    ]
    (issue,) = findings(paragraphs)
    assert (issue.paragraph, issue.text, issue.suggestions) == (3, "李前锋", ("李前峰",))


def page(*articles: list[str]) -> Document:
    """A page of articles, each a headline and its body paragraphs."""
    paragraphs = []
    for headline, *body in articles:
        paragraphs.append(Paragraph(headline, ParagraphKind.HEADLINE, Source(block=len(paragraphs))))
        paragraphs += [Paragraph(text, source=Source(block=len(paragraphs))) for text in body]
    return Document(paragraphs)


def test_two_character_names_are_compared_within_one_article_only():
    first = ["全区安全生产工作会议召开", "区委书记张伟出席会议并讲话。", "张伟强调，要压紧压实安全责任。"]
    second = ["区作协举办读书分享会", "会上，作家张炜分享了创作心得。"]
    assert list(check_name_consistency(page(first, second))) == []
    (issue,) = check_name_consistency(page(first + ["会后，张炜还检查了消防设施。"], second))
    assert (issue.paragraph, issue.text, issue.suggestions) == (3, "张炜", ("张伟",))


def test_a_user_word_is_never_flagged():
    add_user_word("恽琪丞")
    assert findings(BULLETIN) == []


def test_variants_need_the_same_surname_and_an_alike_character():
    assert is_variant("恽琪丞", "恽淇丞")
    assert not is_variant("张琪丞", "恽琪丞")
    assert not is_variant("谈胜", "谈行")
    assert not is_variant("王建", "王建国")


def test_the_engine_reports_it_in_the_name_category():
    result = Engine(categories={Category.NAME}).check(Document.from_texts(BULLETIN))
    assert [issue.rule for issue in result.issues] == ["name.inconsistent"]


def test_the_sample_page_is_consistent(sample_page):
    paragraphs = [line for line in sample_page.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert findings(paragraphs) == []


def test_a_misspelt_official_on_the_sample_page_is_found(sample_page):
    paragraphs = [line for line in sample_page.read_text(encoding="utf-8").splitlines() if line.strip()]
    altered = [paragraph.replace("区长恽淇丞指出", "区长恽琪丞指出") for paragraph in paragraphs]
    (issue,) = findings(altered)
    assert issue.text == "恽琪丞" and issue.suggestions == ("恽淇丞",)
    assert altered[issue.paragraph].startswith("区委副书记")
