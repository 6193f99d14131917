"""Train the typo re-ranker on typos synthesised from the held-out corpus slice, and pick its threshold.

Each held-out sentence is used three times: as it is (every flag on it is a false
alarm), with one character replaced by a confusable one (same pinyin more often
than similar shape, as in real input-method typos), and with a two-character word
typed as a homophone (规模 → 鬼魔, 物流 → 无聊), the whole-word slip of official copy.
Half the sentences train a logistic regression over `editor.core.lm.scoring.FEATURES`;
on the other half the threshold and an offset for word candidates are chosen: among
those whose false flags stay within ``--false-flags`` per 10,000 characters of clean
text, the pair detecting most typos exactly (word typos weighted by ``--pair-typos``).
Nothing here reads `../shared/eval`.

    .venv/bin/python tools/lm_train_reranker.py      # writes resources/lm/reranker.json (about three minutes)
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
from editor.core.lm.homophones import MIN_WORD_FREQUENCY
from editor.core.lm.lexicon import Confusion, load_lexicon
from editor.core.lm.model import MODEL_FILE, load_language_model
from editor.core.lm.reranker import Reranker
from editor.core.lm.scoring import FEATURES, Candidate, Scorer
from editor.core.lm.text import lm_text
from editor.core.lm.word_model import WORD_MODEL_FILE, WordScorer

logger = logging.getLogger("lm_train_reranker")

KIND_WEIGHTS = {Confusion.SAME_TONE: 0.5, Confusion.OTHER_TONE: 0.2, Confusion.SHAPE: 0.3}
THRESHOLDS = [round(0.5 + 0.01 * i, 2) for i in range(50)]
WORD_OFFSETS = (-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0)


@dataclass
class Example:
    """A sentence, the characters that belong at its typos (none when clean), and the scorer's candidates."""

    tokens: str
    gold: dict[int, str]
    candidates: list[Candidate]

    def is_right(self, candidate: Candidate) -> bool:
        """Whether every character ``candidate`` changes is a typo corrected as it should be."""
        return all(
            self.gold.get(candidate.position + k) == char
            for k, char in enumerate(candidate.replacement)
            if self.tokens[candidate.position + k] != char
        )


def corrupt_char(tokens: str, scorer: Scorer, rng: random.Random, word_share: float) -> Example | None:
    """``tokens`` with one character swapped for a confusable one.

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
            return _example(tokens, position, typo, scorer)
    position = rng.choice(positions)
    others = scorer.confusables[tokens[position]]
    weights = [KIND_WEIGHTS[kind] for _, kind in others]
    return _example(tokens, position, rng.choices([other for other, _ in others], weights)[0], scorer)


def corrupt_pair(tokens: str, scorer: Scorer, rng: random.Random) -> Example | None:
    """``tokens`` with a frequent two-character word typed as a homophone: another word (物流 → 无聊)
    half of the time, otherwise two homophone characters (规模 → 鬼魔), as an input method gets it wrong."""
    freq = scorer.lexicon.word_freq
    words = [i for i in range(len(tokens) - 1) if freq.get(tokens[i : i + 2], 0) >= MIN_WORD_FREQUENCY]
    if not words:
        return None
    position = rng.choice(words)
    word = tokens[position : position + 2]
    homophones = scorer.homophones.words_for(word)
    if homophones and rng.random() < 0.5:
        return _example(tokens, position, rng.choice(homophones), scorer)
    chars = [[o for o, kind in scorer.confusables.get(c, ()) if kind != Confusion.SHAPE] for c in word]
    if not all(chars):
        return None
    return _example(tokens, position, rng.choice(chars[0]) + rng.choice(chars[1]), scorer)


def _example(tokens: str, position: int, typo: str, scorer: Scorer) -> Example:
    wrong = _swap(tokens, position, typo)
    gold = {position + k: tokens[position + k] for k in range(len(typo))}
    return Example(wrong, gold, scorer.candidates(wrong))


def _swap(tokens: str, position: int, chars: str) -> str:
    return tokens[:position] + chars + tokens[position + len(chars) :]


def examples(sentences: list[str], scorer: Scorer, rng: random.Random, word_share: float) -> list[Example]:
    """Each sentence clean, with a one-character typo, and with a two-character word typo."""
    found = []
    for sentence in sentences:
        tokens = lm_text(sentence)
        found.append(Example(tokens, {}, scorer.candidates(tokens)))
        found.extend(
            example
            for example in (corrupt_char(tokens, scorer, rng, word_share), corrupt_pair(tokens, scorer, rng))
            if example
        )
    return found


def fit(examples_: list[Example], l2: float = 1.0, iterations: int = 25) -> Reranker:
    """Logistic regression by Newton's method on standardised features."""
    rows, labels = [], []
    for example in examples_:
        for candidate in example.candidates:
            rows.append(candidate.features)
            labels.append(float(example.is_right(candidate)))
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


def with_word_offset(reranker: Reranker, offset: float) -> Reranker:
    """``reranker`` with ``offset`` added to the log-odds of word candidates only (a threshold of their own)."""
    at = FEATURES.index("word_slip")
    weights, scale, mean = list(reranker.weights), reranker.scale[at], reranker.mean[at]
    weights[at] += offset * scale
    return Reranker(**{**reranker.__dict__, "weights": tuple(weights), "bias": reranker.bias + offset * mean})


def sweep(examples_: list[Example], reranker: Reranker, scorer: Scorer, pair_share: float) -> list[dict]:
    """False flags per 10k clean characters and sentence-level detection at each threshold and word offset.

    ``score`` weighs the exactly detected word typos by ``pair_share``, the one-character ones by the rest.
    """
    known = {example.tokens: example.candidates for example in examples_}
    clean_chars = sum(len(example.tokens) for example in examples_ if not example.gold)
    typos = {width: sum(len(example.gold) == width for example in examples_) for width in (1, 2)}
    table = []
    for offset in WORD_OFFSETS:
        shifted = with_word_offset(reranker, offset)

        @functools.cache
        def best_of(tokens: str, shifted: Reranker = shifted) -> dict[int, tuple[float, str]]:
            candidates = known[tokens] if tokens in known else scorer.candidates(tokens)
            return best_per_position(candidates, shifted)

        for threshold in THRESHOLDS:
            false_flags = 0
            exact = {1: 0, 2: 0}
            for example in examples_:
                kept = changed_positions(example.tokens, decode(example.tokens, best_of, threshold))
                if not example.gold:
                    false_flags += len(kept)
                else:
                    exact[len(example.gold)] += kept == set(example.gold)
            rates = {width: exact[width] / max(typos[width], 1) for width in exact}
            table.append(
                {
                    "threshold": threshold,
                    "word_offset": offset,
                    "false_flags_per_10k": round(10000 * false_flags / clean_chars, 2),
                    "char_typos_exactly_detected": round(rates[1], 3),
                    "word_typos_exactly_detected": round(rates[2], 3),
                    "score": round((1 - pair_share) * rates[1] + pair_share * rates[2], 4),
                }
            )
    return table


def changed_positions(tokens: str, found: dict[int, tuple[float, str]]) -> set[int]:
    return {
        position + k
        for position, (_, replacement) in found.items()
        for k, char in enumerate(replacement)
        if tokens[position + k] != char
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lm-dir", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--false-flags", type=float, default=0.5, help="budget per 10,000 clean characters")
    parser.add_argument("--sentences", type=int, default=0, help="use only this many held-out sentences")
    parser.add_argument("--seed", type=int, default=1998)
    parser.add_argument("--word-typos", type=float, default=0.5, help="share of one-character typos that make a word")
    parser.add_argument("--pair-typos", type=float, default=0.3, help="weight of word typos in the score")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    words = WordScorer(load_language_model(args.lm_dir / WORD_MODEL_FILE))
    scorer = Scorer(load_language_model(args.lm_dir / MODEL_FILE), load_lexicon(), words)
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
    table = sweep(tune, reranker, scorer, args.pair_typos)
    within = [row for row in table if row["false_flags_per_10k"] <= args.false_flags]
    if not within:
        print(f"没有阈值能把误报控制在每万字 {args.false_flags} 个以内", file=sys.stderr)
        return 1
    chosen = max(within, key=lambda row: (row["score"], -row["threshold"]))
    final = Reranker(**{**with_word_offset(reranker, chosen["word_offset"]).__dict__, "threshold": chosen["threshold"]})
    final.save(args.lm_dir / RERANKER_FILE)
    summary = {
        "command": "python tools/lm_train_reranker.py",
        "held_out_sentences": len(sentences),
        "false_flag_budget_per_10k": args.false_flags,
        "word_typo_share": args.word_typos,
        "pair_typo_share": args.pair_typos,
        "chosen": chosen,
        "sweep": [row for row in table if row["word_offset"] == chosen["word_offset"]][::5],
    }
    (args.lm_dir / "reranker_training.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    logger.info("chosen %s", chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
