"""`similar_chars.a_stroke_apart`: look-alikes by pycorrector's stroke table, which its look-alike groups miss."""

from __future__ import annotations

import pytest

from editor.core.rules.similar_chars import a_stroke_apart, stroke_kinds


def test_the_stroke_table_is_read():
    assert stroke_kinds()["体"] == "pshspnh"


@pytest.mark.parametrize(("found", "expected"), [("休", "体"), ("体", "休"), ("便", "使"), ("入", "人"), ("已", "己")])
def test_one_stroke_more_or_the_same_strokes_look_alike(found, expected):  # 休 and 体 are in no group
    assert a_stroke_apart(found, expected)


@pytest.mark.parametrize(("found", "expected"), [("合", "命"), ("墓", "基"), ("体", "体"), ("x", "体"), ("点", "体")])
def test_other_characters_and_the_character_itself_do_not(found, expected):
    assert not a_stroke_apart(found, expected)
