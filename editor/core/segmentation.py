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

import contextlib
import functools
import logging
from collections.abc import Mapping
from pathlib import Path

from editor.core.han import is_han
from editor.core.userdata import user_cache_dir

logger = logging.getLogger(__name__)

#: the name jieba gives the cache of its default dictionary
JIEBA_CACHE = "jieba.cache"


@functools.cache
def _jieba():
    """jieba's default tokenizer and POS tagger, initialised once, on first use.

    jieba keeps its dictionary's prefix table as a marshal cache, by default in the system's
    temporary folder, which is the user's cache folder's business (and /tmp is emptied at each
    boot): it is kept in ours. With it initialising takes 0.43 CPU s, without it (a first start)
    0.49-0.57 s; a folder that cannot be written only means jieba builds the table each time.
    """
    import jieba
    import jieba.posseg

    # quiet: its cache messages, and a failed write of the cache printed with its traceback
    jieba.setLogLevel(logging.CRITICAL)
    folder = user_cache_dir() / "jieba"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(folder)
    jieba.initialize()
    if not (folder / JIEBA_CACHE).is_file():
        logger.warning("分词词典缓存无法写入 %s：每次启动都要重建词典", folder)
    return jieba.dt, jieba.posseg.dt


def segment(text: str) -> list[str]:
    """The words of ``text`` by jieba's dictionary alone (no guessing of unknown words)."""
    tokenizer, _ = _jieba()
    return tokenizer.lcut(text, HMM=False)


def word_around(text: str, start: int, end: int) -> str:
    """The words of ``text`` that ``[start, end)`` touches, as one run: the word to offer for a flagged character.

    A slip flagged on one character (校) is added to the dictionary as the word it
    belongs to, since one character there would silence it everywhere. A character
    that is a word of its own to jieba (校 in 核心校, 乡村校) is a bound morpheme: it
    goes with the Han word before it (or, at the start, after it).
    """
    spans, position = [], 0
    for word in segment(text):
        spans.append((position, position + len(word)))
        position += len(word)
    touched = [n for n, (first, stop) in enumerate(spans) if stop > start and first < max(end, start + 1)]
    if not touched:
        return text[start:end]
    first, last = touched[0], touched[-1]
    if first == last and spans[first][1] - spans[first][0] == 1 and is_han(text[spans[first][0]]):
        if first > 0 and all(is_han(character) for character in text[slice(*spans[first - 1])]):
            first -= 1
        elif last + 1 < len(spans) and all(is_han(character) for character in text[slice(*spans[last + 1])]):
            last += 1
    return text[spans[first][0] : spans[last][1]]


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
