"""Which characters a writer mistakes for which: the same sound (pinyin, tones aside) or a similar shape.

Shared by the idiom check (迫不急待 for 迫不及待) and the name check (恽琪丞 for 恽淇丞).
Shapes come from pycorrector's `same_stroke.txt`, read from its data folder without
importing pycorrector, whose package `__init__` pulls in torch (upstream issue #566).
"""

from __future__ import annotations

import importlib.util
import logging
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)


@lru_cache(maxsize=65536)
def readings(character: str) -> frozenset[str]:
    """Every toneless pinyin reading of a character (长 → zhang, chang)."""
    from pypinyin import Style, pinyin

    found = pinyin(character, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


@lru_cache(maxsize=65536)
def main_reading(character: str) -> str:
    """The usual toneless pinyin of a character (胜 → sheng, although pypinyin also knows a rare xing); "" if none."""
    from pypinyin import Style, lazy_pinyin

    found = lazy_pinyin(character, style=Style.NORMAL, errors="ignore")
    return found[0] if found else ""


def pycorrector_data(name: str) -> Path | None:
    """A file of pycorrector's data folder, found without importing pycorrector (its `__init__` pulls in torch)."""
    spec = importlib.util.find_spec("pycorrector")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "data" / name
    return path if path.is_file() else None


@cache
def shape_groups() -> dict[str, frozenset[str]]:
    """For each character, the characters that look like it (pycorrector's `same_stroke.txt`)."""
    path = pycorrector_data("same_stroke.txt")
    if path is None:
        logger.warning("找不到 pycorrector 的形近字表，成语检查只比较读音")
        return {}
    similar: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        group = set(line.split())
        for character in group:
            similar[character] |= group - {character}
    return {character: frozenset(others) for character, others in similar.items()}


def looks_alike(found: str, expected: str) -> bool:
    """Whether two characters are in one of pycorrector's similar-shape groups."""
    return found in shape_groups().get(expected, ())


def confusable(found: str, expected: str) -> bool:
    """Whether a writer could type ``found`` for ``expected``: same pinyin (any tone) or a similar shape."""
    return bool(readings(found) & readings(expected)) or looks_alike(found, expected)
