"""What the typo detector knows besides the language model: confusable characters and words.

The confusion sets come from pycorrector's data folder (found through the adapter):
characters with the same pinyin (same tone, other tone) and of similar shape,
restricted to the 3,500 common characters. They are read here with a few lines of
our own rather than through ``pycorrector.corrector``, whose import chain (jieba,
loguru, its traditional-Chinese tables) costs more than a second at start-up. The
word frequencies are jieba's (`editor.core.segmentation`), which the name finder loads anyway.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from editor.core.lm.homophones import toneless
from editor.core.lm.pycorrector_adapter import pycorrector_data
from editor.core.segmentation import word_frequencies

logger = logging.getLogger(__name__)

LONGEST_WORD = 4


class Confusion(IntEnum):
    """Why a candidate character could have been typed instead of another."""

    SAME_TONE = 0
    OTHER_TONE = 1
    SHAPE = 2


@dataclass(frozen=True)
class Lexicon:
    """Confusion sets of the common characters, and log10 frequencies of known words (2-4 characters)."""

    confusables: dict[str, tuple[tuple[str, Confusion], ...]]
    word_freq: Mapping[str, int]

    def word_evidence(self, text: str, position: int) -> float:
        """log10(1 + frequency) of the most frequent known word (2-4 characters) covering ``position``."""
        best = 0
        lookup = self.word_freq.get
        for start in range(max(0, position - LONGEST_WORD + 1), position + 1):
            for end in range(max(start + 2, position + 1), min(len(text), start + LONGEST_WORD) + 1):
                best = max(best, lookup(text[start:end]) or 0)
        return math.log10(1 + best)


def load_lexicon() -> Lexicon:
    """The confusion sets, and jieba's word frequencies."""
    common = set(_lines(pycorrector_data("common_char_set.txt")))
    kinds: dict[str, dict[str, Confusion]] = {}
    for line in _lines(pycorrector_data("same_stroke.txt")):
        group = line.split("\t")
        for char in group:
            kinds.setdefault(char, {}).update({other: Confusion.SHAPE for other in group})
    for line in _lines(pycorrector_data("same_pinyin.txt")):
        parts = line.split("\t")
        if len(parts) >= 3:
            found = kinds.setdefault(parts[0], {})
            found.update({other: Confusion.OTHER_TONE for other in parts[2] if typed_as(other, parts[0])})
            found.update({other: Confusion.SAME_TONE for other in parts[1] if typed_as(other, parts[0])})
    confusables = {
        char: kept
        for char, found in kinds.items()
        if (kept := tuple((o, k) for o, k in sorted(found.items()) if o in common and o != char))
    }
    return Lexicon(confusables, word_frequencies())


def typed_as(meant: str, typed: str) -> bool:
    """Whether typing ``meant`` by its usual pinyin can offer ``typed`` (one of its readings sounds the same).

    ``same_pinyin.txt`` pairs characters by *any* reading, rare ones included: 和 reads
    huò in 和药, so 或 and 和 are listed together, and a checker trusting the list
    turns every 或 into 和. Someone meaning 和 types he, which never offers 或; someone
    meaning 的 types de, which offers 地 (地 reads de too), a real slip.
    """
    meant_sounds, typed_sounds = _sounds(meant), _sounds(typed)
    if not meant_sounds or not typed_sounds:
        return True
    return meant_sounds[0] in typed_sounds


@functools.cache
def _sounds(char: str) -> tuple[str, ...]:
    """The toneless readings of ``char``, its usual one first (empty when pypinyin has none).

    Cached: the confusion sets ask about each character some twenty times while loading.
    """
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char))
    return tuple(toneless(reading) for reading in found.split(",")) if found else ()


def _lines(path: Path) -> list[str]:
    """The non-comment lines of a pycorrector data file."""
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]
