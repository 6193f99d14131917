"""bench/csc_metrics.py: the CSC literature's sentence- and character-level figures on hand-made cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.csc_metrics import gold_edits, merge, score, span_edits  # noqa: E402


def test_gold_edits_are_the_differing_positions():
    assert gold_edits("发展机智。", "发展机制。") == {3: "制"}
    assert gold_edits("原文", "原文") == {}
    assert gold_edits("长度", "长度不同") is None


def test_span_edits_of_a_replacement_and_of_a_bare_flag():
    assert span_edits("迫不急待地", 0, 4, "迫不及待") == {2: "及"}
    assert span_edits("迫不急待地", 0, 2, None) == {0: None, 1: None}
    assert merge([{2: "及"}, {2: "即", 3: None}]) == {2: "及", 3: None}


def test_sentence_level_needs_the_exact_set_of_positions():
    texts = ["甲乙丙丁", "甲乙丙丁", "甲乙丙丁", "甲乙丙丁"]
    gold = [{1: "子"}, {1: "子", 2: "丑"}, {}, {3: "寅"}]
    predicted = [{1: "子"}, {1: "子"}, {0: "卯"}, {}]
    scores = score(texts, gold, predicted)
    # three sentences flagged, one of them exactly right; three sentences have errors
    assert scores.sentence_detection.precision == pytest.approx(1 / 3)
    assert scores.sentence_detection.recall == pytest.approx(1 / 3)
    assert scores.sentence_detection.f1 == pytest.approx(1 / 3)
    # characters: 3 flagged, 2 of them right; 4 gold positions
    assert scores.char_detection.precision == pytest.approx(2 / 3)
    assert scores.char_detection.recall == pytest.approx(2 / 4)
    assert scores.flagged_chars == 3 and scores.flags_per_10k == pytest.approx(10000 * 3 / 16)


def test_correction_needs_the_right_characters_too():
    scores = score(["甲乙"], [{1: "子"}], [{1: "丑"}])
    assert scores.sentence_detection.f1 == 1.0
    assert scores.sentence_correction.f1 == 0.0 and scores.char_correction.precision == 0.0
