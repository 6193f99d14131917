"""Typo benchmark: the project's typo pass against pycorrector's stock corrector, on the same model.

    .venv/bin/python bench/typo_bench.py                      # full run (the stock side takes ~28 min)
    .venv/bin/python bench/typo_bench.py --limit 200          # quick run: 200 sentences of each set
    .venv/bin/python bench/typo_bench.py --baseline-limit 300 # all of the project's side, 300 of the stock
    .venv/bin/python bench/typo_bench.py --no-baseline        # the project's side only

The project's side goes through the engine (`Engine(categories={Category.TYPO})`
over `Document.from_texts`), so it measures the whole typo pass: the rule layers
and the language-model detector. The baseline is pycorrector 1.1.4's `Corrector`
with the bundled model in place of its 2.9 GB download. Both read only
`../shared/eval` and `../shared/samples`, which nothing was trained on.

ECSpell's law and medical sets serve as development sets: missed typos were
studied there (which corrections had no candidate, which scored too low) and
design choices compared on them, so that the targets (``ecspell_odw``,
``cscd_ns``) and the clean set are only measured.

Prints sentence-level detection/correction P/R/F1 (a sentence is detected when
its flagged positions equal the gold set), character-level figures, false flags
per 10,000 characters on the clean set, speed, load time and resident memory,
and the ratios of the project's F1 to the baseline's on the same sentences.
"""

from __future__ import annotations

import argparse
import resource
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
    started = time.perf_counter()
    result = engine.check(Document.from_texts(texts))
    seconds = time.perf_counter() - started
    found: list[list[Edits]] = [[] for _ in texts]
    for issue in result.issues:
        found[issue.paragraph].append(span_edits(texts[issue.paragraph], issue.start, issue.end, issue.replacement))
    return Run([merge(edits) for edits in found], seconds)


def baseline_run(corrector, texts: list[str]) -> Run:
    started = time.perf_counter()
    edits = []
    for text in texts:
        errors = corrector.correct(text)["errors"]
        edits.append(merge(span_edits(text, start, start + len(old), new) for old, new, start in errors))
    return Run(edits, time.perf_counter() - started)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(load: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    loaded = load()
    return loaded, time.perf_counter() - started


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="sentences per set for the project's side (0: all)")
    parser.add_argument(
        "--baseline-limit", type=int, default=None, help="sentences per set for the stock side (default: --limit)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the stock corrector")
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    args = parser.parse_args(argv)
    baseline_limit = (args.limit if args.baseline_limit is None else args.baseline_limit) or None
    if not SHARED.is_dir():
        print(f"找不到评测数据：{SHARED}", file=sys.stderr)
        return 1

    from editor.core.lm.model import language_model
    from editor.core.lm.typo_engine import typo_detector

    rss_start = max_rss_mb()
    _, model_seconds = timed(language_model)
    detector, detector_seconds = timed(typo_detector)
    if not detector.available:
        print(detector.reason, file=sys.stderr)
        return 1
    engine = Engine(categories={Category.TYPO})
    _, warm_seconds = timed(lambda: engine.check(Document.from_texts(["今天召开会议。"])))
    sets = {name: read_set(name, args.limit or None) for name in args.sets}
    ours = {name: project_run(engine, data.wrong) for name, data in sets.items()}
    ours_rss = max_rss_mb()
    name_flags = wujin_name_flags(engine)

    stock: dict[str, Run] = {}
    stock_init = 0.0
    if not args.no_baseline:
        from editor.core.lm.model import MODEL_FILE
        from editor.core.lm.pycorrector_adapter import pycorrector_module
        from editor.core.resources import resource_path

        def stock_corrector():
            corrector = pycorrector_module("corrector").Corrector(
                language_model_path=str(resource_path("lm", MODEL_FILE))
            )
            corrector.check_corrector_initialized()
            corrector.check_detector_initialized()
            return corrector

        corrector, stock_init = timed(stock_corrector)
        for name, data in sets.items():
            stock[name] = baseline_run(corrector, data.wrong[:baseline_limit])

    print(HEADER)
    print("-" * len(HEADER))
    for name, data in sets.items():
        print(row(f"{name} / project", score(data.wrong, data.gold, ours[name].edits), ours[name].seconds))
        if name in stock:
            n = len(stock[name].edits)
            print(row(f"{name} / stock", score(data.wrong[:n], data.gold[:n], stock[name].edits), stock[name].seconds))
            if n < len(data.wrong):
                mine = score(data.wrong[:n], data.gold[:n], ours[name].edits[:n])
                print(row(f"{name} / project@{n}", mine, ours[name].seconds * n / len(data.wrong)))
    print()
    total_chars = sum(len(text) for data in sets.values() for text in data.wrong)
    total_seconds = sum(run.seconds for run in ours.values())
    print(
        f"project: language model {model_seconds:.2f} s, detector (lexicon, re-ranker) {detector_seconds:.2f} s, "
        f"first check (jieba, rule tables) {warm_seconds:.2f} s; {total_chars / total_seconds:.0f} chars/s; "
        f"max RSS {ours_rss:.0f} MB (process start {rss_start:.0f} MB)"
    )
    if stock:
        print(f"stock:   initialisation {stock_init:.2f} s; max RSS of the whole run {max_rss_mb():.0f} MB")
        print("\nratios project / stock on the same sentences:")
        for name, run in stock.items():
            data, n = sets[name], len(run.edits)
            mine = score(data.wrong[:n], data.gold[:n], ours[name].edits[:n])
            theirs = score(data.wrong[:n], data.gold[:n], run.edits)
            if name.startswith("clean"):
                print(f"  {name}: false flags per 10k {mine.flags_per_10k:.1f} vs {theirs.flags_per_10k:.1f}")
                continue
            ratio = mine.sentence_detection.f1 / theirs.sentence_detection.f1 if theirs.sentence_detection.f1 else 0
            goal = " (target ≥ 2)" if name in TARGET_SETS else ""
            print(
                f"  {name}: sentence detection F1 {100 * mine.sentence_detection.f1:.1f} vs "
                f"{100 * theirs.sentence_detection.f1:.1f} = {ratio:.2f}x{goal}; speed "
                f"{(run.seconds / n) / (ours[name].seconds / len(data.wrong)):.0f}x"
            )
    print(f"\ntypo findings on the sample page: {len(name_flags)}")
    for line in name_flags:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
