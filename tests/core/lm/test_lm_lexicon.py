"""Confusion sets: a pinyin pair counts only when the meant character's usual reading offers the typed one."""

from __future__ import annotations

import pytest

from editor.core.lm.lexicon import LEARNED_FILE, Confusion, load_lexicon, typed_as, without_kinds
from editor.core.resources import resource_path


@pytest.mark.parametrize(
    "meant, typed, offered",
    [
        ("的", "地", True),  # de offers 地, which reads de too
        ("权", "券", True),  # quan
        ("和", "或", False),  # he never offers 或 (和 reads huò only in 和药)
        ("吴", "于", False),  # wu never offers 于
        ("A", "于", True),  # no reading known: the list is trusted
    ],
)
def test_typed_as(meant, typed, offered):
    assert typed_as(meant, typed) is offered


def test_the_confusion_sets_keep_real_slips_and_drop_rare_readings():
    confusables = {char: {other for other, _ in others} for char, others in load_lexicon().confusables.items()}
    assert "的" in confusables["地"] and "权" in confusables["券"]
    assert "和" not in confusables["或"]


@pytest.fixture(scope="module")
def kinds():
    """(typed, meant) → the kind of confusion, of the bundled lexicon."""
    return {(char, other): kind for char, others in load_lexicon().confusables.items() for other, kind in others}


@pytest.mark.parametrize(
    "typed, meant, kind",
    [
        ("四", "是", Confusion.NEAR_SOUND),  # si for shi
        ("牛", "刘", Confusion.NEAR_SOUND),  # niu for liu
        ("曰", "日", Confusion.LEARNED),  # a shape slip of real copy beyond same_stroke.txt
        ("己", "已", Confusion.LEARNED),
        ("髮", "发", Confusion.VARIANT),  # a traditional form outside the common characters
    ],
)
def test_near_sounds_learned_slips_and_variant_forms_are_candidates(kinds, typed, meant, kind):
    assert kinds[(typed, meant)] is kind


def test_an_exact_homophone_keeps_its_own_kind_and_a_kind_can_be_left_out(kinds):
    assert kinds[("地", "的")] in (Confusion.SAME_TONE, Confusion.OTHER_TONE)
    without = without_kinds(load_lexicon().confusables, {Confusion.NEAR_SOUND})
    assert Confusion.NEAR_SOUND not in {kind for others in without.values() for _, kind in others}
    assert {other for other, _ in without["曰"]} >= {"日"}


def test_the_learned_pairs_are_distinct_and_each_seen_at_least_twice():
    path = resource_path("lm", LEARNED_FILE)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(rows) == len({(typed, meant) for typed, meant, _ in rows}) > 100
    assert all(int(count) >= 2 for *_, count in rows)
