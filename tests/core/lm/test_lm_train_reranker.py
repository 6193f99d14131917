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
    reranker = Reranker(FEATURES, (0.3,) * len(FEATURES), (2.0,) * len(FEATURES), weights, -1.0, (("标准", 0.9),))
    shifted = lm_train_reranker.with_word_offset(reranker, -1.5)
    assert shifted.probability(ZERO) == pytest.approx(reranker.probability(ZERO))
    before, after = (math.log(r.probability(SLIP) / (1 - r.probability(SLIP))) for r in (reranker, shifted))
    assert after - before == pytest.approx(-1.5)


def test_changed_positions_are_those_a_replacement_really_changes():
    assert lm_train_reranker.changed_positions("要沿格落实中央", 1, "严格") == {1}
    assert lm_train_reranker.changed_positions("要沿革落实中央", 1, "严格") == {1, 2}


def test_a_real_pair_gives_gold_per_sentence_at_model_token_positions(tmp_path):
    pairs = tmp_path / "real.tsv"
    pairs.write_text("会议 要求严革落实。各部门要切实履形职责\t会议 要求严格落实。各部门要切实履行职责\n", "utf-8")
    tuning = lm_train_reranker.is_tuning_line("会议 要求严革落实。各部门要切实履形职责")

    class NoCandidates:
        def candidates(self, tokens):
            return []

    [first, second] = lm_train_reranker.real_examples(pairs, 3.0, NoCandidates(), tuning)
    assert (first.tokens, first.gold) == ("会议要求严革落实。", {5: "格"})  # the space is no token
    assert (second.tokens, second.gold) == ("各部门要切实履形职责", {7: "行"})
    assert first.line == second.line and first.weight == 3.0
    assert lm_train_reranker.real_examples(pairs, 3.0, NoCandidates(), not tuning) == []


def test_the_corrections_kept_at_a_threshold_are_those_taken_before_the_first_below_it():
    picks = [(0.95, {3}), (0.6, {8}), (0.7, {12})]  # the third came after the second was corrected
    assert lm_train_reranker.kept_at(picks, 0.9) == {3}
    assert lm_train_reranker.kept_at(picks, 0.65) == {3}
    assert lm_train_reranker.kept_at(picks, 0.5) == {3, 8, 12}


def test_each_level_gets_the_lowest_threshold_from_which_on_it_keeps_its_budget():
    def row(offset, threshold, flags, score):
        return {"word_offset": offset, "threshold": threshold, "false_flags_per_10k": flags, "score": score}

    table = [
        row(0.0, 0.9, 0.2, 0.30),
        row(0.0, 0.7, 1.5, 0.40),
        row(0.0, 0.5, 2.5, 0.45),
        row(0.0, 0.3, 4.0, 0.47),
        row(0.0, 0.2, 6.0, 0.48),
        row(1.0, 0.9, 0.3, 0.31),
        row(1.0, 0.7, 1.9, 0.35),
        row(1.0, 0.5, 3.0, 0.36),
    ]
    offset, chosen = lm_train_reranker.choose(table)
    assert offset == 0.0  # its 标准 row detects better
    assert {level.value: row["threshold"] for level, row in chosen.items()} == {"严格": 0.9, "标准": 0.7, "宽松": 0.3}
