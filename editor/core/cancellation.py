"""One way to stop a long check: a token the caller cancels and the checks consult.

A check of a large draft takes seconds, and a newer snapshot makes its result
worthless. The caller (the check service) hands `Engine.check` a `CancelToken`; the
engine installs it for the duration of the run, and every loop that may take long
(the engine between checks and paragraphs, `typo.lm` between paragraphs) calls
`checkpoint()`, which raises `Cancelled` once the token is cancelled. Checks need no
extra parameter for it, and a run without a token is never cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


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


_current: ContextVar[CancelToken | None] = ContextVar("proofdesk_cancel_token", default=None)


@contextmanager
def cancellable(token: CancelToken | None) -> Iterator[None]:
    """Within the block, `checkpoint()` consults ``token`` (None: nothing cancels the run)."""
    reset = _current.set(token)
    try:
        yield
    finally:
        _current.reset(reset)


def checkpoint() -> None:
    """Raise `Cancelled` if the running check's token has been cancelled."""
    token = _current.get()
    if token is not None and token.cancelled:
        raise Cancelled
