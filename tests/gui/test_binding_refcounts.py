"""The Qt binding must not wear out Python's singletons.

PySide6 6.12.0 on CPython < 3.12 drops one reference to ``None`` on every Qt call
that returns nothing, and one to ``True``/``False`` on every ``Signal.emit``; after a
few thousand calls the interpreter aborts ("none_dealloc"), which in the editor was a
one-page session of about 130 edits. `pyproject.toml` keeps that release out; these
tests count the references across thousands of the calls the editor makes, so that a
future binding upgrade cannot bring the bug back unseen.

On CPython ≥ 3.12 ``None`` and ``True`` are immortal and their count never moves, so
there the tests pass whatever the binding does (and so does the editor).
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStatusBar, QTextEdit, QTreeWidget, QTreeWidgetItem

CALLS = 3000
#: The count may move a little for reasons of its own (a cached tuple, a lazily built attribute);
#: the bug moves it by one per call.
TOLERANCE = CALLS // 20


class _Sender(QObject):
    ping = Signal(str)
    finding = Signal(object)


def _drift(singleton: object, action) -> int:
    """How far ``sys.getrefcount(singleton)`` moved over `CALLS` calls of ``action(i)``."""
    action(0)  # the first call may build and keep things (signatures, caches)
    gc.collect()
    before = sys.getrefcount(singleton)
    for index in range(CALLS):
        action(index)
    gc.collect()
    return sys.getrefcount(singleton) - before


def _label_calls(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    return {
        "QLabel.setText": lambda i: label.setText(f"第{i}处"),
        "QWidget.setToolTip": lambda i: label.setToolTip(f"提示{i}"),
    }


def _text_calls(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("武进召开绿色制造推进会\n本报讯昨天下午，双方签订了合作协议。")

    def edit(i: int) -> None:
        cursor = editor.textCursor()
        cursor.setPosition(i % 10)
        cursor.insertText("字")
        cursor.deletePreviousChar()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)

    def highlight(i: int) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = editor.textCursor()
        editor.setExtraSelections([selection])

    return {
        "QTextCursor edits": edit,
        "setExtraSelections": highlight,
        "QScrollBar.setValue": lambda i: editor.verticalScrollBar().setValue(i % 3),
    }


def _model_calls(qtbot):
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    status = QStatusBar()
    qtbot.addWidget(status)

    def rebuild(i: int) -> None:  # the findings panel's model reset
        tree.clear()
        tree.addTopLevelItem(QTreeWidgetItem([str(i), "签定", "签订"]))

    return {
        "QTreeWidget rebuild": rebuild,
        "QStatusBar.showMessage": lambda i: status.showMessage(f"检查完成 {i}"),
    }


CALL_GROUPS = {"label": _label_calls, "text": _text_calls, "model": _model_calls}


@pytest.mark.parametrize("group", sorted(CALL_GROUPS))
def test_calls_returning_nothing_keep_none_alive(qtbot, group):
    drifts = {name: _drift(None, action) for name, action in CALL_GROUPS[group](qtbot).items()}
    assert all(abs(drift) < TOLERANCE for drift in drifts.values()), drifts


def test_emitting_keeps_true_alive(qtbot):
    sender, received = _Sender(), []
    sender.ping.connect(received.append)
    sender.finding.connect(received.append)
    drifts = {
        "emit(str)": _drift(True, lambda i: sender.ping.emit(str(i))),
        "emit(object)": _drift(True, lambda i: sender.finding.emit(i)),
    }
    assert len(received) == 2 * (CALLS + 1)
    assert all(abs(drift) < TOLERANCE for drift in drifts.values()), drifts
