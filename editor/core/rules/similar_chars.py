"""Which characters a writer mistakes for which: the same sound (pinyin, tones aside) or a similar shape.

Shared by the idiom check (迫不急待 for 迫不及待), the name check (恽琪丞 for 恽淇丞) and the
formulation check (共同休 for 共同体). Readings are `editor.core.pinyin`'s; shapes come from
pycorrector's `same_stroke.txt` (groups of look-alikes) and `stroke.txt` (each character's strokes
by kind), read through `editor.core.lm.pycorrector_adapter` (its package `__init__` pulls in torch,
upstream issue #566).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from functools import cache

from editor.core.lm.pycorrector_adapter import pycorrector_data
from editor.core.pinyin import readings

logger = logging.getLogger(__name__)


@cache
def shape_groups() -> dict[str, frozenset[str]]:
    """For each character, the characters that look like it (pycorrector's `same_stroke.txt`)."""
    try:
        text = pycorrector_data("same_stroke.txt").read_text(encoding="utf-8")
    except (ImportError, OSError) as error:
        logger.warning("找不到 pycorrector 的形近字表（%s），成语检查只比较读音", error)
        return {}
    similar: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        group = set(line.split())
        for character in group:
            similar[character] |= group - {character}
    return {character: frozenset(others) for character, others in similar.items()}


def looks_alike(found: str, expected: str) -> bool:
    """Whether two characters are in one of pycorrector's similar-shape groups."""
    return found in shape_groups().get(expected, ())


def confusable(found: str, expected: str) -> bool:
    """Whether a writer could type ``found`` for ``expected``: same pinyin (any tone) or a similar shape."""
    return not set(readings(found)).isdisjoint(readings(expected)) or looks_alike(found, expected)


@cache
def stroke_kinds() -> dict[str, str]:
    """Each character's strokes in writing order by kind, 横 h 竖 s 撇 p 点 n 折 z (pycorrector's `stroke.txt`)."""
    try:
        lines = pycorrector_data("stroke.txt").read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError) as error:
        logger.warning("找不到 pycorrector 的笔画表（%s），只按形近字表比较字形", error)
        return {}
    return dict(line.split("\t") for line in lines if line.count("\t") == 1 and not line.startswith("#"))


def a_stroke_apart(found: str, expected: str) -> bool:
    """Whether one character is written as the other with one stroke more (休 and 体, 使 and 便) or with strokes of
    the same kinds in the same order (人 and 入, 己 and 已): look-alikes the groups of `same_stroke.txt` miss."""
    strokes = stroke_kinds()
    first, second = sorted((strokes.get(found, ""), strokes.get(expected, "")), key=len)
    if not first or found == expected or len(second) - len(first) > 1:
        return False
    return first == second or any(second[:index] + second[index + 1 :] == first for index in range(len(second)))
