"""Many drafts at once: a day's folder checked, fixed or reported on, on every core of the machine.

`collect` turns the files and folders named on the command line into jobs (folders recursively,
the draft formats only); `run` checks (or fixes) each job and returns one `Result` per job, in
the order the jobs were given. A file that cannot be read or written is a result with its
reason, never the end of the run.

Many files go to worker processes (``multiprocessing`` "spawn", as the check server starts:
no state inherited by accident). Each worker builds its `Engine` once and keeps it, so the
models load once per worker, not once per file; loading them (about 3 s) is what 40 separate
``proofdesk check`` runs pay 40 times. One file, or one job at a time, runs in this process.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor.core.document import Document
from editor.core.engine import Engine, safe_fixes
from editor.core.error_rate import Checked, countable_characters
from editor.core.io import InputError, OutputError, read_document, read_stdin, write_document
from editor.core.io.docx_review import write_review_docx
from editor.core.io.errors import ProtectedDocument
from editor.core.io.review_record import Proposal, State, record_of_document, without_rejected
from editor.core.io.writer import check_target
from editor.core.issue import Category, Issue
from editor.core.lm.sensitivity import Sensitivity
from editor.core.repair import apply_fixes
from editor.core.report.data import rule_names

#: The draft formats a folder is searched for.
SUFFIXES = (".txt", ".docx", ".pdf")
#: Warnings of the checks (a model folder that cannot be used) reach stderr on one line each, from workers too.
LOG_FORMAT = "proofdesk: %(message)s"
_PROTECTED_HINT = "；确需写出修改后的副本，请加 --ignore-protection"


@dataclass(frozen=True)
class Job:
    """One draft to process: its path, and where its output goes under an output folder (``relative``).

    ``relative`` is the draft's path inside the folder it was found in, or its name when it was named
    itself: ``fix day/ -o out/`` writes ``day/pages/c.txt`` to ``out/pages/c.txt``.
    """

    path: Path
    relative: Path


@dataclass(frozen=True)
class Options:
    """What to do with every job; the same for all, sent once to each worker.

    ``output`` is the output file for a single draft, or the folder mirroring the inputs (``several``).
    """

    categories: frozenset[Category] = frozenset(Category)
    macbert: str | None = None
    sensitivity: Sensitivity = Sensitivity.STANDARD
    fix: bool = False
    output: Path | None = None
    several: bool = False
    review: bool = False
    in_place: bool = False
    ignore_protection: bool = False
    drafts: frozenset[Path] = field(default_factory=frozenset)  # every input, resolved: never overwritten
    date: dt.date | None = None  # the articles' date (--date), for the political checks; else each one's dateline


@dataclass(frozen=True)
class Result:
    """What became of one job: the checked draft, or the reason it failed; for a fix, what was written.

    ``rejected`` are the proposals of an earlier review that its reviewer rejected (`review_record`):
    they are not among the findings again.
    """

    file: str
    checked: Checked | None = None
    encoding: str | None = None
    error: str | None = None
    written: str = ""
    rejected: tuple[Proposal, ...] = ()

    @property
    def characters(self) -> int:
        """The draft's characters as the 差错率 counts them (whitespace not), as the report and the window say."""
        return countable_characters(self.checked.texts) if self.checked else 0


def collect(inputs: Sequence[str]) -> tuple[list[Job], list[Result]]:
    """The jobs for ``inputs`` (files as named; folders searched recursively for `SUFFIXES`), and inputs that failed.

    Hidden files and folders and Word's lock files (``~$…``) are left out of a folder's search.
    """
    jobs: list[Job] = []
    failed: list[Result] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.suffix.lower() in SUFFIXES
                and candidate.is_file()
                and not any(part.startswith((".", "~$")) for part in candidate.relative_to(path).parts)
            )
            if not found:
                failed.append(Result(given, error=f"{given}: 文件夹中没有 {'、'.join(SUFFIXES)} 稿件"))
            jobs.extend(Job(candidate, candidate.relative_to(path)) for candidate in found)
        elif path.exists():
            jobs.append(Job(path, Path(path.name)))
        else:
            failed.append(Result(given, error=f"{given}: 文件不存在"))
    return jobs, failed


def target_of(job: Job, options: Options) -> Path:
    """Where the fix of ``job`` is written: the output file, the mirrored place in the output folder, or itself."""
    if options.output is None:
        return job.path
    if not options.several:
        return options.output
    target = options.output / job.relative
    return target.with_suffix(".docx") if options.review or target.suffix.lower() == ".pdf" else target


#: ``progress(done, total, characters_done)`` after each job.
Progress = Callable[[int, int, int], None]


def run(jobs: Sequence[Job], options: Options, workers: int = 1, progress: Progress | None = None) -> list[Result]:
    """Process ``jobs`` with ``options`` on up to ``workers`` processes; the results in the order of ``jobs``."""
    results: list[Result | None] = [None] * len(jobs)
    characters = 0

    def record(index: int, result: Result) -> None:
        nonlocal characters
        results[index] = result
        characters += result.characters
        if progress is not None:
            progress(sum(r is not None for r in results), len(jobs), characters)

    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        _start_worker(options)
        for index, job in enumerate(jobs):
            record(index, _process((index, job))[1])
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, initializer=_start_worker, initargs=(options,)) as pool:
            for index, result in pool.imap_unordered(_process, enumerate(jobs)):
                record(index, result)
    return [result for result in results if result is not None]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- in each worker -----------------------------------------------------------------------------
_engine: Engine | None = None
_options: Options | None = None


def _start_worker(options: Options) -> None:
    """Build the worker's engine once (the models load at its first check and stay loaded)."""
    global _engine, _options
    logging.basicConfig(format=LOG_FORMAT, level=logging.WARNING)
    if options.macbert:
        from editor.core.lm.typo_engine import set_model_dir

        set_model_dir(options.macbert)
    from editor.core.lm.typo_engine import set_sensitivity

    set_sensitivity(options.sensitivity)
    _engine, _options = Engine(set(options.categories)), options


def _process(numbered: tuple[int, Job]) -> tuple[int, Result]:
    index, job = numbered
    assert _engine is not None and _options is not None
    try:
        return index, (fix_one if _options.fix else check_one)(job, _engine, _options)
    except ProtectedDocument as error:
        return index, Result(str(job.path), error=f"{error}{_PROTECTED_HINT}")
    except (InputError, OutputError) as error:
        return index, Result(str(job.path), error=str(error))


def _dated(document: Document, options: Options) -> Document:
    """The document with the date given on the command line, if one was."""
    return replace(document, date=options.date) if options.date is not None else document


def check_one(job: Job, engine: Engine, options: Options) -> Result:
    """Read and check one draft; a returned review's rejected proposals are not flagged again."""
    document = _dated(read_stdin() if str(job.path) == "-" else read_document(job.path), options)
    result = engine.check(document)
    issues, rejected = _decided(document, result.issues)
    return Result(document.name, Checked.of(result.classified, issues), document.encoding, rejected=rejected)


def _decided(document: Document, issues: list[Issue]) -> tuple[list[Issue], tuple[Proposal, ...]]:
    """The findings a reviewer did not reject before, and the proposals rejected (none but in a returned review)."""
    rejected = tuple(proposal for proposal in record_of_document(document) if proposal.state is State.REJECTED)
    return without_rejected(issues, rejected), rejected


def fix_one(job: Job, engine: Engine, options: Options) -> Result:
    """Check one draft and write its fix (or its review) where `target_of` says; never over a draft unasked."""
    target = target_of(job, options)
    if options.review and target.suffix.lower() != ".docx":
        raise OutputError(f"{target}: 审阅稿只能写成 .docx")
    check_target(target)
    overwrites = target.resolve() in options.drafts or (target.exists() and target.resolve() == job.path.resolve())
    if overwrites and not options.in_place:
        raise OutputError(f"{target}: 不会覆盖原稿；另存为其他文件，或加 --in-place")
    document = _dated(read_document(job.path), options)
    result = engine.check(document)
    issues, rejected = _decided(document, result.issues)
    target.parent.mkdir(parents=True, exist_ok=True)
    encoding = f"（原稿编码 {document.encoding}）" if document.encoding else ""
    if options.review:
        counts = write_review_docx(
            result.repaired.draft,
            issues,
            target,
            ignore_protection=options.ignore_protection,
            rule_names=rule_names(),
            rejected=[proposal.again(document.texts) for proposal in rejected],
        )
        written = (
            f"已写入审阅稿 {target}：{len(issues)} 处问题，{counts.changes} 处标为修订，"
            f"{counts.comments} 条批注（重复的问题合为一条）{_rejected_note(rejected)}{encoding}"
        )
    else:
        repaired = apply_fixes(result.repaired.draft, safe_fixes(issues))
        write_document(repaired, target, ignore_protection=options.ignore_protection)
        written = f"已写入 {target}：应用 {len(repaired.applied)} 处修改{_rejected_note(rejected)}{encoding}"
    checked = Checked.of(result.classified, issues)
    return Result(str(job.path), checked, document.encoding, written=written, rejected=rejected)


def _rejected_note(rejected: tuple[Proposal, ...]) -> str:
    return f"；审阅人已驳回的 {len(rejected)} 处不再提出" if rejected else ""


def resolved(paths: Iterable[Path]) -> frozenset[Path]:
    return frozenset(path.resolve() for path in paths)


class ProgressLine:
    """The progress line a terminal shows on stderr: files done, characters per second, time left."""

    def __init__(self, stream, started: float | None = None) -> None:
        self.stream, self.started = stream, time.monotonic() if started is None else started

    def __call__(self, done: int, total: int, characters: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        left = elapsed / done * (total - done) if done else 0.0
        width = 24
        bar = "█" * (width * done // total) + "·" * (width - width * done // total)
        self.stream.write(f"\r{bar} {done}/{total} 个文件  {characters / elapsed:,.0f} 字/秒  剩余约 {left:.0f} 秒 ")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()
