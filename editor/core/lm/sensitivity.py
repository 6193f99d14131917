"""How many guesses the desk wants from the statistical typo engine: 严格, 标准 or 宽松.

A copy desk accepts a few false flags for more typos found, and how many depends on the
page: a front page before press wants every chance, a routine notice few interruptions.
Each level is a false-flag budget on clean news (per 10,000 characters), and the
re-ranker's training (`tools/lm_train_reranker.py`) chose one threshold for each; the
levels are defined here once, for the CLI's ``--sensitivity``, the preferences and the
engine alike.
"""

from __future__ import annotations

from enum import Enum


class Sensitivity(Enum):
    """A level of the statistical typo engine; its value is the word the desk sees."""

    STRICT = "严格"
    STANDARD = "标准"
    LENIENT = "宽松"

    @property
    def false_flag_budget(self) -> float:
        """The false flags per 10,000 characters of clean news its threshold was chosen to stay within."""
        return _BUDGETS[self]

    @classmethod
    def parse(cls, word: str | None) -> Sensitivity:
        """The level named ``word`` (its Chinese value or its English name); `STANDARD` for None or "".

        Raises ValueError with a Chinese message for any other word.
        """
        if not word:
            return cls.STANDARD
        for level in cls:
            if word.strip() in (level.value, level.name.lower()):
                return level
        raise ValueError(f"灵敏度须是 {'、'.join(level.value for level in cls)} 之一，而不是“{word}”")


_BUDGETS = {Sensitivity.STRICT: 0.5, Sensitivity.STANDARD: 2.0, Sensitivity.LENIENT: 5.0}
