"""Near misses of four-character idioms: 迫不急待 for 迫不及待, 一愁莫展 for 一筹莫展.

An idiom is fixed, so a four-character run that differs from a known idiom in exactly
one character is almost always a slip when the two characters sound alike (the same
pinyin, tones aside) or look alike (pycorrector's `same_stroke.txt` groups), and the
run is not itself an idiom or a common word. Every idiom is indexed under its four
"one character left out" patterns, so each position of a text costs four dictionary
look-ups whatever the size of the list.

The list is derived from jieba's dictionary by `tools/build_idioms.py`
(`resources/rules/idioms/idioms.tsv`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from editor.core.han import is_han
from editor.core.resources import resource_path
from editor.core.rules.similar_chars import confusable

IDIOM_LENGTH = 4
# A dictionary entry this rare (jieba's floor is 3) that a confusable idiom outnumbers VARIANT_RATIO
# times over is taken for a misspelling; jieba's dictionary carries a few (迫不急待 3 beside 迫不及待 303).
RARE_FREQUENCY = 10
VARIANT_RATIO = 4
# Only idioms at least this frequent are matched: jieba gives its floor frequency (3) to thousands
# of phrase-like entries tagged i (提前完成, 绝不放弃), which ordinary text differs from by one character.
# The idioms people misspell are common ones (再接再厉 115, 一筹莫展 117); supplement.txt adds the rest.
MIN_TARGET_FREQUENCY = 10
_GAP = "_"


@dataclass(frozen=True)
class IdiomSlip:
    """``text[start:end]`` looks like ``idiom`` with one character (at ``start + position``) mistaken."""

    start: int
    end: int
    idiom: str
    position: int

    @property
    def index(self) -> int:
        return self.start + self.position


def read_idioms(path: Path) -> dict[str, int]:
    """The idiom list: ``idiom<TAB>frequency`` lines, ``#`` comments."""
    idioms: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            idiom, _, frequency = line.partition("\t")
            idioms[idiom] = int(frequency or 1)
    return idioms


@cache
def bundled_idioms() -> dict[str, int]:
    return read_idioms(resource_path("rules", "idioms", "idioms.tsv"))


def is_rare_variant(word: str, frequency: int, idiom: str, idiom_frequency: int) -> bool:
    """Whether ``word``, one character away from ``idiom``, is a misspelling of it rather than a word of its own."""
    if frequency > RARE_FREQUENCY or idiom_frequency < VARIANT_RATIO * max(frequency, 1):
        return False
    return any(a != b and confusable(a, b) for a, b in zip(word, idiom, strict=True))


class IdiomMatcher:
    """Finds runs of four characters that are one confusable character away from a common idiom.

    Every idiom of the list counts as a right form; only those of at least `MIN_TARGET_FREQUENCY` are targets.
    """

    def __init__(
        self,
        idioms: Mapping[str, int],
        word_frequency: Callable[[str], int],
        similar: Callable[[str, str], bool] = confusable,
    ) -> None:
        self.idioms = idioms
        self.word_frequency = word_frequency
        self.similar = similar
        self._by_pattern: dict[str, list[str]] = defaultdict(list)
        for idiom in (idiom for idiom, frequency in idioms.items() if frequency >= MIN_TARGET_FREQUENCY):
            for position in range(IDIOM_LENGTH):
                self._by_pattern[idiom[:position] + _GAP + idiom[position + 1 :]].append(idiom)
        for candidates in self._by_pattern.values():
            candidates.sort(key=lambda idiom: -idioms[idiom])

    def _is_known(self, run: str, idiom: str) -> bool:
        if run in self.idioms:
            return True
        frequency = self.word_frequency(run)
        return frequency > 0 and not is_rare_variant(run, frequency, idiom, self.idioms[idiom])

    def find(self, text: str) -> list[IdiomSlip]:
        """Every near miss in ``text``, in reading order, at most one per run."""
        slips: list[IdiomSlip] = []
        han = [is_han(character) for character in text]
        for start in range(len(text) - IDIOM_LENGTH + 1):
            if not all(han[start : start + IDIOM_LENGTH]):
                continue
            run = text[start : start + IDIOM_LENGTH]
            for position in range(IDIOM_LENGTH):
                candidates = self._by_pattern.get(run[:position] + _GAP + run[position + 1 :])
                idiom = candidates and next(
                    (idiom for idiom in candidates if idiom != run and self.similar(run[position], idiom[position])),
                    None,
                )
                if idiom and not self._is_known(run, idiom):
                    slips.append(IdiomSlip(start, start + IDIOM_LENGTH, idiom, position))
                    break
        return slips
