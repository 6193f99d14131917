"""Dates that do not exist (2月30日, 2月29日 in a common year) and weekdays that are not their date's.

Lunar dates (农历二月三十) are left alone: lunar months have 30 days.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator, Sequence

from editor.core.gbt.consistency import Disagreement
from editor.core.gbt.numerals import parse_number

_CN = "〇零○一二三四五六七八九十"
DATE = re.compile(
    rf"(?<![\d{_CN}])(?:(?P<year>\d{{4}}|[一二][{_CN}]{{3}})年)?"
    rf"(?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})月(?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[日号]"
    r"(?:\s*[（(，,]?\s*(?P<weekday>(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])))?"
)
_LUNAR = re.compile(r"(?:农历|阴历|夏历|旧历)[^，。；！？]{0,6}$")
WEEKDAYS = "一二三四五六日"


def _year(text: str | None) -> int | None:
    """2024, 二〇二四 or 一九九○ (with a circle for the zero) as a number."""
    if not text:
        return None
    value = parse_number(text.replace("○", "〇"))
    return int(value) if value is not None else None


def _read(match: re.Match) -> tuple[int | None, int, int] | None:
    month, day = parse_number(match.group("month")), parse_number(match.group("day"))
    if month is None or day is None:
        return None
    return _year(match.group("year")), int(month), int(day)


def dates(texts: Sequence[str]) -> Iterator[tuple[int, re.Match, tuple[int | None, int, int]]]:
    """Every solar date written in ``texts``: paragraph index, match, (year or None, month, day)."""
    for index, text in enumerate(texts):
        if "月" not in text:
            continue
        for match in DATE.finditer(text):
            if _LUNAR.search(text, max(0, match.start() - 12), match.start()):
                continue
            read = _read(match)
            if read is not None:
                yield index, match, read


def invalid_dates(texts: Sequence[str]) -> Iterator[Disagreement]:
    for index, match, (year, month, day) in dates(texts):
        here = match.group(0)[: match.end("day") - match.start() + 1]
        if not 1 <= month <= 12:
            detail = f"没有{month}月"
        elif day < 1 or day > calendar.monthrange(year or 2024, month)[1]:
            days = calendar.monthrange(year or 2024, month)[1]
            if month == 2:
                detail = f"{year}年2月只有{days}天" if year else "2月最多只有29天"
            else:
                detail = f"{month}月只有{days}天"
        else:
            continue
        yield Disagreement(index, match.start(), match.start() + len(here), here, detail=detail)


def wrong_weekdays(texts: Sequence[str]) -> Iterator[Disagreement]:
    for index, match, (year, month, day) in dates(texts):
        if year is None or not match.group("weekday"):
            continue
        try:
            actual = WEEKDAYS[datetime.date(year, month, day).weekday()]
        except ValueError:
            continue  # an invalid date is reported by invalid_dates
        written = "日" if match.group("wd") == "天" else match.group("wd")
        if written != actual:
            prefix = match.group("weekday")[:-1]
            date = f"{year}年{month}月{day}日"
            yield Disagreement(
                index,
                match.start("weekday"),
                match.end("weekday"),
                match.group("weekday"),
                other=date,
                detail=f"{prefix}{actual}",
            )
