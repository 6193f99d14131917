"""Chinese spelling-check metrics as the CSC literature reports them (SIGHAN, ECSpell, CSCD-NS).

An *edit* maps a character position to the character that belongs there (None
when a checker flags a position without proposing anything). Sentence level: a
sentence counts as correctly detected when its set of flagged positions equals
the gold set (and as correctly corrected when the proposed characters match too);
precision is over the sentences a checker flagged, recall over the sentences that
have errors. Character level counts positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Edits = dict[int, "str | None"]


def gold_edits(wrong: str, correct: str) -> Edits | None:
    """The positions where ``wrong`` differs from ``correct``; None when their lengths differ."""
    if len(wrong) != len(correct):
        return None
    return {i: right for i, (left, right) in enumerate(zip(wrong, correct, strict=True)) if left != right}


def span_edits(text: str, start: int, end: int, replacement: str | None) -> Edits:
    """The character edits of replacing ``text[start:end]`` (every position when lengths differ)."""
    original = text[start:end]
    if replacement is not None and len(replacement) == len(original):
        return {start + i: new for i, (old, new) in enumerate(zip(original, replacement, strict=True)) if old != new}
    return {position: None for position in range(start, end)}


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @classmethod
    def of(cls, hits: int, predicted: int, expected: int) -> PRF:
        return cls(hits / predicted if predicted else 0.0, hits / expected if expected else 0.0)


@dataclass(frozen=True)
class Scores:
    sentence_detection: PRF
    sentence_correction: PRF
    char_detection: PRF
    char_correction: PRF
    sentences: int
    flagged_sentences: int
    flagged_chars: int
    characters: int

    @property
    def flags_per_10k(self) -> float:
        return 10000 * self.flagged_chars / self.characters if self.characters else 0.0


def score(texts: Sequence[str], gold: Sequence[Edits], predicted: Sequence[Edits]) -> Scores:
    """Scores of ``predicted`` against ``gold`` over sentences ``texts`` (three parallel sequences)."""
    detected = corrected = flagged = with_errors = 0
    char_hits = char_fixes = char_predicted = char_expected = 0
    for expected, found in zip(gold, predicted, strict=True):
        with_errors += bool(expected)
        flagged += bool(found)
        if found and expected and found.keys() == expected.keys():
            detected += 1
            corrected += all(found[position] == expected[position] for position in expected)
        common = found.keys() & expected.keys()
        char_hits += len(common)
        char_fixes += sum(found[position] == expected[position] for position in common)
        char_predicted += len(found)
        char_expected += len(expected)
    return Scores(
        sentence_detection=PRF.of(detected, flagged, with_errors),
        sentence_correction=PRF.of(corrected, flagged, with_errors),
        char_detection=PRF.of(char_hits, char_predicted, char_expected),
        char_correction=PRF.of(char_fixes, char_predicted, char_expected),
        sentences=len(gold),
        flagged_sentences=flagged,
        flagged_chars=char_predicted,
        characters=sum(len(text) for text in texts),
    )


def merge(edits: Iterable[Edits]) -> Edits:
    """Several findings on one sentence as one set of edits (the first proposal for a position wins)."""
    merged: Edits = {}
    for found in edits:
        for position, replacement in found.items():
            merged.setdefault(position, replacement)
    return merged
