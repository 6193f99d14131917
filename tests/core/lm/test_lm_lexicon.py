"""Confusion sets: a pinyin pair counts only when the meant character's usual reading offers the typed one."""

from __future__ import annotations

import pytest

from editor.core.lm.lexicon import load_lexicon, typed_as


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
