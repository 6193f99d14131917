"""The editor window, driven as a copy editor drives it: open, review, fix, undo, save.

The checks run on the scheduler's worker thread; tests wait for the window's
`checked` signal, which fires once the newest check's findings are on screen.
"""

from __future__ import annotations

import shutil

from docx import Document as WordDocument
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from editor.core.engine import Engine
from editor.core.io import read_document
from editor.core.issue import Category
from editor.gui.categories import COLOURS, category_name


def _key(issue):
    return (issue.rule, issue.paragraph, issue.start, issue.end)


def _wait_checked(qtbot, window, action):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        action()


def _saved(qtbot, window, action):
    """Do ``action``, which asks for a save, and wait for the server's answer; return what ``action`` returned."""
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        started = action()
    return started


def _open(qtbot, window, path):
    _wait_checked(qtbot, window, lambda: window.open_path(path))


def test_sample_page_findings_are_listed_and_highlighted(opened, sample_page):
    expected = Engine().check(read_document(sample_page)).issues
    assert expected, "the sample page has layout cuts"
    listed = opened.panel.visible_issues()
    assert sorted(map(_key, listed)) == sorted(map(_key, expected))
    layout = sum(issue.category is Category.LAYOUT for issue in expected)
    opened.panel.grouping.setChecked(True)
    assert f"{category_name(Category.LAYOUT)}（{layout}）" in opened.panel.group_titles()
    for issue in expected:  # each finding, once scrolled into view, is underlined in its colour
        opened.editor.show_finding(issue)
        opened.editor.refresh_highlights()
        underlined = [
            selection
            for selection in opened.editor.extraSelections()
            if selection.cursor.selectionStart() == opened.editor.cursor_for(issue).selectionStart()
        ]
        assert underlined and underlined[0].format.underlineColor() == COLOURS[issue.category]
    assert f"{category_name(Category.LAYOUT)} {layout}" in opened.status_label.text()


def test_panel_groups_follow_the_category_order(qtbot, window, rich):
    _open(qtbot, window, rich)
    shown = {issue.category for issue in window.fresh_findings()}
    assert shown == set(Category)
    assert window.panel.group_titles() == []  # in document order by default
    window.panel.grouping.setChecked(True)
    titles = [title.split("（")[0] for title in window.panel.group_titles()]
    assert titles == [category_name(category) for category in Category if category in shown]


def test_astral_characters_do_not_shift_highlights(qtbot, window, rich):
    _open(qtbot, window, rich)
    findings = window.fresh_findings()
    assert {issue.category for issue in findings} == set(Category)
    for issue in findings:
        assert window.editor.cursor_for(issue).selectedText() == issue.text


def test_f8_and_ctrl_enter_accept_the_next_fix(qtbot, window, rich):
    _open(qtbot, window, rich)
    window.activateWindow()
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    first = window.editor.current
    assert first is not None and first == min(window.fresh_findings(), key=lambda i: (i.paragraph, i.start))
    assert first.text == "签定"
    blocks = window.editor.document().blockCount()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "签订了合作协议" in window.editor.toPlainText()
    assert window.editor.document().blockCount() == blocks  # the shortcut, not a new line
    assert first not in window.fresh_findings()
    window.editor.undo()
    assert "签定了合作协议" in window.editor.toPlainText()


def test_ignore_and_ignore_all(qtbot, opened):
    joins = [issue for issue in opened.fresh_findings() if issue.text == "的" and issue.category is Category.LAYOUT]
    assert len(joins) >= 2, "the sample page has two cuts after 的"
    opened.panel.select(joins[0])
    qtbot.keyClick(opened.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert joins[0] not in opened.panel.visible_issues()
    assert joins[1] in opened.panel.visible_issues()
    opened.ignore_all(joins[1])
    assert not any(issue.text == "的" and issue.rule == joins[1].rule for issue in opened.panel.visible_issues())
    before = len(opened.panel.visible_issues())
    _wait_checked(qtbot, opened, opened.scheduler.check_now)  # ignoring survives a new check
    assert len(opened.panel.visible_issues()) == before


def test_context_menu_offers_suggestions_and_ignore(qtbot, window, rich):
    from PySide6.QtWidgets import QMenu

    _open(qtbot, window, rich)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "再接再励")
    menu = QMenu()
    window._finding_menu(menu, typo)
    labels = [action.text() for action in menu.actions()]
    assert labels[0] == "再接再厉"
    assert {window.tr("Ignore"), window.tr("Ignore All"), window.tr("Add to Dictionary")} <= set(labels)
    menu.actions()[0].trigger()
    assert "再接再厉" in window.editor.toPlainText()


def test_add_to_dictionary_writes_the_user_word_list(qtbot, window, rich, data_dir, monkeypatch):
    _open(qtbot, window, rich)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "签定")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, text, **kwargs: (text, True))
    _wait_checked(qtbot, window, lambda: window.add_to_dictionary(typo))
    assert "签定" in (data_dir / "dictionary.txt").read_text(encoding="utf-8").split()
    assert not any(issue.text == "签定" for issue in window.fresh_findings())


def test_repair_all_layout_breaks_is_one_undo_step(qtbot, opened, accept_previews, sample_page):
    original = opened.editor.toPlainText()
    joins = [issue for issue in opened.fresh_findings() if issue.joins_next]
    blocks = opened.editor.document().blockCount()
    applied = opened.repair_all_layout()
    assert applied == len(joins) == len(accept_previews[0])
    assert "｜" in accept_previews[0][0]  # the preview shows where the join happens
    assert opened.editor.document().blockCount() == blocks - len(joins)
    assert "激发新动能、新优势的必由之路。" in opened.editor.toPlainText()
    _wait_checked(qtbot, opened, opened.scheduler.check_now)
    assert not [issue for issue in opened.fresh_findings() if issue.joins_next]
    opened.editor.undo()
    assert opened.editor.toPlainText() == original


def test_safe_fixes_of_one_category(qtbot, window, rich, accept_previews):
    _open(qtbot, window, rich)
    assert window.apply_safe_fixes(Category.PUNCTUATION) >= 1
    assert "今天，我们" in window.editor.toPlainText()
    assert "签定" in window.editor.toPlainText()  # other categories untouched


def test_edits_are_rechecked_and_stale_findings_dropped(qtbot, window, rich):
    _open(qtbot, window, rich)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "签定")
    cursor = window.editor.cursor_for(typo)
    cursor.insertText("签署")
    assert typo not in window.fresh_findings()  # the paragraph changed: its findings are not drawn
    qtbot.waitUntil(lambda: not window.scheduler.busy, timeout=30_000)
    qtbot.waitUntil(lambda: window.last_outcome.snapshot.texts == window.texts(), timeout=30_000)
    assert not any(issue.text == "签定" for issue in window.fresh_findings())
    assert any(issue.text == "再接再励" for issue in window.fresh_findings())


def test_save_text_draft(qtbot, window, sample_page, tmp_path, accept_previews):
    copy = tmp_path / "page.txt"
    shutil.copy(sample_page, copy)
    _open(qtbot, window, copy)
    window.repair_all_layout()
    assert window.isWindowModified()
    _saved(qtbot, window, lambda: qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier))
    assert not window.editor.document().isModified()
    saved = read_document(copy).texts
    assert saved == window.texts()
    assert "激发新动能、新优势的必由之路。" in "\n".join(saved)


def test_save_docx_keeps_formatting(qtbot, window, tmp_path):
    path = tmp_path / "draft.docx"
    word = WordDocument()
    word.add_paragraph("武进召开绿色制造推进会", style="Heading 1")
    body = word.add_paragraph()
    body.add_run("本报讯").bold = True
    body.add_run("（记者 黄雅婷）双方签定了合作协议。")
    word.save(path)
    _open(qtbot, window, path)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "签定")
    window.accept_finding(typo)
    assert _saved(qtbot, window, window.save)
    saved = WordDocument(path)
    texts = [paragraph.text for paragraph in saved.paragraphs if paragraph.text]
    assert texts == ["武进召开绿色制造推进会", "本报讯（记者 黄雅婷）双方签订了合作协议。"]
    assert saved.paragraphs[0].style.name == "Heading 1"
    assert saved.paragraphs[1].runs[0].bold and saved.paragraphs[1].runs[0].text == "本报讯"


def test_save_as_docx_from_a_text_draft(qtbot, window, tmp_path, rich):
    _open(qtbot, window, rich)
    target = tmp_path / "out.docx"
    assert _saved(qtbot, window, lambda: window.save_as(".docx", target))
    assert [p.text for p in WordDocument(target).paragraphs if p.text][0] == "武进召开绿色制造推进会"
    assert window.path == target


def test_unsaved_changes_prompt_on_close(qtbot, window, rich, monkeypatch):
    _open(qtbot, window, rich)
    window.editor.insertPlainText("补充")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert asked and window.isVisible()


def test_crash_recovery_offers_the_autosaved_text(qtbot, window, rich, settings, monkeypatch, tmp_path):
    from editor.gui.main_window import MainWindow

    _open(qtbot, window, rich)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("（完）")
    window.autosave()
    saved = window.recovery.path
    assert saved.is_file()
    left_behind = tmp_path / "left-behind.json"
    shutil.copy(saved, left_behind)
    window.editor.document().setModified(False)
    window.close()  # a clean close removes its recovery file…
    assert not saved.exists()
    shutil.copy(left_behind, saved)  # …a crash would have left it there

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    restarted = MainWindow(settings)
    qtbot.addWidget(restarted)
    with qtbot.waitSignal(restarted.checked, timeout=30_000):
        assert restarted.offer_recovery()
    assert restarted.editor.toPlainText().endswith("要求各部门抓好落实。（完）")
    assert restarted.path == rich and restarted.isWindowModified()
    assert not saved.exists()
    restarted.editor.document().setModified(False)
    restarted.close()


def test_bad_input_shows_a_message_instead_of_crashing(qtbot, window, tmp_path, monkeypatch):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.open_path(empty)
    window.open_path(tmp_path / "missing.docx")
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    assert "文件为空" in shown[0] and "文件不存在" in shown[1]
    assert window.path is None


def test_find_replace_all_is_one_undo_step(qtbot, window, rich):
    _open(qtbot, window, rich)
    window.find_dialog.find_text.setText("绿色")
    window.find_dialog.replace_text.setText("低碳")
    assert window.find_dialog.replace_all() == 2
    assert "绿色" not in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText().count("绿色") == 2


def test_zoom_and_recent_files(qtbot, window, rich, settings):
    size = window.editor.font().pointSize()
    window.zoom(1)
    assert window.editor.font().pointSize() == size + 1
    window.zoom(0)
    assert window.editor.font().pointSize() == size
    _open(qtbot, window, rich)
    assert settings.value("files/recent")[0] == str(rich.resolve())
    assert [action.text() for action in window.recent_menu.actions()] == [str(rich.resolve())]


def test_dropping_a_file_opens_it(qtbot, window, rich):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(rich))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    _wait_checked(qtbot, window, lambda: window.editor.dropEvent(event))
    assert window.path == rich


def test_headlines_are_drawn_distinctly(opened):
    kinds = opened.editor.structure.kinds
    headline = opened.editor.document().findBlockByNumber(0)
    body = opened.editor.document().findBlockByNumber(2)
    assert kinds[0].value == "headline"
    bold = [r.format.fontWeight() for r in headline.layout().formats()]
    assert bold and bold[0] > 400
    assert not body.layout().formats()


def test_hovering_a_finding_shows_its_message(qtbot, window, rich):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    _open(qtbot, window, rich)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "签定")
    rect = window.editor.cursorRect(window.editor.cursor_for(typo))
    point = rect.center()
    point.setX(rect.left() - 4)  # inside the selection, which ends at the cursor rectangle
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.editor.viewport().mapToGlobal(point))
    assert window.editor.finding_at(window.editor.character_at(point)) == typo
    window.editor.viewportEvent(event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == typo.message


def test_f8_wraps_and_shift_f8_goes_back(qtbot, window, rich):
    _open(qtbot, window, rich)
    ordered = sorted(window.panel.visible_issues(), key=lambda issue: (issue.paragraph, issue.start, issue.rule))
    assert window.go_to_finding(-1) == ordered[-1]  # from the start, back wraps to the last one
    assert window.go_to_finding(1) == ordered[0]
    assert window.go_to_finding(1) == ordered[1]
    assert window.go_to_finding(-1) == ordered[0]


def test_the_first_check_says_the_models_are_loading(qtbot, window, rich):
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    _open(qtbot, window, rich)
    assert any("language model" in message or "语言模型" in message for message in messages)
    assert window.progress.isHidden()


def test_preferences_switch_categories_and_edit_word_lists(qtbot, window, rich, settings, data_dir, monkeypatch):
    from PySide6.QtCore import Qt as QtCore

    from editor.gui.preferences import PreferencesDialog

    _open(qtbot, window, rich)
    assert any(issue.category is Category.TYPO for issue in window.fresh_findings())
    dialog = PreferencesDialog(settings, window)
    dialog.category_items[Category.TYPO].setCheckState(0, QtCore.CheckState.Unchecked)
    dialog.word_files["ignore.txt"].setPlainText("# 忽略\n签定")
    dialog.font_size.setValue(18)
    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda self: (dialog.accept(), PreferencesDialog.DialogCode.Accepted)[1]
    )
    _wait_checked(qtbot, window, window.show_preferences)
    assert Category.TYPO.value not in settings.value("check/categories")
    assert not any(issue.category is Category.TYPO for issue in window.fresh_findings())
    assert any(issue.category is Category.NUMBER for issue in window.fresh_findings())
    assert (data_dir / "ignore.txt").read_text(encoding="utf-8").split() == ["#", "忽略", "签定"]
    assert window.editor.font().pointSize() == 18


def test_a_macbert_folder_that_cannot_be_used_is_explained_in_the_status_bar(
    qtbot, window, rich, settings, tmp_path, monkeypatch
):
    from editor.gui.preferences import PreferencesDialog

    _open(qtbot, window, rich)
    assert not any("MacBERT" in note for note in window.notes)
    dialog = PreferencesDialog(settings, window)
    dialog.macbert_dir.setText(str(tmp_path))  # no config.json there
    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda self: (dialog.accept(), PreferencesDialog.DialogCode.Accepted)[1]
    )
    _wait_checked(qtbot, window, window.show_preferences)
    assert window.scheduler.macbert_dir == str(tmp_path)
    reasons = [note for note in window.notes if "MacBERT" in note]
    assert len(reasons) == 1 and "config.json" in reasons[0]
    assert not window.notes_label.isHidden() and reasons[0] in window.notes_label.toolTip()
    assert window.statusBar().currentMessage() == reasons[0]
    assert any(issue.text == "签定" for issue in window.fresh_findings())

    for folder in ("", str(tmp_path)):  # no folder, then the same unusable one again: said again
        dialog = PreferencesDialog(settings, window)
        dialog.macbert_dir.setText(folder)
        window.statusBar().clearMessage()
        _wait_checked(qtbot, window, window.show_preferences)
    assert window.statusBar().currentMessage() == reasons[0]
    assert [note for note in window.notes if "MacBERT" in note] == reasons


def test_the_sensitivity_chosen_in_the_preferences_reaches_the_check_server(qtbot, window, rich, settings, monkeypatch):
    from editor.gui.preferences import PreferencesDialog

    _open(qtbot, window, rich)
    assert window.scheduler.sensitivity == "标准"
    dialog = PreferencesDialog(settings, window)
    dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData("严格"))
    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda self: (dialog.accept(), PreferencesDialog.DialogCode.Accepted)[1]
    )
    _wait_checked(qtbot, window, window.show_preferences)
    assert window.scheduler.sensitivity == "严格"


def test_new_draft_from_the_clipboard(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("武进召开推进会\n\n双方签定了合作协议。\n")
    _wait_checked(qtbot, window, window.new_from_clipboard)
    assert window.texts() == ["武进召开推进会", "双方签定了合作协议。"]
    assert any(issue.text == "签定" for issue in window.fresh_findings())
    assert window.path is None


def test_a_restarted_server_reads_the_draft_again(qtbot, window, tmp_path):
    path = tmp_path / "draft.docx"
    word = WordDocument()
    body = word.add_paragraph()
    body.add_run("本报讯").bold = True
    body.add_run("双方签定了合作协议。")
    word.save(path)
    _open(qtbot, window, path)
    window.scheduler.client.close()  # as if the server had gone away
    assert not window.scheduler.client.running
    _wait_checked(qtbot, window, window.scheduler.check_now)
    typo = next(issue for issue in window.fresh_findings() if issue.text == "签定")
    window.accept_finding(typo)
    assert _saved(qtbot, window, window.save)
    runs = WordDocument(path).paragraphs[0].runs
    assert runs[0].bold and runs[0].text == "本报讯"  # the DOCX was read again, not rebuilt from text


def test_recovering_an_unsaved_draft(qtbot, window, settings, monkeypatch, data_dir):
    from editor.gui.main_window import MainWindow
    from editor.gui.recovery import RecoveryFile, _live_sessions

    left_behind = RecoveryFile(data_dir / "recovery")
    left_behind.save(None, ["未保存的标题", "未保存的正文。"])
    _live_sessions.discard(left_behind.session)  # the window that wrote it is gone
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    restarted = MainWindow(settings)
    qtbot.addWidget(restarted)
    with qtbot.waitSignal(restarted.checked, timeout=30_000):
        assert restarted.offer_recovery()
    assert restarted.texts() == ["未保存的标题", "未保存的正文。"]
    assert restarted.path is None and restarted.isWindowModified()
    restarted.editor.document().setModified(False)
    restarted.close()


def test_check_warnings_stay_in_the_status_bar(window):
    assert window.notes_label.isHidden()
    window._note(["语言模型不可用：找不到文件"])
    window._note(["语言模型不可用：找不到文件"])
    assert not window.notes_label.isHidden()
    assert window.notes_label.toolTip() == "语言模型不可用：找不到文件"
    assert window.notes == ["语言模型不可用：找不到文件"]
