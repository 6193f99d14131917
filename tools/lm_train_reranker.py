"""Train the typo re-ranker on typos synthesised from the held-out corpus slice, and pick its threshold.

Each held-out sentence is used twice: as it is (every flag on it is a false alarm)
and with one character replaced by a confusable one (same pinyin more often than
similar shape, as in real input-method typos). Half the sentences train a logistic
regression over `editor.core.lm.scoring.FEATURES`; on the other half the threshold
is set to the lowest value whose false flags stay within ``--false-flags`` per
10,000 characters of clean text. Nothing here reads `../shared/eval`.

    .venv/bin/python tools/lm_train_reranker.py      # writes resources/lm/reranker.json (about two minutes)
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lm_corpus import corpus_sentences

from editor.core.lm.detector import RERANKER_FILE, best_per_position, decode
from editor.core.lm.lexicon import Confusion, load_lexicon
from editor.core.lm.model import MODEL_FILE, load_language_model
from editor.core.lm.reranker import Reranker
from editor.core.lm.scoring import FEATURES, Candidate, Scorer
from editor.core.lm.text import lm_text

logger = logging.getLogger("lm_train_reranker")

KIND_WEIGHTS = {Confusion.SAME_TONE: 0.5, Confusion.OTHER_TONE: 0.2, Confusion.SHAPE: 0.3}
THRESHOLDS = [round(0.3 + 0.01 * i, 2) for i in range(70)]


@dataclass
class Example:
    """A sentence (clean when ``typo`` is None) and the candidates the scorer found in it."""

    tokens: str
    typo: tuple[int, str] | None  # position, the character that belongs there
    candidates: list[Candidate]


def corrupt(tokens: str, scorer: Scorer, rng: random.Random, word_share: float) -> tuple[str, tuple[int, str]] | None:
    """``tokens`` with one character swapped for a confusable one, and what was swapped.

    With probability ``word_share`` the swap is an input-method slip: a homophone that
    turns the neighbourhood into another dictionary word (不再 → 不在), the kind of
    typo a spell checker finds hardest; otherwise any confusable character.
    """
    positions = [i for i, char in enumerate(tokens) if scorer.confusables.get(char)]
    if not positions:
        return None
    if rng.random() < word_share:
        slips = [
            (position, other)
            for position in positions
            for other, kind in scorer.confusables[tokens[position]]
            if kind != Confusion.SHAPE and scorer.lexicon.word_evidence(_swap(tokens, position, other), position) > 0
        ]
        if slips:
            position, typo = rng.choice(slips)
            return _swap(tokens, position, typo), (position, tokens[position])
    position = rng.choice(positions)
    others = scorer.confusables[tokens[position]]
    weights = [KIND_WEIGHTS[kind] for _, kind in others]
    typo = rng.choices([other for other, _ in others], weights)[0]
    return _swap(tokens, position, typo), (position, tokens[position])


def _swap(tokens: str, position: int, char: str) -> str:
    return tokens[:position] + char + tokens[position + 1 :]


def examples(sentences: list[str], scorer: Scorer, rng: random.Random, word_share: float) -> list[Example]:
    found = []
    for sentence in sentences:
        tokens = lm_text(sentence)
        found.append(Example(tokens, None, scorer.candidates(tokens)))
        corrupted = corrupt(tokens, scorer, rng, word_share)
        if corrupted:
            found.append(Example(corrupted[0], corrupted[1], scorer.candidates(corrupted[0])))
    return found


def fit(examples_: list[Example], l2: float = 1.0, iterations: int = 25) -> Reranker:
    """Logistic regression by Newton's method on standardised features."""
    rows, labels = [], []
    for example in examples_:
        for candidate in example.candidates:
            rows.append(candidate.features)
            labels.append(float(example.typo == (candidate.position, candidate.replacement)))
    x, y = np.array(rows), np.array(labels)
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-6)
    design = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    penalty = l2 * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(design @ weights, -60, 60)))
        gradient = design.T @ (p - y) + penalty @ weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        weights -= np.linalg.solve(hessian, gradient)
    logger.info("trained on %d candidate rows, %d positives", len(y), int(y.sum()))
    return Reranker(FEATURES, tuple(mean), tuple(scale), tuple(weights[:-1]), float(weights[-1]), 1.0)


def sweep(examples_: list[Example], reranker: Reranker, scorer: Scorer) -> list[dict]:
    """False flags per 10k clean characters and sentence-level detection at each threshold."""
    known = {example.tokens: example.candidates for example in examples_}

    @functools.cache
    def best_of(tokens: str) -> dict[int, tuple[float, str]]:
        candidates = known[tokens] if tokens in known else scorer.candidates(tokens)
        return best_per_position(candidates, reranker)

    clean_chars = sum(len(example.tokens) for example in examples_ if example.typo is None)
    table = []
    for threshold in THRESHOLDS:
        false_flags = exact = flagged_typo = 0
        for example in examples_:
            kept = sorted(decode(example.tokens, best_of, threshold))
            if example.typo is None:
                false_flags += len(kept)
            else:
                flagged_typo += bool(kept)
                exact += kept == [example.typo[0]]
        typos = sum(example.typo is not None for example in examples_)
        table.append(
            {
                "threshold": threshold,
                "false_flags_per_10k": round(10000 * false_flags / clean_chars, 2),
                "typo_sentences_exactly_detected": round(exact / typos, 3),
                "typo_sentences_flagged": round(flagged_typo / typos, 3),
            }
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lm-dir", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--false-flags", type=float, default=0.5, help="budget per 10,000 clean characters")
    parser.add_argument("--sentences", type=int, default=0, help="use only this many held-out sentences")
    parser.add_argument("--seed", type=int, default=1998)
    parser.add_argument("--word-typos", type=float, default=0.5, help="share of synthetic typos that make a word")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    scorer = Scorer(load_language_model(args.lm_dir / MODEL_FILE), load_lexicon())
    rng = random.Random(args.seed)
    sentences = list(corpus_sentences(held_out=True))
    rng.shuffle(sentences)
    if args.sentences:
        sentences = sentences[: args.sentences]
    half = len(sentences) // 2
    train = examples(sentences[:half], scorer, rng, args.word_typos)
    tune = examples(sentences[half:], scorer, rng, args.word_typos)
    logger.info("%d training and %d tuning examples", len(train), len(tune))
    reranker = fit(train)
    table = sweep(tune, reranker, scorer)
    within = [row for row in table if row["false_flags_per_10k"] <= args.false_flags]
    if not within:
        print(f"没有阈值能把误报控制在每万字 {args.false_flags} 个以内", file=sys.stderr)
        return 1
    chosen = within[0]
    final = Reranker(**{**reranker.__dict__, "threshold": chosen["threshold"]})
    final.save(args.lm_dir / RERANKER_FILE)
    summary = {
        "command": "python tools/lm_train_reranker.py",
        "held_out_sentences": len(sentences),
        "false_flag_budget_per_10k": args.false_flags,
        "word_typo_share": args.word_typos,
        "chosen": chosen,
        "sweep": table[::5],
    }
    (args.lm_dir / "reranker_training.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    logger.info("chosen %s", chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
