"""tools/lm_train_reranker.py: the labels of synthetic examples and the word candidates' threshold offset."""

from __future__ import annotations

import math
import random
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

    [first, second] = lm_train_reranker.real_examples(pairs, 3.0, _NoCandidates(), tuning)
    assert (first.tokens, first.gold) == ("会议要求严革落实。", {5: "格"})  # the space is no token
    assert (second.tokens, second.gold) == ("各部门要切实履形职责", {7: "行"})
    assert first.line == second.line and first.weight == 3.0
    assert lm_train_reranker.real_examples(pairs, 3.0, _NoCandidates(), not tuning) == []


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


def test_each_level_keeps_a_margin_below_its_budget():
    def row(threshold, flags):
        return {"word_offset": 0.0, "threshold": threshold, "false_flags_per_10k": flags, "score": threshold}

    _, chosen = lm_train_reranker.choose([row(0.9, 0.3), row(0.7, 1.9), row(0.3, 4.5)])
    by_level = {level.value: row["threshold"] for level, row in chosen.items()}
    assert by_level == {"严格": 0.9, "标准": 0.9, "宽松": 0.7}  # 1.9 and 4.5 are within 2 and 5, not their margins


class _NoCandidates:
    def candidates(self, tokens, context=None):
        return []


def test_a_real_line_is_guarded_as_the_check_guards_a_paragraph(tmp_path):
    pairs = tmp_path / "real.tsv"
    line = "区长恽淇丞说，要严格执形各项规定。"
    pairs.write_text(f"{line}\t{line.replace('执形', '执行')}\n", "utf-8")
    [example] = lm_train_reranker.real_examples(pairs, 1.0, _NoCandidates(), lm_train_reranker.is_tuning_line(line))
    assert example.context.skip == frozenset({2, 3, 4})  # 恽淇丞, on evidence
    assert example.context.paragraph == line


def test_no_synthetic_slip_is_made_inside_a_name():
    from editor.core.lm.typo_engine import typo_detector

    scorer = typo_detector().scorer
    rng = random.Random(5)
    sentence = "区委副书记、区长恽淇丞要求各部门切实履行职责。"
    name = {sentence.index("恽") + k for k in range(3)}
    examples = [e for _ in range(10) for e in lm_train_reranker.synthetic_examples([sentence], scorer, rng, 0.5)]
    slips = [example for example in examples if example.gold]
    assert len(slips) >= 20 and all(name.isdisjoint(example.gold) for example in slips)


def test_the_false_flags_of_a_threshold_are_those_of_its_worst_source_large_enough_to_tell():
    gain = tuple(3.0 if name == "gain" else 0.0 for name in FEATURES)
    weights = tuple(1.0 if name == "gain" else 0.0 for name in FEATURES)
    reranker = Reranker(FEATURES, ZERO, (1.0,) * len(FEATURES), weights, 0.0, (("标准", 0.5),))

    def flagged(source: str, characters: int) -> lm_train_reranker.Example:
        return lm_train_reranker.Example("字" * characters, {}, [Candidate(0, "子", gain)], source=source)

    clean = [flagged("clean a", 20_000), flagged("clean b", 10_000), flagged("clean b", 10_000), flagged("c", 100)]
    table = lm_train_reranker.sweep([], clean, reranker, _NoCandidates())
    low = next(row for row in table if row["threshold"] == 0.5)
    assert low["false_flags_by_source"] == {"clean a": 0.5, "clean b": 1.0}  # c has too few characters to tell
    assert low["false_flags_per_10k"] == 1.0
    high = next(row for row in table if row["threshold"] == 0.99)
    assert high["false_flags_per_10k"] == 0.0  # sigmoid(3) = 0.95
