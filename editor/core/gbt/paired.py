"""The paired-marks engine: every opening quote or bracket has its closing one, the right way round.

Copy editors call it “见上必找下”. Marks are matched with a stack inside each
paragraph. A quotation that runs over several paragraphs is allowed to leave its
opening quote unclosed when the next paragraph opens with a quote again
(GB/T 15834-2011 §4.7.3.4: each paragraph opens with a quote, only the last closes it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Unpaired:
    """A mark with no partner: ``paragraph``, ``position``, the mark, and whether it opens."""

    paragraph: int
    position: int
    mark: str
    opening: bool

    @property
    def detail(self) -> str:
        if self.opening:
            return f"“{self.mark}”没有对应的后一半"
        return f"“{self.mark}”前面没有对应的前一半"


class PairedMarks:
    """Finds unpaired marks of the given pairs (``["“”", "‘’"]``) in a sequence of paragraphs."""

    def __init__(self, pairs: Sequence[str]) -> None:
        self.closing_of = {pair[0]: pair[1] for pair in pairs}
        self.opening_of = {pair[1]: pair[0] for pair in pairs}
        self.marks = set(self.closing_of) | set(self.opening_of)

    def find(self, texts: Sequence[str]) -> Iterator[Unpaired]:
        for index, text in enumerate(texts):
            if not self.marks.intersection(text):
                continue
            stray, unclosed = self._scan(index, text)
            yield from stray
            following = texts[index + 1] if index + 1 < len(texts) else ""
            if unclosed and following[:1] == unclosed[0].mark:
                unclosed = unclosed[1:]  # the quotation goes on in the next paragraph
            yield from unclosed

    def _scan(self, index: int, text: str) -> tuple[list[Unpaired], list[Unpaired]]:
        """Marks without partner inside ``text``, and the opening marks still open at its end."""
        stray: list[Unpaired] = []
        stack: list[tuple[int, str]] = []
        for position, character in enumerate(text):
            if character in self.closing_of:
                stack.append((position, character))
            elif character in self.opening_of:
                opening = self.opening_of[character]
                depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1] == opening), None)
                if depth is None:
                    if character == "’" and _apostrophe(text, position):
                        continue
                    stray.append(Unpaired(index, position, character, opening=False))
                    continue
                stray.extend(Unpaired(index, inner, mark, opening=True) for inner, mark in stack[depth + 1 :])
                del stack[depth:]
        return stray, [Unpaired(index, position, mark, opening=True) for position, mark in stack]


def _apostrophe(text: str, position: int) -> bool:
    """’ as an apostrophe: in a foreign name (O’Brien) or before a shortened year (’99)."""
    before = text[position - 1] if position else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or after.isdigit()
