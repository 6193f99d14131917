"""What the typo detector knows besides the language model: confusable characters and words.

The confusion sets come from pycorrector's data folder (found through the adapter):
characters with the same pinyin (same tone, other tone) and of similar shape,
restricted to the 3,500 common characters. They are read here with a few lines of
our own rather than through ``pycorrector.corrector``, whose import chain (jieba,
loguru, its traditional-Chinese tables) costs more than a second at start-up. The
word frequencies are jieba's (`editor.core.segmentation`), which the name finder loads anyway.

Building the sets took 0.4 s of every start (the readings of every pair, the near sounds of
the common characters), so `tools/build_lm_tables.py` stores them in `CONFUSABLES_FILE` (a
test keeps it equal to a fresh build): JSON of two strings a character, the others and their
kinds, which reads in a few hundredths of a second and stays the same for every Python version.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from editor.core.lm.homophones import HomophoneWords, stored_homophones
from editor.core.lm.pycorrector_adapter import pycorrector_data, pycorrector_module
from editor.core.pinyin import blurred, main_reading, readings
from editor.core.resources import resource_path
from editor.core.segmentation import word_frequencies

logger = logging.getLogger(__name__)

LONGEST_WORD = 4


class Confusion(IntEnum):
    """Why a candidate character could have been typed instead of another."""

    SAME_TONE = 0
    OTHER_TONE = 1
    SHAPE = 2
    #: read alike by speakers who blur zh/z, ch/c, sh/s, n/l, h/f, ang/an, eng/en, ing/in (`pinyin.blurred`)
    NEAR_SOUND = 3
    #: a slip seen in real copy that pycorrector's lists lack (`LEARNED_FILE`, from ../shared/train)
    LEARNED = 4
    #: a traditional or variant form typed for the standard character (pycorrector's zh2Hans table)
    VARIANT = 5


#: pairs of real slips, typed and meant, that the confusion lists lack (built by tools/lm_learn_pairs.py)
LEARNED_FILE = "learned_pairs.tsv"
#: variant or traditional characters outside the common ones and their standard form (tools/lm_learn_pairs.py)
VARIANTS_FILE = "variant_chars.tsv"
#: near-sound characters kept per character, the most frequent first (more only slow the scorer down)
NEAR_SOUNDS_PER_CHAR = 8
#: the confusion sets of every kind, stored by tools/build_lm_tables.py: char → [others, their kinds as digits]
CONFUSABLES_FILE = "confusables.json"

Confusables = dict[str, tuple[tuple[str, Confusion], ...]]


@dataclass(frozen=True)
class Lexicon:
    """Confusion sets of the common characters, log10 frequencies of known words (2-4 characters), sound-alike words."""

    confusables: Confusables
    word_freq: Mapping[str, int]
    homophones: HomophoneWords

    def best_word(self, text: str, position: int) -> str:
        """The most frequent known word (2-4 characters) of ``text`` covering ``position``; "" if none."""
        best, best_frequency = "", 0
        lookup = self.word_freq.get
        for start in range(max(0, position - LONGEST_WORD + 1), position + 1):
            for end in range(max(start + 2, position + 1), min(len(text), start + LONGEST_WORD) + 1):
                frequency = lookup(text[start:end]) or 0
                if frequency > best_frequency:
                    best, best_frequency = text[start:end], frequency
        return best

    def evidence(self, word: str) -> float:
        """log10(1 + frequency) of ``word`` (0 for "" or an unknown word)."""
        return math.log10(1 + (self.word_freq.get(word) or 0)) if word else 0.0

    def word_evidence(self, text: str, position: int) -> float:
        """log10(1 + frequency) of the most frequent known word (2-4 characters) covering ``position``."""
        return self.evidence(self.best_word(text, position))


def load_lexicon() -> Lexicon:
    """The stored confusion sets, jieba's word frequencies and the homophone words."""
    return Lexicon(stored_confusables(), word_frequencies(), stored_homophones())


def without_kinds(confusables: Confusables, left_out: set[Confusion]) -> Confusables:
    """The confusion sets less the candidates of the kinds ``left_out`` (to measure what a kind adds)."""
    return {
        char: kept for char, others in confusables.items() if (kept := tuple(o for o in others if o[1] not in left_out))
    }


@functools.cache
def stored_confusables() -> Confusables:
    """The confusion sets `CONFUSABLES_FILE` stores; built afresh (slower, logged) when it is missing or unreadable."""
    path = resource_path("lm", CONFUSABLES_FILE)
    kinds = tuple(Confusion)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {
            char: tuple(zip(others, (kinds[int(code)] for code in codes), strict=True))
            for char, (others, codes) in stored.items()
        }
    except (OSError, ValueError, TypeError, IndexError) as error:
        logger.warning("confusion sets %s unreadable (%s): building them", path, error)
        return build_confusables()


def build_confusables() -> Confusables:
    """The confusion sets of every kind, from pycorrector's lists, the readings and the bundled tables of pairs.

    Same pinyin and similar shape come from pycorrector's lists and stay within the common
    characters; a near sound too. A learned pair or a variant form may lead out of them:
    the character meant (唯 for 惟 typed) or typed (髙) is rarer, which is why the lists miss it.
    """
    common = common_characters()
    word_freq = word_frequencies()
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
    for typed, meant in _near_sounds(common, word_freq):
        kinds.setdefault(typed, {}).setdefault(meant, Confusion.NEAR_SOUND)
    for typed, meant in _pairs(LEARNED_FILE):  # pairs no list has (so the tool that finds them finds the same)
        kinds.setdefault(typed, {}).setdefault(meant, Confusion.LEARNED)
    for typed, meant in _pairs(VARIANTS_FILE):
        kinds.setdefault(typed, {})[meant] = Confusion.VARIANT
    outside_common = (Confusion.LEARNED, Confusion.VARIANT)
    return {
        char: kept
        for char, found in sorted(kinds.items())
        if (
            kept := tuple(
                (o, k) for o, k in sorted(found.items()) if o != char and (o in common or k in outside_common)
            )
        )
    }


def stored_form(confusables: Confusables) -> dict[str, list[str]]:
    """``confusables`` as `CONFUSABLES_FILE` holds them: each character → [its others, their kinds as digits]."""
    return {
        char: ["".join(other for other, _ in others), "".join(str(int(kind)) for _, kind in others)]
        for char, others in confusables.items()
    }


def _near_sounds(common: set[str], word_freq: Mapping[str, int]) -> list[tuple[str, str]]:
    """(typed, meant) for common characters whose usual readings differ only in a sound many speakers blur.

    Someone meaning 是 (shi) who says si may type 四; exact homophones are pycorrector's already.
    """
    by_sound: dict[str, list[str]] = {}
    for char in common:
        if reading := main_reading(char):
            by_sound.setdefault(blurred(reading), []).append(char)
    pairs = []
    for chars in by_sound.values():
        chars.sort(key=lambda c: -(word_freq.get(c) or 0))
        for typed in chars:
            near = [meant for meant in chars if main_reading(meant) != main_reading(typed)]
            pairs.extend((typed, meant) for meant in near[:NEAR_SOUNDS_PER_CHAR])
    return pairs


def _pairs(name: str) -> list[tuple[str, str]]:
    """(typed, meant) of a bundled table of ``resources/lm``; none if the file is missing.

    Bundled as small tables, not read from pycorrector's zh2Hans module at start-up: importing
    that module holds the interpreter lock for most of a second, and the check server's
    listener (a save asked for during the first check) would wait for it.
    """
    path = resource_path("lm", name)
    if not path.is_file():
        return []
    return [(typed, meant) for typed, meant, *_ in (line.split("\t") for line in _lines(path))]


def variant_pairs(common: set[str]) -> list[tuple[str, str]]:
    """(variant, standard) for single characters outside the common set whose standard form is in it (髮 → 发)."""
    table = pycorrector_module("utils.zh_wiki").zh2Hans
    return [
        (typed, meant)
        for typed, meant in sorted(table.items())
        if len(typed) == 1 and len(meant) == 1 and typed not in common and meant in common
    ]


def common_characters() -> set[str]:
    """pycorrector's 3,500 common characters."""
    return set(_lines(pycorrector_data("common_char_set.txt")))


def typed_as(meant: str, typed: str) -> bool:
    """Whether typing ``meant`` by its usual pinyin can offer ``typed`` (one of its readings sounds the same).

    ``same_pinyin.txt`` pairs characters by *any* reading, rare ones included: 和 reads
    huò in 和药, so 或 and 和 are listed together, and a checker trusting the list
    turns every 或 into 和. Someone meaning 和 types he, which never offers 或; someone
    meaning 的 types de, which offers 地 (地 reads de too), a real slip.
    """
    meant_sounds, typed_sounds = readings(meant), readings(typed)
    if not meant_sounds or not typed_sounds:
        return True
    return meant_sounds[0] in typed_sounds


def _lines(path: Path) -> list[str]:
    """The non-comment lines of a pycorrector data file."""
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]
