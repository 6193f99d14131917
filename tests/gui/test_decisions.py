"""The copy editor's decisions last: through typing, undoing a join, and saving and reopening the draft."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from editor.core.decisions import Kind, decisions_file
from editor.core.issue import Category
from editor.gui.categories import category_name
from editor.gui.dialogs import IgnoredDialog


def _wait_checked(qtbot, window, action):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        action()


def _finding(window, text: str):
    return next(issue for issue in window.fresh_findings() if issue.text == text)


def _shown(window, text: str) -> bool:
    return any(issue.text == text for issue in window.panel.visible_issues())


@pytest.fixture
def rich_open(qtbot, window, rich):
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    return window


def _type_at_start_of(window, paragraph: int, text: str) -> None:
    cursor = QTextCursor(window.editor.document().findBlockByNumber(paragraph))
    cursor.insertText(text)


def test_an_ignored_finding_stays_ignored_after_typing_elsewhere_in_its_paragraph(qtbot, rich_open):
    window = rich_open
    slip = _finding(window, "再接再励")
    window.ignore(slip)
    assert not _shown(window, "再接再励")
    _wait_checked(qtbot, window, lambda: _type_at_start_of(window, slip.paragraph, "上午"))
    assert window.texts()[slip.paragraph].startswith("上午今天")
    assert any(issue.text == "再接再励" for issue in window.findings), "the check still finds it"
    assert not _shown(window, "再接再励")


def test_an_ignored_finding_stays_ignored_after_undoing_a_join(qtbot, rich_open):
    window = rich_open
    slip = _finding(window, "再接再励")
    join = next(issue for issue in window.fresh_findings() if issue.category is Category.LAYOUT)
    assert join.paragraph == slip.paragraph, "the draft's cut is in the paragraph of the slip"
    window.ignore(slip)
    _wait_checked(qtbot, window, lambda: window.accept_finding(join))
    assert not _shown(window, "再接再励")
    _wait_checked(qtbot, window, window.editor.undo)
    assert any(issue.text == "再接再励" for issue in window.findings)
    assert not _shown(window, "再接再励")


def test_decisions_come_back_when_the_saved_draft_is_reopened(qtbot, rich_open, rich, data_dir):
    window = rich_open
    window.ignore_all(_finding(window, "签定"))
    window.ignore(_finding(window, "再接再励"))
    assert decisions_file(rich).is_relative_to(data_dir) and decisions_file(rich).exists()
    _type_at_start_of(window, 1, "　")
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        window.save()
    window.new_document()
    assert not window.decisions.entries
    window.open_path(rich)
    qtbot.waitUntil(lambda: window.path == rich and window.checked_texts == window.texts() != [""], timeout=30_000)
    assert {decision.kind for decision in window.decisions.entries} == {Kind.IGNORED, Kind.IGNORED_EVERYWHERE}
    assert not _shown(window, "签定") and not _shown(window, "再接再励")
    assert window.panel.visible_issues(), "the other findings are shown"


def test_saving_under_another_name_takes_the_decisions_along(qtbot, rich_open, tmp_path):
    window = rich_open
    window.ignore_all(_finding(window, "签定"))
    copy = tmp_path / "copy.txt"
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        window.save_as(".txt", copy)
    assert decisions_file(copy).exists()


def test_the_ignored_view_shows_a_finding_again(qtbot, rich_open, monkeypatch):
    window = rich_open
    window.ignore(_finding(window, "再接再励"))

    def exec_(dialog):
        assert dialog.list.count() == 1 and "再接再励" in dialog.list.item(0).text()
        assert dialog.list.item(0).text().startswith(category_name(Category.TYPO))
        assert not dialog.permanent_button.isEnabled()  # an ignore once stays in this draft
        dialog.unignore()
        return IgnoredDialog.DialogCode.Rejected

    monkeypatch.setattr(IgnoredDialog, "exec", exec_)
    window.show_ignored()
    assert _shown(window, "再接再励")
    assert not window.decisions.entries


def test_ignore_everywhere_can_go_into_the_permanent_ignore_list(qtbot, rich_open, monkeypatch, data_dir):
    window = rich_open
    window.ignore_all(_finding(window, "签定"))
    added = []

    def exec_(dialog):
        assert dialog.permanent_button.isEnabled()
        added.append(dialog.add_to_ignore_list())
        return IgnoredDialog.DialogCode.Rejected

    monkeypatch.setattr(IgnoredDialog, "exec", exec_)
    window.show_ignored()
    assert added == [True]
    assert "签定" in (data_dir / "ignore.txt").read_text(encoding="utf-8").split()
