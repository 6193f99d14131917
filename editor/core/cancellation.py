"""One way to stop a long check: a token the caller cancels and the checks consult.

A check of a large draft takes seconds, and a newer snapshot makes its result
worthless. The caller (the check service) hands `Engine.check` a `CancelToken`; the
engine installs it for the duration of the run, and every loop that may take long
(the engine between checks and paragraphs, `typo.lm` and the name checks between
paragraphs) calls `checkpoint()`, which raises `Cancelled` once the token is cancelled.
Checks need no extra parameter for it, and a run without a token is never cancelled.
A checkpoint may also say how far its loop has got (``checkpoint(done, total)``), so
that the engine's progress moves inside a long document check too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace


class Cancelled(Exception):
    """The run was cancelled: a newer request made its result worthless."""


class CancelToken:
    """Cancelled once, from any thread; consulted by the run it was given to."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


#: ``step(done, total)``: how far the loop of the running check has got.
Step = Callable[[int, int], None]


@dataclass(frozen=True)
class _Run:
    token: CancelToken | None = None
    step: Step | None = None


_IDLE = _Run()  # outside any run: nothing cancels, nobody listens
_current: ContextVar[_Run] = ContextVar("proofdesk_check_run", default=_IDLE)


@contextmanager
def cancellable(token: CancelToken | None) -> Iterator[None]:
    """Within the block, `checkpoint()` consults ``token`` (None: nothing cancels the run)."""
    reset = _current.set(replace(_current.get(), token=token))
    try:
        yield
    finally:
        _current.reset(reset)


@contextmanager
def reporting(step: Step | None) -> Iterator[None]:
    """Within the block, a `checkpoint(done, total)` tells ``step`` how far it got (the token stays)."""
    reset = _current.set(replace(_current.get(), step=step))
    try:
        yield
    finally:
        _current.reset(reset)


def checkpoint(done: int | None = None, total: int | None = None) -> None:
    """Raise `Cancelled` if the running check's token has been cancelled; else report ``done`` of ``total``."""
    run = _current.get()
    if run.token is not None and run.token.cancelled:
        raise Cancelled
    if done is not None and total and run.step is not None:
        run.step(done, total)
