"""How a character reads: its pinyin readings with the tones dropped, and the sounds many speakers blur.

The one definition every check asks: the idiom and name checks (迫不急待 for 迫不及待, 恽琪丞 for
恽淇丞), the typo detector's confusion sets and sound-alike words (温补 for 稳步) and the formulation
check (治理能力现代华). Three copies of it once disagreed: one read ü as v (绿 lv), two dropped its
dots with the tones (绿 lu, so 绿 read like 路 and, n/l blurred, like 怒).

The readings are pypinyin's single-character table, stored in `READINGS_FILE` by
`tools/build_lm_tables.py` (a test keeps it equal to what pypinyin gives): at run time pypinyin
is not imported, since its package loads a 2.5 MB phrase dictionary that a single character
never needs (0.12-0.19 s of every start). JSON of one string a character, not marshal or
pickle: it reads in about 30 ms, stays the same for every Python version and can be read in
a review.
"""

from __future__ import annotations

import functools
import json
import logging
import unicodedata

from editor.core.resources import resource_path

logger = logging.getLogger(__name__)

#: every character pypinyin knows → its toneless readings, the usual one first, joined by ","
READINGS_FILE = "readings.json"

_BLURRED_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"))
_BLURRED_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


@functools.cache
def _table() -> dict[str, str]:
    path = resource_path("pinyin", READINGS_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("无法读取拼音读音表 %s（%s），读音比较不可用", path, error)
        return {}


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of ``char``, its usual one first (长 → zhang, chang; 绿 → lv, lu); () if none known."""
    found = _table().get(char)
    return tuple(found.split(",")) if found else ()


def main_reading(char: str) -> str:
    """The usual toneless reading of ``char`` (胜 → sheng, although it also reads xing); "" if none known."""
    found = readings(char)
    return found[0] if found else ""


@functools.lru_cache(maxsize=65536)
def blurred_readings(char: str) -> tuple[str, ...]:
    """The readings of ``char`` with the blurred sounds made one (`blurred`): 者 and 则 both read ze."""
    return tuple(dict.fromkeys(blurred(reading) for reading in readings(char)))


def blurred(reading: str) -> str:
    """A toneless reading as speakers read it who blur zh/z, ch/c, sh/s, n/l, f/h, ang/an, eng/en, ing/in.

    shi → si, fang → han; someone meaning 是 who says si may type 四.
    """
    for sound, kept in _BLURRED_INITIALS:
        if reading.startswith(sound):
            reading = kept + reading[len(sound) :]
            break
    for sound, kept in _BLURRED_FINALS:
        if reading.endswith(sound):
            return reading[: -len(sound)] + kept
    return reading


def toneless(reading: str) -> str:
    """A pinyin reading without its tone mark, ü written v as pinyin input methods type it (zhōng → zhong, lǜ → lv)."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def forget_readings() -> None:
    """Read `READINGS_FILE` again at the next question (`tools/build_lm_tables.py` after writing it)."""
    for cached in (_table, readings, blurred_readings):
        cached.cache_clear()


def build_readings() -> dict[str, str]:
    """The table `READINGS_FILE` stores, from pypinyin's single-character table (tools/build_lm_tables.py)."""
    from pypinyin.pinyin_dict import pinyin_dict

    table = {}
    for code, found in sorted(pinyin_dict.items()):
        kept = dict.fromkeys(toneless(reading) for reading in found.split(","))
        table[chr(code)] = ",".join(kept)
    return table
