"""The check server: reads, checks and writes drafts away from the window (no Qt here).

Loading the bundled language model holds Python's global lock for about three seconds
(kenlm's loader is one C++ call), which would freeze any window in the same process.
So, like ReText's converter, the heavy work runs in a child process behind a small
message protocol over a `multiprocessing` pipe. The same loop can run on a thread
instead (tests do, to share loaded models and start fast).

Requests are tuples ``(kind, request_id, *arguments)``: ``configure`` (categories,
disabled rules, the MacBERT folder or ""), ``forget``,
``open``, ``adopt``, ``check``, ``save``, ``announce`` (a newer job exists: cancel the
running one) and ``quit``. Replies are ``(kind, request_id, *values)``: ``opened``,
``saved``, ``outcome``, ``cancelled``, ``failed`` and ``progress``. The server keeps
the draft as read, with what a DOCX writer needs; the window gets a copy without it.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor.core.document import Document
from editor.core.edits import apply_edits
from editor.core.io import InputError, OutputError, read_document, write_document
from editor.core.lm.typo_engine import set_model_dir
from editor.gui.checking import Cancelled, Checker, Snapshot

logger = logging.getLogger(__name__)

#: Progress is reported in steps of this many per mille, not for every paragraph.
PROGRESS_STEP = 20


def portable(draft: Document) -> Document:
    """The draft without its format-specific origin (a python-docx object cannot cross a pipe)."""
    return replace(draft, origin=None)


@dataclass
class _State:
    categories: set | None = None
    disabled: tuple[str, ...] = ()
    draft: Document = field(default_factory=lambda: Document([]))
    checker: Checker | None = None
    latest_job: int = 0

    def announce(self, job: int) -> None:
        self.latest_job = max(self.latest_job, job)
        if self.checker is not None:
            self.checker.announce(job)


#: How much lower than the window the server process runs: the window wins a busy CPU.
NICENESS = 10


def serve(connection, own_process: bool = False) -> None:
    """Answer requests until ``quit`` or until the other end goes away."""
    if own_process:
        _lower_priority()
    state = _State()
    requests: queue.Queue = queue.Queue()
    threading.Thread(target=_listen, args=(connection, state, requests), daemon=True).start()
    while True:
        kind, request, *arguments = requests.get()
        if kind == "quit":
            return
        try:
            reply = _HANDLERS[kind](state, connection, request, *arguments)
        except Cancelled:
            reply = ("cancelled", request)
        except (InputError, OutputError) as error:
            reply = ("failed", request, str(error))
        except Exception as error:  # a broken check must not take the server down
            logger.exception("%s request failed", kind)
            reply = ("failed", request, f"{type(error).__name__}: {error}")
        if reply is not None:
            _send(connection, reply)


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


def _send(connection, message) -> None:
    try:
        connection.send(message)
    except (OSError, ValueError) as error:  # the window is gone
        logger.debug("cannot reply: %s", error)


def _configure(state: _State, _connection, _request, categories, disabled, macbert_dir: str = "") -> None:
    """New preferences; a new typo engine loads at the next check if the MacBERT folder changed."""
    state.categories, state.disabled, state.checker = categories, tuple(disabled), None
    set_model_dir(macbert_dir or None)


def _forget(state: _State, _connection, _request) -> None:
    if state.checker is not None:
        state.checker.forget()


def _open(state: _State, _connection, request, path: str):
    state.draft = read_document(path)
    return ("opened", request, portable(state.draft))


def _adopt(state: _State, _connection, _request, draft: Document) -> None:
    state.draft = draft


def _check(state: _State, connection, request, snapshot: Snapshot):
    if snapshot.job < state.latest_job:
        raise Cancelled
    if state.checker is None:
        state.checker = Checker(state.categories, state.disabled)
    reported = [-PROGRESS_STEP]

    def progress(done: int, total: int) -> None:
        per_mille = done * 1000 // total
        if per_mille - reported[0] >= PROGRESS_STEP:
            reported[0] = per_mille
            _send(connection, ("progress", request, snapshot.job, per_mille))

    return ("outcome", request, state.checker.run(snapshot, state.draft, progress))


def _save(state: _State, _connection, request, texts: list[str], path: str):
    """Write the edited text through the repair mechanism, then read the file back as the new draft."""
    write_document(apply_edits(state.draft, texts), Path(path))
    try:
        state.draft = read_document(path)
    except InputError as error:
        logger.warning("re-reading %s after saving failed: %s", path, error)
    return ("saved", request, portable(state.draft))


_HANDLERS = {
    "configure": _configure,
    "forget": _forget,
    "open": _open,
    "adopt": _adopt,
    "check": _check,
    "save": _save,
}
