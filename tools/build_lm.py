"""Build the bundled character 3-gram language model (gzipped ARPA) from `../shared/corpus`.

Why our own script: the `kenlm-ex` wheel gives us kenlm's query side only, without
`lmplz`, and pycorrector's stock model is a 2.9 GB download. This does what
`lmplz -o 3 --prune 0 0 N` does, with numpy: count character n-grams, compute
Kneser-Ney adjusted counts and modified discounts (Chen & Goodman), interpolate,
prune rare trigrams, renormalise the back-off weights, and write ARPA that
`kenlm.Model` loads directly.

    .venv/bin/python tools/build_lm.py            # rebuilds resources/lm/ (a few minutes)
    .venv/bin/python tools/build_lm.py --text a.txt --out /tmp/lm   # any one-sentence-a-line text
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

from editor.core.lm.text import lm_text

logger = logging.getLogger("build_lm")

BOS, EOS, UNK = 0, 1, 2
SPECIALS = ("<s>", "</s>", "<unk>")
BITS = 16
LOW = (1 << BITS) - 1
PAIR = (1 << (2 * BITS)) - 1
MODEL_NAME = "zh_char_3gram.arpa.gz"


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
        if len(chars) + len(SPECIALS) > LOW:
            raise ValueError(f"词表过大：{len(chars)}")
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
class Model:
    """The n-grams of each order as packed keys, their interpolated probabilities and back-offs."""

    unigram_prob: np.ndarray
    unigram_backoff: np.ndarray
    bigrams: np.ndarray
    bigram_prob: np.ndarray
    bigram_backoff: np.ndarray
    trigrams: np.ndarray
    trigram_prob: np.ndarray
    discounts: dict[int, list[float]]


def estimate(ids: np.ndarray, vocabulary_size: int, min_trigram_count: int, min_bigram_count: int) -> Model:
    """Interpolated modified Kneser-Ney over one token stream of ``<s> … </s>`` sentences."""
    first, middle, last = ids[:-2], ids[1:-1], ids[2:]
    inside = (first != EOS) & (middle != EOS) & (middle != BOS) & (last != BOS)
    keys = (first[inside] << (2 * BITS)) | (middle[inside] << BITS) | last[inside]
    trigrams, trigram_count = np.unique(keys, return_counts=True)
    del keys, first, middle, last, inside
    logger.info("%d distinct trigrams", len(trigrams))

    # Adjusted counts: how many distinct left neighbours, except after <s> (nothing precedes it).
    suffixes, left_types = np.unique(trigrams & PAIR, return_counts=True)
    after_bos = (trigrams >> (2 * BITS)) == BOS
    bos_bigrams, bos_inverse = np.unique(trigrams[after_bos] >> BITS, return_inverse=True)
    bos_counts = grouped_sum(bos_inverse, trigram_count[after_bos], len(bos_bigrams)).astype(np.int64)
    bigrams = np.concatenate([bos_bigrams, suffixes])
    bigram_adjusted = np.concatenate([bos_counts, left_types])
    order = np.argsort(bigrams)
    bigrams, bigram_adjusted = bigrams[order], bigram_adjusted[order]
    unigram_adjusted = np.bincount(bigrams & LOW, minlength=vocabulary_size)
    unigram_adjusted[BOS] = 0

    d1, d2, d3 = discounts(unigram_adjusted), discounts(bigram_adjusted), discounts(trigram_count)

    # Unigrams, interpolated with the uniform distribution over the vocabulary (without <s>).
    seen = unigram_adjusted > 0
    total = unigram_adjusted.sum()
    unigram_discount = np.where(seen, discount_of(unigram_adjusted, d1), 0.0)
    unigram_prob = (unigram_adjusted - unigram_discount) / total
    unigram_prob += unigram_discount.sum() / total / (vocabulary_size - 1)
    unigram_prob[BOS] = 0.0

    # Bigrams.
    context = bigrams >> BITS
    bigram_discount = discount_of(bigram_adjusted, d2)
    context_total = grouped_sum(context, bigram_adjusted, vocabulary_size)
    context_gamma = grouped_sum(context, bigram_discount, vocabulary_size) / np.maximum(context_total, 1)
    bigram_prob = (bigram_adjusted - bigram_discount) / context_total[context]
    bigram_prob += context_gamma[context] * unigram_prob[bigrams & LOW]

    # Trigrams.
    prefixes, prefix_inverse = np.unique(trigrams >> BITS, return_inverse=True)
    trigram_discount = discount_of(trigram_count, d3)
    prefix_total = grouped_sum(prefix_inverse, trigram_count, len(prefixes))
    prefix_gamma = grouped_sum(prefix_inverse, trigram_discount, len(prefixes)) / prefix_total
    lower = np.searchsorted(bigrams, trigrams & PAIR)
    trigram_prob = (trigram_count - trigram_discount) / prefix_total[prefix_inverse]
    trigram_prob += prefix_gamma[prefix_inverse] * bigram_prob[lower]

    # Pruning: rare trigrams go, and so do rare bigrams no kept trigram needs.
    keep3 = trigram_count >= min_trigram_count
    needed = np.zeros(len(bigrams), dtype=bool)
    needed[lower[keep3]] = True
    needed[np.searchsorted(bigrams, trigrams[keep3] >> BITS)] = True
    keep2 = needed | (bigram_adjusted >= min_bigram_count)

    # Back-offs that make every pruned context sum to one again.
    kept_trigrams, kept_lower = trigrams[keep3], lower[keep3]
    kept_prefix = np.searchsorted(bigrams, kept_trigrams >> BITS)
    size = len(bigrams)
    bigram_backoff = (1 - grouped_sum(kept_prefix, trigram_prob[keep3], size)) / np.maximum(
        1 - grouped_sum(kept_prefix, bigram_prob[kept_lower], size), 1e-12
    )
    kept_context = context[keep2]
    unigram_backoff = (1 - grouped_sum(kept_context, bigram_prob[keep2], vocabulary_size)) / np.maximum(
        1 - grouped_sum(kept_context, unigram_prob[bigrams[keep2] & LOW], vocabulary_size), 1e-12
    )
    return Model(
        unigram_prob=unigram_prob,
        unigram_backoff=np.clip(unigram_backoff, 1e-12, None),
        bigrams=bigrams[keep2],
        bigram_prob=bigram_prob[keep2],
        bigram_backoff=np.clip(bigram_backoff[keep2], 1e-12, None),
        trigrams=kept_trigrams,
        trigram_prob=trigram_prob[keep3],
        discounts={1: d1[1:].tolist(), 2: d2[1:].tolist(), 3: d3[1:].tolist()},
    )


def write_arpa(model: Model, tokens: list[str], path: Path) -> dict[str, int]:
    """Write ``model`` as gzipped ARPA (log10 probabilities)."""
    token = np.array(tokens, dtype=object)
    uni_p = np.log10(np.where(model.unigram_prob > 0, model.unigram_prob, 1e-99))
    uni_p[BOS] = -99.0
    uni_b = np.log10(model.unigram_backoff)
    bi_p, bi_b = np.log10(model.bigram_prob), np.log10(model.bigram_backoff)
    tri_p = np.log10(model.trigram_prob)
    sizes = {"1": len(tokens), "2": len(model.bigrams), "3": len(model.trigrams)}
    # mtime=0 and no file name in the gzip header: the same corpus gives the same bytes.
    with io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=path.open("wb"), mtime=0), "utf-8") as out:
        out.write("\\data\\\n" + "".join(f"ngram {n}={count}\n" for n, count in sizes.items()) + "\n")
        out.write("\\1-grams:\n")
        out.writelines(
            f"{p:.5f}\t{w}\t{b:.5f}\n" for p, w, b in zip(uni_p.tolist(), tokens, uni_b.tolist(), strict=True)
        )
        out.write("\n\\2-grams:\n")
        first, second = token[model.bigrams >> BITS], token[model.bigrams & LOW]
        out.writelines(
            f"{p:.5f}\t{a} {b}\t{o:.5f}\n" if o < -1e-6 else f"{p:.5f}\t{a} {b}\n"
            for p, a, b, o in zip(bi_p.tolist(), first, second, bi_b.tolist(), strict=True)
        )
        out.write("\n\\3-grams:\n")
        t = model.trigrams
        out.writelines(
            f"{p:.5f}\t{a} {b} {c}\n"
            for p, a, b, c in zip(
                tri_p.tolist(), token[t >> (2 * BITS)], token[(t >> BITS) & LOW], token[t & LOW], strict=True
            )
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


def build(sentences: list[str], out_dir: Path, min_char_count: int, min_trigram: int, min_bigram: int) -> dict:
    started = time.perf_counter()
    stream = "\x02" + "\x03\x02".join(filter(None, (lm_text(s) for s in sentences))) + "\x03"
    vocabulary = Vocabulary.from_text(stream, min_char_count)
    ids = vocabulary.encode(stream)
    logger.info("%d sentences, %d tokens, %d types", len(sentences), len(ids), len(vocabulary.tokens))
    del stream
    model = estimate(ids, len(vocabulary.tokens), min_trigram, min_bigram)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_NAME
    sizes = write_arpa(model, vocabulary.tokens, path)
    return {
        "file": MODEL_NAME,
        "order": 3,
        "smoothing": "interpolated modified Kneser-Ney, pruned, back-offs renormalised",
        "ngrams": sizes,
        "discounts": model.discounts,
        "sentences": len(sentences),
        "characters": int(len(ids)),
        "min_char_count": min_char_count,
        "min_trigram_count": min_trigram,
        "min_bigram_count": min_bigram,
        "bytes": path.stat().st_size,
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with news/ gov/ pd1998/ sighan2005/")
    parser.add_argument("--text", type=Path, nargs="*", help="build from these files instead (one sentence a line)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "lm")
    parser.add_argument("--min-char-count", type=int, default=2, help="rarer characters become <unk>")
    parser.add_argument("--min-trigram-count", type=int, default=2, help="prune trigrams seen fewer times")
    parser.add_argument("--min-bigram-count", type=int, default=1, help="prune bigrams with a lower adjusted count")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        if args.text:
            train, held_out = read_texts(args.text), []
        else:
            train, held_out = list(corpus_sentences(args.corpus)), list(corpus_sentences(args.corpus, held_out=True))
        info = build(train, args.out, args.min_char_count, args.min_trigram_count, args.min_bigram_count)
    except (OSError, ValueError) as error:
        print(f"无法构建语言模型：{error}", file=sys.stderr)
        return 1
    if held_out:
        info["held_out_sentences"] = len(held_out)
        info["held_out_perplexity"] = round(perplexity(args.out / MODEL_NAME, held_out), 2)
    info["command"] = "python tools/build_lm.py" + (" --text …" if args.text else "")
    (args.out / "model.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    logger.info("%s", json.dumps(info, ensure_ascii=False))
    if not math.isfinite(info.get("held_out_perplexity", 0.0)):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
