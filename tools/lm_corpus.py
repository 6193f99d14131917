"""The training corpus for the language model, and the held-out slice kept for measuring.

Sentences are split by a hash of their text, not by position: the news transcripts
repeat stock sentences, and a positional split would leak them into the held-out
slice and flatter its perplexity. Every consumer (model build, re-ranker training)
uses this one split, so nothing tuned on the held-out slice was trained on.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ("news", "gov", "pd1998", "sighan2005")
HELD_OUT_ONE_IN = 50


def is_held_out(sentence: str) -> bool:
    return zlib.crc32(sentence.encode("utf-8")) % HELD_OUT_ONE_IN == 0


def corpus_sentences(
    corpus: Path = CORPUS, held_out: bool = False, sources: tuple[str, ...] = SOURCES
) -> Iterator[str]:
    """Non-empty sentences of the corpus (of ``sources``), either the training side or the held-out side."""
    files = [path for source in sources for path in sorted((corpus / source).glob("*.txt"))]
    if not files:
        raise FileNotFoundError(f"找不到语料：{corpus}")
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                sentence = line.strip()
                if sentence and is_held_out(sentence) == held_out:
                    yield sentence
