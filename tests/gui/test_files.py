"""Files at the desk: a GBK draft stays GBK, Qt's dialogs speak Chinese, the dialogs and prompts know the draft,
and the status bar gives the core's 差错率 only for the text that was checked."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from editor.core.engine import Engine
from editor.core.error_rate import Checked, assess
from editor.core.io import read_document
from editor.gui.app import install_translation
from tests.gui.conftest import RICH_DRAFT


def _wait_checked(qtbot, window, action):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        action()


def _saved(qtbot, window, action):
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        action()


@pytest.fixture
def gbk_draft(tmp_path):
    """A real GBK draft, as a district office's Windows machine writes it (CRLF, no BOM)."""
    path = tmp_path / "gbk.txt"
    path.write_bytes(RICH_DRAFT.replace("𠮷", "吉").replace("\n", "\r\n").encode("gbk"))
    return path


def test_a_gbk_draft_saved_in_place_stays_gbk(qtbot, window, gbk_draft):
    before = gbk_draft.read_bytes()
    _wait_checked(qtbot, window, lambda: window.open_path(gbk_draft))
    assert "GB18030" in window.status_label.text()
    slip = next(issue for issue in window.fresh_findings() if issue.text == "再接再励")
    window.accept_finding(slip)
    _saved(qtbot, window, window.save)
    after = gbk_draft.read_bytes()
    assert after.decode("gbk") == before.decode("gbk").replace("再接再励", "再接再厉")
    assert len(after) == len(before)  # one character for one: no UTF-8 growth (7,169 → 10,593 bytes once)
    assert "GB18030" in window.status_label.text()


def test_qt_dialogs_speak_chinese(qapp):
    translators = install_translation(qapp, "zh_CN")
    try:
        dialog = QFileDialog(None, "", "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)：" and labels["fileTypeLabel"] == "文件类型(&T)："
        dialog.deleteLater()
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)


def test_the_open_dialog_starts_in_the_current_drafts_folder(qtbot, window, rich, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: asked.append(args[2]) or ("", ""))
    window.open_dialog()
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    window.open_dialog()
    window.new_document()
    window.open_dialog()  # no draft now: the folder of the one opened last
    assert asked == ["", str(rich.parent), str(rich.parent.resolve())]


def test_the_unsaved_changes_prompt_names_the_draft(qtbot, window, rich, monkeypatch):
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    window.editor.insertPlainText("改")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Cancel
    )
    assert not window.maybe_save()
    assert asked and "draft.txt" in asked[0]


def test_saved_is_not_wiped_at_once_by_the_checks_timing(qtbot, window, rich):
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    window.editor.insertPlainText("改")
    with qtbot.waitSignal(window.checked, timeout=30_000):
        _saved(qtbot, window, window.save)
        saved = window.statusBar().currentMessage()
    assert saved.endswith("draft.txt") and window.statusBar().currentMessage() == saved


def test_the_window_title_does_not_repeat_the_application_name(qtbot, window, rich):
    _wait_checked(qtbot, window, lambda: window.open_path(rich))
    assert window.windowTitle() == "draft.txt[*]"  # the platform appends the application's display name
    assert QApplication.applicationDisplayName() not in window.windowTitle()


def test_no_verdict_while_a_draft_opens_or_a_check_runs(qtbot, window, rich):
    shown = []
    window.scheduler.started.connect(lambda _first: shown.append(window.status_label.text()))
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
        shown.append(window.status_label.text())
    assert shown and all("per 10,000" not in text and "/万" not in text for text in shown), shown
    draft = read_document(rich)
    result = Engine().check(draft)
    expected = assess([Checked.of(result.classified, result.issues)])
    assert f"{expected.rate:.2f}" in window.status_label.text()
    window.editor.insertPlainText("改")
    window.scheduler.check_now()
    assert f"{expected.rate:.2f}" not in window.status_label.text()
