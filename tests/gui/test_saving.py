"""Saving never freezes the window: the server writes while the window goes on, even during a long check.

The window asks for a save and returns to the event loop at once; `saved` (or
`save_failed`) answers. Closing with unsaved changes waits for that answer behind a
modal note, the event loop running.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from editor.core.io import read_document
from editor.core.resources import EXAMPLE_DRAFT


@pytest.fixture
def large_draft(tmp_path) -> Path:
    """About 100,000 characters of the example draft, every copy numbered: new text for every cache."""
    lines = (EXAMPLE_DRAFT).read_text(encoding="utf-8").splitlines()
    fresh = time.perf_counter_ns()
    copies = 100_000 // sum(map(len, lines)) + 1
    path = tmp_path / "large.txt"
    path.write_text("\n".join(f"{line}{fresh}{copy}" if line else line for copy in range(copies) for line in lines))
    return path


def test_saving_during_a_long_check_returns_at_once_and_writes_the_file(qtbot, app_window, large_draft, tmp_path):
    window = app_window
    checked, saved = [], []
    window.checked.connect(lambda: checked.append(time.perf_counter()))
    window.scheduler.saved.connect(lambda *_reply: saved.append(time.perf_counter()))
    window.open_path(large_draft)
    qtbot.waitUntil(lambda: window.scheduler.busy and window.texts() != [""], timeout=60_000)
    qtbot.wait(2000)  # well inside the first check, which takes seconds (the models load first)
    assert not checked
    target = tmp_path / "saved.txt"
    asked = time.perf_counter()
    assert window.save_as(".txt", target)
    returned = time.perf_counter() - asked
    # Waiting for the check would take seconds; 1 s leaves room for a machine busy with other work.
    assert returned < 1.0, f"the save held the window {returned:.2f} s"
    ticks = []  # the event loop keeps running while the server writes
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
    timer.stop()
    assert ticks, "the event loop did not run while saving"
    assert not checked or saved[0] < checked[0]  # answered during the check, not after it
    assert read_document(target).texts == window.texts()
    assert not window.editor.document().isModified() and window.path == target
    qtbot.waitUntil(lambda: bool(checked), timeout=120_000)  # and the check it did not wait for ends


def test_closing_with_unsaved_changes_waits_for_the_save_it_asks_for(qtbot, window, rich, monkeypatch):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
    window.editor.insertPlainText("补充")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Save)
    assert window.close()
    assert rich.read_text(encoding="utf-8").startswith("补充")


def test_a_failed_save_keeps_the_window_open_with_its_changes(qtbot, window, rich, monkeypatch):
    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
    window.editor.insertPlainText("补充")
    window.path = rich / "draft.txt"  # inside a file: it cannot be written
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not window.close()
    assert window.isVisible() and window.editor.document().isModified()
    assert len(warnings) == 1 and str(rich) in warnings[0]


def test_a_text_draft_saved_as_docx_gets_its_headline_style_from_the_engine(qtbot, window, rich, tmp_path):
    """The reader no longer recognises headlines; saving classifies the saved text as the engine does."""
    from docx import Document as WordDocument

    with qtbot.waitSignal(window.checked, timeout=30_000):
        window.open_path(rich)
    target = tmp_path / "styled.docx"
    with qtbot.waitSignal(window.scheduler.saved, timeout=30_000):
        window.save_as(".docx", target)
    paragraphs = [paragraph for paragraph in WordDocument(target).paragraphs if paragraph.text]
    assert paragraphs[0].text == "武进召开绿色制造推进会"
    assert paragraphs[0].style.name == "Proofdesk Headline"
    assert paragraphs[1].style.name != "Proofdesk Headline"
