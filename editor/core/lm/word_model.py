"""The word 2-gram model: how well a stretch of text reads as a sequence of words.

A whole-word input-method slip (进一步晚上制度 for 进一步完善制度) reads well to the
character 3-gram, which sees two characters either side; the neighbouring words
give it away (完善 goes with 制度, 晚上 does not). The typo scorer asks this model
for the gain of a candidate over the same window of text, segmented both ways.

Segmentation is jieba's dictionary alone, through `editor.core.segmentation`
(one jieba in the process), and the model build (`tools/build_word_lm.py`) uses
the same `words`, so building and querying agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.segmentation import segment

WORD_MODEL_FILE = "zh_word_2gram.arpa.gz"
# characters of context either side of a candidate: a word or two
CONTEXT = 4


def words(text: str) -> list[str]:
    """``text`` (model tokens) as the word model's words."""
    return segment(text)


class WordScorer:
    """Scores windows of model tokens with the word model."""

    def __init__(self, model) -> None:
        self.model = model

    def gains(self, tokens: str, position: int, replacements: Sequence[str]) -> list[float]:
        """How much more probable the words around ``position`` become with each of ``replacements`` (one length).

        The window is the same for every replacement, so the original is scored once.
        """
        width = len(replacements[0])
        start, end = max(0, position - CONTEXT), min(len(tokens), position + width + CONTEXT)
        left, right = tokens[start:position], tokens[position + width : end]
        bos, eos = start == 0, end == len(tokens)

        def score(middle: str) -> float:
            return self.model.score(" ".join(words(left + middle + right)), bos=bos, eos=eos)

        base = score(tokens[position : position + width])
        return [score(replacement) - base for replacement in replacements]
