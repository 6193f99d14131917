"""The cases of the register tests: a register of a made-up district, a check against it, an archive of articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.issue import Category

REGISTER = """name,post,from,to,rank,status
恽淇丞,区委副书记、区长,2021-06-01,,2,
孙益锋,区委书记,2022-01-01,,1,
王明,区教育局局长,2020-03-01,,,
李华,区长,2016-01-01,2021-05-31,,
李华,区政协主席,2021-06-01,,3,
赵刚,副区长,2019-01-01,,5,落马
张小虎,副区长,2021-06-01,,4,
"""


def political(texts: list[str], date: dt.date | None = dt.date(2024, 12, 20)):
    """The political findings of a draft of ``texts`` dated ``date`` (None: from its text, or today)."""
    document = Document.from_texts(texts)
    document.date = date
    return list(Engine({Category.POLITICAL}).check(document).issues)


#: A small archive of published articles for the learn tests: three datelines, posts, lists of leaders.
ARTICLES = {
    "2024-03-05.txt": (
        "2024年3月5日 星期二\n\n全区高质量发展大会召开\n\n"
        "本报讯 昨天，全区高质量发展大会召开。区领导孙益锋、恽淇丞、张小虎出席会议。"
        "区委书记孙益锋讲话。区委副书记、区长恽淇丞主持会议。\n"
    ),
    "2024-06-18.txt": (
        "2024年6月18日 星期二\n\n我区部署防汛工作\n\n"
        "本报讯 区委副书记、区长恽淇丞主持召开防汛工作会议。张小虎副区长通报了汛情。"
        "区领导孙益锋、张小虎参加检查。时任区长李华曾在此调研。\n"
    ),
    "2024-11-02.txt": (
        "2024年11月2日 星期六\n\n教育工作会议召开\n\n"
        "本报讯 区委副书记、区长恽淇丞出席会议。区教育局局长王明作工作报告。"
        "区领导恽淇丞、张小虎出席。\n"
    ),
}


def write_archive(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
