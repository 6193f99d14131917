"""Two-character dictionary words by toneless pinyin: the candidates for whole-word input-method slips.

Typing 稳步 in a pinyin input method and picking the wrong entry gives 温补; 规模
becomes 鬼魔, 物流 五六. Both characters are wrong at once, so no single-character
correction makes the sentence fluent (the neighbour is still wrong) and the
character candidates miss it. Here the window 温补 is read as ``wen bu`` and every
frequent dictionary word read the same way (稳步) is offered instead.

Readings are `editor.core.pinyin`'s, blurred (every reading of a polyphone). The index
over jieba's word frequencies took 0.2 s to build at every start; it is stored in
`WORDS_FILE` by `tools/build_lm_tables.py` (a test keeps it equal to a fresh build) as
JSON of one string a reading, the words concatenated, split only when a reading is asked.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
from collections.abc import Mapping

from editor.core.pinyin import blurred_readings
from editor.core.resources import resource_path

logger = logging.getLogger(__name__)

MIN_WORD_FREQUENCY = 20
WORDS_PER_READING = 8
#: "reading reading" → the frequent two-character words read so, the most frequent first, concatenated
WORDS_FILE = "homophone_words.json"


class HomophoneWords:
    """Frequent two-character words indexed by the blurred toneless pinyin of their characters."""

    def __init__(self, index: Mapping[str, str]) -> None:
        self.index = index

    @classmethod
    def from_frequencies(cls, word_freq: Mapping[str, int]) -> HomophoneWords:
        return cls(build_index(word_freq))

    def words_for(self, pair: str) -> tuple[str, ...]:
        """Frequent words read like ``pair`` whose two characters both differ from it (温补 → 稳步)."""
        found: dict[str, None] = {}
        for first, second in itertools.product(blurred_readings(pair[0]), blurred_readings(pair[1])):
            words = self.index.get(f"{first} {second}", "")
            for start in range(0, len(words), 2):
                word = words[start : start + 2]
                if word[0] != pair[0] and word[1] != pair[1]:
                    found[word] = None
        return tuple(found)


def build_index(word_freq: Mapping[str, int]) -> dict[str, str]:
    """The index `WORDS_FILE` stores: each pair of readings → its most frequent words, concatenated."""
    grouped: dict[str, list[str]] = {}
    for word, frequency in word_freq.items():
        if len(word) == 2 and frequency >= MIN_WORD_FREQUENCY:
            for first, second in itertools.product(blurred_readings(word[0]), blurred_readings(word[1])):
                grouped.setdefault(f"{first} {second}", []).append(word)
    return {
        key: "".join(sorted(words, key=lambda w: -word_freq[w])[:WORDS_PER_READING])
        for key, words in sorted(grouped.items())
    }


@functools.cache
def stored_homophones() -> HomophoneWords:
    """The stored index; built from jieba's frequencies (slower, logged) when the file is missing or unreadable."""
    path = resource_path("lm", WORDS_FILE)
    try:
        return HomophoneWords(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        logger.warning("homophone index %s unreadable (%s): building it", path, error)
        from editor.core.segmentation import word_frequencies

        return HomophoneWords.from_frequencies(word_frequencies())
