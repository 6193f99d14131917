"""tools/lm_train_reranker.py: the labels of synthetic examples and the word candidates' threshold offset."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import lm_train_reranker  # noqa: E402

from editor.core.lm.reranker import Reranker  # noqa: E402
from editor.core.lm.scoring import FEATURES, Candidate  # noqa: E402

ZERO = (0.0,) * len(FEATURES)
SLIP = tuple(1.0 if name == "word_slip" else 0.0 for name in FEATURES)


def test_a_candidate_is_right_when_every_character_it_changes_is_a_gold_correction():
    example = lm_train_reranker.Example("要沿革落实", {1: "严", 2: "格"}, [])
    assert example.is_right(Candidate(1, "严格", ZERO))
    assert example.is_right(Candidate(1, "严革", ZERO))  # half of the slip, rightly
    assert not example.is_right(Candidate(1, "眼睛", ZERO))
    assert not example.is_right(Candidate(3, "洛", ZERO))


def test_the_word_offset_moves_word_candidates_only():
    weights = tuple(0.5 for _ in FEATURES)
    reranker = Reranker(FEATURES, (0.3,) * len(FEATURES), (2.0,) * len(FEATURES), weights, -1.0, 0.9)
    shifted = lm_train_reranker.with_word_offset(reranker, -1.5)
    assert shifted.probability(ZERO) == pytest.approx(reranker.probability(ZERO))
    before, after = (math.log(r.probability(SLIP) / (1 - r.probability(SLIP))) for r in (reranker, shifted))
    assert after - before == pytest.approx(-1.5)


def test_changed_positions_are_those_a_replacement_really_changes():
    found = {1: (0.99, "严格"), 6: (0.95, "精")}
    assert lm_train_reranker.changed_positions("要沿格落实中央", found) == {1, 6}
