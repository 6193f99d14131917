"""Moving through the findings as a copy editor does: accept, ignore and F8 go down the page without skipping.

The draft has four findings in one paragraph (截止目前 reported by two rules, 三、四,
履形职责, 日新月益), then a paragraph with a layout cut whose next paragraph holds one more.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core.issue import Category

NAV_DRAFT = (
    "武进召开绿色制造推进会\n\n"
    "截止目前，全区已有三、四家企业入驻，各部门切实履形职责，变化日新月益。\n\n"
    "今天,我们召开会议，要求各部门再接再励，激发新动能、新优势的\n\n"
    "必由之路。区长强调，要在三、四个月内完成。\n"
)
CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot, window, tmp_path, text=NAV_DRAFT):
    path = tmp_path / "nav.txt"
    path.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(path)
    window.activateWindow()
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)


def _selected(window) -> str:
    return window.editor.textCursor().selectedText()


def _texts(issues):
    return [issue.text for issue in issues]


def test_accept_takes_the_next_finding_of_the_same_paragraph(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    order = _texts(window.panel.visible_issues())
    assert order[:4] == ["截止", "三、四", "形", "日新月益"]
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert _selected(window) == "截止"
    for expected in order[1:4]:
        qtbot.keyClick(window.editor, Qt.Key.Key_Return, CTRL)
        assert window.editor.current is not None and window.editor.current.text == expected
        assert _selected(window) == expected  # the text selects the very finding the list shows
        assert window.panel.current_issue() == window.editor.current
    assert "截至目前，全区已有三四家企业入驻，各部门切实履行职责" in window.editor.toPlainText()


def test_ignore_takes_the_next_finding_of_the_same_paragraph(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert _selected(window) == "三、四"
    qtbot.keyClick(window.editor, Qt.Key.Key_I, CTRL)
    assert _selected(window) == "形"
    qtbot.keyClick(window.editor, Qt.Key.Key_I, CTRL)
    assert _selected(window) == "日新月益"


def test_after_a_layout_join_the_next_finding_is_the_one_after_the_cut(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    cut = next(issue for issue in window.panel.visible_issues() if issue.category is Category.LAYOUT)
    window.panel.select(cut)
    blocks = window.editor.document().blockCount()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, CTRL)
    assert window.editor.document().blockCount() == blocks - 1
    after = window.editor.current
    assert after is not None and after.text == "三、四" and after.paragraph == cut.paragraph
    assert window.editor.is_fresh(after) and _selected(window) == "三、四"
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, CTRL)  # the finding in hand, not "no finding at the cursor"
    assert "新优势的必由之路。区长强调，要在三四个月内完成。" in window.editor.toPlainText()


def test_the_last_finding_handled_leaves_nothing_selected(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path, "今天,我们开会。\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.panel.details.text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, CTRL)
    assert window.panel.visible_issues() == [] and window.editor.current is None
    assert window.panel.details.text() == ""  # the explanation went with its finding


def test_f8_starts_from_the_caret_once_the_user_has_moved_it(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert _selected(window) == "截止"
    last = window.editor.document().findBlockByNumber(3)
    window.editor.setTextCursor(QTextCursor(last))  # a click in the last paragraph
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.current.paragraph == 3 and _selected(window) == "三、四"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.current.category is Category.LAYOUT  # from the finding in hand again


def test_f8_follows_the_list_grouped_or_not(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    for grouped in (False, True):
        window.panel.grouping.setChecked(grouped)
        listed = window.panel.visible_issues()
        window.editor.moveCursor(QTextCursor.MoveOperation.Start)
        window.editor.current = None
        stepped = [window.go_to_finding(1) for _ in listed]
        assert stepped == listed
        assert window.go_to_finding(1) == listed[0]  # wraps around
    assert _texts(window.panel.visible_issues())[0] != "截止"  # grouped: the categories' order


def test_a_slip_reported_by_two_rules_is_one_row(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)
    rows = [issue for issue in window.panel.visible_issues() if issue.text == "截止"]
    assert len(rows) == 1 and rows[0].also


def test_the_list_numbers_the_paragraphs_of_the_draft_as_opened(qtbot, window, tmp_path):
    _open(qtbot, window, tmp_path)

    def place_of_last():
        item = window.panel.items()[-1]
        assert item.data(0, Qt.ItemDataRole.UserRole).text == "三、四"
        return item.text(0)

    before = place_of_last()
    assert before == "¶4"
    cut = next(issue for issue in window.panel.visible_issues() if issue.category is Category.LAYOUT)
    window.accept_finding(cut)
    assert window.editor.current.paragraph == 2  # joined into the paragraph above…
    assert place_of_last() == before  # …but the list still names the paragraph where it was read
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.scheduler.check_now()
    assert place_of_last() == before


def test_the_explanation_follows_the_selection_and_a_new_document_clears_it(qtbot, window, tmp_path, rich):
    _open(qtbot, window, tmp_path)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    first = window.editor.current
    assert first.message in window.panel.details.text()
    qtbot.keyClick(window.editor, Qt.Key.Key_I, CTRL)
    assert window.editor.current.message in window.panel.details.text() and first != window.editor.current
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
    assert window.panel.details.text() == "" and window.panel.current_issue() is None


def _long_draft(tmp_path):
    return "".join(NAV_DRAFT for _ in range(40))


def test_undo_bulk_repair_and_replace_all_keep_the_view(qtbot, window, tmp_path, accept_previews):
    _open(qtbot, window, tmp_path, _long_draft(tmp_path))
    bar = window.editor.verticalScrollBar()
    assert bar.maximum() > 100
    bar.setValue(bar.maximum() // 2)
    middle = bar.value()
    assert window.repair_all_layout() == 40
    assert abs(bar.value() - middle) <= 40  # the joins above the view take out at most a line each
    middle = bar.value()
    window.editor.undo()
    assert abs(bar.value() - middle) <= 40
    middle = bar.value()
    window.find_dialog.find_text.setText("三、四")
    window.find_dialog.replace_text.setText("三四")
    assert window.find_dialog.replace_all() == 80
    assert abs(bar.value() - middle) <= 2
