"""Page furniture: the running head and foot, the 责任编辑 line and the page number, kept out of the text.

A copy editor checks the articles; the furniture is the layout system's, the same on every page,
and read as body text it would be joined to the first headline and flagged. It is found where it
stands and by what it says: the rows at the top of the page whose every line is short and prints
the 报名, a date, a weekday or the 版次 (A2, 第3版), such rows at the foot with a page number or the
editors, and a line
anywhere that names the 责任编辑, 美编 or 校对. What it says is kept (`PageInfo`): the page's date
and 版次 serve the date checks and the report.
"""

from __future__ import annotations

import re

from editor.core.document import PageInfo
from editor.core.han import HAN
from editor.core.io.pdf_lines import Line

#: How far down (and up from the foot) the running head and foot may reach, as a share of the page height.
_HEAD, _FOOT = 0.09, 0.06
#: A line of furniture is a few words; the running head as one line, with its spaces, stays within this.
_FURNITURE_LENGTH = 40
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
#: A weekday standing as a word, or after the date (…1日星期二): not inside a headline's words (一周日均新增).
_WEEKDAY = re.compile(rf"(?:(?<=日)|(?<![{HAN}]))(?:星期[一二三四五六日天]|周[一二三四五六日])(?![{HAN}])")
_LABEL = re.compile(r"(?<![A-Za-z0-9])([A-Z])\s?(\d{1,2})(?!\d)|第\s*(\d{1,2})\s*版")
#: The 版名 stands beside the 版次: after it (A2 要闻), else before it (要闻 A2).
_SECTION = (
    re.compile(rf"(?<![A-Za-z0-9])[A-Z]\s?\d{{1,2}}\s*([{HAN}]{{2,6}})"),
    re.compile(rf"([{HAN}]{{2,6}})\s*[A-Z]\s?\d{{1,2}}(?!\d)"),
)
_PAPER = re.compile(rf"[{HAN}]{{1,8}}(?:日报|晚报|报)(?![{HAN}])")
_EDITORS = re.compile(r"^(?:责任编辑|责编|美编|美术编辑|校对|组版|版式|值班编辑|本版编辑)\s*[:：]?")
_PAGE_NUMBER = re.compile(r"^[-—\s]*\d{1,3}[-—\s]*$")
_MASTHEAD = re.compile(r"国内统一连续出版物号|CN\s*\d{2}\s*-\s*\d{4}|邮发代号|总第\s*\d+\s*期|农历")


def split_furniture(lines: list[Line], height: float, number: int) -> tuple[list[Line], PageInfo]:
    """The page's text lines without its furniture, and what the furniture says (page ``number`` counts from 1)."""
    furniture = set(_band(lines, height, top=True)) | set(_band(lines, height, top=False))
    furniture |= {index for index, line in enumerate(lines) if _EDITORS.match(line.text)}
    kept = [line for index, line in enumerate(lines) if index not in furniture]
    printed = [lines[index] for index in sorted(furniture, key=lambda i: (lines[i].baseline, lines[i].x0))]
    return kept, _info(printed, height, number)


def _band(lines: list[Line], height: float, top: bool) -> list[int]:
    """The rows from the top (or foot) of the page, within reach, while each says what furniture says."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].top if top else -lines[i].bottom)
    found: list[int] = []
    while order:
        first = lines[order[0]]
        if (first.top > _HEAD * height) if top else (first.bottom < (1 - _FOOT) * height):
            break
        row = [i for i in order if lines[i].top < first.bottom and lines[i].bottom > first.top]
        if not all(_is_furniture(lines[i].text) for i in row):
            break
        found.extend(row)
        order = [i for i in order if i not in row]
    return found


def _is_furniture(text: str) -> bool:
    """Does a line say what furniture says, and is it short as furniture is (a line of text may name a day)?"""
    patterns = (_DATE, _WEEKDAY, _LABEL, _PAPER, _EDITORS, _PAGE_NUMBER, _MASTHEAD)
    return len(text) <= _FURNITURE_LENGTH and any(pattern.search(text) for pattern in patterns)


def _info(printed: list[Line], height: float, number: int) -> PageInfo:
    head = " ".join(line.text for line in printed if line.top <= _HEAD * height)
    label = _LABEL.search(head)
    section = next(filter(None, (pattern.search(head) for pattern in _SECTION)), None)
    date, paper = _DATE.search(head), _PAPER.search(head)
    return PageInfo(
        number=number,
        label=("".join(label.group(1, 2)) if label.group(1) else label.group(3)) if label else str(number),
        date=re.sub(r"\s", "", date.group()) if date else "",
        section=section.group(1) if section else "",
        paper=paper.group() if paper else "",
        furniture=tuple(line.text for line in printed),
    )
