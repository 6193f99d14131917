"""The article's date: given, else its dateline, else today (and the findings say so); 昨天 counts from it."""

from __future__ import annotations

import datetime as dt

from editor.core.document import Document
from editor.core.officials.article_date import Origin, article_date, parse_date

TODAY = dt.date(2026, 12, 1)


def test_a_given_date_wins_over_the_dateline():
    document = Document.from_texts(["2024年12月20日 星期五", "正文。"])
    document.date = dt.date(2025, 1, 2)
    found = article_date(document, TODAY)
    assert (found.day, found.origin) == (dt.date(2025, 1, 2), Origin.GIVEN)


def test_a_dateline_paragraph_or_an_early_date_is_the_date():
    assert article_date(Document.from_texts(["武进日报", "2024年12月20日 星期五", "正文。"]), TODAY).day == dt.date(
        2024, 12, 20
    )
    early = Document.from_texts(["标题", "本报讯 2024年3月5日，全区召开大会。"])
    assert (article_date(early, TODAY).day, article_date(early, TODAY).origin) == (dt.date(2024, 3, 5), Origin.DATELINE)


def test_a_date_deep_in_the_body_is_no_dateline_and_today_is_said():
    document = Document.from_texts(["标题", "会议指出，早在多年以前的规划中就已明确：2019年3月1日起施行新规。"])
    found = article_date(document, TODAY)
    assert (found.day, found.origin) == (TODAY, Origin.TODAY)
    assert "未找到稿件日期，按今天 2026-12-01 核对" in found.describe()


def test_yesterday_counts_from_the_dateline():
    found = article_date(Document.from_texts(["2024年12月20日"]), TODAY)
    assert found.day_of("昨天下午，区长出席会议。") == dt.date(2024, 12, 19)
    assert found.day_of("前天，区长出席会议。") == dt.date(2024, 12, 18)
    assert found.day_of("区长出席会议。") == dt.date(2024, 12, 20)
    assert "所述之日 2024-12-19" in found.describe(dt.date(2024, 12, 19))


def test_a_typed_date_is_read_in_both_forms():
    assert parse_date("2024-12-20") == parse_date("2024年12月20日") == dt.date(2024, 12, 20)
    assert parse_date("2024-02-30") is None and parse_date("昨天") is None
