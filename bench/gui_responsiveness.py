"""How long does the editor window freeze while a 50,000-character draft is checked?

A `QTimer` ticks every 10 ms on the GUI thread; the longest gap between two ticks,
minus the 10 ms, is the longest stall the user could feel (target: under 100 ms). Two
phases: opening the draft and its first check in a fresh process (the dictionaries
and the language model load, in the check server), and a re-check after an edit
(only the changed paragraph is checked again).

    .venv/bin/python bench/gui_responsiveness.py [--chars 50000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from editor.core.resources import EXAMPLE_DRAFT

TICK_MS = 10


def make_draft(path: Path, characters: int) -> int:
    """Repeat the project's example draft (blank-line fragments, headlines) up to ``characters``."""
    source = (EXAMPLE_DRAFT).read_text(encoding="utf-8")
    copies = characters // len(source) + 1
    path.write_text("\n\n".join([source] * copies), encoding="utf-8")
    return len(source) * copies


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(0.0, self.worst - TICK_MS / 1000)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def wait_for_check(app, window, action, timeout: float = 300) -> float:
    """Do ``action`` and run the event loop until its check is on screen; return the seconds."""
    done = []
    window.checked.connect(lambda: done.append(True))
    started = time.perf_counter()
    action()
    while not done and time.perf_counter() - started < timeout:
        app.processEvents()
        time.sleep(0.001)
    window.checked.disconnect()
    return time.perf_counter() - started


def _quiet_offscreen(_mode, _context, message: str) -> None:
    """Qt's offscreen platform warns on every tooltip and popup; anything else still reaches stderr."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def bench_window(in_process: bool):
    """A shown editor window with fresh settings and user data in a scratch folder: (app, window, folder).

    ``in_process`` runs the check server on a thread instead of the app's child process.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="proofdesk-bench-"))
    os.environ["PROOFDESK_DATA_DIR"] = str(scratch / "data")

    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication([])
    from editor.gui.main_window import MainWindow
    from editor.gui.settings import Settings

    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_value("check/in_process", in_process)
    window = MainWindow(settings)
    window.show()
    return app, window, scratch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--in-process", action="store_true", help="run the check server on a thread, not a process")
    args = parser.parse_args(argv)
    app, window, scratch = bench_window(args.in_process)
    draft = scratch / "draft.txt"
    characters = make_draft(draft, args.chars)
    meter = StallMeter()

    meter.start()
    first_seconds = wait_for_check(app, window, lambda: window.open_path(draft))
    first_stall = meter.stop()
    findings = len(window.fresh_findings())

    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    meter.start()
    again_seconds = wait_for_check(app, window, lambda: window.editor.insertPlainText("又讯，"))
    again_stall = meter.stop()

    window.editor.document().setModified(False)
    window.close()
    print(
        f"draft: {characters:,} characters, {window.editor.document().blockCount():,} paragraphs, {findings} findings"
    )
    print(f"{'phase':<34}{'seconds':>9}{'longest stall (ms)':>21}")
    print(f"{'open + first check (models load)':<34}{first_seconds:>9.2f}{first_stall * 1000:>21.0f}")
    print(f"{'re-check after an edit':<34}{again_seconds:>9.2f}{again_stall * 1000:>21.0f}")
    worst = max(first_stall, again_stall) * 1000
    print(f"longest stall while checking: {worst:.0f} ms (target < 100 ms): {'OK' if worst < 100 else 'TOO SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
