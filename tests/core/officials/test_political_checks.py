"""Each political check flags what the register contradicts, names the row it relies on, and leaves right copy alone."""

from __future__ import annotations

import datetime as dt

import pytest
from officials_cases import political

from editor.core.checks.officials import NAME, ORDER, OUTDATED, POST, REMOVED_RULE, RULES
from editor.core.engine import Engine
from editor.core.error_rate import BOOK, Checked, assess
from editor.core.io.text import parse_text


def found(texts, date=dt.date(2024, 12, 20)):
    return [(issue.rule, issue.text, issue.suggestions[:1]) for issue in political(texts, date)]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_finds_its_catalogue_example(register, rule):
    text = rule.example.split("（登记表")[0]
    assert rule.id in {issue.rule for issue in political([text])}


def test_a_post_the_person_does_not_hold(register):
    (issue,) = political(["会上，副区长王明介绍了情况。"])
    assert (issue.rule, issue.text, issue.suggestions) == (POST, "副区长", ("区教育局局长",))
    assert "登记表第 4 行：王明，区教育局局长，2020-03-01—至今" in issue.message
    assert "按指定的稿件日期 2024-12-20 核对" in issue.message


def test_the_right_posts_short_or_long_are_not_flagged(register):
    texts = [
        "区委副书记、区长恽淇丞出席会议。",
        "会见了区委书记孙益锋。恽淇丞区长主持会议。武进区区长恽淇丞讲话。",
        "区教育局局长王明、副区长张小虎陪同。局长王明介绍情况。",
        "时任区长李华曾到访。原区长李华出席。区政协主席李华讲话。",
    ]
    assert found(texts) == []


def test_one_wrong_part_of_a_combined_post(register):
    assert found(["区委书记、区长恽淇丞出席会议。"]) == [(POST, "区委书记", ("区委副书记、区长",))]


def test_a_post_that_ended_before_the_date(register):
    (issue,) = political(["区长李华讲话。"])
    assert (issue.rule, issue.text, issue.suggestions) == (OUTDATED, "区长", ("区政协主席", "原区长"))
    assert "至 2021-05-31" in issue.message and "登记表第 5 行" in issue.message
    assert political(["区长李华讲话。"], dt.date(2020, 5, 1)) == []  # on a date of his term it is right


def test_a_post_not_yet_held_on_the_date(register):
    (issue,) = political(["区政协主席李华讲话。"], dt.date(2020, 5, 1))
    assert issue.rule == POST and "2021-06-01 起才任" in issue.message


def test_a_removed_official_in_a_current_role_but_not_in_his_old_one(register):
    assert found(["副区长赵刚出席。"]) == [(REMOVED_RULE, "副区长", ("原副区长",))]
    assert found(["原副区长赵刚严重违纪违法被开除党籍。"]) == []


def test_leaders_out_of_rank_order(register):
    (issue,) = political(["区领导恽淇丞、孙益锋、张小虎出席活动。"])
    assert (issue.rule, issue.text, issue.suggestions) == (ORDER, "恽淇丞、孙益锋、张小虎", ("孙益锋、恽淇丞、张小虎",))
    assert "登记表第 3 行" in issue.message
    assert political(["区领导孙益锋、恽淇丞、张小虎出席活动。"]) == []
    assert political(["区领导孙益锋、恽淇丞、王明出席活动。"]) == []  # 王明 has no rank: the order is not judged


def test_a_registered_name_written_with_a_homophone(register):
    issues = political(["区长恽琪丞强调，要抓好落实。"])
    assert [(issue.rule, issue.text, issue.suggestions) for issue in issues] == [(NAME, "恽琪丞", ("恽淇丞",))]
    assert "登记表第 2 行：恽淇丞" in issues[0].message


def test_the_dateline_of_the_text_and_yesterday_are_used(register):
    issues = political(["2021年5月20日", "昨天，区长李华出席会议。"], date=None)
    assert issues == []
    (issue,) = political(["2024年12月20日", "昨天，区长李华出席会议。"], date=None)
    assert issue.rule == OUTDATED and "按稿件日期行 2024-12-20（所述之日 2024-12-19）核对" in issue.message


def test_without_a_date_today_is_used_and_said(register):
    (issue,) = political(["区长李华讲话。"], date=None)
    assert "未找到稿件日期，按今天" in issue.message


def test_without_a_register_nothing_is_flagged():
    assert political(["副区长王明出席。区领导恽淇丞、孙益锋出席。"]) == []


def test_a_broken_register_is_reported_not_raised(register, caplog):
    register.write_bytes("name,post\n王明,区长\n".encode("gbk"))
    issues = Engine().check(parse_text("副区长王明出席。")).issues
    assert not [issue for issue in issues if issue.category.value == "political"]
    assert "不是 UTF-8 编码的 CSV" in caplog.text


def test_a_post_is_not_read_across_a_dateline_or_cut_inside_a_long_name():
    from editor.core.officials.posts import post_before

    text = "新华社北京1月5日讯海峡两岸关系协会会长汪道涵"
    assert post_before(text, text.index("汪")).parts == ("海峡两岸关系协会会长",)
    text = "新华社北京1月5日电国家主席江泽民"
    assert post_before(text, text.index("江")).parts == ("国家主席",)
    text = "国务院军队转业干部安置工作小组组长宋德福"
    assert post_before(text, text.index("宋")).parts == ("组长",)


def test_a_registered_name_spelt_two_ways_is_a_political_error_counted_once(register):
    """name.inconsistent proposes the same fix; the graver finding is the one kept, counted once, by its weight."""
    document = parse_text("区委副书记、区长恽淇丞主持会议。\n\n区长恽琪丞强调，要抓好落实。\n")
    document.date = dt.date(2024, 12, 20)
    result = Engine().check(document)
    on_the_slip = [issue for issue in result.issues if issue.text == "恽琪丞"]
    assert [(issue.rule, issue.also) for issue in on_the_slip] == [(NAME, ("name.inconsistent",))]
    assessment = assess([Checked.of(result.classified, result.issues)], BOOK, guesses=())
    assert assessment.points == BOOK.political
