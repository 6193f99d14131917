"""A day at the desk, compressed: thousands of edits, re-checks, F8 steps and scrolls in one editor window.

The editor once aborted after about 130 edits (a Qt binding that lost a reference to
``None`` on every call). This drives the real window through a long session and prints
what a crash or a leak would show: the calls made, resident memory before and after,
and how far the reference counts of ``None`` and ``True`` moved. `tests/gui/test_soak.py`
runs the same session, shorter, and fails if the window dies or memory grows unbounded.

A second session reviews with the keyboard only, as a copy editor does (`review_soak`):
F8, Ctrl+Enter, Ctrl+I, Tab, F6 into the list and Enter / Delete / arrows there, and Ctrl+Z,
key events sent to the focused widget, with re-checks between; after every key it checks
that the finding in hand is one the list shows and the one the text selects.

    .venv/bin/python bench/gui_soak.py [--edits 5000] [--check-every 50] [--review 5000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from editor.core.resources import EXAMPLE_DRAFT

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.gui_responsiveness import bench_window, wait_for_check  # noqa: E402

#: Edits typed in, in turn, at spread-out places of the draft (each is deleted again by the next step).
_TYPED = "又讯，"


def resident_megabytes() -> float:
    """The process's resident memory now (Linux ``/proc``; elsewhere the peak, which only grows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class SoakFigures:
    edits: int
    checks: int
    steps: int  # F8 / Shift+F8
    scrolls: int
    seconds: float
    rss_before: float  # MB, after the first check
    rss_after: float
    none_drift: int
    true_drift: int
    alive: bool  # the window still checks and shows findings at the end


def soak(app, window, draft: Path, edits: int, check_every: int) -> SoakFigures:
    """Open ``draft`` in ``window`` and work in it; return what the session cost."""
    from PySide6.QtGui import QTextCursor

    editor = window.editor
    wait_for_check(app, window, lambda: window.open_path(draft))
    gc.collect()
    rss_before, none_before, true_before = resident_megabytes(), sys.getrefcount(None), sys.getrefcount(True)
    started = time.perf_counter()
    checks = steps = scrolls = 0
    bar = editor.verticalScrollBar()
    for edit in range(edits):
        length = editor.document().characterCount() - 1
        cursor = editor.textCursor()
        cursor.setPosition((edit * 7919) % max(1, length))
        if edit % 2 == 0:
            cursor.insertText(_TYPED[edit % len(_TYPED)])
        else:
            cursor.deletePreviousChar()  # takes back the character typed one step before, or its neighbour
        editor.setTextCursor(cursor)
        if edit % 5 == 0:
            window.go_to_finding(1 if edit % 10 == 0 else -1)
            steps += 1
        if edit % 3 == 0:
            bar.setValue((edit * 37) % max(1, bar.maximum() + 1))
            scrolls += 1
        app.processEvents()
        if (edit + 1) % check_every == 0:
            wait_for_check(app, window, window.scheduler.check_now)
            checks += 1
    wait_for_check(app, window, window.scheduler.check_now)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    alive = window.isVisible() and window.go_to_finding(1) is not None
    gc.collect()
    return SoakFigures(
        edits=edits,
        checks=checks + 1,
        steps=steps,
        scrolls=scrolls,
        seconds=time.perf_counter() - started,
        rss_before=rss_before,
        rss_after=resident_megabytes(),
        none_drift=sys.getrefcount(None) - none_before,
        true_drift=sys.getrefcount(True) - true_before,
        alive=alive,
    )


#: The review session's keys, in turn: (name, key, with Ctrl). F6 moves into the list and back.
_REVIEW_KEYS = (
    ("F8", "Key_F8", False),
    ("accept", "Key_Return", True),
    ("ignore", "Key_I", True),
    ("Tab", "Key_Tab", False),
    ("F6", "Key_F6", False),
    ("list down", "Key_Down", False),
    ("list enter", "Key_Return", False),
    ("list delete", "Key_Delete", False),
    ("F6", "Key_F6", False),
    ("accept", "Key_Return", True),
    ("undo", "Key_Z", True),
    ("F8", "Key_F8", False),
)


@dataclass
class ReviewFigures:
    keys: dict[str, int]
    checks: int
    seconds: float
    rss_before: float
    rss_after: float
    mismatches: list[str]  # keys after which the finding in hand was not the one the list and the text show
    alive: bool


def review_soak(app, window, draft: Path, keys: int, check_every: int) -> ReviewFigures:
    """Open ``draft`` and review it with ``keys`` key presses; return what was pressed and what went wrong."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    wait_for_check(app, window, lambda: window.open_path(draft))
    window.activateWindow()
    window.editor.setFocus()
    gc.collect()
    rss_before, started = resident_megabytes(), time.perf_counter()
    pressed: Counter[str] = Counter()
    mismatches: list[str] = []
    checks = 0
    for number in range(keys):
        name, key, ctrl = _REVIEW_KEYS[number % len(_REVIEW_KEYS)]
        target = app.focusWidget() or window.editor
        modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(target, getattr(Qt.Key, key), modifier)
        pressed[name] += 1
        app.processEvents()
        problem = _hand_mismatch(window)
        if problem:
            mismatches.append(f"{number}: {name}: {problem}")
        if (number + 1) % check_every == 0:
            wait_for_check(app, window, window.scheduler.check_now)
            checks += 1
    wait_for_check(app, window, window.scheduler.check_now)
    window.editor.setFocus()
    alive = window.isVisible() and (window.go_to_finding(1) is not None or not window.panel.visible_issues())
    gc.collect()
    return ReviewFigures(
        keys=dict(pressed),
        checks=checks + 1,
        seconds=time.perf_counter() - started,
        rss_before=rss_before,
        rss_after=resident_megabytes(),
        mismatches=mismatches,
        alive=alive,
    )


def _hand_mismatch(window) -> str:
    """Why the finding in hand is not the one the list selects and the text shows ("" when it is)."""
    current = window.editor.current
    if current is None:
        return ""
    if current != window.panel.current_issue():
        return "the list selects another finding"
    if current not in window.panel.visible_issues():
        return "not in the list"
    if window.editor.is_fresh(current):
        span = window.editor.cursor_for(current)
        cursor = window.editor.textCursor()
        if (cursor.selectionStart(), cursor.selectionEnd()) != (span.selectionStart(), span.selectionEnd()):
            return "the text selects something else"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5000)
    parser.add_argument("--check-every", type=int, default=50)
    parser.add_argument("--review", type=int, default=5000, help="key presses of the review session")
    args = parser.parse_args(argv)
    from PySide6 import __version__ as binding

    app, window, _scratch = bench_window(in_process=False)
    figures = soak(app, window, EXAMPLE_DRAFT, args.edits, args.check_every)
    window.editor.document().setModified(False)
    review = review_soak(app, window, EXAMPLE_DRAFT, args.review, args.check_every)
    window.editor.document().setModified(False)
    window.close()
    print(f"PySide6 {binding}, Python {sys.version.split()[0]}, check server in a child process")
    print(
        f"{figures.edits} edits, {figures.checks} re-checks, {figures.steps} F8 steps, "
        f"{figures.scrolls} scrolls in {figures.seconds:.1f} s"
    )
    print(f"resident memory: {figures.rss_before:.0f} MB after the first check, {figures.rss_after:.0f} MB at the end")
    print(f"references to None moved by {figures.none_drift:+d}, to True by {figures.true_drift:+d}")
    print("window alive and checking at the end" if figures.alive else "WINDOW NOT WORKING AT THE END")
    keys = ", ".join(f"{name} {count}" for name, count in review.keys.items())
    print(f"review: {sum(review.keys.values())} keys ({keys}), {review.checks} re-checks in {review.seconds:.1f} s")
    print(f"review: resident memory {review.rss_before:.0f} MB before, {review.rss_after:.0f} MB after")
    print(f"review: {len(review.mismatches)} keys left the finding in hand apart from the list or the text")
    for mismatch in review.mismatches[:10]:
        print(f"  {mismatch}")
    ok = figures.alive and review.alive and not review.mismatches
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
