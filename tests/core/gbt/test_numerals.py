"""Reading figures: Arabic, with 万/亿, Chinese numerals (via cn2an), and what they count."""

from __future__ import annotations

import pytest

from editor.core.gbt.consistency.figures import agree
from editor.core.gbt.numerals import approximate_pair, consecutive, parse_number, quantities, valid_month_day


@pytest.mark.parametrize(
    ("text", "value"),
    [("11500", 11500), ("1.15万", 11500), ("11,500", 11500), ("三千零五十二", 3052), ("１０", 10), ("4.4亿", 4.4e8)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_unreadable_numbers_are_none():
    assert parse_number("") is None
    assert parse_number("若干") is None


def test_quantities_fold_wan_and_know_approximations():
    found = quantities("全市新建改扩建中小学校43所，增加学位1.15万个，投入资金超3000万元，近6000人次。")
    assert [(q.text, q.value, q.unit, q.exact) for q in found] == [
        ("43所", 43, "所", True),
        ("1.15万个", 11500, "个", True),
        ("3000万元", 3e7, "元", False),
        ("6000人次", 6000, "人次", False),
    ]


def test_rounded_figures_agree_and_others_do_not():
    def one(text):
        (quantity,) = quantities(text)
        return quantity

    assert agree(one("学位1.15万个"), one("学位11500个"))
    assert agree(one("学位1.15万个"), one("学位11523个"))
    assert not agree(one("学位1.15万个"), one("学位11050个"))
    assert agree(one("三万人"), one("30000人"))


def test_approximations_and_dates():
    assert approximate_pair("3、4") == "三四"
    assert approximate_pair("一、二") == "一两"
    assert approximate_pair("2、3") == "两三"
    assert approximate_pair("二、三十") == "二三十"
    assert consecutive("三", "四") and not consecutive("二", "十")
    assert valid_month_day("2", "29") and not valid_month_day("2", "30") and not valid_month_day("13", "1")
