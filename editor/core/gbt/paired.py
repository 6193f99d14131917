"""The paired-marks engine: every opening quote or bracket has its closing one, the right way round.

Copy editors call it “见上必找下”. Marks are matched with a stack inside each
paragraph; a mark left open may still be closed in the next paragraph, where a
column jump may have cut the draft (the layout checks report the cut). A quotation
that runs over several paragraphs may leave its opening quote unclosed when the next
paragraph opens with a quote again
(GB/T 15834-2011 §4.7.3.4: each paragraph opens with a quote, only the last closes it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

MARK_NAMES = {
    **dict.fromkeys("“”", "引号"),
    **dict.fromkeys("‘’", "单引号"),
    **dict.fromkeys("（）〔〕【】", "括号"),
    **dict.fromkeys("《》〈〉", "书名号"),
    **dict.fromkeys("「」『』", "直角引号"),
}


@dataclass(frozen=True)
class Unpaired:
    """A mark with no partner: ``paragraph``, ``position``, the mark, and whether it opens."""

    paragraph: int
    position: int
    mark: str
    opening: bool

    @property
    def detail(self) -> str:
        name = MARK_NAMES.get(self.mark, "标号")
        if self.opening:
            return f"前{name}{self.mark}没有对应的后{name}"
        return f"后{name}{self.mark}前面没有对应的前{name}"


class PairedMarks:
    """Finds unpaired marks of the given pairs (``["“”", "‘’"]``) in a sequence of paragraphs."""

    def __init__(self, pairs: Sequence[str]) -> None:
        self.closing_of = {pair[0]: pair[1] for pair in pairs}
        self.opening_of = {pair[1]: pair[0] for pair in pairs}
        self.marks = set(self.closing_of) | set(self.opening_of)

    def find(self, texts: Sequence[str]) -> Iterator[Unpaired]:
        carried: list[Unpaired] = []
        for index, text in enumerate(texts):
            if not carried and not self.marks.intersection(text):
                continue
            stray, unclosed = self._scan(index, text, carried)
            yield from stray
            yield from (mark for mark in unclosed if mark.paragraph < index)
            own = [mark for mark in unclosed if mark.paragraph == index]
            following = texts[index + 1] if index + 1 < len(texts) else ""
            if own and following[:1] == own[0].mark:
                own = own[1:]  # the quotation goes on in the next paragraph
            carried = own
        yield from carried

    def _scan(self, index: int, text: str, carried: list[Unpaired]) -> tuple[list[Unpaired], list[Unpaired]]:
        """Marks without partner in ``text``, and the opening marks still open at its end.

        ``carried`` are the marks left open by the previous paragraph: a closing mark
        here may still pair with them, because the paragraph may have been cut in two
        by the layout (which the layout checks report).
        """
        stray: list[Unpaired] = []
        stack = list(carried)
        for position, character in enumerate(text):
            if character in self.closing_of:
                stack.append(Unpaired(index, position, character, opening=True))
            elif character in self.opening_of:
                opening = self.opening_of[character]
                depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].mark == opening), None)
                if depth is None:
                    if not (character == "’" and _apostrophe(text, position)):
                        stray.append(Unpaired(index, position, character, opening=False))
                    continue
                stray.extend(stack[depth + 1 :])
                del stack[depth:]
        return stray, stack


def _apostrophe(text: str, position: int) -> bool:
    """’ as an apostrophe: in a foreign name (O’Brien) or before a shortened year (’99)."""
    before = text[position - 1] if position else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or after.isdigit()
