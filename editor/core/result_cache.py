"""Findings remembered across checks, for the check service's re-check after an edit.

The engine builds every key from everything the findings depend on (the check, the
paragraph's text and kind, the enabled categories and rules, `data_stamp`), so this
store only has to hold them, be safe to share between threads, and stay bounded.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable

from editor.core.issue import Issue

#: The store is emptied when it holds more results than this (about 50 MB of findings at worst).
LIMIT = 200_000


class ResultCache:
    """Findings by key; emptied when full (a re-check is cheap compared to the memory of a long session)."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._limit = limit
        self._found: dict[Hashable, tuple[Issue, ...]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[Issue, ...] | None:
        with self._lock:
            return self._found.get(key)

    def put(self, key: Hashable, found: tuple[Issue, ...]) -> None:
        with self._lock:
            if len(self._found) >= self._limit:
                self._found.clear()
            self._found[key] = found

    def clear(self) -> None:
        with self._lock:
            self._found.clear()
