"""Offsets cross from code points to UTF-16 and back without drifting past 𠮷 or an emoji."""

from __future__ import annotations

import pytest

from editor.gui.offsets import from_utf16, to_utf16, utf16_length

TEXT = "区长恽淇丞说：𠮷野家🙂开业，共3家。"


@pytest.mark.parametrize("index", range(len(TEXT) + 1))
def test_round_trip(index):
    assert from_utf16(TEXT, to_utf16(TEXT, index)) == index


def test_astral_characters_take_two_units():
    assert to_utf16(TEXT, TEXT.index("野")) == TEXT.index("野") + 1
    assert to_utf16(TEXT, TEXT.index("开")) == TEXT.index("开") + 2
    assert utf16_length(TEXT) == len(TEXT.encode("utf-16-le")) // 2


def test_the_middle_of_a_pair_rounds_down():
    unit = to_utf16(TEXT, TEXT.index("𠮷"))
    assert from_utf16(TEXT, unit + 1) == TEXT.index("𠮷")


def test_bmp_text_is_unchanged():
    assert to_utf16("绿色工厂", 3) == 3 == from_utf16("绿色工厂", 3)
