"""Build the bundled word 2-gram language model (gzipped ARPA) from `../shared/corpus`.

The character 3-gram sees two characters either side of a typo; a whole-word slip
of an input method (进一步晚上制度 for 进一步完善制度) reads well in that window, and
only the neighbouring *words* give it away (完善 goes with 制度, 晚上 does not). So
the typo scorer also asks a word model how well a candidate's words follow each
other (`editor.core.lm.word_model`). This script segments the training side of the
corpus exactly as the scorer does (`word_model.words`, jieba's dictionary only),
and estimates, prunes and writes the model with the same Kneser-Ney code as the
character model (`build_lm.estimate`). The held-out slice is left out and its
perplexity recorded in ``word_model.json``.

    .venv/bin/python tools/build_word_lm.py      # rebuilds resources/lm/zh_word_2gram.arpa.gz (a few minutes)
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from build_lm import BOS, EOS, SPECIALS, UNK, estimate, write_arpa
from lm_corpus import CORPUS, corpus_sentences

from editor.core.lm.text import lm_text
from editor.core.lm.word_model import WORD_MODEL_FILE, words

logger = logging.getLogger("build_word_lm")

CHUNK = 2000


def _segment(sentences: list[str]) -> list[list[str]]:
    return [words(text) for text in map(lm_text, sentences) if text]


def segmented(sentences: list[str], processes: int) -> list[list[str]]:
    """Every sentence as the scorer's words, segmented by ``processes`` workers."""
    chunks = [sentences[i : i + CHUNK] for i in range(0, len(sentences), CHUNK)]
    with multiprocessing.Pool(processes) as pool:
        return [sentence for chunk in pool.imap(_segment, chunks) for sentence in chunk]


def encode(sentences: list[list[str]], min_word_count: int) -> tuple[np.ndarray, list[str]]:
    """One id stream of ``<s> w … </s>`` sentences; words seen fewer than ``min_word_count`` times are <unk>."""
    counts = Counter(word for sentence in sentences for word in sentence)
    vocabulary = list(SPECIALS) + sorted(word for word, count in counts.items() if count >= min_word_count)
    ids = {word: i for i, word in enumerate(vocabulary)}
    stream = [id_ for sentence in sentences for id_ in (BOS, *(ids.get(w, UNK) for w in sentence), EOS)]
    return np.array(stream, dtype=np.int64), vocabulary


def perplexity(model_path: Path, sentences: Iterable[list[str]]) -> float:
    import kenlm

    model = kenlm.Model(str(model_path))
    log_sum, tokens = 0.0, 0
    for sentence in sentences:
        log_sum += model.score(" ".join(sentence), bos=True, eos=True)
        tokens += len(sentence) + 1
    return 10 ** (-log_sum / max(tokens, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with news/ gov/ pd1998/ sighan2005/")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--min-word-count", type=int, default=3, help="rarer words become <unk>")
    parser.add_argument("--min-bigram-count", type=int, default=3, help="prune 2-grams seen fewer times")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    started = time.perf_counter()
    try:
        train = segmented(list(corpus_sentences(args.corpus)), args.processes)
        held_out = segmented(list(corpus_sentences(args.corpus, held_out=True)), args.processes)
    except OSError as error:
        print(f"无法构建词语言模型：{error}", file=sys.stderr)
        return 1
    ids, vocabulary = encode(train, args.min_word_count)
    logger.info("%d sentences, %d words, %d types", len(train), len(ids), len(vocabulary))
    model = estimate(ids, len(vocabulary), 2, {2: args.min_bigram_count})
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / WORD_MODEL_FILE
    sizes = write_arpa(model, vocabulary, path)
    info = {
        "file": WORD_MODEL_FILE,
        "order": 2,
        "tokens": "words of jieba's dictionary (editor.core.lm.word_model.words)",
        "smoothing": "interpolated modified Kneser-Ney, pruned, back-offs renormalised",
        "ngrams": sizes,
        "sentences": len(train),
        "words": int(len(ids)),
        "min_word_count": args.min_word_count,
        "min_bigram_count": args.min_bigram_count,
        "bytes": path.stat().st_size,
        "build_seconds": round(time.perf_counter() - started, 1),
        "held_out_sentences": len(held_out),
        "held_out_perplexity": round(perplexity(path, held_out), 2),
        "command": "python tools/build_word_lm.py",
    }
    (args.out / "word_model.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    logger.info("%s", json.dumps(info, ensure_ascii=False))
    return 0 if math.isfinite(info["held_out_perplexity"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
