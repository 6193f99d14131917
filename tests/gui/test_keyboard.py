"""The keyboard, and actions where the eye is: F6, the list's keys and buttons, menus, Tab, redo, zoom, help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from editor.core.issue import Category, Issue, Severity
from editor.core.segmentation import word_around
from editor.gui.app import install_translation
from editor.gui.findings_panel import fix_description

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def menus(qtbot):
    """Every menu the window shows: its labels are kept, and it is closed at once."""
    shown = []

    def close_popup():
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            shown.append([action.text() for action in popup.actions() if not action.isSeparator()])
            popup.close()

    timer = QTimer()
    timer.timeout.connect(close_popup)
    timer.start(20)
    yield shown
    timer.stop()


@pytest.fixture
def ready(qtbot, window, rich):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
    window.activateWindow()
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.waitUntil(window.editor.hasFocus)
    return window


def _finding(window, text):
    return next(issue for issue in window.panel.visible_issues() if issue.text == text)


def test_f6_moves_between_the_text_and_the_list(qtbot, ready):
    qtbot.keyClick(ready.editor, Qt.Key.Key_F6)
    qtbot.waitUntil(ready.panel.tree.hasFocus)
    assert ready.panel.current_issue() == ready.panel.visible_issues()[0]
    qtbot.keyClick(ready.panel.tree, Qt.Key.Key_F6)
    qtbot.waitUntil(ready.editor.hasFocus)


def test_in_the_list_arrows_move_enter_accepts_delete_ignores(qtbot, ready):
    ready.switch_focus()
    tree = ready.panel.tree
    first = ready.panel.current_issue()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    second = ready.panel.current_issue()
    assert second != first and ready.editor.current == second  # the text follows the list
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert second not in ready.panel.visible_issues()
    third = ready.panel.current_issue()
    assert third is not None and third != first
    text = ready.editor.toPlainText()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert ready.editor.toPlainText() != text and third not in ready.panel.visible_issues()
    assert ready.panel.current_issue() is not None  # on to the next


def test_the_list_has_buttons_and_a_menu(qtbot, ready, menus):
    typo = _finding(ready, "再接再励")
    ready.panel.select(typo)
    assert ready.panel.accept_button.isEnabled() and ready.panel.ignore_button.isEnabled()
    rect = ready.panel.tree.visualItemRect(ready.panel.tree.currentItem())
    ready.panel.tree.customContextMenuRequested.emit(rect.center())  # the right mouse button or the Menu key
    qtbot.keyClick(ready.panel.tree, Qt.Key.Key_F10, SHIFT)
    assert len(menus) == 2 and menus[0] == menus[1]
    assert menus[0][0] == "再接再厉" and {"Ignore", "Ignore All", "Add to Dictionary"} <= set(menus[0])
    qtbot.mouseClick(ready.panel.accept_button, Qt.MouseButton.LeftButton)
    assert "再接再厉" in ready.editor.toPlainText()
    current = ready.panel.current_issue()
    qtbot.mouseClick(ready.panel.ignore_button, Qt.MouseButton.LeftButton)
    assert current not in ready.panel.visible_issues()


def _menu_key(point: QPoint) -> QContextMenuEvent:
    """What the Menu key sends to the focused widget."""
    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, point, Qt.KeyboardModifier.NoModifier)


def test_the_menu_key_in_the_text_offers_the_findings_actions(qtbot, ready, menus):
    ready.panel.select(_finding(ready, "签定"))
    QApplication.sendEvent(ready.editor, _menu_key(ready.editor.cursorRect().center()))
    qtbot.keyClick(ready.editor, Qt.Key.Key_F10, SHIFT)
    assert len(menus) == 2 and menus[0][:4] == menus[1][:4]  # (Qt may add the keys to the edit actions' labels)
    labels = menus[0]
    assert labels[0] == "签订" and {"Ignore", "Ignore All", "Add to Dictionary"} <= set(labels)
    assert any("Copy" in label for label in labels)  # the standard edit actions stay
    ready.editor.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.sendEvent(ready.editor, _menu_key(QPoint(1, 1)))
    assert "Ignore" not in menus[-1]  # no finding at the caret: only the edit menu


def test_tab_on_a_selected_finding_steps_instead_of_typing_a_tab(qtbot, ready):
    qtbot.keyClick(ready.editor, Qt.Key.Key_F8)
    first, text = ready.editor.current, ready.editor.toPlainText()
    qtbot.keyClick(ready.editor, Qt.Key.Key_Tab)
    assert ready.editor.toPlainText() == text
    assert ready.editor.current not in (None, first)
    qtbot.keyClick(ready.editor, Qt.Key.Key_Backtab, SHIFT)
    assert ready.editor.current == first
    ready.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(ready.editor, Qt.Key.Key_Tab)  # no finding selected: Tab types a tab
    assert ready.editor.toPlainText() == text + "\t"


def test_join_and_deletion_read_as_actions(qtbot, ready):
    cut = next(issue for issue in ready.panel.visible_issues() if issue.category is Category.LAYOUT)
    row = next(item for item in ready.panel.items() if item.data(0, Qt.ItemDataRole.UserRole) == cut)
    assert row.text(2).startswith("Join the two paragraphs: …") and "｜" in row.text(2)
    space = Issue("punctuation.space", Category.PUNCTUATION, Severity.WARNING, 0, 2, 3, " ", "多余空格", ("",))
    assert fix_description(space, ["今天 我们"]) == "Delete “␣”"
    translators = install_translation(QApplication.instance(), "zh_CN")
    try:
        assert fix_description(cut, ready.checked_texts).startswith("连接两段：")
        assert fix_description(space, ["今天 我们"]) == "删除“␣”"
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)


def test_ctrl_y_and_ctrl_shift_z_redo(qtbot, ready):
    ready.accept_finding(_finding(ready, "签定"))
    for redo in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        qtbot.keyClick(ready.editor, Qt.Key.Key_Z, CTRL)
        assert "签定" in ready.editor.toPlainText()
        qtbot.keyClick(ready.editor, *redo)
        assert "签订" in ready.editor.toPlainText()


def test_ctrl_equals_and_minus_zoom_with_an_indicator(qtbot, ready):
    assert ready.zoom_label.text() == "100%"
    size = ready.editor.font().pointSize()
    qtbot.keyClick(ready.editor, Qt.Key.Key_Equal, CTRL)
    assert ready.editor.font().pointSize() == size + 1 and ready.zoom_label.text() != "100%"
    qtbot.keyClick(ready.editor, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(ready.editor, Qt.Key.Key_Minus, CTRL)
    assert ready.editor.font().pointSize() == size - 1
    qtbot.keyClick(ready.editor, Qt.Key.Key_0, CTRL)
    assert ready.zoom_label.text() == "100%"


def test_the_shortcut_list_and_the_guide(qtbot, ready, monkeypatch):
    from editor.gui.help import ShortcutsDialog

    listed = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: listed.extend(dialog.rows()))
    ready.show_shortcuts()
    keys = " ".join(key for _command, key in listed)
    for key in ("F6", "F8", "Shift+F8", "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+=", "F1", "Delete", "Shift+F10"):
        assert key in keys
    qtbot.keyClick(ready.editor, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: ready.guide is not None and ready.guide.isVisible())
    guide = ready.guide.browser.toPlainText()
    assert "F6" in guide and "F8" in guide and "校对" in guide


def test_category_filter_and_group_headers_count_what_is_shown(ready):
    panel = ready.panel
    panel.category.setCurrentIndex(panel.category.findData(Category.TYPO.value))
    shown = panel.visible_issues()
    assert shown and {issue.category for issue in shown} == {Category.TYPO}
    panel.grouping.setChecked(True)
    typos = len(panel.visible_issues())
    assert panel.group_titles() == [f"Typos（{typos}）"]
    panel.filter.setText("再接再励")
    assert panel.group_titles() == ["Typos（1）"]
    panel.category.setCurrentIndex(0)
    panel.filter.clear()
    assert len(panel.group_titles()) == len({issue.category for issue in panel.visible_issues()}) > 1


def test_add_to_dictionary_offers_the_word_around_and_asks(
    qtbot, window, sample_page_with_a_slip, data_dir, monkeypatch
):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(sample_page_with_a_slip)
    flagged = next(issue for issue in window.panel.visible_issues() if issue.rule == "typo.lm")  # 形 in 履形
    paragraph = window.checked_texts[flagged.paragraph]
    offered = word_around(paragraph, flagged.start, flagged.end)
    assert len(offered) > 1 and flagged.text in offered
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, text, **kw: asked.append(text) or (text, True))
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.add_to_dictionary(flagged)
    assert asked == [offered]
    assert offered in (data_dir / "dictionary.txt").read_text(encoding="utf-8").split()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, text, **kw: (text, False))
    with qtbot.waitSignal(window.scheduler.word_proposed, timeout=30_000):
        window.add_to_dictionary(flagged)  # cancelled: nothing more is written
    assert (data_dir / "dictionary.txt").read_text(encoding="utf-8").split().count(offered) == 1


def test_word_around_takes_the_segmentation_word():
    assert word_around("他在学校读书", 3, 4) == "学校"
    assert word_around("他在学校读书", 2, 5) == "学校读书"
    assert word_around("核心校+周边校", 2, 3) == "核心校"  # a one-character word goes with the word before
    assert word_around("校长说", 0, 1) == "校长"
