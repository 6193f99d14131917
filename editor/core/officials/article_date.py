"""The day an article speaks of, against which the register's terms of office are read.

An official's post is right or wrong on a date: the article's. It comes, in this order, from
what was given outside the text (`Document.date`: ``--date``, the editor's field, a PDF's running
head), from the dateline (a paragraph that is a date, 2024年12月20日 星期五, or a full date that
opens one of the first paragraphs after at most a lead such as 本报讯（记者 张三）), and else from
today, which the findings then say. Relative words (昨天, 前天, 今天) in a paragraph count from
that date: what happened 昨天 happened the day before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from editor.core.document import Document

_DATE = re.compile(r"([12][0-9]{3})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_DATELINE = re.compile(rf"{_DATE.pattern}\s*(?:[（(]?(?:星期|周)[一二三四五六日天][）)]?)?")
_SENTENCE_MARKS = re.compile(r"[，。；：！？,;:!?]")
_RELATIVE = re.compile(r"昨天|昨日|前天|今天|今日")
_OFFSETS = {"昨天": -1, "昨日": -1, "前天": -2, "今天": 0, "今日": 0}
#: A full date within this many characters of a paragraph's start, in the first paragraphs, is the dateline.
_DATELINE_REACH = 30
_DATELINE_PARAGRAPHS = 5


class Origin:
    GIVEN = "given"
    DATELINE = "dateline"
    TODAY = "today"


@dataclass(frozen=True)
class ArticleDate:
    """The article's date and where it came from (`Origin`)."""

    day: dt.date
    origin: str

    def day_of(self, text: str) -> dt.date:
        """The day a paragraph speaks of: the article's, moved by its first 昨天/前天."""
        match = _RELATIVE.search(text) if self.origin != Origin.TODAY else None
        return self.day + dt.timedelta(days=_OFFSETS[match.group()]) if match else self.day

    def describe(self, day: dt.date | None = None) -> str:
        """How a finding names the date it read the register on."""
        day = day or self.day
        if self.origin == Origin.TODAY:
            return f"未找到稿件日期，按今天 {day.isoformat()} 核对（可用 --date 或编辑器中的稿件日期指定）"
        where = "稿件日期行" if self.origin == Origin.DATELINE else "指定的稿件日期"
        spoken = f"（所述之日 {day.isoformat()}）" if day != self.day else " "
        return f"按{where} {self.day.isoformat()}{spoken}核对"


def parse_date(text: str) -> dt.date | None:
    """A date as a user types it: 2024-12-20 or 2024年12月20日; None if it is none."""
    text = text.strip()
    match = _DATE.fullmatch(text)
    try:
        if match:
            return dt.date(*(int(group) for group in match.groups()))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def dateline(document: Document) -> dt.date | None:
    """The date of the article's dateline, if it has one."""
    for index, paragraph in enumerate(document.paragraphs):
        text = paragraph.text.strip()
        whole = _DATELINE.fullmatch(text)
        early = _DATE.search(text, 0, _DATELINE_REACH) if index < _DATELINE_PARAGRAPHS else None
        if early and _SENTENCE_MARKS.search(text, 0, early.start()):
            early = None  # a date the sentence speaks of (…规划中已明确：2019年3月1日起施行), not the dateline
        match = whole or early
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def article_date(document: Document, today: dt.date | None = None) -> ArticleDate:
    """The article's date: given, else its dateline, else today."""
    if document.date is not None:
        return ArticleDate(document.date, Origin.GIVEN)
    found = dateline(document)
    if found is not None:
        return ArticleDate(found, Origin.DATELINE)
    return ArticleDate(today or dt.date.today(), Origin.TODAY)
