"""Train the typo re-ranker on real slips, and choose its threshold for each sensitivity.

Real typos (`../shared/train`, wrong/correct pairs kept apart from every test set) are
what the re-ranker learns from: CSCD-NS dev (input-method slips in official media) and
ECSpell's official documents weigh most, CCTC and the Wang271K sample less, law and
medicine least; the SIGHAN learner essays are left out (their slips are not a
newsroom's). Typos synthesised from the corpus slice the language model never saw
stay as extra data at a low weight: a sentence with one character replaced by a
confusable one, and one with a two-character word typed as a homophone (规模 → 鬼魔), never
inside a name.

One line in ``TUNE_ONE_IN`` of every real set (by a hash of the line) is held out, and
so are clean sentences of the held-out corpus slice (news transcripts not used for the
synthetic typos, and all the printed copy: the 1998 People's Daily, government reports); these
and the error-free sentences of the held-out real lines are the clean text of the
budgets. On them one threshold per `Sensitivity` is chosen, the lowest from which on the
false flags stay within its level's budget less a margin (`BUDGET_MARGIN`) on each
source of that clean text (news transcripts, printed copy, real lines: `MIN_CLEAN_CHARS`),
and the word candidates' offset whose 标准 threshold gives the best sentence-level
detection F1 on the held-out CSCD-NS and ECSpell odw lines. Nothing here reads
`../shared/eval`.

    nice -n 10 .venv/bin/python tools/lm_train_reranker.py --sentences 4000 --clean 6000  # reranker.json (minutes)
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from lm_corpus import CORPUS, SOURCES, corpus_sentences

from editor.core.lm.detector import MAX_CORRECTIONS_PER_SENTENCE, RERANKER_FILE
from editor.core.lm.homophones import MIN_WORD_FREQUENCY
from editor.core.lm.lexicon import Confusion, load_lexicon
from editor.core.lm.model import MODEL_FILE, load_language_model
from editor.core.lm.reranker import Reranker
from editor.core.lm.scoring import FEATURES, Candidate, Context, Scorer, Sentence, in_context
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.text import lm_char, lm_text
from editor.core.lm.word_model import WORD_MODEL_FILE, WordScorer
from editor.core.names import detector_guard, document_names

logger = logging.getLogger("lm_train_reranker")

SHARED = CORPUS.parent
#: the real sets and the weight of their rows: news-like highest, learner essays (SIGHAN) left out
REAL_SETS = {
    "cscd_ns_dev.tsv": 3.0,
    "ecspell_odw_train.tsv": 3.0,
    "cctc_csc_train.tsv": 1.0,
    "wang271k_sample1k.tsv": 1.0,
    "ecspell_law_train.tsv": 0.5,
    "ecspell_med_train.tsv": 0.5,
}
#: the sets whose held-out lines choose the thresholds (closest to a newspaper's copy)
TUNED_ON = ("cscd_ns_dev.tsv", "ecspell_odw_train.tsv")
SYNTHETIC_WEIGHT = 0.3
TUNE_ONE_IN = 4
#: how often a synthetic typo is of each kind (a variant form typed is no slip to synthesise)
KIND_WEIGHTS = {
    Confusion.SAME_TONE: 0.5,
    Confusion.OTHER_TONE: 0.2,
    Confusion.SHAPE: 0.3,
    Confusion.NEAR_SOUND: 0.1,
    Confusion.LEARNED: 0.1,
    Confusion.VARIANT: 0.0,
}
THRESHOLDS = [round(0.2 + 0.01 * i, 2) for i in range(80)]
#: each level's threshold keeps this share of its budget on the clean text here: that text is a sample,
#: and a threshold set at exactly 2.0 per 10,000 on it gave 2.1-2.2 on other clean news
BUDGET_MARGIN = 0.85
#: each source of clean text keeps the budget on its own, once it has enough characters to tell: the
#: pooled rate is the news transcripts' (nine held-out sentences in ten), and the 1998 People's Daily
#: gave twice their false flags at one threshold. The printed sources (People's Daily, government
#: reports, SIGHAN 2005's newspaper text) are one: each alone is too small (7-37 thousand characters)
#: for a budget of 2 per 10,000, and the worst of noisy estimates is the noisiest
MIN_CLEAN_CHARS = 20_000
WORD_OFFSETS = (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0)


@dataclass
class Example:
    """A sentence, the characters that belong at its typos (none when clean), and the scorer's candidates.

    ``line`` names the line of a real set the sentence comes from (a line may hold several
    sentences; sentence-level detection is judged by line), ``source`` its set; ``context``
    is the sentence's names and paragraph as the detector sees them at work.
    """

    tokens: str
    gold: dict[int, str]
    candidates: list[Candidate]
    weight: float = 1.0
    source: str = ""
    line: str = ""
    context: Context = Context()
    features: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.features = np.array([c.features for c in self.candidates]).reshape(len(self.candidates), len(FEATURES))

    def is_right(self, candidate: Candidate) -> bool:
        """Whether every character ``candidate`` changes is a typo corrected as it should be."""
        return all(
            self.gold.get(candidate.position + k) == char
            for k, char in enumerate(candidate.replacement)
            if self.tokens[candidate.position + k] != char
        )


def is_tuning_line(line: str) -> bool:
    return zlib.crc32(line.encode("utf-8")) % TUNE_ONE_IN == 0


def real_examples(path: Path, weight: float, scorer: Scorer, tuning: bool, lines: int = 0) -> list[Example]:
    """The sentences of the training or the tuning lines of one real set (the first ``lines``), with their typos."""
    found = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if lines and number >= lines:
                break
            wrong, _, correct = line.rstrip("\n").partition("\t")
            if len(wrong) != len(correct) or not wrong or is_tuning_line(wrong) != tuning:
                continue
            where = f"{path.name}:{number}"
            for sentence, context in guarded(wrong):
                gold = {
                    i: lm_char(correct[offset])
                    for i, offset in enumerate(sentence.offsets)
                    if wrong[offset] != correct[offset]
                }
                candidates = scorer.candidates(sentence.tokens, context)
                found.append(Example(sentence.tokens, gold, candidates, weight, path.name, where, context))
    return found


def guarded(text: str) -> list[tuple[Sentence, Context]]:
    """The sentences of ``text`` (a line taken as a document of one paragraph) in the context the check gives them."""
    return in_context(text, *detector_guard(text, document_names([text])))


def scored(tokens: str, scorer: Scorer, gold: dict[int, str], weight: float, source: str = "") -> Example:
    """A corpus sentence of model tokens (a paragraph of its own) as an example, its names guarded as at work."""
    pieces = guarded(tokens)  # a corpus sentence may hold a ；: the detector would cut it there

    def positions(kind: str) -> frozenset[int]:
        return frozenset(piece.offsets[p] for piece, context in pieces for p in getattr(context, kind))

    context = Context(positions("skip"), positions("tagged"), tokens)
    return Example(tokens, gold, scorer.candidates(tokens, context), weight, source, context=context)


def corrupt_char(
    tokens: str, scorer: Scorer, rng: random.Random, word_share: float, names: frozenset[int] = frozenset()
) -> Example | None:
    """``tokens`` with one character swapped for a confusable one, outside the ``names`` positions.

    With probability ``word_share`` the swap is an input-method slip: a homophone that
    turns the neighbourhood into another dictionary word (不再 → 不在), the kind of
    typo a spell checker finds hardest; otherwise any confusable character.
    """
    positions = [i for i, char in enumerate(tokens) if scorer.confusables.get(char) and i not in names]
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
    others = [(other, KIND_WEIGHTS[kind]) for other, kind in scorer.confusables[tokens[position]] if KIND_WEIGHTS[kind]]
    if not others:
        return None
    return _example(tokens, position, rng.choices([o for o, _ in others], [w for _, w in others])[0], scorer)


def corrupt_pair(
    tokens: str, scorer: Scorer, rng: random.Random, names: frozenset[int] = frozenset()
) -> Example | None:
    """``tokens`` with a frequent two-character word typed as a homophone: another word (物流 → 无聊)
    half of the time, otherwise two homophone characters (规模 → 鬼魔), as an input method gets it wrong."""
    freq = scorer.lexicon.word_freq
    words = [
        i
        for i in range(len(tokens) - 1)
        if freq.get(tokens[i : i + 2], 0) >= MIN_WORD_FREQUENCY and names.isdisjoint((i, i + 1))
    ]
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
    return scored(wrong, scorer, gold, SYNTHETIC_WEIGHT, "synthetic")


def _swap(tokens: str, position: int, chars: str) -> str:
    return tokens[:position] + chars + tokens[position + len(chars) :]


def synthetic_examples(
    sentences: Iterable[str], scorer: Scorer, rng: random.Random, word_share: float
) -> list[Example]:
    """Each sentence clean, with a one-character typo and with a two-character word typo.

    No slip is made inside what the clean sentence's guard calls a name (on evidence or by jieba's
    tag): the corpus spells its names as their bearers do, and slips placed in them would teach the
    re-ranker that a tagged name is as likely a typo as any word, the opposite of what clean copy shows.
    """
    found = []
    for sentence in sentences:
        tokens = lm_text(sentence)
        clean = scored(tokens, scorer, {}, SYNTHETIC_WEIGHT, "synthetic")
        names = clean.context.skip | clean.context.tagged
        typos = (corrupt_char(tokens, scorer, rng, word_share, names), corrupt_pair(tokens, scorer, rng, names))
        found.extend(example for example in (clean, *typos) if example)
    return found


def fit(examples_: list[Example], l2: float = 1.0, iterations: int = 25) -> Reranker:
    """Weighted logistic regression by Newton's method on standardised features."""
    x = np.vstack([example.features for example in examples_ if example.candidates])
    y = np.array([float(example.is_right(c)) for example in examples_ for c in example.candidates])
    w = np.concatenate([np.full(len(example.candidates), example.weight) for example in examples_])
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-6)
    design = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    penalty = l2 * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(design @ weights, -60, 60)))
        gradient = design.T @ (w * (p - y)) + penalty @ weights
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + penalty
        weights -= np.linalg.solve(hessian, gradient)
    logger.info("trained on %d candidate rows, %d positives", len(y), int(y.sum()))
    thresholds = tuple((level.value, 0.5) for level in Sensitivity)
    return Reranker(FEATURES, tuple(mean), tuple(scale), tuple(weights[:-1]), float(weights[-1]), thresholds)


def with_word_offset(reranker: Reranker, offset: float) -> Reranker:
    """``reranker`` with ``offset`` added to the log-odds of word candidates only (a threshold of their own)."""
    at = FEATURES.index("word_slip")
    weights, scale, mean = list(reranker.weights), reranker.scale[at], reranker.mean[at]
    weights[at] += offset * scale
    return Reranker(**{**reranker.__dict__, "weights": tuple(weights), "bias": reranker.bias + offset * mean})


class Picks:
    """The greedy decoder's corrections of each sentence in the order it takes them, at any threshold.

    `editor.core.lm.detector.decode` takes the likeliest correction while it reaches the
    threshold; which one it takes next does not depend on the threshold, only where it
    stops. So each sentence is decoded once down to the lowest threshold tried, and the
    corrections kept at a threshold are the picks before the first below it.
    """

    def __init__(self, reranker: Reranker, scorer: Scorer, floor: float) -> None:
        self.mean, self.scale = np.array(reranker.mean), np.array(reranker.scale)
        self.weights, self.bias = np.array(reranker.weights), reranker.bias
        self.scorer, self.floor = scorer, floor
        self.rescored: dict[str, tuple[list[Candidate], np.ndarray]] = {}

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1 / (1 + np.exp(-np.clip(z, -60, 60)))

    def of(self, example: Example) -> list[tuple[float, set[int]]]:
        """(probability, positions changed) of each correction taken, likeliest first, down to the floor."""
        tokens, candidates, features = example.tokens, example.candidates, example.features
        picks: list[tuple[float, set[int]]] = []
        corrected: set[int] = set()
        for _ in range(MAX_CORRECTIONS_PER_SENTENCE):
            best: tuple[float, Candidate] | None = None
            if candidates:
                for probability, candidate in zip(self.probabilities(features), candidates, strict=True):
                    span = range(candidate.position, candidate.position + len(candidate.replacement))
                    if (best is None or probability > best[0]) and corrected.isdisjoint(span):
                        best = (float(probability), candidate)
            if best is None or best[0] < self.floor:
                break
            probability, candidate = best
            picks.append((probability, changed_positions(tokens, candidate.position, candidate.replacement)))
            corrected.update(range(candidate.position, candidate.position + len(candidate.replacement)))
            tokens = _swap(tokens, candidate.position, candidate.replacement)
            candidates, features = self._scored(tokens, example.context)
        return picks

    def _scored(self, tokens: str, context: Context) -> tuple[list[Candidate], np.ndarray]:
        found = self.rescored.get((tokens, context))
        if found is None:
            candidates = self.scorer.candidates(tokens, context)
            found = self.rescored[(tokens, context)] = (
                candidates,
                np.array([c.features for c in candidates]).reshape(len(candidates), len(FEATURES)),
            )
        return found


def changed_positions(tokens: str, position: int, replacement: str) -> set[int]:
    """The positions of ``tokens`` that ``replacement`` at ``position`` really changes."""
    return {position + k for k, char in enumerate(replacement) if tokens[position + k] != char}


def kept_at(picks: list[tuple[float, set[int]]], threshold: float) -> set[int]:
    kept: set[int] = set()
    for probability, changed in picks:
        if probability < threshold:
            break
        kept |= changed
    return kept


def sweep(tune: list[Example], clean: list[Example], reranker: Reranker, scorer: Scorer) -> list[dict]:
    """At each word offset and threshold: false flags per 10k clean characters, and line-level detection per set.

    The false flags of a row are those of its worst source of clean text (`MIN_CLEAN_CHARS`).
    """
    chars: dict[str, int] = {}
    for example in clean:
        chars[example.source] = chars.get(example.source, 0) + len(example.tokens)
    sources = [source for source, count in chars.items() if count >= MIN_CLEAN_CHARS]
    rescored: dict = {}
    table = []
    for offset in WORD_OFFSETS:
        picks = Picks(with_word_offset(reranker, offset), scorer, min(THRESHOLDS))
        picks.rescored = rescored  # the candidates of a corrected sentence do not depend on the weights
        tune_picks = [(example, picks.of(example)) for example in tune]
        clean_picks = [picks.of(example) for example in clean]
        for threshold in THRESHOLDS:
            false_flags = dict.fromkeys(chars, 0)
            for example, found in zip(clean, clean_picks, strict=True):
                false_flags[example.source] += len(kept_at(found, threshold))
            lines: dict[str, list[bool]] = {}  # line → [has typos, flagged, all exact]
            for example, found in tune_picks:
                kept = kept_at(found, threshold)
                state = lines.setdefault(example.line, [False, False, True])
                state[0] |= bool(example.gold)
                state[1] |= bool(kept)
                state[2] &= kept == set(example.gold)
            row = {"threshold": threshold, "word_offset": offset}
            by_source = {source: round(10000 * false_flags[source] / chars[source], 2) for source in sources}
            row["false_flags_per_10k"] = max(by_source.values())
            row["false_flags_by_source"] = by_source
            f1s = []
            for source in TUNED_ON:
                states = [state for line, state in lines.items() if line.startswith(source + ":")]
                detected = sum(1 for typo, flagged, exact in states if typo and flagged and exact)
                flagged = sum(1 for _, was_flagged, _ in states if was_flagged)
                with_typos = sum(1 for typo, _, _ in states if typo)
                precision, recall = detected / max(flagged, 1), detected / max(with_typos, 1)
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                f1s.append(f1)
                row[source.split("_train")[0].split("_dev")[0]] = [round(precision, 3), round(recall, 3), round(f1, 3)]
            row["score"] = round(sum(f1s) / len(f1s), 4)
            table.append(row)
        logger.info("word offset %.1f swept", offset)
    return table


def tuning_budget(level: Sensitivity) -> float:
    """The false flags per 10,000 clean characters ``level``'s threshold may give here (its budget, less a margin)."""
    return round(level.false_flag_budget * BUDGET_MARGIN, 3)


def choose(table: list[dict]) -> tuple[float, dict[Sensitivity, dict]]:
    """Each level's row: the lowest threshold from which on false flags stay within its budget.

    The word offset is the one whose 标准 row detects best (the mean F1 of the tuning sets).
    """

    def lowest_within(rows: list[dict], budget: float) -> dict | None:
        found = None
        for row in sorted(rows, key=lambda row: -row["threshold"]):
            if row["false_flags_per_10k"] > budget:
                break
            found = row
        return found

    offsets = sorted({row["word_offset"] for row in table})
    by_offset = {offset: [row for row in table if row["word_offset"] == offset] for offset in offsets}
    standard = {
        offset: row
        for offset, rows in by_offset.items()
        if (row := lowest_within(rows, tuning_budget(Sensitivity.STANDARD)))
    }
    if not standard:
        raise ValueError("没有阈值能把误报控制在标准灵敏度的预算以内")
    offset = max(standard, key=lambda offset: standard[offset]["score"])
    chosen = {}
    for level in Sensitivity:
        row = lowest_within(by_offset[offset], tuning_budget(level))
        if row is None:
            raise ValueError(f"没有阈值能把误报控制在“{level.value}”灵敏度的预算以内")
        chosen[level] = row
    return offset, chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lm-dir", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data (default: beside the checkout)")
    parser.add_argument("--sentences", type=int, default=6000, help="held-out news sentences for synthetic typos")
    parser.add_argument(
        "--clean", type=int, default=6000, help="held-out news sentences for the budgets (and all others)"
    )
    parser.add_argument("--lines", type=int, default=0, help="read only this many lines of each real set (0: all)")
    parser.add_argument("--seed", type=int, default=1998)
    parser.add_argument("--word-typos", type=float, default=0.5, help="share of one-character typos that make a word")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    words = WordScorer(load_language_model(args.lm_dir / WORD_MODEL_FILE))
    scorer = Scorer(load_language_model(args.lm_dir / MODEL_FILE), load_lexicon(), words)
    rng = random.Random(args.seed)
    corpus, train_dir = args.shared / "corpus", args.shared / "train"
    held_out = {source: list(corpus_sentences(corpus, held_out=True, sources=(source,))) for source in SOURCES}
    news = held_out.pop("news")  # the printed sources are small: all of them are clean text
    rng.shuffle(news)
    clean_sentences = [("print", sentence) for found in held_out.values() for sentence in found]
    clean_sentences += [("news", sentence) for sentence in news[: args.clean]]
    train = synthetic_examples(news[args.clean : args.clean + args.sentences], scorer, rng, args.word_typos)
    logger.info("%d synthetic examples", len(train))
    tune: list[Example] = []
    for name, weight in REAL_SETS.items():
        train.extend(real_examples(train_dir / name, weight, scorer, False, args.lines))
        if name in TUNED_ON:
            tune.extend(real_examples(train_dir / name, weight, scorer, True, args.lines))
        logger.info("%s read", name)
    clean = [scored(t, scorer, {}, 1.0, f"clean {source}") for source, s in clean_sentences if (t := lm_text(s))]
    clean += [example for example in tune if not example.gold]  # the error-free sentences of real copy too
    logger.info("%d training, %d tuning and %d clean examples", len(train), len(tune), len(clean))
    reranker = fit(train)
    table = sweep(tune, clean, reranker, scorer)
    try:
        offset, chosen = choose(table)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    thresholds = tuple((level.value, row["threshold"]) for level, row in chosen.items())
    final = Reranker(**{**with_word_offset(reranker, offset).__dict__, "thresholds": thresholds})
    final.save(args.lm_dir / RERANKER_FILE)
    summary = {
        "command": "nice -n 10 .venv/bin/python tools/lm_train_reranker.py "
        f"--sentences {args.sentences} --clean {args.clean} --seed {args.seed}",
        "real_sets": REAL_SETS,
        "tuned_on": TUNED_ON,
        "tuning_lines": f"1 in {TUNE_ONE_IN} of each real set, by a hash of the line",
        "synthetic_sentences": args.sentences,
        "synthetic_weight": SYNTHETIC_WEIGHT,
        "clean_sentences": len(clean),
        "word_offset": offset,
        "budget_margin": BUDGET_MARGIN,
        "chosen": {level.value: {"budget": tuning_budget(level), **row} for level, row in chosen.items()},
        "sweep": [row for row in table if row["word_offset"] == offset][::5],
    }
    text = json.dumps(summary, indent=1, ensure_ascii=False) + "\n"
    (args.lm_dir / "reranker_training.json").write_text(text, encoding="utf-8")
    logger.info("chosen %s", summary["chosen"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
