"""The check a worker runs: an immutable snapshot of the editor in, findings out.

The snapshot is ``(job, [(paragraph, revision, text)])``: everything a worker needs,
nothing it could see change. The checker runs it through `Engine.check`, the very
path the command line takes, with two things the command line has no use for: a
`ResultCache`, so that after an edit only the changed paragraphs are checked again
(document checks, such as layout cuts and name consistency, read the whole text each
time), and a `CancelToken` per job, so that announcing a newer job stops the running
one at its next checkpoint, inside document checks too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace

from editor.core.cancellation import Cancelled, CancelToken
from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.edits import draft_paragraphs_at, edited_document
from editor.core.engine import Engine, Progress
from editor.core.issue import Category, Issue
from editor.core.layout.columns import Columns, detect_columns, keep_columns_as_read
from editor.core.result_cache import ResultCache

logger = logging.getLogger(__name__)


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
    return blocks, Document(paragraphs, name=document.name, encoding=document.encoding, date=document.date)


def _lines_of(draft: Document, texts: list[str], blocks: list[int]) -> list[tuple[int, int] | None]:
    """For each paragraph checked (``blocks`` of ``texts``), the draft line it ends in and where that line
    starts in its text (`keep_columns_as_read`): 0 for a paragraph that lies wholly in one line, edited or not;
    for one joined from several (or lying in one a save made so, `Source.last_line`), where its last line
    starts, as long as that line is as read. None for a paragraph that ends in text typed anew, or in a line
    since edited."""
    points = [(block, 0) for block in blocks] + [(block, max(len(texts[block]) - 1, 0)) for block in blocks]
    found = draft_paragraphs_at(draft, texts, points)  # one alignment of the text with the draft for both ends
    starts, ends = found[: len(blocks)], found[len(blocks) :]
    lines: list[tuple[int, int] | None] = []
    for block, start, end in zip(blocks, starts, ends, strict=True):
        if start is None or end is None:
            lines.append(None)
            continue
        text, line = texts[block], draft.paragraphs[end]
        last = line.text[line.source.last_line :]  # the last line as read of the draft paragraph it ends in
        joined = start != end or line.source.last_line
        if joined and last and text.endswith(last):
            lines.append((end, len(text) - len(last)))
        elif start == end:
            lines.append((end, 0))
        else:
            lines.append(None)
    return lines


def columns_kept_through_a_save(draft: Document, texts: list[str], saved: Document) -> Document:
    """``saved`` (``texts``, an edit of ``draft``, written and read back) with its paragraphs in the columns
    their lines were read in when ``draft`` was opened, as the checks of the edited text had them: the file
    read back becomes the draft, and its lines, with the paragraphs the accepted joins made, would otherwise
    be read afresh, a column with a few lines left as none. ``saved`` as it is where it holds other paragraphs
    than ``texts`` (a file format that keeps what the text does not show)."""
    blocks, _ = _without_empty_blocks(edited_document(draft, texts))
    if [texts[block] for block in blocks] != saved.texts:
        return saved
    return keep_columns_as_read(detect_columns(draft), saved, _lines_of(draft, texts, blocks))


class Checker:
    """An `Engine` run one snapshot at a time, with a cache and cancellation by newer jobs.

    ``cache`` may outlive the checker (a new configuration needs a new engine, not
    forgotten findings: every key names the categories and rules it was found with).
    """

    def __init__(
        self, categories: set[Category] | None = None, disabled: Iterable[str] = (), cache: ResultCache | None = None
    ) -> None:
        self.engine = Engine(categories, disabled)
        self.cache = ResultCache() if cache is None else cache
        self._lock = threading.Lock()
        self._latest_job = 0
        self._running: tuple[int, CancelToken] | None = None
        self._draft_columns: tuple[Document, list[Columns | None]] | None = None

    def announce(self, job: int) -> None:
        """A newer job exists: the running one stops at its next checkpoint (thread-safe)."""
        with self._lock:
            self._latest_job = max(self._latest_job, job)
            if self._running is not None and self._running[0] < self._latest_job:
                self._running[1].cancel()

    def _columns_of(self, draft: Document) -> list[Columns | None]:
        """The columns of the draft as opened, found once for every snapshot of it."""
        kept = self._draft_columns
        if kept is None or kept[0] is not draft:
            kept = self._draft_columns = (draft, detect_columns(draft))
        return kept[1]

    def run(self, snapshot: Snapshot, draft: Document, progress: Progress | None = None) -> Outcome:
        """Check the snapshot's text as an edit of ``draft``; raise `Cancelled` if a newer job was announced."""
        started = time.perf_counter()
        token = CancelToken()
        with self._lock:
            self._latest_job = max(self._latest_job, snapshot.job)
            if snapshot.job < self._latest_job:
                raise Cancelled
            self._running = (snapshot.job, token)
        try:
            blocks, document = _without_empty_blocks(edited_document(draft, snapshot.texts))
            lines = _lines_of(draft, snapshot.texts, blocks)
            document = keep_columns_as_read(self._columns_of(draft), document, lines)
            with _WarningsKept() as notes:
                result = self.engine.check(document, cache=self.cache, cancel=token, progress=progress)
        finally:
            with self._lock:
                self._running = None
        issues = tuple(issue.renumbered(blocks.__getitem__) for issue in result.issues)
        kinds = [ParagraphKind.BODY] * len(snapshot.paragraphs)
        for block, paragraph in zip(blocks, result.classified.paragraphs, strict=True):
            kinds[block] = paragraph.kind
        return Outcome(snapshot, issues, tuple(kinds), time.perf_counter() - started, tuple(notes.messages))
