"""The word 2-gram model: how well a stretch of text reads as a sequence of words.

A whole-word input-method slip (进一步晚上制度 for 进一步完善制度) reads well to the
character 3-gram, which sees two characters either side; the neighbouring words
give it away (完善 goes with 制度, 晚上 does not). The typo scorer asks this model
for the gain of a candidate over the same window of text, segmented both ways.

Segmentation is jieba's dictionary alone, through the names module's tokenizer
(one jieba in the process), and the model build (`tools/build_word_lm.py`) uses
the same `words`, so building and querying agree.
"""

from __future__ import annotations

WORD_MODEL_FILE = "zh_word_2gram.arpa.gz"
# characters of context either side of a candidate: a word or two
CONTEXT = 4


def words(text: str) -> list[str]:
    """``text`` (model tokens) as the word model's words."""
    from editor.core.names import segment

    return segment(text)


class WordScorer:
    """Scores windows of model tokens with the word model."""

    def __init__(self, model) -> None:
        self.model = model

    def window_score(self, tokens: str, start: int, end: int) -> float:
        """log10 probability of ``tokens[start:end]`` as words, with sentence ends where the window reaches them."""
        return self.model.score(" ".join(words(tokens[start:end])), bos=start == 0, eos=end == len(tokens))

    def gain(self, tokens: str, position: int, replacement: str) -> float:
        """How much more probable the words around ``position`` become with ``replacement`` put there."""
        start, end = max(0, position - CONTEXT), min(len(tokens), position + len(replacement) + CONTEXT)
        changed = tokens[:position] + replacement + tokens[position + len(replacement) :]
        return self.window_score(changed, start, end) - self.window_score(tokens, start, end)
