"""Typo benchmark: the project's typo pass against pycorrector's stock corrector, on the same model.

    .venv/bin/python bench/typo_bench.py                      # full run (the stock side takes ~28 min)
    .venv/bin/python bench/typo_bench.py --limit 200          # quick run: 200 sentences of each set
    .venv/bin/python bench/typo_bench.py --baseline-limit 300 # all of the project's side, 300 of the stock
    .venv/bin/python bench/typo_bench.py --no-baseline        # the project's side only
    .venv/bin/python bench/typo_bench.py --stock-cache /tmp/stock.json  # the stock side computed once
    .venv/bin/python bench/typo_bench.py --ready-only         # models ready, in three fresh processes

Every set is checked at each sensitivity (严格, 标准, 宽松; ``--sensitivity`` to choose).
``--kinds`` also measures at 标准 what each kind of candidate adds (all kinds against all but
that one), what the name guard on evidence adds against leaving every name jieba's tagger
guesses alone.

The project's side goes through the engine (`Engine(categories={Category.TYPO})`
over `Document.from_texts`), so it measures the whole typo pass: the rule layers
and the language-model detector. The baseline is pycorrector 1.1.4's `Corrector`
with the bundled model in place of its 2.9 GB download. Both read only
`../shared/eval` and `../shared/samples`, which nothing was trained on.

ECSpell's law and medical sets serve as development sets: missed typos were
studied there (which corrections had no candidate, which scored too low) and
design choices compared on them, so that the targets (``ecspell_odw``,
``cscd_ns``) and the clean set are only measured.

Times are CPU seconds of this process (`time.process_time`), so that the figures of
a machine shared with other jobs are those of one core of its own. "Models ready" is
measured apart, in fresh processes (``--ready-runs``, best and worst printed with the load
average): the CPU seconds of loading everything the first check needs (the n-gram models,
jieba's dictionary and tagger, the detector's tables), and of the whole process from the
interpreter's start to that moment.
``--ready-only`` prints that figure alone, without ``../shared``.

Prints sentence-level detection/correction P/R/F1 (a sentence is detected when
its flagged positions equal the gold set), character-level figures, false flags
per 10,000 characters on the clean set, speed, load time and resident memory,
and the ratios of the project's F1 to the baseline's on the same sentences.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.csc_metrics import Edits, Scores, gold_edits, merge, score, span_edits  # noqa: E402
from editor.core.document import Document  # noqa: E402
from editor.core.engine import Engine  # noqa: E402
from editor.core.issue import Category  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = {
    "ecspell_law": "eval/csc/ecspell_law_test.tsv",
    "ecspell_med": "eval/csc/ecspell_med_test.tsv",
    "ecspell_odw": "eval/csc/ecspell_odw_test.tsv",
    "cscd_ns": "eval/csc/cscd_ns_test.tsv",
    "sighan13": "eval/csc/sighan13_test.tsv",
    "sighan14": "eval/csc/sighan14_test.tsv",
    "sighan15": "eval/csc/sighan15_test.tsv",
    "clean_rmrb1998": "eval/clean/rmrb1998_ner_test_correct.tsv",
}
TARGET_SETS = ("ecspell_odw", "cscd_ns")


@dataclass
class EvalSet:
    name: str
    wrong: list[str]
    gold: list[Edits]


@dataclass
class Run:
    """One checker over one set: its edits per sentence and the seconds it took."""

    edits: list[Edits]
    seconds: float


def read_set(name: str, limit: int | None) -> EvalSet:
    wrong, gold = [], []
    with (SHARED / SETS[name]).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            edits = gold_edits(*parts[:2]) if len(parts) >= 2 else None
            if edits is not None:  # the few pairs of different lengths cannot be scored by position
                wrong.append(parts[0])
                gold.append(edits)
            if limit and len(wrong) >= limit:
                break
    return EvalSet(name, wrong, gold)


def project_run(engine: Engine, texts: list[str]) -> Run:
    started = time.process_time()
    result = engine.check(Document.from_texts(texts))
    seconds = time.process_time() - started
    found: list[list[Edits]] = [[] for _ in texts]
    for issue in result.issues:
        found[issue.paragraph].append(span_edits(texts[issue.paragraph], issue.start, issue.end, issue.replacement))
    return Run([merge(edits) for edits in found], seconds)


def baseline_run(corrector, texts: list[str]) -> Run:
    started = time.process_time()
    edits = []
    for text in texts:
        errors = corrector.correct(text)["errors"]
        edits.append(merge(span_edits(text, start, start + len(old), new) for old, new, start in errors))
    return Run(edits, time.process_time() - started)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(load: Callable[[], object]) -> tuple[object, float]:
    started = time.process_time()
    loaded = load()
    return loaded, time.process_time() - started


def load_models() -> tuple[object, dict[str, float]]:
    """Load what the first check needs, as the check server does: the detector and CPU seconds of each part.

    ``process`` is this process's CPU seconds from its start (the interpreter and the imports too).
    """
    from editor.core.lm.model import language_model
    from editor.core.lm.typo_engine import typo_detector
    from editor.core.segmentation import word_frequencies

    parts: dict[str, float] = {}
    _, parts["character model"] = timed(language_model)
    _, parts["jieba"] = timed(word_frequencies)
    detector, parts["detector"] = timed(typo_detector)
    parts["process"] = time.process_time()
    return detector, parts


def readiness(runs: int) -> str:
    """ "Models ready" in ``runs`` fresh processes, one line: best and worst, the parts of the best, the load average.

    The loading alone (what the issue's target counts, as the figures before it did) and the whole
    process up to that moment (the interpreter and the imports too: what a first check waits for).
    """
    load = os.getloadavg()[0]
    measured = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, __file__, "--ready-child"], capture_output=True, text=True, check=True, timeout=300
        )
        parts = json.loads(child.stdout.strip().splitlines()[-1])
        measured.append((sum(seconds for name, seconds in parts.items() if name != "process"), parts))
    measured.sort(key=lambda item: item[0])
    (best, parts), (worst, _) = measured[0], measured[-1]
    processes = sorted(parts["process"] for _, parts in measured)
    named = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in parts.items() if name != "process")
    return (
        f"project: models ready in {best:.2f} CPU s, best of {runs} fresh processes (worst {worst:.2f} s; "
        f"target ≤ 1 s): {named}; the whole process to that moment {processes[0]:.2f}-{processes[-1]:.2f} s "
        f"with the interpreter and the imports; load average {load:.1f} → {os.getloadavg()[0]:.1f}"
    )


def row(label: str, scores: Scores, seconds: float) -> str:
    s, c = scores, scores
    return (
        f"{label:<24}{s.sentences:>6} "
        f"{100 * s.sentence_detection.precision:5.1f} {100 * s.sentence_detection.recall:5.1f} "
        f"{100 * s.sentence_detection.f1:5.1f} | {100 * s.sentence_correction.f1:5.1f} | "
        f"{100 * c.char_detection.precision:5.1f} {100 * c.char_detection.recall:5.1f} {100 * c.char_detection.f1:5.1f}"
        f" | {100 * c.char_correction.f1:5.1f} | {100 * s.flagged_sentences / max(s.sentences, 1):5.1f}"
        f" {s.flags_per_10k:7.1f} | {s.characters / max(seconds, 1e-9):8.0f}"
    )


HEADER = (
    f"{'set / checker':<24}{'sents':>6} {'sentP':>5} {'sentR':>5} {'sentF':>5} | {'corF':>5} | "
    f"{'chrP':>5} {'chrR':>5} {'chrF':>5} | {'cchF':>5} | {'flag%':>5} {'fl/10k':>7} | {'chars/s':>8}"
)


def wujin_name_flags(engine: Engine) -> list[str]:
    """The `typo.lm` findings on the sample page (a district daily full of local officials' names)."""
    texts = [line.strip() for line in (SHARED / "samples" / "wujin_daily_page.txt").read_text("utf-8").splitlines()]
    texts = [text for text in texts if text]
    issues = engine.check(Document.from_texts(texts)).issues
    return [f"{issue.rule} {issue.text}→{issue.replacement} 「{texts[issue.paragraph]}」" for issue in issues]


@contextlib.contextmanager
def without_kind(kind):
    """The statistical detector without the candidates of one `Confusion` kind, to see what that kind adds."""
    from editor.core.lm.lexicon import without_kinds
    from editor.core.lm.typo_engine import typo_detector, typo_engine

    scorer = typo_detector().scorer
    kept = scorer.confusables
    scorer.confusables = without_kinds(kept, {kind})
    typo_engine.cache_clear()  # the engine remembers findings by paragraph: forget them
    try:
        yield
    finally:
        scorer.confusables = kept
        typo_engine.cache_clear()


@contextlib.contextmanager
def tags_as_veto():
    """The name guard as it was: everything jieba's tagger calls a name left alone, like a name on evidence."""
    from editor.core.checks import typo_lm
    from editor.core.lm.typo_engine import typo_engine
    from editor.core.names import merge_spans

    guard = typo_lm.detector_guard

    def vetoing(text, names):
        protected, tagged = guard(text, names)
        return merge_spans([*protected, *tagged]), []

    typo_lm.detector_guard = vetoing
    typo_engine.cache_clear()
    try:
        yield
    finally:
        typo_lm.detector_guard = guard
        typo_engine.cache_clear()


def stock_runs(sets: dict[str, EvalSet], limit: int | None, cache: Path | None) -> tuple[dict[str, Run], float]:
    """The stock corrector over each set (its first ``limit`` sentences), and its initialisation time.

    pycorrector's corrector is deterministic and takes most of the run, so ``cache`` may keep
    its edits between runs (keyed by each set's sentences); without it everything is computed.
    """
    import hashlib

    kept = json.loads(cache.read_text(encoding="utf-8")) if cache and cache.is_file() else {}
    runs: dict[str, Run] = {}
    corrector, seconds = None, 0.0
    for name, data in sets.items():
        texts = data.wrong[:limit]
        key = f"{name}:{hashlib.sha256(chr(10).join(texts).encode()).hexdigest()[:16]}"
        if key in kept:
            edits = [{int(position): char for position, char in found.items()} for found in kept[key]["edits"]]
            runs[name] = Run(edits, kept[key]["seconds"])
            continue
        if corrector is None:
            corrector, seconds = timed(_stock_corrector)
        runs[name] = baseline_run(corrector, texts)
        kept[key] = {"edits": runs[name].edits, "seconds": runs[name].seconds}
    if cache:
        cache.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return runs, seconds


def _stock_corrector():
    from editor.core.lm.model import MODEL_FILE
    from editor.core.lm.pycorrector_adapter import pycorrector_module
    from editor.core.resources import resource_path

    corrector = pycorrector_module("corrector").Corrector(language_model_path=str(resource_path("lm", MODEL_FILE)))
    corrector.check_corrector_initialized()
    corrector.check_detector_initialized()
    return corrector


def main(argv: list[str] | None = None) -> int:
    global SHARED
    from editor.core.lm.sensitivity import Sensitivity

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="sentences per set for the project's side (0: all)")
    parser.add_argument(
        "--baseline-limit", type=int, default=None, help="sentences per set for the stock side (default: --limit)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the stock corrector")
    parser.add_argument("--stock-cache", type=Path, help="keep the stock corrector's edits in this JSON file")
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    parser.add_argument(
        "--sensitivity",
        nargs="*",
        default=[level.value for level in Sensitivity],
        choices=[level.value for level in Sensitivity],
        help="the levels to measure (default: all three)",
    )
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the shared data folder (default: beside the checkout)"
    )
    parser.add_argument(
        "--kinds", action="store_true", help="also measure what each new kind of candidate adds (at 标准)"
    )
    parser.add_argument("--ready-runs", type=int, default=3, help="fresh processes timing the models' loading")
    parser.add_argument("--ready-only", action="store_true", help="only time the models' loading")
    parser.add_argument("--ready-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ready_child:
        print(json.dumps(load_models()[1]))
        return 0
    if args.ready_only:
        print(readiness(args.ready_runs))
        return 0
    SHARED = args.shared
    baseline_limit = (args.limit if args.baseline_limit is None else args.baseline_limit) or None
    if not SHARED.is_dir():
        print(f"找不到评测数据：{SHARED}", file=sys.stderr)
        return 1

    from editor.core.lm.typo_engine import set_sensitivity

    rss_start = max_rss_mb()
    detector, _ = load_models()
    if not detector.available:
        print(detector.reason, file=sys.stderr)
        return 1
    ready = readiness(args.ready_runs)
    engine = Engine(categories={Category.TYPO})
    _, warm_seconds = timed(lambda: engine.check(Document.from_texts(["今天召开会议。"])))
    sets = {name: read_set(name, args.limit or None) for name in args.sets}
    levels = [Sensitivity(value) for value in args.sensitivity]
    ours: dict[Sensitivity, dict[str, Run]] = {}
    name_flags: dict[Sensitivity, list[str]] = {}
    for level in levels:
        set_sensitivity(level)
        ours[level] = {name: project_run(engine, data.wrong) for name, data in sets.items()}
        name_flags[level] = wujin_name_flags(engine)
    set_sensitivity(Sensitivity.STANDARD)
    ours_rss = max_rss_mb()
    without: dict = {}
    if args.kinds and Sensitivity.STANDARD in ours:
        from editor.core.lm.lexicon import Confusion

        ablations = {
            kind.name.lower(): functools.partial(without_kind, kind)
            for kind in (Confusion.NEAR_SOUND, Confusion.LEARNED, Confusion.VARIANT)
        }
        ablations["name_guard"] = tags_as_veto
        for label, ablation in ablations.items():
            with ablation():
                without[label] = {name: project_run(engine, data.wrong) for name, data in sets.items()}

    stock: dict[str, Run] = {}
    stock_init = 0.0
    if not args.no_baseline:
        stock, stock_init = stock_runs(sets, baseline_limit, args.stock_cache)

    print(HEADER)
    print("-" * len(HEADER))
    for name, data in sets.items():
        for level in levels:
            run = ours[level][name]
            print(row(f"{name} / {level.value}", score(data.wrong, data.gold, run.edits), run.seconds))
        if name in stock:
            n = len(stock[name].edits)
            print(row(f"{name} / stock", score(data.wrong[:n], data.gold[:n], stock[name].edits), stock[name].seconds))
    print()
    total_chars = sum(len(text) for data in sets.values() for text in data.wrong)
    for level in levels:
        total_seconds = sum(run.seconds for run in ours[level].values())
        print(
            f"project at {level.value}: {total_chars / total_seconds:.0f} chars/s "
            "(the whole typo pass, one process; target ≥ 10,000)"
        )
    print(ready)
    print(
        f"project: first check (rule tables) {warm_seconds:.2f} s; "
        f"max RSS {ours_rss:.0f} MB (process start {rss_start:.0f} MB)"
    )
    if stock:
        print(f"stock:   initialisation {stock_init:.2f} s; max RSS of the whole run {max_rss_mb():.0f} MB")
        print("\nratios project / stock on the same sentences:")
        for name, run in stock.items():
            data, n = sets[name], len(run.edits)
            theirs = score(data.wrong[:n], data.gold[:n], run.edits)
            for level in levels:
                mine = score(data.wrong[:n], data.gold[:n], ours[level][name].edits[:n])
                if name.startswith("clean"):
                    print(
                        f"  {name} / {level.value}: false flags per 10k {mine.flags_per_10k:.1f} "
                        f"vs {theirs.flags_per_10k:.1f}"
                    )
                    continue
                f1, stock_f1 = mine.sentence_detection.f1, theirs.sentence_detection.f1
                goal = " (target ≥ 2)" if name in TARGET_SETS and level == Sensitivity.STANDARD else ""
                print(
                    f"  {name} / {level.value}: sentence detection F1 {100 * f1:.1f} vs {100 * stock_f1:.1f} = "
                    f"{f1 / stock_f1 if stock_f1 else 0:.2f}x{goal}"
                )
    if without and Sensitivity.STANDARD in ours:
        print(
            "\nwhat each kind of candidate adds at 标准 (all kinds against all but that one; name_guard: "
            "names protected on evidence, jieba's tags weighed, against every tagged name left alone):"
        )
        for label, runs in without.items():
            parts = []
            for name, data in sets.items():
                full = score(data.wrong, data.gold, ours[Sensitivity.STANDARD][name].edits)
                less = score(data.wrong, data.gold, runs[name].edits)
                if name.startswith("clean"):
                    parts.append(f"{name} false flags/10k {full.flags_per_10k - less.flags_per_10k:+.2f}")
                else:
                    recall = 100 * (full.sentence_detection.recall - less.sentence_detection.recall)
                    f1 = 100 * (full.sentence_detection.f1 - less.sentence_detection.f1)
                    parts.append(f"{name} sentence R {recall:+.1f} F1 {f1:+.1f}")
            print(f"  {label:<11} " + "; ".join(parts))
    for level in levels:
        print(f"\ntypo findings on the sample page at {level.value}: {len(name_flags[level])}")
        for line in name_flags[level]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
