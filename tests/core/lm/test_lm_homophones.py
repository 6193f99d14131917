"""Homophone words: the candidates for a two-character word typed as the wrong entry of a pinyin input method."""

from __future__ import annotations

import pytest

from editor.core.lm.homophones import HomophoneWords
from editor.core.pinyin import blurred_readings

FREQ = {"稳步": 900, "规模": 800, "原则": 700, "温补": 0, "概况": 5, "稳固": 600, "物流": 500}


@pytest.fixture(scope="module")
def homophones():
    return HomophoneWords.from_frequencies(FREQ)


def test_a_pair_typed_as_the_wrong_entry_gets_the_frequent_word_read_alike(homophones):
    assert homophones.words_for("温补") == ("稳步",)
    assert homophones.words_for("鬼魔") == ("规模",)


def test_words_sharing_a_character_in_place_are_left_to_the_character_candidates(homophones):
    assert "稳步" not in homophones.words_for("稳补")


def test_blurred_initials_count_as_the_same_sound(homophones):
    assert blurred_readings("者") == blurred_readings("则") == ("ze",)
    assert homophones.words_for("愿者") == ("原则",)


def test_rare_words_and_unknown_characters_give_nothing(homophones):
    assert homophones.words_for("改矿") == ()
    assert homophones.words_for("ab") == ()
