"""The project's typo detector, and its null twin for when the language model is unavailable.

pycorrector's stock detector flags a character whenever its n-gram score is an
outlier in its sentence, and every word missing from its dictionary; on clean
newspaper copy that changes 18% of sentences. Here a character is only flagged
when a confusable character (same pinyin, similar shape) would make the sentence
clearly more fluent, and the re-ranker is confident; likewise a pair of characters
read like a frequent word (温补 → 稳步). Corrections are taken one at
a time, the likeliest first, and the sentence is scored again after each (see `decode`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.lm.sensitivity import Sensitivity
from editor.core.resources import resource_path

if TYPE_CHECKING:
    from editor.core.lm.scoring import Context

logger = logging.getLogger(__name__)

RERANKER_FILE = "reranker.json"
MAX_CORRECTIONS_PER_SENTENCE = 4


@dataclass(frozen=True)
class Finding:
    """A suspected typo: paragraph offsets, the character (or word), its likely correction, and how sure we are.

    ``probability`` is the re-ranker's; None when the engine gives none (MacBERT).
    """

    start: int
    end: int
    text: str
    suggestion: str
    probability: float | None


class NullDetector:
    """Finds nothing; used when kenlm or the model is missing, so that the app still runs."""

    available = False

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def at(self, sensitivity: Sensitivity) -> NullDetector:
        return self

    def find(
        self, text: str, protected: Iterable[tuple[int, int]] = (), tagged: Iterable[tuple[int, int]] = ()
    ) -> list[Finding]:
        return []


class TypoDetector:
    """Language-model typo detection over paragraphs (see the module docstring)."""

    available = True
    reason = ""

    def __init__(self, scorer, reranker, sensitivity: Sensitivity = Sensitivity.STANDARD) -> None:
        self.scorer = scorer
        self.reranker = reranker
        self.sensitivity = sensitivity
        self.threshold = reranker.threshold(sensitivity)

    def at(self, sensitivity: Sensitivity) -> TypoDetector:
        """This detector (the same loaded models) reporting at ``sensitivity``."""
        return self if sensitivity == self.sensitivity else TypoDetector(self.scorer, self.reranker, sensitivity)

    def find(
        self, text: str, protected: Iterable[tuple[int, int]] = (), tagged: Iterable[tuple[int, int]] = ()
    ) -> list[Finding]:
        """Suspected typos in ``text``, never inside a ``protected`` span (names on evidence, user words).

        A ``tagged`` span (what only jieba's tagger calls a name) is weighed by the re-ranker, not skipped.
        """
        from editor.core.lm.scoring import in_context

        findings: list[Finding] = []
        for sentence, context in in_context(text, protected, tagged):
            offsets = sentence.offsets
            best_of = functools.partial(self.best_of, context=context)
            for position, (probability, replacement) in sorted(
                decode(sentence.tokens, best_of, self.threshold).items()
            ):
                start, end = offsets[position], offsets[position + len(replacement) - 1] + 1
                if end - start == len(replacement):  # a word split by white space is not reported
                    findings.append(Finding(start, end, text[start:end], replacement, probability))
        return findings

    def best_of(self, tokens: str, context: Context) -> dict[int, tuple[float, str]]:
        """The likeliest candidate of each position of ``tokens`` (a sentence in its `scoring.Context`)."""
        return best_per_position(self.scorer.candidates(tokens, context), self.reranker)


def best_per_position(candidates: Iterable, reranker) -> dict[int, tuple[float, str]]:
    """For each position, the probability and replacement of its most likely candidate."""
    best: dict[int, tuple[float, str]] = {}
    for candidate in candidates:
        probability = reranker.probability(candidate.features)
        if probability > best.get(candidate.position, (-1.0,))[0]:
            best[candidate.position] = (probability, candidate.replacement)
    return best


def decode(
    tokens: str, best_of: Callable[[str], dict[int, tuple[float, str]]], threshold: float
) -> dict[int, tuple[float, str]]:
    """Greedy correction: take the likeliest correction at or above ``threshold``, apply it, look again.

    A typo lowers the scores of its neighbours too, and their candidates echo it.
    Once it is corrected the neighbours are scored in a sound context: the echoes
    vanish, and a second typo close by can still be found.
    """
    found: dict[int, tuple[float, str]] = {}
    corrected: set[int] = set()
    for _ in range(MAX_CORRECTIONS_PER_SENTENCE):
        best = {
            position: value
            for position, value in best_of(tokens).items()
            if corrected.isdisjoint(range(position, position + len(value[1])))
        }
        if not best:
            break
        position = max(best, key=lambda p: best[p][0])
        probability, replacement = best[position]
        if probability < threshold:
            break
        found[position] = best[position]
        corrected.update(range(position, position + len(replacement)))
        tokens = tokens[:position] + replacement + tokens[position + len(replacement) :]
    return found


def load_detector(directory: Path, model=None) -> TypoDetector:
    """The detector over ``model`` (default: the bundled one) and the re-ranker in ``directory``; raises on failure."""
    from editor.core.lm.lexicon import load_lexicon
    from editor.core.lm.model import MODEL_FILE, load_language_model
    from editor.core.lm.reranker import Reranker
    from editor.core.lm.scoring import Scorer
    from editor.core.lm.word_model import WORD_MODEL_FILE, WordScorer

    if model is None:
        model = load_language_model(directory / MODEL_FILE)
    words = WordScorer(load_language_model(directory / WORD_MODEL_FILE))
    return TypoDetector(Scorer(model, load_lexicon(), words), Reranker.load(directory / RERANKER_FILE))


@functools.cache
def statistical_detector():
    """The language-model detector, loaded once whatever MacBERT does; a `NullDetector` if it cannot load."""
    from editor.core.lm.model import language_model

    model = language_model()
    if model is None:
        return NullDetector("错别字检查不可用：语言模型未能加载")
    try:
        return load_detector(resource_path("lm"), model)
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        logger.warning("typo detector unavailable: %s", error)
        return NullDetector(f"错别字检查不可用：{error}")
