"""The check a worker runs: an immutable snapshot of the editor in, findings out (no Qt here).

The snapshot is ``(job, [(paragraph, revision, text)])``: everything a worker needs,
nothing it could see change. Paragraph checks are stateless, so their results are
cached by the paragraph they read; after an edit only the changed paragraphs are
checked again, while document checks (layout cuts, name and number consistency) re-run
over the whole text. A newer snapshot cancels an older one between two paragraphs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.edits import edited_document
from editor.core.engine import Check, Engine, Registry, Scope
from editor.core.issue import Category, Issue
from editor.core.layout.analysis import classify

logger = logging.getLogger(__name__)

#: The cache is emptied when it holds more results than this (about 50 MB of findings at worst).
_CACHE_LIMIT = 200_000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Snapshot:
    """What the editor held when a check was asked for."""

    job: int
    paragraphs: tuple[tuple[int, int, str], ...]  # (paragraph, revision, text)

    @property
    def texts(self) -> list[str]:
        return [text for _, _, text in self.paragraphs]


@dataclass(frozen=True)
class Outcome:
    """What a check of one snapshot found, and the kind (headline, body…) of every paragraph."""

    snapshot: Snapshot
    issues: tuple[Issue, ...]
    kinds: tuple[ParagraphKind, ...]
    seconds: float
    notes: tuple[str, ...] = ()  # warnings the checks logged, e.g. a model that could not be loaded

    @property
    def job(self) -> int:
        return self.snapshot.job


class Cancelled(Exception):
    """A newer snapshot arrived: this one's results would be dropped anyway."""


class _WarningsKept(logging.Handler):
    """Keeps what the core logs at WARNING or above during a check, so that the window can say it.

    A check whose model cannot load reports nothing (a null checker); the user must still learn why.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _WarningsKept:
        logging.getLogger("editor.core").addHandler(self)
        return self

    def __exit__(self, *_exception) -> None:
        logging.getLogger("editor.core").removeHandler(self)


def _without_empty_blocks(document: Document) -> tuple[list[int], Document]:
    """Empty blocks are blank lines, as the text reader sees them: they count in the next paragraph's source.

    Returns the block number of every paragraph kept, and the document the checks read.
    """
    blocks: list[int] = []
    paragraphs: list[Paragraph] = []
    blank = 0
    for block, paragraph in enumerate(document.paragraphs):
        if not paragraph.text.strip():
            blank += 1
            continue
        if blank:
            source = replace(paragraph.source, blank_before=paragraph.source.blank_before + blank)
            paragraph, blank = replace(paragraph, source=source), 0
        blocks.append(block)
        paragraphs.append(paragraph)
    return blocks, Document(paragraphs, name=document.name, encoding=document.encoding)


def _no_progress_yet(done: int, total: int) -> None:
    """The default progress callback: nobody is listening."""


class Checker:
    """An `Engine` whose paragraph checks remember what they found, one paragraph at a time.

    One checker runs one snapshot at a time (the GUI gives it a pool of one thread).
    """

    def __init__(self, categories: set[Category] | None = None, disabled: Iterable[str] = ()) -> None:
        self.engine = Engine(categories, disabled)
        checks = self.engine.registry.checks.values()
        self.engine.registry = Registry({check.id: self._cached(check) for check in checks})
        self._cache: dict[tuple[str, Paragraph], tuple[Issue, ...]] = {}
        self._latest_job = 0
        self._lock = threading.Lock()
        self._progress: Progress = _no_progress_yet
        self._job = 0
        self._done = 0
        self._total = 1

    def forget(self) -> None:
        """Drop cached results (the user dictionary or ignore list changed)."""
        with self._lock:
            self._cache.clear()

    def announce(self, job: int) -> None:
        """A newer job exists: the running one stops at the next paragraph (thread-safe)."""
        self._latest_job = max(self._latest_job, job)

    def run(self, snapshot: Snapshot, draft: Document, progress: Progress | None = None) -> Outcome:
        """Check the snapshot's text as an edit of ``draft``; raise `Cancelled` if a newer job was announced."""
        started = time.perf_counter()
        self.announce(snapshot.job)
        blocks, document = _without_empty_blocks(edited_document(draft, snapshot.texts))
        paragraph_checks = sum(check.scope is Scope.PARAGRAPH for check in self.engine.registry.checks.values())
        self._job, self._done = snapshot.job, 0
        self._total = max(1, paragraph_checks * len(document.paragraphs))
        self._progress = progress or _no_progress_yet
        with _WarningsKept() as notes:
            found = self.engine.check(document).issues
        issues = tuple(replace(issue, paragraph=blocks[issue.paragraph]) for issue in found)
        kinds = [ParagraphKind.BODY] * len(snapshot.paragraphs)
        for block, paragraph in zip(blocks, classify(document).paragraphs, strict=True):
            kinds[block] = paragraph.kind
        return Outcome(snapshot, issues, tuple(kinds), time.perf_counter() - started, tuple(notes.messages))

    def _cached(self, check: Check) -> Check:
        if check.scope is not Scope.PARAGRAPH:
            return check

        def run(index: int, paragraph: Paragraph) -> Iterable[Issue]:
            if self._latest_job != self._job:
                raise Cancelled
            key = (check.id, paragraph)
            with self._lock:
                found = self._cache.get(key)
            if found is None:
                found = tuple(check.run(index, paragraph))
                with self._lock:
                    if len(self._cache) > _CACHE_LIMIT:
                        self._cache.clear()
                    self._cache[key] = found
            self._done += 1
            self._progress(self._done, self._total)
            return [issue if issue.paragraph == index else replace(issue, paragraph=index) for issue in found]

        return replace(check, run=run)
