"""Two-character dictionary words by toneless pinyin: the candidates for whole-word input-method slips.

Typing 稳步 in a pinyin input method and picking the wrong entry gives 温补; 规模
becomes 鬼魔, 物流 五六. Both characters are wrong at once, so no single-character
correction makes the sentence fluent (the neighbour is still wrong) and the
character candidates miss it. Here the window 温补 is read as ``wen bu`` and every
frequent dictionary word read the same way (稳步) is offered instead.

Readings come from pypinyin's character table (all readings of a polyphone), tones
dropped; the index is built once, on first use, from jieba's word frequencies.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Mapping

MIN_WORD_FREQUENCY = 20
WORDS_PER_READING = 8


_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


@functools.cache
def readings(char: str) -> tuple[str, ...]:
    """The toneless readings of ``char``, blurred the way many speakers blur them (empty when pypinyin has none).

    zh/z, ch/c, sh/s, n/l, f/h, ang/an, eng/en and ing/in are one sound here: 愿者 is read like 原则.
    """
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char))
    if not found:
        return ()
    return tuple(dict.fromkeys(blurred(toneless(reading)) for reading in found.split(",")))


def blurred(reading: str) -> str:
    """A toneless reading with the blurred sounds made one (shi → si, fang → han)."""
    for sound, kept in _FUZZY_INITIALS:
        if reading.startswith(sound):
            reading = kept + reading[len(sound) :]
            break
    for sound, kept in _FUZZY_FINALS:
        if reading.endswith(sound):
            return reading[: -len(sound)] + kept
    return reading


def toneless(reading: str) -> str:
    """A pinyin reading without its tone mark (zhōng → zhong)."""
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


class HomophoneWords:
    """Frequent two-character words indexed by the toneless pinyin of their characters."""

    def __init__(self, word_freq: Mapping[str, int]) -> None:
        self.word_freq = word_freq

    @functools.cached_property
    def index(self) -> dict[tuple[str, str], tuple[str, ...]]:
        grouped: dict[tuple[str, str], list[str]] = {}
        for word, frequency in self.word_freq.items():
            if len(word) == 2 and frequency >= MIN_WORD_FREQUENCY:
                for key in itertools.product(readings(word[0]), readings(word[1])):
                    grouped.setdefault(key, []).append(word)
        return {
            key: tuple(sorted(words, key=lambda w: -self.word_freq[w])[:WORDS_PER_READING])
            for key, words in grouped.items()
        }

    def words_for(self, pair: str) -> tuple[str, ...]:
        """Frequent words read like ``pair`` whose two characters both differ from it (温补 → 稳步)."""
        index = self.index
        found: dict[str, None] = {}
        for key in itertools.product(readings(pair[0]), readings(pair[1])):
            for word in index.get(key, ()):
                if word[0] != pair[0] and word[1] != pair[1]:
                    found[word] = None
        return tuple(found)
