"""Checking off the GUI thread: debounce, snapshot, one worker thread, stale results dropped.

The scheduler is the novelWriter pattern: edits restart a short timer; when it fires,
the editor's text is snapshotted with each block's revision and handed to a
`QRunnable` on a pool of one thread. A newer job cancels the running one between two
paragraphs; an outcome that is not the newest job's is dropped here, and the window
drops the findings of paragraphs edited since their snapshot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.core.document import Document
from editor.core.issue import Category
from editor.gui.checking import Cancelled, Checker, Outcome, Snapshot

logger = logging.getLogger(__name__)

#: Progress is reported in steps of this many per mille, not for every paragraph.
_PROGRESS_STEP = 20


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(int, str)
    progress = Signal(int, int)  # job, per mille


class _CheckRunnable(QRunnable):
    def __init__(self, make_checker: Callable[[], Checker], snapshot: Snapshot, draft: Document, signals: _Signals):
        super().__init__()
        self.make_checker = make_checker
        self.snapshot = snapshot
        self.draft = draft
        self.signals = signals
        self._reported = -_PROGRESS_STEP

    def run(self) -> None:
        try:
            outcome = self.make_checker().run(self.snapshot, self.draft, self._progress)
        except Cancelled:
            return
        except Exception as error:  # a broken check must not take the editor down
            logger.exception("check job %d failed", self.snapshot.job)
            self.signals.failed.emit(self.snapshot.job, f"{type(error).__name__}: {error}")
            return
        self.signals.finished.emit(outcome)

    def _progress(self, done: int, total: int) -> None:
        per_mille = done * 1000 // total
        if per_mille - self._reported >= _PROGRESS_STEP:
            self._reported = per_mille
            self.signals.progress.emit(self.snapshot.job, per_mille)


class CheckScheduler(QObject):
    """Runs the newest snapshot's check in the background and reports only the newest outcome."""

    finished = Signal(object)  # Outcome
    progress = Signal(int)  # per mille
    started = Signal(bool)  # True for the first check (the models load)
    failed = Signal(str)

    def __init__(self, take_snapshot: Callable[[int], tuple[Snapshot, Document]], debounce_ms: int, parent=None):
        super().__init__(parent)
        self.take_snapshot = take_snapshot
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.timer.timeout.connect(self.check_now)
        self.signals = _Signals(self)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.progress.connect(self._progress)
        self.job = 0
        self.categories: set[Category] | None = None
        self.disabled: tuple[str, ...] = ()
        self._checker: Checker | None = None
        self._checked_once = False

    @property
    def busy(self) -> bool:
        return self.timer.isActive() or self.pool.activeThreadCount() > 0

    def configure(self, categories: set[Category], disabled: tuple[str, ...]) -> None:
        """New preferences: the next check builds a new engine."""
        self.categories, self.disabled = set(categories), tuple(disabled)
        self._checker = None

    def forget(self) -> None:
        """The user's word lists changed: cached paragraph results are no longer right."""
        if self._checker is not None:
            self._checker.forget()

    def schedule(self) -> None:
        """An edit: check again once the typing pauses."""
        self.timer.start()

    def check_now(self) -> None:
        self.timer.stop()
        self.job += 1
        snapshot, draft = self.take_snapshot(self.job)
        if self._checker is not None:
            self._checker.announce(self.job)
        self.started.emit(not self._checked_once)
        self.pool.start(_CheckRunnable(self._make_checker, snapshot, draft, self.signals))

    def wait(self) -> None:
        """Block until the running check is done (closing the window, tests)."""
        self.timer.stop()
        self.pool.waitForDone()

    def _make_checker(self) -> Checker:
        # Runs on the worker thread, so importing the checks and loading their models never blocks the window.
        if self._checker is None:
            self._checker = Checker(self.categories, self.disabled)
        return self._checker

    def _finished(self, outcome: Outcome) -> None:
        if outcome.job != self.job:
            logger.debug("dropping outcome of job %d (newest is %d)", outcome.job, self.job)
            return
        self._checked_once = True
        self.finished.emit(outcome)

    def _failed(self, job: int, message: str) -> None:
        if job == self.job:
            self.failed.emit(message)

    def _progress(self, job: int, per_mille: int) -> None:
        if job == self.job:
            self.progress.emit(per_mille)
