"""The check server: reads, checks and writes drafts away from the window.

Loading the bundled language model holds Python's global lock for about three seconds
(kenlm's loader is one C++ call), which would freeze any window in the same process.
So, like ReText's converter, the heavy work runs in a child process behind a small
message protocol over a `multiprocessing` pipe. The same loop can run on a thread
instead (tests do, to share loaded models and start fast).

Requests are tuples ``(kind, request_id, *arguments)``:

- ``configure`` (categories, disabled rules, the MacBERT folder or "", the typo sensitivity
  or ""): new preferences, applied from the next check;
- ``open`` (path) → ``opened`` (the draft as read) or ``failed`` (a Chinese reason);
- ``adopt`` (draft): the draft the window's text is an edit of, read in the window;
- ``check`` (snapshot) → ``progress`` (job, per mille)…, then ``outcome`` or ``cancelled``
  or ``failed``;
- ``save`` (texts, path, ignore_protection) → ``saved`` (the draft read back from the file) or ``failed``;
- ``export_review`` (texts, open findings, path, ignore_protection) → ``exported`` (a Chinese line) or
  ``failed``: the review DOCX of the editor's text (`editor.core.review_export`);
- ``export_report`` (name, texts, kinds, findings, path) → ``exported`` or ``failed``: the report
  (`editor.core.report`) of the text as the editor shows it;
- ``word_around`` (text, start, end) → ``word``: the word to offer for adding the flagged
  ``text[start:end]`` to the user's dictionary (`editor.core.segmentation.word_around`): jieba is
  loaded here, and loading it in the window's process would freeze the window for most of a second;
- ``announce`` (job): a newer job exists; the running check stops at its next
  checkpoint, wherever it is (`editor.core.cancellation`);
- ``quit``.

Replies are ``(kind, request_id, *values)``; a ``failed`` write of a DOCX whose author restricted
editing adds ``"protected"``, so that the window can offer to write it anyway. Requests are handled in the order sent,
except that a check runs on a thread of its own: a save, an open or new preferences
never wait for a running check, and a check sees the draft and the preferences of the
moment it was asked for. Checks run one at a time, the newest announced job winning.
The server keeps the draft as read, with what a DOCX writer needs; the window gets a
copy without it. The user's word lists and rule files need no message: every cached
finding is keyed by their stamps (`editor.core.data_stamp`).
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor.core.cancellation import Cancelled
from editor.core.document import Document
from editor.core.edits import apply_edits, paragraph_origins
from editor.core.error_rate import Checked
from editor.core.io import InputError, OutputError, read_document, write_document
from editor.core.io.docx_review import write_review_docx
from editor.core.io.errors import ProtectedDocument
from editor.core.layout.analysis import classify
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import set_model_dir, set_sensitivity
from editor.core.report import CheckedFile, build_report, write_report
from editor.core.report.data import rule_names
from editor.core.result_cache import ResultCache
from editor.core.review_export import review_findings
from editor.core.segmentation import word_around
from editor.core.service.checker import Checker, Snapshot, columns_kept_through_a_save

logger = logging.getLogger(__name__)

#: Progress is reported in steps of this many per mille, not for every paragraph.
PROGRESS_STEP = 20
#: How long quitting waits for a cancelled check to reach its checkpoint.
_QUIT_SECONDS = 5
#: How much lower than the window the server process runs: the window wins a busy CPU.
NICENESS = 10


def portable(draft: Document) -> Document:
    """The draft without its format-specific origin (a python-docx object cannot cross a pipe)."""
    return replace(draft, origin=None)


class _Replies:
    """The server's end of the pipe; the request loop and the check thread both reply through it."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self._lock = threading.Lock()

    def send(self, message) -> None:
        try:
            with self._lock:
                self.connection.send(message)
        except (OSError, ValueError) as error:  # the window is gone
            logger.debug("cannot reply: %s", error)


@dataclass
class _State:
    replies: _Replies
    categories: set | None = None
    disabled: tuple[str, ...] = ()
    draft: Document = field(default_factory=lambda: Document([]))
    cache: ResultCache = field(default_factory=ResultCache)
    checker: Checker | None = None  # for the next check; None after new preferences
    running: Checker | None = None  # the one running a check, perhaps of older preferences
    checks: queue.Queue = field(default_factory=queue.Queue)
    announced: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def announce(self, job: int) -> None:
        with self._lock:
            self.announced = max(self.announced, job)
            for checker in {self.checker, self.running} - {None}:
                checker.announce(job)

    def current_checker(self) -> Checker:
        with self._lock:
            if self.checker is None:
                self.checker = Checker(self.categories, self.disabled, self.cache)
            return self.checker

    def configure(self, categories: set | None, disabled: tuple[str, ...]) -> None:
        """New preferences: the next check gets a checker of its own (a running one finishes as it began)."""
        with self._lock:
            self.categories, self.disabled, self.checker = categories, disabled, None

    def set_running(self, checker: Checker | None) -> None:
        """The checker now running a check (None: none), told of the newest job announced so far."""
        with self._lock:
            self.running = checker
            if checker is not None:
                checker.announce(self.announced)


def serve(connection, own_process: bool = False) -> None:
    """Answer requests until ``quit`` or until the other end goes away."""
    if own_process:
        _lower_priority()
    state = _State(_Replies(connection))
    requests: queue.Queue = queue.Queue()
    threading.Thread(target=_listen, args=(connection, state, requests), daemon=True, name="requests").start()
    checks = threading.Thread(target=_run_checks, args=(state,), daemon=True, name="checks")
    checks.start()
    while True:
        kind, request, *arguments = requests.get()
        if kind == "quit":
            state.announce(sys.maxsize)  # a check still running is worthless now: it stops at its next checkpoint
            state.checks.put(None)
            checks.join(_QUIT_SECONDS)  # nothing replies once the loop has returned
            return
        reply = _answer(kind, request, _HANDLERS[kind], state, request, *arguments)
        if reply is not None:
            state.replies.send(reply)


def _answer(kind: str, request: int, handler, *arguments):
    """Run a handler; every failure becomes a reply, never the end of the server."""
    try:
        return handler(*arguments)
    except Cancelled:
        return ("cancelled", request)
    except ProtectedDocument as error:
        return ("failed", request, str(error), "protected")
    except (InputError, OutputError) as error:
        return ("failed", request, str(error))
    except Exception as error:  # a broken check must not take the server down
        logger.exception("%s request failed", kind)
        return ("failed", request, f"{type(error).__name__}: {error}")


def _lower_priority() -> None:
    if os.name == "nt":
        import ctypes

        below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
        ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    else:
        os.nice(NICENESS)


def _listen(connection, state: _State, requests: queue.Queue) -> None:
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            requests.put(("quit", 0))
            return
        if message[0] == "announce":
            state.announce(message[2])
        else:
            requests.put(message)
        if message[0] == "quit":
            return


def _run_checks(state: _State) -> None:
    """The check thread: one check at a time, with the draft and checker it was asked with."""
    while True:
        job = state.checks.get()
        if job is None:
            return
        request, snapshot, draft, checker = job
        state.set_running(checker)
        reply = _answer("check", request, _check, state, request, snapshot, draft, checker)
        state.set_running(None)
        state.replies.send(reply)


def _check(state: _State, request: int, snapshot: Snapshot, draft: Document, checker: Checker):
    reported = [-PROGRESS_STEP]

    def progress(done: int, total: int) -> None:
        per_mille = done * 1000 // total
        if per_mille - reported[0] >= PROGRESS_STEP:
            reported[0] = per_mille
            state.replies.send(("progress", request, snapshot.job, per_mille))

    return ("outcome", request, checker.run(snapshot, draft, progress))


def _configure(state: _State, _request, categories, disabled, macbert_dir: str = "", sensitivity: str = "") -> None:
    """New preferences; a new typo engine loads at the next check if the MacBERT folder changed.

    A sensitivity the settings file garbled is taken as 标准 (logged), not a failed configuration.
    """
    state.configure(categories, tuple(disabled))
    set_model_dir(macbert_dir or None)
    try:
        set_sensitivity(Sensitivity.parse(sensitivity))
    except ValueError as error:
        logger.warning("%s", error)
        set_sensitivity(Sensitivity.STANDARD)


def _open(state: _State, request, path: str):
    state.draft = read_document(path)
    return ("opened", request, portable(state.draft))


def _adopt(state: _State, _request, draft: Document) -> None:
    state.draft = draft


def _queue_check(state: _State, request, snapshot: Snapshot) -> None:
    state.checks.put((request, snapshot, state.draft, state.current_checker()))


def _save(state: _State, request, texts: list[str], path: str, ignore_protection: bool = False):
    """Write the edited text through the repair mechanism, then read the file back as the new draft.

    The saved paragraphs are classified as the engine classifies them, so that a text
    draft saved as DOCX gets its headline and byline styles. The draft read back keeps the
    article date the desk set, which a text file or an author's DOCX cannot keep, and the
    columns its lines were read in (`columns_kept_through_a_save`).
    """
    edited = apply_edits(state.draft, texts)
    write_document(replace(edited, document=classify(edited.document)), Path(path), ignore_protection)
    try:
        saved = replace(read_document(path), date=state.draft.date)
        state.draft = columns_kept_through_a_save(state.draft, texts, saved)
    except InputError as error:
        logger.warning("re-reading %s after saving failed: %s", path, error)
    return ("saved", request, portable(state.draft))


def _export_review(state: _State, request, texts: list[str], issues: list, path: str, ignore_protection: bool = False):
    """The review DOCX of the editor's text: its changes tracked, its open findings as comments."""
    draft, findings = review_findings(state.draft, texts, issues)
    counts = write_review_docx(draft, findings, path, ignore_protection=ignore_protection, rule_names=rule_names())
    return ("exported", request, f"已导出审阅稿 {path}：{counts.changes} 处修订，{counts.comments} 条批注")


def _export_report(state: _State, request, name: str, texts: list[str], kinds: list, issues: list, path: str):
    """The report of the text as the editor shows it (findings the user ignored left out); for a draft read
    from a PDF (or a DOCX saved from one), each paragraph where the paragraph of the draft it starts with stood
    on the page."""
    read = state.draft.paragraphs
    printed = any(paragraph.source.place for paragraph in read)
    starts = paragraph_origins(state.draft, texts) if printed else []
    places = [read[index].source.place if index is not None else None for index in starts]
    write_report(build_report([CheckedFile(name, Checked(texts, kinds, issues, places))]), path)
    return ("exported", request, f"已导出校对报告 {path}")


def _word_around(_state: _State, request, text: str, start: int, end: int):
    return ("word", request, word_around(text, start, end))


_HANDLERS = {
    "configure": _configure,
    "open": _open,
    "adopt": _adopt,
    "check": _queue_check,
    "save": _save,
    "export_review": _export_review,
    "export_report": _export_report,
    "word_around": _word_around,
}
