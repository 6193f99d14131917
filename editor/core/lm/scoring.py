"""Candidate corrections and their features: the language model's view of one sentence.

For every character that has confusable characters (same pinyin, similar shape, a near
sound, a slip learned from real copy, a variant form: `editor.core.lm.lexicon.Confusion`),
and for every pair of characters read like a frequent word (温补 → 稳步, see
`editor.core.lm.homophones`), each candidate is put in its place and the n-grams
that see it are scored again; the gain in log10 probability says how much more fluent the sentence
becomes. The best few candidates of a position become rows of features, which
the re-ranker (`editor.core.lm.reranker`) turns into a probability. Besides the model's
and the lexicon's view, a row says whether the characters lie in what only jieba's tagger
calls a name (weak evidence of a name, weighed rather than obeyed) and whether the word they
form, or the candidate's word, stands elsewhere in the paragraph: a writer who puts 刑事检察
and 行政检察 side by side meant 检察 both times. The same code produces the rows the
re-ranker is trained on (`tools/lm_train_reranker.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from editor.core.han import is_han
from editor.core.lm.lexicon import Confusion, Lexicon
from editor.core.lm.text import lm_char
from editor.core.lm.word_model import WordScorer

_BASE_FEATURES = (
    "gain",
    "local_logprob",
    "same_tone",
    "other_tone",
    "shape",
    "near_sound",
    "learned",
    "variant",
    "word_original",
    "word_candidate",
    "has_word_original",
    "has_word_candidate",
    "unigram_original",
    "unigram_candidate",
    "rank",
    "gain_in_word",
    "rivals",
    "matched_original",
    "matched_candidate",
    "word_gain",
    "tagged_name",
    "original_elsewhere",
    "candidate_elsewhere",
)
# word candidates get weights of their own: a two-character gain means something else
FEATURES = (*_BASE_FEATURES, "word_slip", *(f"word_slip_{name}" for name in _BASE_FEATURES))
CANDIDATES_PER_POSITION = 3
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*|[。！？；!?;\n]+")


@dataclass(frozen=True)
class Sentence:
    """A sentence as model tokens (white space dropped) and where each token sits in the paragraph."""

    tokens: str
    offsets: tuple[int, ...]


@dataclass(frozen=True)
class Candidate:
    """``replacement`` for the tokens from ``position`` on (one or two), with its feature vector."""

    position: int
    replacement: str
    features: tuple[float, ...]


def sentences_of(text: str) -> Iterator[Sentence]:
    """Split a paragraph into sentences the way the corpus was (terminal punctuation, line ends)."""
    for match in _SENTENCE.finditer(text):
        pairs = [(lm_char(char), match.start() + i) for i, char in enumerate(match.group()) if not char.isspace()]
        if pairs:
            yield Sentence("".join(token for token, _ in pairs), tuple(offset for _, offset in pairs))


@dataclass(frozen=True)
class Context:
    """Where a sentence stands: the positions to leave alone, those only jieba's tagger calls a name, its paragraph.

    ``skip``: names on evidence and user words (`editor.core.names.detector_guard`), never
    candidates; ``tagged``: weak evidence of a name, a feature; ``paragraph``: the model text of
    the whole paragraph, where a word may stand again ("" for the sentence alone).
    """

    skip: frozenset[int] = frozenset()
    tagged: frozenset[int] = frozenset()
    paragraph: str = ""


def in_context(
    text: str, protected: Iterable[tuple[int, int]] = (), tagged: Iterable[tuple[int, int]] = ()
) -> list[tuple[Sentence, Context]]:
    """The sentences of a paragraph, each with its `Context` (``protected``, ``tagged``: spans of ``text``)."""
    protected, tagged = _offsets_in(protected), _offsets_in(tagged)
    sentences = list(sentences_of(text))
    paragraph = "".join(sentence.tokens for sentence in sentences)
    return [
        (sentence, Context(_positions_in(sentence, protected), _positions_in(sentence, tagged), paragraph))
        for sentence in sentences
    ]


def _offsets_in(spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The offsets of the paragraph the spans cover, found once for all its sentences."""
    return frozenset(offset for start, end in spans for offset in range(start, end))


def _positions_in(sentence: Sentence, covered: frozenset[int]) -> frozenset[int]:
    return frozenset(position for position, offset in enumerate(sentence.offsets) if offset in covered)


@dataclass(frozen=True)
class _Around:
    """What every candidate of one sentence is scored against: its tokens and their n-gram scores, its context."""

    tokens: str
    token_scores: list[float]
    context: Context

    @property
    def paragraph(self) -> str:
        return self.context.paragraph or self.tokens


class Scorer:
    """Scores candidate replacements with a kenlm model and the lexicon."""

    def __init__(self, model, lexicon: Lexicon, words: WordScorer) -> None:
        self.model = model
        self.words = words
        self.order = model.order
        self.lexicon = lexicon
        # each character asked of the model once (5,000 of them, not the 73,000 pairs: 0.1 s of every start)
        characters = {other for others in lexicon.confusables.values() for other, _ in others} | set(
            lexicon.confusables
        )
        known = {char for char in characters if char in model}
        self.confusables = {
            char: tuple((other, kind) for other, kind in others if other in known)
            for char, others in lexicon.confusables.items()
            if char in known
        }
        self.homophones = lexicon.homophones
        self._unigram: dict[str, float] = {}

    def unigram(self, char: str) -> float:
        score = self._unigram.get(char)
        if score is None:
            score = self._unigram[char] = self.model.score(char, bos=False, eos=False)
        return score

    def matched(self, window: str, first: int, bos: bool, eos: bool) -> float:
        """The summed n-gram lengths the model found for the tokens of ``window`` from index ``first`` on.

        A corpus that has seen the characters together gives long matches; a typo makes the
        model back off to shorter ones, whatever the probabilities say.
        """
        return float(sum(length for _, length, _ in list(self.model.full_scores(window, bos=bos, eos=eos))[first:]))

    def candidates(self, tokens: str, context: Context = Context()) -> list[Candidate]:
        """The best candidates of each Chinese position not skipped whose replacement makes the text more fluent.

        A position has character candidates (its confusables) and word candidates
        (homophone words replacing it and the next character); both compete in the re-ranker.
        """
        token_scores = [score for score, _, _ in self.model.full_scores(" ".join(tokens), bos=True, eos=True)]
        around, skip = _Around(tokens, token_scores, context), context.skip
        rows: list[Candidate] = []
        for position, char in enumerate(tokens):
            if position in skip or not is_han(char):
                continue
            others = self.confusables.get(char)
            if others:
                rows.extend(self._rows(around, position, others))
            pair = tokens[position : position + 2]
            if len(pair) == 2 and is_han(pair[1]) and position + 1 not in skip:
                words = self.homophones.words_for(pair)
                if words:
                    rows.extend(self._rows(around, position, [(word, None) for word in words]))
        return rows

    def _rows(self, around: _Around, position: int, others: Sequence[tuple[str, Confusion | None]]) -> list[Candidate]:
        """Feature rows of the best few replacements ``others`` (all of one length) of the tokens at ``position``."""
        model, lexicon, order = self.model, self.lexicon, self.order
        tokens, token_scores, paragraph = around.tokens, around.token_scores, around.paragraph
        size = len(tokens)
        width = len(others[0][0])
        original = tokens[position : position + width]
        start, end = max(0, position - order + 1), min(size, position + width + order - 1)
        left, right = " ".join(tokens[start:position]), " ".join(tokens[position + width : end])
        bos, eos = start == 0, end == size
        base = model.score(f"{left} {' '.join(original)} {right}", bos=bos, eos=eos)
        gains = [
            (model.score(f"{left} {' '.join(other)} {right}", bos=bos, eos=eos) - base, other, kind)
            for other, kind in others
        ]
        better = sorted((gain for gain in gains if gain[0] > 0), reverse=True)
        if not better:
            return []
        local = sum(token_scores[position : position + width + order - 1])
        context_start = max(0, position - 3)
        context = tokens[context_start : position + width + 3]
        at = position - context_start
        original_word = lexicon.best_word(context, at)
        word_original = lexicon.evidence(original_word)
        # a word the paragraph writes again is meant: a slip is not repeated (行政检察 beside 刑事检察)
        original_elsewhere = float(bool(original_word) and paragraph.count(original_word) > 1)
        tagged = float(not around.context.tagged.isdisjoint(range(position, position + width)))
        matched_original = self.matched(f"{left} {' '.join(original)} {right}", position - start, bos, eos)
        unigram_original = sum(map(self.unigram, original)) / width
        best = better[:CANDIDATES_PER_POSITION]
        word_gains = self.words.gains(tokens, position, [other for _, other, _ in best])
        rows = []
        for rank, ((gain, other, kind), word_gain) in enumerate(zip(best, word_gains, strict=True)):
            candidate_word = lexicon.best_word(context[:at] + other + context[at + width :], at)
            word_candidate = lexicon.evidence(candidate_word)
            features = (
                gain,
                local,
                float(kind == Confusion.SAME_TONE),
                float(kind == Confusion.OTHER_TONE),
                float(kind == Confusion.SHAPE),
                float(kind == Confusion.NEAR_SOUND),
                float(kind == Confusion.LEARNED),
                float(kind == Confusion.VARIANT),
                word_original,
                word_candidate,
                float(word_original > 0),
                float(word_candidate > 0),
                unigram_original,
                sum(map(self.unigram, other)) / width,
                float(rank),
                gain * (word_original > 0),
                float(len(better)),
                matched_original,
                self.matched(f"{left} {' '.join(other)} {right}", position - start, bos, eos),
                word_gain,
                tagged,
                original_elsewhere,
                float(bool(candidate_word) and candidate_word in paragraph),
            )
            slip = float(width > 1)
            rows.append(Candidate(position, other, (*features, slip, *(slip * value for value in features))))
        return rows
