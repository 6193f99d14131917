"""Which tokenizer segments Chinese text: jieba, loaded here once and imported nowhere else.

Names (part-of-speech tags), words cut in two at a column jump, the word language
model, sound-alike words, idioms and the confusion list all ask the same
dictionary; one owner means one initialisation (quiet: jieba prints its cache
messages on stderr otherwise), one copy of its 350,000-word table in memory, and
one answer to "is this a word". A test fails when any other module of `editor`
imports jieba.

The user's dictionary and ignore list are not added to jieba's dictionary: every
check already leaves those words alone (`editor.core.names.accepted_word_spans`),
and a user word in jieba's table would read as an ordinary word, untagged, so a
name the user accepted (恽淇丞) would stop counting as a name and the check of names
spelt two ways would lose it. The word model (`tools/build_word_lm.py`) was built
with this dictionary alone, and querying it must segment the same way.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path


@functools.cache
def _jieba():
    """jieba's default tokenizer and POS tagger, initialised once, on first use."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt, jieba.posseg.dt


def segment(text: str) -> list[str]:
    """The words of ``text`` by jieba's dictionary alone (no guessing of unknown words)."""
    tokenizer, _ = _jieba()
    return tokenizer.lcut(text, HMM=False)


def tag(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` with their part-of-speech tags (nr person, ns place, nt organisation …)."""
    _, tagger = _jieba()
    return [(word, flag) for word, flag in tagger.cut(text)]


def word_frequencies() -> Mapping[str, int]:
    """jieba's frequency of every word it knows (0 for prefixes it keeps for segmenting); do not modify."""
    tokenizer, _ = _jieba()
    return tokenizer.FREQ


def word_frequency(word: str) -> int:
    """jieba's frequency of ``word``: 0 when its dictionary does not know it as a word."""
    return word_frequencies().get(word) or 0


def is_dictionary_word(word: str) -> bool:
    """Whether jieba's dictionary knows ``word`` as a word of its own."""
    return word_frequency(word) > 0


def is_common_word(word: str) -> bool:
    """Whether jieba's dictionary knows ``word`` as something other than a person's name (张建新 is a name)."""
    _, tagger = _jieba()
    return is_dictionary_word(word) and not tagger.word_tag_tab.get(word, "").startswith("nr")


def dictionary_file() -> Path:
    """jieba's bundled dictionary (word, frequency, tag a line), which `tools/build_idioms.py` reads."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"
