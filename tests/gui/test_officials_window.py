"""The article's date set in the editor reaches the check server and decides what the register says."""

from __future__ import annotations

import datetime as dt

from editor.core.issue import Category
from editor.core.userdata import user_data_dir

REGISTER = "name,post,from,to,rank,status\n李华,区长,2016-01-01,2021-05-31,,\n李华,区政协主席,2021-06-01,,3,\n"


def political(window):
    return [issue.rule for issue in window.fresh_findings() if issue.category is Category.POLITICAL]


def test_the_editors_date_decides_and_a_new_date_checks_again(qtbot, app_window, tmp_path):
    (user_data_dir() / "officials.csv").write_text(REGISTER, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("2024年12月20日\n\n区长李华出席会议并讲话。\n", encoding="utf-8")
    with qtbot.waitSignal(app_window.checked, timeout=60_000):
        assert app_window.open_path(draft)
    assert political(app_window) == ["political.official_outdated"]  # by the dateline
    with qtbot.waitSignal(app_window.checked, timeout=60_000):
        app_window.set_article_date(dt.date(2020, 5, 1))
    assert political(app_window) == []
    with qtbot.waitSignal(app_window.checked, timeout=60_000):
        app_window.set_article_date(None)
    assert political(app_window) == ["political.official_outdated"]
