"""A register of a made-up district in the test's user data folder (`register`), and a check of texts against it."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.issue import Category
from editor.core.userdata import user_data_dir

REGISTER = """name,post,from,to,rank,status
恽淇丞,区委副书记、区长,2021-06-01,,2,
孙益锋,区委书记,2022-01-01,,1,
王明,区教育局局长,2020-03-01,,,
李华,区长,2016-01-01,2021-05-31,,
李华,区政协主席,2021-06-01,,3,
赵刚,副区长,2019-01-01,,5,落马
张小虎,副区长,2021-06-01,,4,
"""


@pytest.fixture
def register():
    path = user_data_dir() / "officials.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def political(texts: list[str], date: dt.date | None = dt.date(2024, 12, 20)):
    """The political findings of a draft of ``texts`` dated ``date`` (None: from its text, or today)."""
    document = Document.from_texts(texts)
    document.date = date
    return [issue for issue in Engine({Category.POLITICAL}).check(document).issues]
