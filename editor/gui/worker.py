"""The window's side of the check server: debounce, snapshots, jobs, and stale results dropped.

The server itself (`editor.core.service`) holds no Qt; this module starts it, as a child
process or a thread, and drives it. The scheduler is the novelWriter pattern moved
across a process boundary: edits restart a short timer; when it fires, the editor's
text is snapshotted with each block's revision and sent to the server as a new job,
which cancels the running one at its next checkpoint. An outcome that is not the newest
job's is dropped here; the window drops the findings of paragraphs edited since their
snapshot. Nothing here waits for the server: every request, saving included, is
answered by a reply that arrives on a reader thread and reaches the window as a
queued Qt signal.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.core.document import Document
from editor.core.io import InputError, read_document
from editor.core.issue import Category
from editor.core.service.checker import Snapshot
from editor.core.service.server import portable, serve

logger = logging.getLogger(__name__)

_STOP_SECONDS = 5


class ServerClient(QObject):
    """Starts the server (a child process, or a thread), sends requests, and relays replies."""

    replied = Signal(object)  # a reply tuple, emitted on the GUI thread
    died = Signal(str)
    _arrived = Signal()  # emitted by the reader thread; the replies themselves go through a queue

    def __init__(self, in_process: bool, parent=None) -> None:
        super().__init__(parent)
        self.in_process = in_process
        self._connection = None
        self._their_end = None
        self._server = None
        self._reader: threading.Thread | None = None
        self._writer: threading.Thread | None = None
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._stopping = False
        self._lost = False  # the reader saw the server's end of the pipe close
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.is_alive() and not self._lost

    def start(self) -> bool:
        """Start the server unless it runs; True if it was (re)started."""
        if self.running:
            return False
        if self._lost and not self.in_process and self._server.is_alive():
            self._server.kill()  # its pipe is gone: whatever is left of it cannot answer
            self._server.join(_STOP_SECONDS)
        self._stopping = self._lost = False
        ours, theirs = multiprocessing.Pipe()
        if self.in_process:
            self._server = threading.Thread(target=serve, args=(theirs,), daemon=True, name="check-server")
        else:
            self._server = multiprocessing.get_context("spawn").Process(
                target=serve, args=(theirs, True), daemon=True, name="proofdesk-check-server"
            )
        self._server.start()
        if self.in_process:
            self._their_end = theirs  # closed by `close`, which ends the reader with it
        else:
            theirs.close()  # the child has its copy; ours would hide the child's death from the reader
        self._connection = ours
        self._reader = threading.Thread(target=self._read, args=(ours,), daemon=True, name="check-replies")
        self._reader.start()
        self._outbox = queue.SimpleQueue()
        self._writer = threading.Thread(
            target=self._write, args=(ours, self._outbox), daemon=True, name="check-requests"
        )
        self._writer.start()
        return True

    def send(self, kind: str, *arguments) -> int:
        """Queue a request and return its id at once.

        A thread writes the requests to the pipe: a draft's snapshot is megabytes, more than a
        pipe holds, and writing it here would hold the window until the server reads it — at
        launch, until the server has started.
        """
        request = next(self._ids)
        self._outbox.put((kind, request, *arguments))
        return request

    @staticmethod
    def _write(connection, outbox: queue.SimpleQueue) -> None:
        while (message := outbox.get()) is not None:
            try:
                connection.send(message)
            except (OSError, ValueError):  # the server is gone; the reader reports it
                return

    def close(self) -> None:
        if not self.running:
            return
        self._stopping = True
        self.send("quit")
        self._outbox.put(None)
        self._writer.join(_STOP_SECONDS)
        self._server.join(_STOP_SECONDS)
        if not self.in_process and self._server.is_alive():
            self._server.terminate()
        if self._their_end is not None:
            self._their_end.close()
            self._their_end = None
        self._reader.join(_STOP_SECONDS)  # it sees the server's end close; closing ours under it would break its read
        self._connection.close()
        self._server = None

    def _read(self, connection) -> None:
        while True:
            try:
                reply = connection.recv()
            except (EOFError, OSError):
                if self._connection is connection and not self._stopping:
                    self._lost = True
                    self._inbox.put(("died", 0, "检查进程意外退出，将在下次检查时重新启动"))
                    self._arrived.emit()
                return
            # Only a bare signal crosses threads; the GUI thread takes the reply from the queue.
            self._inbox.put(reply)
            self._arrived.emit()

    def _deliver(self) -> None:
        while not self._inbox.empty():
            reply = self._inbox.get()
            if reply[0] == "died":
                self.died.emit(reply[2])
            else:
                self.replied.emit(reply)


class CheckScheduler(QObject):
    """Runs the newest snapshot's check on the server and reports only the newest outcome."""

    finished = Signal(object)  # Outcome
    progress = Signal(int)  # per mille
    started = Signal(bool)  # True for the first check (the models load)
    failed = Signal(str)
    opened = Signal(object, str)  # Document (without origin), path
    open_failed = Signal(str)
    saved = Signal(object, str, object)  # Document read back (without origin), path, the texts saved
    save_failed = Signal(str, str, bool)  # reason, path, whether the DOCX restricts editing (it may be written anyway)
    exported = Signal(str)  # what was written, in a line
    export_failed = Signal(str, bool)  # reason, whether the DOCX restricts editing
    word_proposed = Signal(object, str)  # the finding, the word to offer for the user's dictionary

    def __init__(self, take_snapshot: Callable[[int], Snapshot], debounce_ms: int, in_process: bool, parent=None):
        super().__init__(parent)
        self.take_snapshot = take_snapshot
        self.client = ServerClient(in_process, self)
        self.client.replied.connect(self._replied)
        self.client.died.connect(self._died)
        self.timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.timer.timeout.connect(self.check_now)
        self.job = 0
        self.categories: set[Category] | None = None
        self.disabled: tuple[str, ...] = ()
        self.macbert_dir = ""
        self.sensitivity = ""
        self.path: str | None = None
        self.draft = Document([])
        self._requests: dict[int, str] = {}
        self._proposals: dict[int, tuple[object, str]] = {}  # request: (finding, its text) of words not proposed yet
        self._saves: dict[int, tuple[str, list[str]]] = {}  # request: (path, texts) of saves not answered yet
        self._checked_once = False

    @property
    def busy(self) -> bool:
        return self.timer.isActive() or "check" in self._requests.values()

    @property
    def saving(self) -> bool:
        return bool(self._saves)

    def _ensure_server(self) -> None:
        if self.client.start():  # a new server knows nothing yet
            self.client.send("configure", self.categories, self.disabled, self.macbert_dir, self.sensitivity)
            if self.path is not None:
                self._requests[self.client.send("open", self.path)] = "reopen"
            else:
                self.client.send("adopt", self.draft)

    def configure(
        self, categories: set[Category], disabled: tuple[str, ...], macbert_dir: str = "", sensitivity: str = ""
    ) -> None:
        """New preferences: the next check builds a new engine (with MacBERT if ``macbert_dir`` is a model folder).

        ``sensitivity`` names the statistical typo engine's level (严格, 标准, 宽松; "" for 标准).
        """
        self.categories, self.disabled = set(categories), tuple(disabled)
        self.macbert_dir, self.sensitivity = macbert_dir, sensitivity
        if self.client.running:
            self.client.send("configure", self.categories, self.disabled, self.macbert_dir, self.sensitivity)

    def open(self, path: str | Path) -> None:
        """Read a draft and show it at once (`opened`, or `open_failed`); the server reads it too.

        Reading here puts the text on screen without waiting for the server, which at launch is
        still starting and, running below the window's priority, waits longest on a busy machine.
        The server's own reading keeps what a DOCX writer needs (`server.portable` leaves it out here).
        """
        try:
            draft = read_document(path)
        except InputError as error:
            self.open_failed.emit(str(error))
            return
        self.draft, self.path = portable(draft), str(path)
        if self.client.running:
            self._requests[self.client.send("open", self.path)] = "reopen"
        else:
            self._ensure_server()  # a new server reads self.path
        self.opened.emit(self.draft, self.path)

    def adopt(self, draft: Document, path: str | None = None) -> None:
        """Use ``draft`` (read here, or empty) as the draft the text is an edit of."""
        self.draft, self.path = draft, path
        self._ensure_server()
        self.client.send("adopt", draft)

    def save(self, texts: list[str], path: str | Path, ignore_protection: bool = False) -> None:
        """Write the text through the server, without waiting: `saved` or `save_failed` follows.

        A running check goes on (the server saves beside it); the text it checked is not changed by saving.
        """
        self._ensure_server()
        self._saves[self.client.send("save", texts, str(path), ignore_protection)] = (str(path), texts)

    def export(self, kind: str, *arguments) -> None:
        """Write a review (``export_review``) or a report (``export_report``) on the server: `exported` follows."""
        self._ensure_server()
        self._requests[self.client.send(kind, *arguments)] = "export"

    def propose_word(self, issue, text: str, start: int, end: int) -> None:
        """Ask the server for the word around ``text[start:end]`` (jieba is loaded there): `word_proposed` follows.

        If the server fails or dies first, the flagged text itself is proposed.
        """
        self._ensure_server()
        self._proposals[self.client.send("word_around", text, start, end)] = (issue, text[start:end])

    def schedule(self) -> None:
        """An edit: check again once the typing pauses."""
        self.timer.start()

    def check_now(self) -> None:
        self.timer.stop()
        self._ensure_server()
        self.job += 1
        self.client.send("announce", self.job)
        self._requests[self.client.send("check", self.take_snapshot(self.job))] = "check"
        self.started.emit(not self._checked_once)

    def close(self) -> None:
        self.timer.stop()
        self.client.close()

    def _died(self, message: str) -> None:
        """The server is gone: saves and exports it had not answered failed; the next request starts a new one."""
        saves, self._saves = self._saves, {}
        proposals, self._proposals = self._proposals, {}
        purposes, self._requests = list(self._requests.values()), {}
        for path, _texts in saves.values():
            self.save_failed.emit(message, path, False)
        if "export" in purposes:
            self.export_failed.emit(message, False)
        self.failed.emit(message)
        # Last: the window answers a proposal with a modal dialog, during which a new check may start a new server.
        for issue, flagged in proposals.values():
            self.word_proposed.emit(issue, flagged)

    def _replied(self, reply: tuple) -> None:
        kind, request, *values = reply
        if kind == "progress":
            if values[0] == self.job:
                self.progress.emit(values[1])
            return
        if request in self._saves:
            path, texts = self._saves.pop(request)
            if kind == "saved":
                self.draft, self.path = values[0], path
                self.saved.emit(self.draft, path, texts)
            else:
                self.save_failed.emit(values[0] if values else kind, path, values[1:2] == ["protected"])
            return
        if request in self._proposals:
            issue, flagged = self._proposals.pop(request)
            self.word_proposed.emit(issue, values[0] if kind == "word" else flagged)
            return
        purpose = self._requests.pop(request, None)
        if kind == "outcome":
            outcome = values[0]
            if outcome.job == self.job:
                self._checked_once = True
                self.finished.emit(outcome)
            else:
                logger.debug("dropping outcome of job %d (newest is %d)", outcome.job, self.job)
        elif kind == "failed" and purpose == "check":
            self.failed.emit(values[0])
        elif kind == "exported" and purpose == "export":
            self.exported.emit(values[0])
        elif kind == "failed" and purpose == "export":
            self.export_failed.emit(values[0], values[1:2] == ["protected"])
