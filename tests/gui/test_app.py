"""`proofdesk FILE` opens the window with the draft; with nothing to open it starts empty."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor.cli import main


def _windows():
    from editor.gui.main_window import MainWindow

    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)]


def test_proofdesk_file_opens_the_editor(qtbot, qapp, settings, monkeypatch, tmp_path):
    draft = tmp_path / "稿件.txt"
    draft.write_text("双方签定了合作协议。\n", encoding="utf-8")
    settings.set_value("ui/language", "en")  # no translator left installed for the other tests
    monkeypatch.setattr("editor.gui.app.Settings", lambda: settings)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    before = set(_windows())
    assert main([str(draft)]) == 0
    (window,) = set(_windows()) - before
    try:
        qtbot.waitUntil(lambda: window.path == draft, timeout=30_000)
        assert window.editor.toPlainText() == "双方签定了合作协议。"
        assert window.windowTitle().startswith("稿件.txt")
    finally:
        window.close()
        window.deleteLater()
