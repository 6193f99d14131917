"""Build the bundled character 3-gram language model (gzipped ARPA) from `../shared/corpus`.

Why our own script: the `kenlm-ex` wheel gives us kenlm's query side only, without
`lmplz`, and pycorrector's stock model is a 2.9 GB download. This does what
`lmplz -o 3 --prune 0 0 1` does, with numpy: count character n-grams, compute
Kneser-Ney adjusted counts and modified discounts (Chen & Goodman), interpolate,
prune rare n-grams, renormalise the back-off weights, and write ARPA that
`kenlm.Model` loads directly. The held-out slice (`lm_corpus.py`) is left out
and its perplexity recorded in ``model.json``.

    .venv/bin/python tools/build_lm.py            # rebuilds resources/lm/ (about a minute, 2 GB)
    .venv/bin/python tools/build_lm.py --text a.txt --out /tmp/lm   # any one-sentence-a-line text
    .venv/bin/python tools/build_lm.py --order 4 --min-counts 1 3 4 --out /tmp/lm4

A 4-gram (the last line: 31 MB, held-out perplexity 16.4 against 21.1) was tried and
found *worse* for typo detection on synthetic typos (70% against 76% of typo sentences
found at 0.5 false flags per 10,000 characters), so the bundled model stays a 3-gram.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import math
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lm_corpus import CORPUS, corpus_sentences

from editor.core.lm.model import MODEL_FILE, binary_file
from editor.core.lm.text import lm_text

logger = logging.getLogger("build_lm")

BOS, EOS, UNK = 0, 1, 2
SPECIALS = ("<s>", "</s>", "<unk>")


@dataclass
class Vocabulary:
    """Characters seen at least ``min_count`` times; the rest are <unk>."""

    tokens: list[str]
    lookup: np.ndarray  # code point -> token id

    @classmethod
    def from_text(cls, text: str, min_count: int) -> Vocabulary:
        counts = Counter(text)
        for marker in "\x02\x03":
            counts.pop(marker, None)
        chars = sorted(char for char, count in counts.items() if count >= min_count)
        lookup = np.full(0x110000, UNK, dtype=np.int64)
        lookup[[ord(char) for char in chars]] = np.arange(len(SPECIALS), len(SPECIALS) + len(chars))
        lookup[0x02], lookup[0x03] = BOS, EOS
        return cls(list(SPECIALS) + chars, lookup)

    def encode(self, text: str) -> np.ndarray:
        return self.lookup[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)]


def discounts(adjusted: np.ndarray) -> np.ndarray:
    """Modified Kneser-Ney discounts D(0)=0, D1, D2, D3+ from the count-of-counts.

    A text too small to have every count-of-count (a test's few sentences) gets
    the fixed discounts 0.5, 1.0, 1.5 instead.
    """
    n = [int(np.count_nonzero(adjusted == k)) for k in (1, 2, 3, 4)]
    if min(n) == 0:
        return np.array([0.0, 0.5, 1.0, 1.5])
    y = n[0] / (n[0] + 2 * n[1])
    found = [1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2]]
    return np.array([0.0] + [min(max(d, 0.1), k - 0.01) for k, d in enumerate(found, start=1)])


def discount_of(adjusted: np.ndarray, table: np.ndarray) -> np.ndarray:
    return table[np.minimum(adjusted, 3)]


def grouped_sum(groups: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(groups, weights=values, minlength=size)


@dataclass
class Order:
    """The kept n-grams of one order: packed keys (``BITS`` per token), probabilities, back-offs."""

    keys: np.ndarray
    prob: np.ndarray
    backoff: np.ndarray


@dataclass
class Model:
    orders: list[Order]  # orders[0] holds the unigrams (key = token id)
    bits: int
    discounts: dict[int, list[float]]


def ngram_counts(ids: np.ndarray, n: int, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct n-grams inside sentences (``<s>`` only first, ``</s>`` only last) and their counts."""
    size = len(ids) - n + 1
    window = [ids[j : j + size] for j in range(n)]
    inside = np.ones(size, dtype=bool)
    for j in range(n):
        if j < n - 1:
            inside &= window[j] != EOS
        if j > 0:
            inside &= window[j] != BOS
    keys = np.zeros(int(inside.sum()), dtype=np.int64)
    for j in range(n):
        keys = (keys << bits) | window[j][inside]
    return np.unique(keys, return_counts=True)


def estimate(ids: np.ndarray, vocabulary_size: int, order: int, min_counts: dict[int, int]) -> Model:
    """Interpolated modified Kneser-Ney of ``order`` over one token stream of ``<s> … </s>`` sentences.

    ``min_counts[n]`` prunes n-grams (n ≥ 2) seen fewer times, unless a kept longer
    n-gram needs them as its context or its lower-order estimate.
    """
    bits = max(int(vocabulary_size - 1).bit_length(), 1)
    if bits * order > 62:
        raise ValueError(f"{order} 元模型的词表过大：{vocabulary_size}")
    keys: dict[int, np.ndarray] = {1: np.arange(vocabulary_size, dtype=np.int64)}
    raw: dict[int, np.ndarray] = {}
    for n in range(2, order + 1):
        keys[n], raw[n] = ngram_counts(ids, n, bits)
        logger.info("%d distinct %d-grams", len(keys[n]), n)

    # Adjusted counts: distinct left neighbours, except after <s> (nothing precedes it).
    adjusted = {order: raw[order]}
    for n in range(order - 1, 0, -1):
        suffixes, left_types = np.unique(keys[n + 1] & ((1 << (bits * n)) - 1), return_counts=True)
        counts = np.zeros(len(keys[n]), dtype=np.int64)
        counts[np.searchsorted(keys[n], suffixes)] = left_types
        if n > 1:
            after_bos = (keys[n] >> (bits * (n - 1))) == BOS
            counts[after_bos] = raw[n][after_bos]
        else:
            counts[BOS] = 0
        adjusted[n] = counts
    tables = {n: discounts(adjusted[n]) for n in adjusted}

    # Unigrams, interpolated with the uniform distribution over the vocabulary (without <s>).
    seen = adjusted[1] > 0
    total = adjusted[1].sum()
    unigram_discount = np.where(seen, discount_of(adjusted[1], tables[1]), 0.0)
    prob = {1: (adjusted[1] - unigram_discount) / total + unigram_discount.sum() / total / (vocabulary_size - 1)}
    prob[1][BOS] = 0.0
    lower: dict[int, np.ndarray] = {}
    context: dict[int, np.ndarray] = {}
    for n in range(2, order + 1):
        contexts, context[n] = np.unique(keys[n] >> bits, return_inverse=True)
        discount = discount_of(adjusted[n], tables[n])
        context_total = grouped_sum(context[n], adjusted[n], len(contexts))
        gamma = grouped_sum(context[n], discount, len(contexts)) / context_total
        lower[n] = np.searchsorted(keys[n - 1], keys[n] & ((1 << (bits * (n - 1))) - 1))
        prob[n] = (adjusted[n] - discount) / context_total[context[n]] + gamma[context[n]] * prob[n - 1][lower[n]]
        # from here on, context[n] indexes the (n-1)-grams themselves
        context[n] = np.searchsorted(keys[n - 1], contexts)[context[n]]

    # Pruning, from the longest n-grams down: a kept n-gram keeps its context and its suffix.
    keep = {1: np.ones(vocabulary_size, dtype=bool)}
    for n in range(order, 1, -1):
        keep[n] = keep.get(n, np.zeros(len(keys[n]), dtype=bool)) | (raw[n] >= min_counts.get(n, 1))
        if n > 2:
            needed = np.zeros(len(keys[n - 1]), dtype=bool)
            needed[context[n][keep[n]]] = True
            needed[lower[n][keep[n]]] = True
            keep[n - 1] = needed

    # Back-offs that make every pruned context sum to one again.
    orders = []
    for n in range(1, order + 1):
        backoff = np.ones(len(keys[n]))
        if n < order:
            kept = keep[n + 1]
            size = len(keys[n])
            above = grouped_sum(context[n + 1][kept], prob[n + 1][kept], size)
            below = grouped_sum(context[n + 1][kept], prob[n][lower[n + 1][kept]], size)
            backoff = np.clip((1 - above) / np.maximum(1 - below, 1e-12), 1e-12, None)
        orders.append(Order(keys[n][keep[n]], prob[n][keep[n]], backoff[keep[n]]))
    return Model(orders, bits, {n: tables[n][1:].tolist() for n in tables})


def write_arpa(model: Model, tokens: list[str], path: Path) -> dict[str, int]:
    """Write ``model`` as gzipped ARPA (log10 probabilities), removing the binary of the model it replaces.

    The loader prefers the binary beside an ARPA file (`editor.core.lm.model`): a stale one
    would be read in place of the new model, so it goes until `tools/lm_binary.py` writes it anew.
    """
    stale = binary_file(path)
    if stale.is_file():
        stale.unlink()
        logger.info("removed %s (stale): run tools/lm_binary.py to convert the new model", stale.name)
    token = np.array(tokens, dtype=object)
    low = (1 << model.bits) - 1
    sizes = {str(n): len(order.keys) for n, order in enumerate(model.orders, start=1)}
    # mtime=0 and no file name in the gzip header: the same corpus gives the same bytes.
    with io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0), "utf-8") as out:
        out.write("\\data\\\n" + "".join(f"ngram {n}={count}\n" for n, count in sizes.items()))
        for n, order in enumerate(model.orders, start=1):
            out.write(f"\n\\{n}-grams:\n")
            words = [token[(order.keys >> (model.bits * (n - 1 - j))) & low] for j in range(n)]
            texts = [" ".join(gram) for gram in zip(*words, strict=True)] if n > 1 else list(words[0])
            probs = np.log10(np.maximum(order.prob, 1e-99))
            if n == 1:
                probs[BOS] = -99.0
            backoffs = np.log10(order.backoff)
            if n == len(model.orders):
                out.writelines(f"{p:.5f}\t{w}\n" for p, w in zip(probs.tolist(), texts, strict=True))
            else:
                out.writelines(
                    f"{p:.5f}\t{w}\t{b:.5f}\n" if abs(b) > 1e-6 else f"{p:.5f}\t{w}\n"
                    for p, w, b in zip(probs.tolist(), texts, backoffs.tolist(), strict=True)
                )
        out.write("\n\\end\\\n")
    return sizes


def perplexity(model_path: Path, sentences: Iterable[str]) -> float:
    import kenlm

    lm = kenlm.Model(str(model_path))
    log_sum, tokens = 0.0, 0
    for sentence in sentences:
        text = lm_text(sentence)
        if text:
            log_sum += lm.score(" ".join(text), bos=True, eos=True)
            tokens += len(text) + 1
    return 10 ** (-log_sum / max(tokens, 1))


def read_texts(paths: list[Path]) -> list[str]:
    return [line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(sentences: list[str], out_dir: Path, order: int, min_char_count: int, min_counts: list[int]) -> dict:
    started = time.perf_counter()
    stream = "\x02" + "\x03\x02".join(filter(None, (lm_text(s) for s in sentences))) + "\x03"
    vocabulary = Vocabulary.from_text(stream, min_char_count)
    ids = vocabulary.encode(stream)
    logger.info("%d sentences, %d tokens, %d types", len(sentences), len(ids), len(vocabulary.tokens))
    del stream
    pruning = {n: count for n, count in enumerate(min_counts, start=2)}
    model = estimate(ids, len(vocabulary.tokens), order, pruning)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_FILE
    sizes = write_arpa(model, vocabulary.tokens, path)
    return {
        "file": MODEL_FILE,
        "order": order,
        "smoothing": "interpolated modified Kneser-Ney, pruned, back-offs renormalised",
        "ngrams": sizes,
        "discounts": model.discounts,
        "sentences": len(sentences),
        "characters": int(len(ids)),
        "min_char_count": min_char_count,
        "min_counts": {str(n): count for n, count in pruning.items()},
        "bytes": path.stat().st_size,
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with news/ gov/ pd1998/ sighan2005/")
    parser.add_argument("--text", type=Path, nargs="*", help="build from these files instead (one sentence a line)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--min-char-count", type=int, default=2, help="rarer characters become <unk>")
    parser.add_argument("--order", type=int, default=3, help="n-gram order")
    parser.add_argument(
        "--min-counts", type=int, nargs="*", default=[1, 2], help="prune 2-grams, 3-grams … seen fewer times"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        if args.text:
            train, held_out = read_texts(args.text), []
        else:
            train, held_out = list(corpus_sentences(args.corpus)), list(corpus_sentences(args.corpus, held_out=True))
        info = build(train, args.out, args.order, args.min_char_count, args.min_counts)
    except (OSError, ValueError) as error:
        print(f"无法构建语言模型：{error}", file=sys.stderr)
        return 1
    if held_out:
        info["held_out_sentences"] = len(held_out)
        info["held_out_perplexity"] = round(perplexity(args.out / MODEL_FILE, held_out), 2)
    info["command"] = "python tools/build_lm.py" + (" --text …" if args.text else "")
    (args.out / "model.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    logger.info("%s", json.dumps(info, ensure_ascii=False))
    if not math.isfinite(info.get("held_out_perplexity", 0.0)):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
