"""Find the slips of real copy that the confusion lists lack, for the typo scorer's candidates.

Real typos (`../shared/train`) show pairs no list of pycorrector's proposes: shape
neighbours beyond ``same_stroke.txt`` (己/已, 干/千, 宫/官), characters outside the
3,500 common ones (惟 typed for 唯, 曰 for 日), and common pairs the lists miss. Every
pair (typed, meant) seen at least ``--min-count`` times in the training lines of the
re-ranker's real sets (never the lines it tunes its thresholds on, never
`../shared/eval`) and not already a candidate becomes a line of
``resources/lm/learned_pairs.tsv``: typed, meant and how often it was seen. Only those
counts are shipped, never a sentence.

    .venv/bin/python tools/lm_learn_pairs.py   # a few seconds; then tools/build_lm_tables.py, retrain the re-ranker
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from lm_train_reranker import REAL_SETS, SHARED, is_tuning_line

from editor.core.han import is_han
from editor.core.io.atomic import write_atomically
from editor.core.lm.lexicon import (
    LEARNED_FILE,
    VARIANTS_FILE,
    Confusion,
    build_confusables,
    common_characters,
    variant_pairs,
)

HEADER = (
    "# typed\tmeant\tcount: real slips the confusion lists lack, from the training lines of ../shared/train\n"
    "# built by tools/lm_learn_pairs.py; do not edit by hand\n"
)
VARIANTS_HEADER = (
    "# variant\tstandard: single traditional or variant characters outside the 3,500 common ones, from\n"
    "# pycorrector's zh2Hans table; built by tools/lm_learn_pairs.py; do not edit by hand\n"
)


def slips(path: Path) -> Counter[tuple[str, str]]:
    """(typed, meant) of every Chinese character that differs in the training lines of one set of pairs."""
    found: Counter[tuple[str, str]] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            wrong, _, correct = line.rstrip("\n").partition("\t")
            if len(wrong) == len(correct) and not is_tuning_line(wrong):
                found.update((a, b) for a, b in zip(wrong, correct, strict=True) if a != b and is_han(a) and is_han(b))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data (default: beside the checkout)")
    parser.add_argument("--min-count", type=int, default=2, help="how often a pair must be seen")
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    args = parser.parse_args(argv)
    listed = {  # built afresh, not the stored tables this tool makes stale
        char: {other for other, kind in others if kind != Confusion.LEARNED}
        for char, others in build_confusables().items()
    }
    counts: Counter[tuple[str, str]] = Counter()
    for name in REAL_SETS:
        counts += slips(args.shared / "train" / name)
    learned = [
        (pair, count)
        for pair, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count >= args.min_count and pair[1] not in listed.get(pair[0], ())
    ]
    lines = "".join(f"{typed}\t{meant}\t{count}\n" for (typed, meant), count in learned)
    data = (HEADER + lines).encode("utf-8")
    write_atomically(args.output / LEARNED_FILE, lambda handle: handle.write(data))
    print(f"{len(learned)} pairs written to {args.output / LEARNED_FILE}", file=sys.stderr)
    variants = variant_pairs(common_characters())
    table = (VARIANTS_HEADER + "".join(f"{typed}\t{meant}\n" for typed, meant in variants)).encode("utf-8")
    write_atomically(args.output / VARIANTS_FILE, lambda handle: handle.write(table))
    print(f"{len(variants)} variant characters written to {args.output / VARIANTS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
